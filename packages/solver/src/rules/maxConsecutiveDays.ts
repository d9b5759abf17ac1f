import type { ScenarioContext } from '../domain/context.js';
import type { Term } from '../model/linear.js';
import type { RotaView } from '../evaluate/view.js';
import { finding, officerLabel, type Rule, dayLabel, verdictOf } from './rule.js';

/** A maximal stretch of horizon days with the same on/off value. */
export interface Run {
  first: number;
  last: number;
  length: number;
}

/** Maximal runs of days where `pattern[d] === value`, in order. */
export function runsOf(pattern: boolean[], value: boolean): Run[] {
  const runs: Run[] = [];
  for (let d = 0; d < pattern.length; d++) {
    if (pattern[d] !== value) continue;
    const first = d;
    while (d + 1 < pattern.length && pattern[d + 1] === value) d++;
    runs.push({ first, last: d, length: d - first + 1 });
  }
  return runs;
}

/** Which horizon days an officer works (optionally only shifts matching `include`). */
export function workPattern(view: RotaView, officerId: string, include: (night: boolean) => boolean = () => true): boolean[] {
  return view.ctx.dates.map((_, d) => view.shiftsOnDay(officerId, d).some((s) => include(s.night)));
}


/** Fatigue: a cap on working days in a row (6 by default; an officer's contract may differ). */
export const maxConsecutiveDays: Rule = {
  id: 'maxConsecutiveDays',
  title: 'No officer works more days in a row than the policy (or their own limit) allows, 6 by default.',
  kind: 'hard',
  modelling:
    'Per officer with limit k and every window of k+1 horizon days: Σ_{d∈window} Σ_s assign(o,s@d) ≤ k. A run of L > k days breaks L − k windows by one day each, so a soft slack costs L − k.',
  shape(model, ctx) {
    for (const officer of ctx.officers) {
      const max = ctx.limit(officer, 'maxConsecutiveWorkingDays') ?? Infinity;
      for (let first = 0; first + max < ctx.dates.length; first++) {
        const terms: Term[] = [];
        for (let i = 0; i <= max; i++) terms.push(...model.workTerms(officer.id, first + i));
        model.constrain(this.id, this.kind, `maxDays:${officer.id}@${first}`, terms, -Infinity, max, { officerId: officer.id, date: ctx.dates[first], unit: 'days' });
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = ctx.officers.flatMap((officer) => {
      const max = ctx.limit(officer, 'maxConsecutiveWorkingDays') ?? Infinity;
      return runsOf(workPattern(view, officer.id), true)
        .filter((run) => run.length > max)
        .map((run) =>
          finding(this, setting.hard ? 'hard' : 'soft', {
            officerId: officer.id,
            date: ctx.dates[run.first],
            amount: run.length - max,
            unit: 'days',
            penalty: setting.hard ? 0 : -setting.weight * (run.length - max),
            message: `${officerLabel(ctx, officer.id)} works ${run.length} days in a row from ${dayLabel(ctx, run.first)} to ${dayLabel(ctx, run.last)}; the limit is ${max}.`,
          }),
        );
    });
    return verdictOf(findings);
  },
};
