import { finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** One duty a day, and never two duties at once. */
export const oneShiftPerDay: Rule = {
  id: 'oneShiftPerDay',
  title: 'An officer works at most the policy’s number of shifts a day (one by default) and never two overlapping shifts.',
  kind: 'hard',
  modelling: 'Per officer and day Σ_s assign(o,s) ≤ maxShiftsPerDay; overlapping shifts on different days are kept apart by minimumRest.',
  shape(model, ctx) {
    for (const officer of ctx.officers) {
      ctx.shiftsByDay.forEach((shifts, d) => {
        if (shifts.length <= ctx.policy.maxShiftsPerDay) return;
        model.constrain(this.id, this.kind, `day:${officer.id}@${d}`, model.workTerms(officer.id, d), -Infinity, ctx.policy.maxShiftsPerDay, { officerId: officer.id, date: ctx.dates[d], unit: 'shifts' });
      });
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const kind = setting.hard ? 'hard' : 'soft';
    const findings = ctx.officers.flatMap((officer) =>
      ctx.dates.flatMap((date, d) => {
        const shifts = view.shiftsOnDay(officer.id, d);
        const overlap = shifts.some((a, i) => shifts.some((b, j) => j > i && a.startMs < b.endMs && b.startMs < a.endMs));
        const excess = shifts.length - ctx.policy.maxShiftsPerDay;
        if (excess <= 0 && !overlap) return [];
        return [
          finding(this, kind, {
            officerId: officer.id,
            date,
            amount: Math.max(excess, 1),
            unit: 'shifts',
            penalty: setting.hard ? 0 : -setting.weight * Math.max(excess, 1),
            message: `${officerLabel(ctx, officer.id)} is rostered on ${shifts.map((s) => shiftLabel(ctx, s.id)).join(' and ')}${overlap ? ', which overlap' : ''}; the policy allows ${ctx.policy.maxShiftsPerDay} a day.`,
          }),
        ];
      }),
    );
    return verdictOf(findings);
  },
};
