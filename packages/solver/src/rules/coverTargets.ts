import type { ScenarioContext } from '../domain/context.js';
import type { Term } from '../model/linear.js';
import { finding, shiftLabel, type Rule, verdictOf } from './rule.js';

/** Targets on shifts of the horizon; a target naming a shift that does not run is ignored. */
function targets(ctx: ScenarioContext) {
  return (ctx.scenario.coverTargets ?? []).flatMap((target, index) => {
    const shift = ctx.shiftById.get(target.shiftId);
    return shift ? [{ target, index, shift }] : [];
  });
}

/** Soft staffing levels per shift (the rostering benchmark's cover rows). */
export const coverTargets: Rule = {
  id: 'coverTargets',
  title: 'Each shift with a staffing target has that many officers: every officer short or over costs the target’s weight.',
  kind: 'soft',
  modelling:
    'Per target, coverUnder:<shift>#k ≥ required − Σ_o assign(o,s) costing weightUnder, and coverOver:<shift>#k ≥ Σ_o assign(o,s) − required costing weightOver (both × the rule weight).',
  shape(model, ctx) {
    const multiplier = ctx.setting(this.id, this.kind).weight;
    for (const { target, index, shift } of targets(ctx)) {
      const onShift = model.onShiftTerms(shift.id);
      const origin = { ruleId: this.id, shiftId: shift.id, date: shift.date, unit: 'officers' };
      const under = model.variable(this.id, `coverUnder:${shift.id}#${index}`, { cost: -target.weightUnder * multiplier });
      model.lp.addRow(`coverUnder:${shift.id}#${index}`, [[under, 1], ...onShift], target.requiredOfficers, Infinity, origin);
      const over = model.variable(this.id, `coverOver:${shift.id}#${index}`, { cost: -target.weightOver * multiplier });
      model.lp.addRow(`coverOver:${shift.id}#${index}`, [[over, 1], ...onShift.map(([v]) => [v, -1] as Term)], -target.requiredOfficers, Infinity, origin);
    }
  },
  explain(view) {
    const { ctx } = view;
    const multiplier = ctx.setting(this.id, this.kind).weight;
    const findings = targets(ctx).flatMap(({ target, shift }) => {
      const have = view.officersOn(shift.id).length;
      const gap = have - target.requiredOfficers;
      if (gap === 0) return [];
      const [amount, weight, word] = gap < 0 ? [-gap, target.weightUnder, 'short'] : [gap, target.weightOver, 'over'];
      return [
        finding(this, 'soft', {
          shiftId: shift.id,
          date: shift.date,
          violation: false,
          amount,
          unit: gap < 0 ? 'officers short' : 'officers over',
          penalty: -amount * weight * multiplier,
          message: `${shiftLabel(ctx, shift.id)} has ${have} officers against a target of ${target.requiredOfficers}; ${amount} ${word}.`,
        }),
      ];
    });
    return verdictOf(findings);
  },
};
