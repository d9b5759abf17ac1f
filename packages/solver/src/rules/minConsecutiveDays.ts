import type { ScenarioContext } from '../domain/context.js';
import type { RotaModel } from '../model/rotaModel.js';
import { runsOf, workPattern, type Run } from './maxConsecutiveDays.js';
import { finding, officerLabel, type Rule, dayLabel, verdictOf } from './rule.js';

/**
 * Rows for "a run of `working` days that starts after day 0 lasts at least k days (or reaches
 * the horizon's end)": for d ≥ 1 and j = 1..k−1 with d+j inside the horizon,
 * working: w[d] − w[d−1] − w[d+j] ≤ 0; days off: w[d−1] − w[d] + w[d+j] ≤ 1.
 */
export function shapeMinRun(model: RotaModel, ctx: ScenarioContext, rule: Rule, officerId: string, k: number, working: boolean): void {
  const last = ctx.dates.length - 1;
  const sign = working ? 1 : -1;
  const w = (d: number) => model.workTerms(officerId, d);
  const scaled = (d: number, c: number) => w(d).map(([v]) => [v, c] as [number, number]);
  for (let d = 1; d <= last; d++) {
    // Without a shift to start (or end) a stretch on that day every row for d holds trivially.
    if (w(working ? d : d - 1).length === 0) continue;
    for (let j = 1; j < k && d + j <= last; j++) {
      const terms = [...scaled(d, sign), ...scaled(d - 1, -sign), ...scaled(d + j, -sign)];
      model.constrain(rule.id, rule.kind, `${rule.id}:${officerId}@${d}+${j}`, terms, -Infinity, working ? 0 : 1, { officerId, date: ctx.dates[d], unit: 'days' });
    }
  }
}

/**
 * Runs of `value` days shorter than k that neither start on day 0 nor reach the last day, with
 * the days breaking the run inside its first k days: exactly the slack shapeMinRun's rows need.
 */
export function shortRuns(pattern: boolean[], value: boolean, k: number): { run: Run; amount: number }[] {
  if (k <= 1) return [];
  return runsOf(pattern, value)
    .filter((run) => run.first > 0)
    .map((run) => {
      let amount = 0;
      for (let d = run.first + 1; d < run.first + k && d < pattern.length; d++) if (pattern[d] !== value) amount++;
      return { run, amount };
    })
    .filter((x) => x.amount > 0);
}

/** Short runs of duty are disruptive: a stretch of working days lasts at least k days. */
export const minConsecutiveDays: Rule = {
  id: 'minConsecutiveDays',
  title: 'Every stretch of working days lasts at least the policy’s (or the officer’s) minimum, except stretches at the start or end of the rota.',
  kind: 'hard',
  modelling:
    'Per officer with minimum k > 1, day d ≥ 1 and j = 1..k−1 inside the horizon: w[d] − w[d−1] − w[d+j] ≤ 0, where w[d] = Σ_s assign(o,s@d): a stretch that starts on d continues for k days.',
  shape(model, ctx) {
    for (const officer of ctx.officers) {
      const k = ctx.limit(officer, 'minConsecutiveWorkingDays') ?? 1;
      if (k > 1) shapeMinRun(model, ctx, this, officer.id, k, true);
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = ctx.officers.flatMap((officer) => {
      const k = ctx.limit(officer, 'minConsecutiveWorkingDays') ?? 1;
      return shortRuns(workPattern(view, officer.id), true, k).map(({ run, amount }) =>
        finding(this, setting.hard ? 'hard' : 'soft', {
          officerId: officer.id,
          date: ctx.dates[run.first],
          amount,
          unit: 'days',
          penalty: setting.hard ? 0 : -setting.weight * amount,
          message: `${officerLabel(ctx, officer.id)} works only ${run.length} day${run.length === 1 ? '' : 's'} in a row from ${dayLabel(ctx, run.first)}; the minimum is ${k}.`,
        }),
      );
    });
    return verdictOf(findings);
  },
};
