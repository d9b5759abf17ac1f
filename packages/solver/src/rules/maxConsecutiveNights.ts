import { runsOf, workPattern } from './maxConsecutiveDays.js';
import { finding, officerLabel, type Rule, dayLabel, verdictOf } from './rule.js';

/** PFEW fatigue guidance: a cap on night shifts in a row (4 by default). */
export const maxConsecutiveNights: Rule = {
  id: 'maxConsecutiveNights',
  title: 'No officer works more night shifts in a row than the policy allows, 4 by default.',
  kind: 'hard',
  modelling:
    'Per officer and every window of maxConsecutiveNights+1 horizon days: Σ_{d∈window} Σ_{s night} assign(o,s@d) ≤ maxConsecutiveNights. A run of L > max nights breaks L − max windows by one each.',
  shape(model, ctx) {
    const max = ctx.policy.maxConsecutiveNights;
    const isNight = (typeId: string) => ctx.shiftTypeById.get(typeId)?.night === true;
    for (const officer of ctx.officers) {
      for (let first = 0; first + max < ctx.dates.length; first++) {
        const days = Array.from({ length: max + 1 }, (_, i) => model.workTerms(officer.id, first + i, isNight));
        // A window with a day that runs no night can never hold max+1 nights in a row.
        if (days.some((terms) => terms.length === 0)) continue;
        model.constrain(this.id, this.kind, `maxNights:${officer.id}@${first}`, days.flat(), -Infinity, max, { officerId: officer.id, date: ctx.dates[first], unit: 'nights' });
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const max = ctx.policy.maxConsecutiveNights;
    const findings = ctx.officers.flatMap((officer) =>
      runsOf(workPattern(view, officer.id, (night) => night), true)
        .filter((run) => run.length > max)
        .map((run) =>
          finding(this, setting.hard ? 'hard' : 'soft', {
            officerId: officer.id,
            date: ctx.dates[run.first],
            amount: run.length - max,
            unit: 'nights',
            penalty: setting.hard ? 0 : -setting.weight * (run.length - max),
            message: `${officerLabel(ctx, officer.id)} works ${run.length} nights in a row from ${dayLabel(ctx, run.first)} to ${dayLabel(ctx, run.last)}; the policy allows ${max}.`,
          }),
        ),
    );
    return verdictOf(findings);
  },
};
