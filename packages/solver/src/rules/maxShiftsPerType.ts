import { finding, officerLabel, type Rule, verdictOf } from './rule.js';

/** An officer's cap on shifts of one type over the horizon (e.g. no nights, at most 4 lates). */
export const maxShiftsPerType: Rule = {
  id: 'maxShiftsPerType',
  title: 'No officer works more shifts of a type than their own limit for it allows (0 means never that type).',
  kind: 'hard',
  modelling:
    'Per officer and shift type in limits.maxShiftsByType: Σ_{s of type} assign(o,s) ≤ max; a hard 0 fixes those assignments to 0 instead of adding a row.',
  shape(model, ctx) {
    const setting = ctx.setting(this.id, this.kind);
    const byType = new Map<string, typeof ctx.shifts>();
    for (const s of ctx.shifts) {
      const list = byType.get(s.shiftTypeId);
      if (list) list.push(s);
      else byType.set(s.shiftTypeId, [s]);
    }
    for (const officer of ctx.officers) {
      for (const [typeId, limit] of Object.entries(officer.limits?.maxShiftsByType ?? {})) {
        const max = Math.max(0, limit);
        const shifts = byType.get(typeId) ?? [];
        if (shifts.length <= max) continue;
        if (max === 0 && setting.hard) {
          for (const s of shifts) model.forbid(officer.id, s.id);
          continue;
        }
        model.constrain(this.id, this.kind, `perType:${officer.id}@${typeId}`, shifts.map((s) => [model.assign(officer.id, s.id), 1]), -Infinity, max, { officerId: officer.id, unit: 'shifts' });
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = ctx.officers.flatMap((officer) =>
      Object.entries(officer.limits?.maxShiftsByType ?? {}).flatMap(([typeId, max]) => {
        const worked = view.shiftsOf(officer.id).filter((s) => s.shiftTypeId === typeId).length;
        const over = worked - Math.max(0, max);
        if (over <= 0) return [];
        const name = ctx.shiftTypeById.get(typeId)?.name ?? typeId;
        return [
          finding(this, setting.hard ? 'hard' : 'soft', {
            officerId: officer.id,
            amount: over,
            unit: 'shifts',
            penalty: setting.hard ? 0 : -setting.weight * over,
            message: `${officerLabel(ctx, officer.id)} works ${worked} ${name} shift${worked === 1 ? '' : 's'}; their limit is ${max}.`,
          }),
        ];
      }),
    );
    return verdictOf(findings);
  },
};
