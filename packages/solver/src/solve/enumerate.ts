import type { RotaModel } from '../model/rotaModel.js';
import { pricingCosts } from './pricing.js';
import type { PatternPool } from './master.js';
import { holds, type Pricer } from './pricer.js';

/** Most rosters taken per officer; an officer with more near-optimal rosters leaves the pool partial. */
const MAX_ROSTERS_PER_OFFICER = 2000;
/** Labels per day before an officer's enumeration gives up on completeness. */
const ENUMERATION_LABELS = 40_000;

/**
 * What enumeration added.
 * - `complete`: every officer's rosters within the gap are in the pool, so the integer master over
 *   the pool is the whole problem: its optimum is the rota's optimum.
 */
export interface EnumerationResult {
  added: number;
  complete: boolean;
}

/**
 * Column generation has converged: the master LP's value `bound` is a ceiling on any rota, and
 * the incumbent sits `gap` below it. A rota's objective is the master value plus its rosters'
 * reduced costs (each ≤ 0 at convergence), so a better rota can only use rosters whose reduced
 * cost is above −gap. Labeling lists exactly those per officer; with the gap small that is a
 * few hundred rosters, and the integer master over them is exact (the classic close-the-gap
 * enumeration of branch-and-price rostering solvers).
 */
export function enumerateWithinGap(model: RotaModel, pool: PatternPool, pricer: Pricer, prices: ArrayLike<number>, gap: number, seconds: number): EnumerationResult {
  const deadline = performance.now() + seconds * 1000;
  const { split } = pool;
  let added = 0;
  let complete = true;
  for (const b of split.blocks.keys()) {
    const labeling = pricer.labeling(model, b);
    if (!labeling || performance.now() > deadline) return { added, complete: false };
    const costs = pricingCosts(model, pool, b, prices);
    const convexityDual = prices[split.linkingRows.length + b];
    const found = labeling.solve(costs, { cutoff: convexityDual - gap - 1e-6, keep: MAX_ROSTERS_PER_OFFICER, labelLimit: ENUMERATION_LABELS, deadline, enumerate: true });
    if (!found.exact) complete = false;
    for (const { values } of found.rosters) if (holds(split.blocks[b], values) && pool.add(b, values)) added++;
  }
  return { added, complete };
}
