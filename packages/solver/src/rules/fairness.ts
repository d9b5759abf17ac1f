import type { ScenarioContext } from '../domain/context.js';
import type { Officer, Shift } from '../domain/types.js';
import type { Term } from '../model/linear.js';
import { fmt, finding, officerLabel, type Rule, verdictOf } from './rule.js';

/** One balanced quantity: per-shift contribution, a per-officer constant, and the weight of a unit of spread. */
interface Dimension {
  key: 'nights' | 'weekends' | 'hours';
  noun: string;
  unit: string;
  weight: number;
  perShift(shift: Shift): number;
  constant(officer: Officer): number;
}

function dimensions(ctx: ScenarioContext): Dimension[] {
  return [
    { key: 'nights', noun: 'Night shifts', unit: 'nights', weight: ctx.policy.fairnessWeightPerNight, perShift: (s) => (s.night ? 1 : 0), constant: () => 0 },
    // A shift belongs to the weekend when it starts on a Saturday or Sunday.
    { key: 'weekends', noun: 'Weekend shifts', unit: 'weekend days', weight: ctx.policy.fairnessWeightPerWeekend, perShift: (s) => (ctx.weekdays[s.dayIndex] >= 6 ? 1 : 0), constant: () => 0 },
    { key: 'hours', noun: 'Paid hours against contract', unit: 'hours', weight: ctx.policy.fairnessWeightPerHour, perShift: (s) => s.paidMinutes / 60, constant: (o) => -ctx.contractMinutes(o) / 60 },
  ];
}

/** Whether the officer could be rostered on the shift at all (not abstracted, skilled, type allowed). */
function canWork(ctx: ScenarioContext, o: Officer, s: Shift): boolean {
  const type = ctx.shiftTypeById.get(s.shiftTypeId);
  return (
    o.limits?.maxShiftsByType?.[s.shiftTypeId] !== 0 &&
    (type?.requiredSkills ?? []).every((k) => o.skills.includes(k)) &&
    ctx.abstractionsDuring(o, s).length === 0
  );
}

/**
 * Officers compared on a dimension: contracted, and able to work at least one shift that counts
 * in it; an officer who may never work nights is not "owed" a share of them.
 */
function team(ctx: ScenarioContext, dim: Dimension): Officer[] {
  const counted = ctx.shifts.filter((s) => dim.perShift(s) !== 0);
  return ctx.officers.filter((o) => o.contractMinutesPerWeek > 0 && counted.some((s) => canWork(ctx, o, s)));
}

/** Nights, weekends and hours shared evenly across the team. */
export const fairness: Rule = {
  id: 'fairness',
  title: 'Nights, weekends and hours against contract are shared evenly across the team.',
  kind: 'soft',
  modelling:
    'Per dimension (nights, weekend shifts, paid hours − contract pro rata) over contracted officers able to work at least one shift counted in it (not abstracted, skilled, type allowed): fairMax:<dim> ≥ value(o) ≥ fairMin:<dim>, costing the policy’s fairness weight × (max − min); hours are shifted by the largest contract so both variables stay non-negative.',
  shape(model, ctx) {
    const multiplier = ctx.setting(this.id, this.kind).weight;
    for (const dim of dimensions(ctx)) {
      const officers = team(ctx, dim);
      if (officers.length < 2) continue;
      const w = dim.weight * multiplier;
      const max = model.variable(this.id, `fairMax:${dim.key}`, { cost: -w });
      const min = model.variable(this.id, `fairMin:${dim.key}`, { cost: w });
      const lift = Math.max(...officers.map((o) => -dim.constant(o)));
      for (const o of officers) {
        const terms: Term[] = ctx.shifts.flatMap((s) => (dim.perShift(s) === 0 ? [] : [[model.assign(o.id, s.id), -dim.perShift(s)] as Term]));
        const constant = dim.constant(o) + lift;
        const origin = { ruleId: this.id, officerId: o.id, unit: dim.unit };
        model.lp.addRow(`fairMax:${dim.key}:${o.id}`, [[max, 1], ...terms], constant, Infinity, origin);
        model.lp.addRow(`fairMin:${dim.key}:${o.id}`, [[min, 1], ...terms], -Infinity, constant, origin);
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const multiplier = ctx.setting(this.id, this.kind).weight;
    const findings = dimensions(ctx).flatMap((dim) => {
      const officers = team(ctx, dim);
      if (officers.length < 2) return [];
      const values = officers.map((o) => ({ o, value: view.shiftsOf(o.id).reduce((sum, s) => sum + dim.perShift(s), dim.constant(o)) }));
      const most = values.reduce((a, b) => (b.value > a.value ? b : a));
      const least = values.reduce((a, b) => (b.value < a.value ? b : a));
      const spread = most.value - least.value;
      if (spread <= 1e-9) return [];
      const show = (x: number) => (dim.key === 'hours' ? `${x > 0 ? '+' : ''}${fmt(x)} h` : fmt(x));
      return [
        finding(this, 'soft', {
          violation: false,
          amount: spread,
          unit: dim.unit,
          penalty: -dim.weight * multiplier * spread,
          message: `${dim.noun} range from ${show(least.value)} (${officerLabel(ctx, least.o.id)}) to ${show(most.value)} (${officerLabel(ctx, most.o.id)}) across ${officers.length} officers: a spread of ${fmt(spread)} ${dim.unit}.`,
        }),
      ];
    });
    return verdictOf(findings);
  },
};
