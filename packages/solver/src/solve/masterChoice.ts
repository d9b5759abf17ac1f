import type { Engine } from '../engines/index.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';

/**
 * Price-and-branch: the master over the pooled rosters as a MIP (one roster per officer), started
 * from the incumbent. Its point goes through the search's acceptance check like any other, and
 * is returned (better or not).
 * `admit` leaves out rosters that cannot be in a better rota (the incumbent's always stay in).
 */
export async function solveIntegerMaster(engine: Engine, lns: LnsContext, pool: PatternPool, seconds: number, choice?: number[], admit?: (pattern: number) => boolean): Promise<{ status: string; seconds: number; point: Float64Array | null }> {
  const best = lns.getBest();
  if (best) pool.addPoint(best.values);
  const masterLp = pool.master(true);
  // A given choice (one pattern per officer) fixes the rosters: only the master's own columns
  // (cover slack, deployments) are left to solve.
  if (choice) pool.patterns.forEach((_, k) => masterLp.fix(k, choice.includes(k) ? 1 : 0));
  const start = best && !choice ? pool.startFor(best.values) : undefined;
  let admitted = pool.patterns.length;
  if (admit && !choice) pool.patterns.forEach((_, k) => !admit(k) && !(start && start[k] > 0.5) && (admitted--, masterLp.fix(k, 0)));
  const session = await engine.open(masterLp);
  try {
    const run = session.run({ timeLimitSeconds: Math.max(0.1, Math.min(seconds, lns.remaining())), gapTolerance: lns.tolerance, start, shouldStop: lns.stop, onTick: lns.tick });
    const point = run.values ? pool.toPoint(run.values) : null;
    if (point) lns.accept(point, choice ? 'rounded master' : 'integer master');
    lns.log.push(`${choice ? 'rounded' : 'integer'} master over ${admitted} rosters: ${run.status} in ${run.seconds.toFixed(1)} s, ${run.objective?.toFixed(1) ?? 'no rota'}`);
    return { status: run.status, seconds: run.seconds, point };
  } finally {
    session.dispose();
  }
}

/**
 * Pattern k's weight in a master LP solution. The solution lists the patterns pooled when that
 * master was built, then the master's own columns: patterns priced after it weigh nothing yet.
 */
export function patternWeight(pool: PatternPool, lpValues: ArrayLike<number>, k: number): number {
  return k < lpValues.length - pool.split.masterCols.length ? lpValues[k] : 0;
}

/** Each block column's value in a master LP solution: its patterns' values weighted by the LP (per block, in column order). */
export function assignmentWeights(pool: PatternPool, lpValues: ArrayLike<number>): Float64Array[] {
  const weights = pool.split.blocks.map((b) => new Float64Array(b.cols.length));
  pool.patterns.forEach((p, k) => {
    const w = patternWeight(pool, lpValues, k);
    if (w > 1e-9) p.values.forEach((v, i) => (weights[p.block][i] += w * v));
  });
  return weights;
}

/**
 * A master LP solution in the full model's columns: each block column's weighted value (see
 * assignmentWeights), zero elsewhere. What guided neighbourhoods compare the incumbent with.
 */
export function guidePoint(pool: PatternPool, lpValues: ArrayLike<number>): Float64Array {
  const point = new Float64Array(pool.full.names.length);
  assignmentWeights(pool, lpValues).forEach((weights, b) => pool.split.blocks[b].cols.forEach((c, i) => (point[c] = weights[i])));
  return point;
}

/** Each officer's pattern with the largest weight in a master LP solution (the LP rounded). */
export function roundedChoice(pool: PatternPool, lpValues: ArrayLike<number>): number[] {
  const best = pool.split.blocks.map(() => -1);
  const weight = (k: number) => patternWeight(pool, lpValues, k);
  pool.patterns.forEach((p, k) => {
    if (best[p.block] < 0 || weight(k) > weight(best[p.block])) best[p.block] = k;
  });
  return best;
}
