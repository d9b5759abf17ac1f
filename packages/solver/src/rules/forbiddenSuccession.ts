import type { ScenarioContext } from '../domain/context.js';
import type { Shift } from '../domain/types.js';
import type { Term } from '../model/linear.js';
import { finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** Shift types that must not be worked the day after another (e.g. no early after a night). */
export const forbiddenSuccession: Rule = {
  id: 'forbiddenSuccession',
  title: 'No officer works a shift type on the day after a shift type it may not follow (e.g. an early straight after a night).',
  kind: 'hard',
  modelling:
    'Per officer, day d and shift type T with cannotFollow: assign(T@d) + Σ_{U ∈ T.cannotFollow} assign(U@d+1) ≤ 1 (one shift a day makes the sum exact); while one shift a day is hard, the shift types of a day that ban the same next-day shifts share one row. The last day has no successor inside the horizon.',
  shape(model, ctx) {
    const merge = ctx.setting('oneShiftPerDay', 'hard').enabled && ctx.setting('oneShiftPerDay', 'hard').hard;
    for (const officer of ctx.officers) {
      for (const day of successionGroups(ctx, merge)) {
        for (const { shifts, next } of day) {
          const terms: Term[] = shifts.map((s) => [model.assign(officer.id, s.id), 1]);
          for (const s of next) terms.push([model.assign(officer.id, s.id), 1]);
          const first = shifts[0];
          model.constrain(this.id, this.kind, `succession:${officer.id}@${first.id}`, terms, -Infinity, 1, { officerId: officer.id, shiftId: first.id, date: first.date, unit: 'successions' });
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

type SuccessionGroup = { shifts: Shift[]; next: Shift[] };

/**
 * Groups already found, by the context's day lists: every officer's own model in year-long
 * seeding is cut from one context (150 builds), and finding the groups afresh was 7 % of each.
 */
const found = new WeakMap<object, { types: ScenarioContext['shiftTypeById']; byMerge: Map<boolean, SuccessionGroup[][]> }>();

/** Per day, the shifts that ban the same next-day shifts, with those next-day shifts (the same for every officer). */
function successionGroups(ctx: ScenarioContext, merge: boolean): SuccessionGroup[][] {
  let entry = found.get(ctx.shiftsByDay);
  if (!entry || entry.types !== ctx.shiftTypeById) found.set(ctx.shiftsByDay, (entry = { types: ctx.shiftTypeById, byMerge: new Map() }));
  const cached = entry.byMerge.get(merge);
  if (cached) return cached;
  const bannedTypes = new Map<string, Set<string>>();
  const bannedAfter = (typeId: string) => {
    let set = bannedTypes.get(typeId);
    if (!set) bannedTypes.set(typeId, (set = new Set(ctx.shiftTypeById.get(typeId)?.cannotFollow ?? [])));
    return set;
  };
  // Shifts of a day that ban the same next-day shifts share one row when an officer works at
  // most one shift a day (the sum stays exact): 32 cloned shift types give 4× fewer rows.
  const groups: SuccessionGroup[][] = [];
  for (let d = 0; d + 1 < ctx.dates.length; d++) {
    const byBan = new Map<string, SuccessionGroup>();
    for (const [k, shift] of ctx.shiftsByDay[d].entries()) {
      const next = (ctx.shiftsByDay[d + 1] ?? []).filter((s) => bannedAfter(shift.shiftTypeId).has(s.shiftTypeId));
      if (next.length === 0) continue;
      const key = merge ? next.map((s) => s.id).join('|') : String(k);
      const group = byBan.get(key);
      if (group) group.shifts.push(shift);
      else byBan.set(key, { shifts: [shift], next });
    }
    groups.push([...byBan.values()]);
  }
  entry.byMerge.set(merge, groups);
  return groups;
}
