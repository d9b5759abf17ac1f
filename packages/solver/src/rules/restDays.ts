import type { ScenarioContext } from '../domain/context.js';
import { finding, officerLabel, type Rule, dayLabel, verdictOf } from './rule.js';

/** A 7-day block of the horizon (the last may be shorter) and the rest days it must hold. */
export interface RestBlock {
  first: number;
  length: number;
  required: number;
}

/**
 * The horizon cut into 7-day blocks from day 0. A short last block asks for rest pro rata,
 * rounded down, so a 3-day tail of a 2-per-week policy asks for none rather than an unfair one.
 */
export function restBlocks(ctx: ScenarioContext): RestBlock[] {
  const blocks: RestBlock[] = [];
  for (let first = 0; first < ctx.dates.length; first += 7) {
    const length = Math.min(7, ctx.dates.length - first);
    // The epsilon keeps 2 × 7 / 7 from rounding down to 1 in floating point.
    blocks.push({ first, length, required: Math.floor((ctx.policy.restDaysPer7Days * length) / 7 + 1e-9) });
  }
  return blocks;
}

/** Police Regulations Annex E: rest days in every 7-day block. */
export const restDays: Rule = {
  id: 'restDays',
  title: 'Every officer gets the policy’s rest days (2 by default) in each 7-day block of the rota, pro rata in a shorter last block.',
  kind: 'hard',
  modelling: 'Per officer and 7-day block b: Σ_{d∈b} Σ_s assign(o,s@d) ≤ length(b) − ⌊restDaysPer7Days × length(b) / 7⌋.',
  shape(model, ctx) {
    for (const officer of ctx.officers) {
      for (const b of restBlocks(ctx)) {
        if (b.required <= 0) continue;
        const terms = Array.from({ length: b.length }, (_, i) => model.workTerms(officer.id, b.first + i)).flat();
        model.constrain(this.id, this.kind, `restDays:${officer.id}@${b.first}`, terms, -Infinity, b.length - b.required, { officerId: officer.id, date: ctx.dates[b.first], unit: 'days' });
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = ctx.officers.flatMap((officer) =>
      restBlocks(ctx).flatMap((b) => {
        // Count duties like the model does (one a day, so duties = working days).
        let worked = 0;
        for (let i = 0; i < b.length; i++) worked += view.shiftsOnDay(officer.id, b.first + i).length;
        const short = worked - (b.length - b.required);
        if (b.required <= 0 || short <= 0) return [];
        const rest = Math.max(0, b.length - worked);
        return [
          finding(this, setting.hard ? 'hard' : 'soft', {
            officerId: officer.id,
            date: ctx.dates[b.first],
            amount: short,
            unit: 'days',
            penalty: setting.hard ? 0 : -setting.weight * short,
            message: `${officerLabel(ctx, officer.id)} gets ${rest} rest day${rest === 1 ? '' : 's'} from ${dayLabel(ctx, b.first)} to ${dayLabel(ctx, b.first + b.length - 1)}; the policy asks for ${b.required}.`,
          }),
        ];
      }),
    );
    return verdictOf(findings);
  },
};
