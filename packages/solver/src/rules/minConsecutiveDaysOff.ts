import { workPattern } from './maxConsecutiveDays.js';
import { shapeMinRun, shortRuns } from './minConsecutiveDays.js';
import { finding, officerLabel, type Rule, dayLabel, verdictOf } from './rule.js';

/** A single day off between duties is no rest: a stretch of days off lasts at least k days. */
export const minConsecutiveDaysOff: Rule = {
  id: 'minConsecutiveDaysOff',
  title: 'Every stretch of days off lasts at least the policy’s (or the officer’s) minimum, except stretches at the start or end of the rota.',
  kind: 'hard',
  modelling:
    'Per officer with minimum k > 1, day d ≥ 1 and j = 1..k−1 inside the horizon: w[d−1] − w[d] + w[d+j] ≤ 1, where w[d] = Σ_s assign(o,s@d): days off that start on d continue for k days.',
  shape(model, ctx) {
    for (const officer of ctx.officers) {
      const k = ctx.limit(officer, 'minConsecutiveDaysOff') ?? 1;
      if (k > 1) shapeMinRun(model, ctx, this, officer.id, k, false);
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = ctx.officers.flatMap((officer) => {
      const k = ctx.limit(officer, 'minConsecutiveDaysOff') ?? 1;
      return shortRuns(workPattern(view, officer.id), false, k).map(({ run, amount }) =>
        finding(this, setting.hard ? 'hard' : 'soft', {
          officerId: officer.id,
          date: ctx.dates[run.first],
          amount,
          unit: 'days',
          penalty: setting.hard ? 0 : -setting.weight * amount,
          message: `${officerLabel(ctx, officer.id)} gets only ${run.length} day${run.length === 1 ? '' : 's'} off in a row from ${dayLabel(ctx, run.first)} before working again; the minimum is ${k}.`,
        }),
      );
    });
    return verdictOf(findings);
  },
};
