import type { ScenarioContext } from '../domain/context.js';
import type { Officer } from '../domain/types.js';
import type { Term } from '../model/linear.js';
import { fmt, finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** "time and a third" for sentences. */
export function payRate(multiplier: number): string {
  const names: [number, string][] = [[1, 'plain time'], [4 / 3, 'time and a third'], [1.5, 'time and a half'], [2, 'double time']];
  return names.find(([m]) => Math.abs(m - multiplier) < 1e-9)?.[1] ?? `${fmt(multiplier, 2)} × time`;
}

/** Special Constables are unpaid volunteers: Police Regulations pay does not apply to them. */
function paid(ctx: ScenarioContext): Officer[] {
  return ctx.officers.filter((o) => o.rank !== 'Special');
}

/** Police Regulations costing of hours beyond contract and of public-holiday duty. */
export const overtime: Rule = {
  id: 'overtime',
  title: 'Hours beyond an officer’s contract cost overtime at time and a third, and duty on a public holiday costs double time.',
  kind: 'soft',
  modelling:
    'Per paid officer overtime:<officer> ≥ Σ_s paidHours(s) × assign(o,s) − contract pro rata, costing overtimeMultiplier × costWeightPerHour × weight per hour; each assign on a public holiday costs (publicHolidayMultiplier − 1) × paidHours × costWeightPerHour × weight.',
  shape(model, ctx) {
    const perHour = ctx.policy.costWeightPerHour * ctx.setting(this.id, this.kind).weight;
    const holidays = new Set(ctx.scenario.publicHolidays ?? []);
    const holidayExtra = ctx.policy.publicHolidayMultiplier - 1;
    for (const o of paid(ctx)) {
      const hours: Term[] = ctx.shifts.map((s) => [model.assign(o.id, s.id), -s.paidMinutes / 60]);
      const over = model.variable(this.id, `overtime:${o.id}`, { cost: -ctx.policy.overtimeMultiplier * perHour });
      model.lp.addRow(`overtime:${o.id}`, [[over, 1], ...hours], -ctx.contractMinutes(o) / 60, Infinity, { ruleId: this.id, officerId: o.id, unit: 'hours' });
      for (const s of ctx.shifts.filter((x) => holidays.has(x.date))) model.reward(this.id, [[model.assign(o.id, s.id), 1]], -holidayExtra * (s.paidMinutes / 60) * perHour);
    }
  },
  explain(view) {
    const { ctx } = view;
    const { overtimeMultiplier, publicHolidayMultiplier } = ctx.policy;
    const perHour = ctx.policy.costWeightPerHour * ctx.setting(this.id, this.kind).weight;
    const holidays = new Set(ctx.scenario.publicHolidays ?? []);
    const findings = paid(ctx).flatMap((o) => {
      const shifts = view.shiftsOf(o.id);
      const worked = shifts.reduce((sum, s) => sum + s.paidMinutes / 60, 0);
      const contract = ctx.contractMinutes(o) / 60;
      const extra = worked - contract;
      const out = [];
      // Pro-rata contracts are fractional hours: ignore float dust, not real overtime.
      if (extra > 1e-9)
        out.push(
          finding(this, 'soft', {
            officerId: o.id,
            violation: false,
            amount: extra,
            unit: 'hours',
            penalty: -extra * overtimeMultiplier * perHour,
            message: `${officerLabel(ctx, o.id)} works ${fmt(extra)} h over contract: ${fmt(extra * overtimeMultiplier)} h at ${payRate(overtimeMultiplier)} (${fmt(worked)} h worked against ${fmt(contract)} h).`,
          }),
        );
      for (const s of shifts.filter((x) => holidays.has(x.date))) {
        const hours = s.paidMinutes / 60;
        out.push(
          finding(this, 'soft', {
            officerId: o.id,
            shiftId: s.id,
            date: s.date,
            violation: false,
            amount: hours,
            unit: 'hours',
            penalty: -(publicHolidayMultiplier - 1) * hours * perHour,
            message: `${officerLabel(ctx, o.id)} works ${shiftLabel(ctx, s.id)}, a public holiday: ${fmt(hours)} h at ${payRate(publicHolidayMultiplier)}.`,
          }),
        );
      }
      return out;
    });
    return verdictOf(findings);
  },
};
