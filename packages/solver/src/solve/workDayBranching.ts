import type { RotaModel } from '../model/rotaModel.js';
import { weekendsOf } from '../rules/maxWeekends.js';
import { officerDays, type OfficerDay } from './assignmentDive.js';
import type { PatternPool } from './master.js';
import { extendFixings, type AssignmentFixings, type BlockFixings } from './pricing.js';

/** An officer-day counts as settled on or off by the master LP within this of 0 or 1. */
const SETTLED = 1e-6;

/**
 * The officer-days a tree decides on or off before anything else, in tiers: first the weekend
 * days of officers whose weekends are capped below the horizon's, then every other officer-day.
 * Empty (no such branching) when no officer's weekends are capped.
 *
 * Why weekends first: where weekends are capped and cover is short at weekends, which weekend
 * days each officer works is the rota's hard core, and the rest follows. On Curtois Instance7
 * (ten heads short, all at weekends; master converged at 1054.08) the master with the optimum's
 * weekend on/off fixed is exactly 1056.000, and with our stuck 1059 rota's exactly 1059.000; the
 * optimum's weekend patterns lie outside the converged LP's support for three officers, which is
 * why dives and single-assignment branching, led by the LP, missed it within the minute. Then
 * the other days on or off, so that a node's LP has only shift types left to settle: with the
 * weekends alone decided, the first node whose LP stood at 1056.00 held no rota better than 1057.
 */
export function workDayCandidates(model: RotaModel, days: readonly OfficerDay[]): OfficerDay[][] {
  const weekends = weekendsOf(model.ctx);
  const weekendDays = new Set(weekends.flat());
  // Blocks follow the scenario's officers in order (see decompose).
  const capped = new Set(
    model.ctx.officers
      .map((officer, b) => ({ b, max: model.ctx.limit(officer, 'maxWeekends') }))
      .filter(({ max }) => max !== undefined && max < weekends.length)
      .map(({ b }) => b),
  );
  const first = days.filter((d) => capped.has(d.block) && weekendDays.has(d.day));
  if (first.length === 0) return [];
  const inFirst = new Set(first);
  return [first, days.filter((d) => !inFirst.has(d))];
}

/** Whether a tree over this pool decides work days first (some officer's weekends are capped). */
export const decidesWorkDays = (model: RotaModel, pool: PatternPool): boolean => workDayCandidates(model, officerDays(model, pool)).length > 0;

/** Whether a block's fixings already decide the officer-day on or off. */
function decided(day: OfficerDay, fixes: BlockFixings | undefined): boolean {
  if (!fixes) return false;
  if (day.cols.some((i) => fixes.get(i) === 1) || day.cols.every((i) => fixes.get(i) === 0)) return true;
  return (fixes.workDays ?? []).some((worked) => worked.length === day.cols.length && worked.every((i, k) => i === day.cols[k]));
}

/**
 * In the first tier with an officer-day the LP leaves unsettled, the one whose weight of working
 * lies nearest one half, with the two children's fixings for that officer: off (every shift of
 * the day fixed at 0) and on (one of them worked), the side the LP leans to last (a stack pops it
 * first). Null when the LP has every candidate settled. Nearest one half, not surest: on
 * Instance7 from the converged master, branching nearest one half reached a rota at 1056 (its
 * optimum) at the tree's eleventh node (5.8 s) and exhausted level 1055 in 16 nodes (5.4 s),
 * where surest-first found no weekend pattern at 1056 in 60 s.
 */
export function workDayBranch(tiers: readonly (readonly OfficerDay[])[], weights: readonly Float64Array[], fixings: AssignmentFixings): { block: number; children: BlockFixings[] } | null {
  for (const candidates of tiers) {
    const pick = nearestHalf(candidates, weights, fixings);
    if (!pick) continue;
    const { day, on } = pick;
    const fixes = fixings.get(day.block);
    const off = extendFixings(fixes, day.cols.map((i) => [i, 0] as const));
    const works = extendFixings(fixes, [], day.cols);
    return { block: day.block, children: on >= 0.5 ? [off, works] : [works, off] };
  }
  return null;
}

/** The undecided candidate whose LP weight of working is nearest one half, if any is unsettled. */
function nearestHalf(candidates: readonly OfficerDay[], weights: readonly Float64Array[], fixings: AssignmentFixings): { day: OfficerDay; on: number } | null {
  let pick: { day: OfficerDay; on: number } | null = null;
  let nearest = Infinity;
  for (const day of candidates) {
    if (decided(day, fixings.get(day.block))) continue;
    const on = day.cols.reduce((sum, i) => sum + weights[day.block][i], 0);
    if (on <= SETTLED || on >= 1 - SETTLED) continue;
    if (Math.abs(on - 0.5) < nearest) [nearest, pick] = [Math.abs(on - 0.5), { day, on }];
  }
  return pick;
}
