import { finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** Every skill a shift type requires is held by each officer rostered on it. */
export const skills: Rule = {
  id: 'skills',
  title: 'Officers only work shifts whose required skills (e.g. driver, taser) they hold.',
  kind: 'hard',
  modelling: 'Fixes assign:<officer>@<shift> to 0 when the officer lacks one of the shift type’s requiredSkills; as a soft rule, costs its weight per such duty.',
  shape(model, ctx) {
    const setting = ctx.setting(this.id, this.kind);
    for (const officer of ctx.officers) {
      for (const shift of ctx.shifts) {
        const required = ctx.shiftTypeById.get(shift.shiftTypeId)?.requiredSkills ?? [];
        if (required.every((s) => officer.skills.includes(s))) continue;
        if (setting.hard) model.forbid(officer.id, shift.id);
        else model.reward(this.id, [[model.assign(officer.id, shift.id), 1]], -setting.weight);
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    // Walk the view, not rota.assignments, so a duplicated assignment is judged once like in the model.
    const findings = ctx.officers.flatMap((officer) => view.shiftsOf(officer.id).flatMap((shift) => {
      const missing = (ctx.shiftTypeById.get(shift.shiftTypeId)?.requiredSkills ?? []).filter((s) => !officer.skills.includes(s));
      if (missing.length === 0) return [];
      return [
        finding(this, setting.hard ? 'hard' : 'soft', {
          officerId: officer.id,
          shiftId: shift.id,
          date: shift.date,
          amount: 1,
          unit: 'duties',
          penalty: setting.hard ? 0 : -setting.weight,
          message: `${officerLabel(ctx, officer.id)} is rostered on ${shiftLabel(ctx, shift.id)} without ${missing.join(', ')}, which that shift requires.`,
        }),
      ];
    }));
    return verdictOf(findings);
  },
};
