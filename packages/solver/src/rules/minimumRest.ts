import { fmt, finding, officerLabel, shiftLabel, type Rule } from './rule.js';

/** WTR 1998 reg 10: daily rest between the actual end of one duty and the start of the next. */
export const minimumRest: Rule = {
  id: 'minimumRest',
  title: 'Every officer gets the policy’s minimum rest (11 h by default) between the end of one shift and the start of the next.',
  kind: 'hard',
  modelling: 'For each pair of shifts whose instants leave less than minRestMinutes between them (or overlap), assign(a) + assign(b) ≤ 1 per officer.',
  shape(model, ctx) {
    const restMs = ctx.policy.minRestMinutes * 60_000;
    const shifts = ctx.shifts;
    for (let i = 0; i < shifts.length; i++) {
      for (let j = i + 1; j < shifts.length; j++) {
        const [a, b] = [shifts[i], shifts[j]];
        if (b.startMs >= a.endMs + restMs) continue;
        if (a.dayIndex === b.dayIndex) continue; // one-shift-per-day covers same-day pairs
        for (const officer of ctx.officers) {
          model.constrain(this.id, this.kind, `rest:${officer.id}:${a.id}:${b.id}`, [[model.assign(officer.id, a.id), 1], [model.assign(officer.id, b.id), 1]], -Infinity, 1, { officerId: officer.id, shiftId: b.id, date: b.date, unit: 'minutes' });
        }
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const findings = ctx.officers.flatMap((officer) => {
      const shifts = view.shiftsOf(officer.id);
      return shifts.slice(1).flatMap((next, k) => {
        const prev = shifts[k];
        const restMinutes = (next.startMs - prev.endMs) / 60_000;
        if (restMinutes >= ctx.policy.minRestMinutes || prev.dayIndex === next.dayIndex) return [];
        const shortMinutes = ctx.policy.minRestMinutes - restMinutes;
        return [
          finding(this, setting.hard ? 'hard' : 'soft', {
            officerId: officer.id,
            shiftId: next.id,
            date: next.date,
            amount: shortMinutes,
            unit: 'minutes',
            penalty: setting.hard ? 0 : -setting.weight,
            message: `${officerLabel(ctx, officer.id)} gets ${fmt(restMinutes / 60)} h rest between ${shiftLabel(ctx, prev.id)} and ${shiftLabel(ctx, next.id)}; the policy asks for ${fmt(ctx.policy.minRestMinutes / 60)} h.`,
          }),
        ];
      });
    });
    return { findings, objective: findings.reduce((sum, f) => sum + f.penalty, 0) };
  },
};
