import { finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** Abstractions (leave, course, court, sickness) block duty. */
export const availability: Rule = {
  id: 'availability',
  title: 'No officer is on duty during an abstraction (leave, course, court, sickness).',
  kind: 'hard',
  modelling: 'Fixes assign:<officer>@<shift> to 0 for every shift that overlaps one of the officer’s abstractions; as a soft rule, costs its weight per such duty.',
  shape(model, ctx) {
    const setting = ctx.setting(this.id, this.kind);
    for (const officer of ctx.officers) {
      for (const shift of ctx.shifts) {
        if (ctx.abstractionsDuring(officer, shift).length === 0) continue;
        if (setting.hard) model.forbid(officer.id, shift.id);
        else model.reward(this.id, [[model.assign(officer.id, shift.id), 1]], -setting.weight);
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = view.rota.assignments.flatMap((a) => {
      const officer = ctx.officerById.get(a.officerId)!;
      const shift = ctx.shiftById.get(a.shiftId)!;
      return ctx.abstractionsDuring(officer, shift).slice(0, 1).map((abs) =>
        finding(this, setting.hard ? 'hard' : 'soft', {
          officerId: officer.id,
          shiftId: shift.id,
          date: shift.date,
          amount: 1,
          unit: 'duties',
          penalty: setting.hard ? 0 : -setting.weight,
          message: `${officerLabel(ctx, officer.id)} is rostered on ${shiftLabel(ctx, shift.id)} during ${abs.kind}.`,
        }),
      );
    });
    return verdictOf(findings);
  },
};
