import type { ScenarioContext } from '../domain/context.js';
import type { Shift } from '../domain/types.js';
import { fmt, finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/**
 * Groups of shifts of which an officer can work at most one, covering every rest conflict
 * between consecutive days. Greedy clique cover on the (tiny) conflict graph of two days.
 */
export function restCliques(ctx: ScenarioContext): Shift[][] {
  const restMs = ctx.policy.minRestMinutes * 60_000;
  const restConflict = (a: Shift, b: Shift) => (a.startMs <= b.startMs ? b.startMs < a.endMs + restMs : a.startMs < b.endMs + restMs);
  const conflict = (a: Shift, b: Shift) => (a.dayIndex === b.dayIndex ? ctx.policy.maxShiftsPerDay <= 1 || restConflict(a, b) : restConflict(a, b));
  const cliques: Shift[][] = [];
  for (let d = 0; d + 1 < ctx.shiftsByDay.length; d++) {
    const nodes = [...ctx.shiftsByDay[d], ...ctx.shiftsByDay[d + 1]];
    const covered = new Set<string>();
    for (const a of ctx.shiftsByDay[d]) {
      for (const b of ctx.shiftsByDay[d + 1]) {
        if (!restConflict(a, b) || covered.has(`${a.id}|${b.id}`)) continue;
        const clique = [a, b];
        for (const c of nodes) if (!clique.includes(c) && clique.every((x) => conflict(x, c))) clique.push(c);
        for (const x of clique) for (const y of clique) covered.add(`${x.id}|${y.id}`);
        cliques.push(clique.sort((x, y) => x.startMs - y.startMs));
      }
    }
  }
  return cliques;
}


/** WTR 1998 reg 10: daily rest between the actual end of one duty and the start of the next. */
export const minimumRest: Rule = {
  id: 'minimumRest',
  title: 'Every officer gets the policy’s minimum rest (11 h by default) between the end of one shift and the start of the next.',
  kind: 'hard',
  modelling: 'Shifts on consecutive days that leave less than minRestMinutes between them conflict; per officer, Σ assign ≤ 1 over cliques of conflicting shifts (same-day shifts conflict too when one shift a day is allowed), a tighter and smaller LP than one row per pair.',
  shape(model, ctx) {
    for (const clique of restCliques(ctx)) {
      const last = clique[clique.length - 1];
      for (const officer of ctx.officers) {
        model.constrain(this.id, this.kind, `rest:${officer.id}:${clique.map((s) => s.id).join(':')}`, clique.map((s) => [model.assign(officer.id, s.id), 1]), -Infinity, 1, { officerId: officer.id, shiftId: last.id, date: last.date, unit: 'minutes' });
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
    return verdictOf(findings);
  },
};
