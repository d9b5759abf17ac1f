import { finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** Shift types that must not be worked the day after another (e.g. no early after a night). */
export const forbiddenSuccession: Rule = {
  id: 'forbiddenSuccession',
  title: 'No officer works a shift type on the day after a shift type it may not follow (e.g. an early straight after a night).',
  kind: 'hard',
  modelling:
    'Per officer, day d and shift type T with cannotFollow: assign(T@d) + Σ_{U ∈ T.cannotFollow} assign(U@d+1) ≤ 1 (one shift a day makes the sum exact); the last day has no successor inside the horizon.',
  shape(model, ctx) {
    for (const officer of ctx.officers) {
      for (let d = 0; d + 1 < ctx.dates.length; d++) {
        for (const shift of ctx.shiftsByDay[d]) {
          const banned = ctx.shiftTypeById.get(shift.shiftTypeId)?.cannotFollow ?? [];
          const next = model.workTerms(officer.id, d + 1, (t) => banned.includes(t));
          if (next.length === 0) continue;
          model.constrain(this.id, this.kind, `succession:${officer.id}@${shift.id}`, [[model.assign(officer.id, shift.id), 1], ...next], -Infinity, 1, { officerId: officer.id, shiftId: shift.id, date: shift.date, unit: 'successions' });
        }
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = ctx.officers.flatMap((officer) =>
      view.shiftsOf(officer.id).flatMap((first) => {
        const banned = ctx.shiftTypeById.get(first.shiftTypeId)?.cannotFollow ?? [];
        return view
          .shiftsOnDay(officer.id, first.dayIndex + 1)
          .filter((next) => banned.includes(next.shiftTypeId))
          .map((next) =>
            finding(this, setting.hard ? 'hard' : 'soft', {
              officerId: officer.id,
              shiftId: next.id,
              date: next.date,
              amount: 1,
              unit: 'successions',
              penalty: setting.hard ? 0 : -setting.weight,
              message: `${officerLabel(ctx, officer.id)} works ${shiftLabel(ctx, next.id)} straight after ${shiftLabel(ctx, first.id)}; the policy does not allow that shift the day after.`,
            }),
          );
      }),
    );
    return verdictOf(findings);
  },
};
