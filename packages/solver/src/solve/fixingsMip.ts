import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { pointFor, solveNeighbourhood, type LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import type { AssignmentFixings } from './pricing.js';
import { assignmentWeights, roundedChoice } from './masterChoice.js';

/**
 * The compact model over what a dive left open (RENS-style): officer-days the dive decided keep
 * their option, officers fixed whole keep their roster, and the engine solves every other
 * assignment and every auxiliary. A dive's last steps decide on a master LP whose rosters cannot
 * follow the fixings yet; the engine, with every rule row at hand, can. It starts from `choice`
 * (a roster per officer that keeps the fixings). Returns the full point, or null.
 */
export async function solveUnderFixings(model: RotaModel, engine: Engine, lns: LnsContext, pool: PatternPool, fixings: AssignmentFixings, fixed: ReadonlyMap<number, number>, choice: readonly number[], seconds: number): Promise<Float64Array | null> {
  const entries = new Map(model.assignEntries().map((e) => [e.variable, e]));
  const assigns = [...entries.keys()];
  const pinned = new Map<number, number>();
  pool.split.blocks.forEach((block, b) => {
    const k = fixed.get(b);
    const values = k === undefined ? null : pool.patterns[k].values;
    if (values) block.cols.forEach((c, i) => entries.has(c) && pinned.set(c, values[i]));
    else for (const [i, x] of fixings.get(b) ?? []) pinned.set(block.cols[i], x);
  });
  // A shift decided for a day takes the officer's other shifts that day with it.
  for (const [c, x] of [...pinned]) {
    if (x < 0.5) continue;
    const { officerId, shiftId } = entries.get(c)!;
    for (const [other] of model.workTerms(officerId, model.ctx.shiftById.get(shiftId)!.dayIndex)) if (other !== c) pinned.set(other, 0);
  }
  // The engine starts from the dive's own rota (its rounded choice keeps every fixing), with
  // the auxiliaries solved for it: rows only pinned assignments touch hold in the base point,
  // and the engine's model is the open part alone.
  const started = performance.now();
  const rounded = pool.pointOfChoice(choice);
  if (!rounded) return null;
  const base = await pointFor(model, engine, lns, new Map(assigns.map((v) => [v, pinned.get(v) ?? rounded[v]])));
  if (!base) return null;
  const free = assigns.filter((v) => !pinned.has(v));
  seconds -= (performance.now() - started) / 1000;
  if (seconds <= 0.1) return null;
  const run = await solveNeighbourhood(model, engine, lns, free, base, seconds);
  if (process.env.PATROLPLAN_TRACE) lns.log.push(`engine under ${pinned.size} pinned assignments (${run.size} columns): ${run.status} in ${run.seconds.toFixed(1)} s`);
  return run.values;
}

/** An assignment counts as outside the master LP's support, or settled at one, within this of 0 or 1. */
const SUPPORT_EPSILON = 1e-6;

/**
 * The compact model restricted to the master LP's support (RENS): assignments no weighted
 * roster makes are fixed at 0, those every weighted roster makes at 1, and the engine combines
 * the rest day by day, which the integer master over whole rosters cannot. Returns the full
 * point, or null. On Curtois Instance12 under a weekend skeleton (see workDaySkeleton) it
 * solved to optimality in 1.1–3.2 s, at the master's own value (4056–4059); at the unconverged
 * master without one it found only 5807 and 5999 in 5.5–6 s.
 */
export async function solveInSupport(model: RotaModel, engine: Engine, lns: LnsContext, pool: PatternPool, lpValues: ArrayLike<number>, seconds: number): Promise<Float64Array | null> {
  const assigns = new Set(model.assignEntries().map((e) => e.variable));
  const fixings = new Map(
    assignmentWeights(pool, lpValues).map((weights, b) => {
      const cols = pool.split.blocks[b].cols;
      const fixes = new Map<number, 0 | 1>();
      weights.forEach((w, i) => {
        if (!assigns.has(cols[i])) return;
        if (w < SUPPORT_EPSILON) fixes.set(i, 0);
        else if (w > 1 - SUPPORT_EPSILON) fixes.set(i, 1);
      });
      return [b, fixes] as const;
    }),
  );
  return solveUnderFixings(model, engine, lns, pool, fixings, new Map(), roundedChoice(pool, lpValues), seconds);
}
