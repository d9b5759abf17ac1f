import type { RotaModel } from '../model/rotaModel.js';
import type { OfficerDay } from './assignmentDive.js';
import { assignSet } from './lns.js';
import type { PatternPool } from './master.js';
import type { Pricer } from './pricer.js';
import { extendFixings, keepsFixings, LABEL_LIMIT, pricingCosts, withFixings, type AssignmentFixings, type BlockFixings } from './pricing.js';

/** What Lagrangian fixing found at a node's master duals. */
export interface LagrangianFixing {
  /** The node's fixings and every assignment fixed by the bound. */
  fixings: Map<number, BlockFixings>;
  /** How far the node's Lagrangian bound lies above the cutoff. */
  gap: number;
  /** Assignments newly fixed. */
  fixed: number;
  /** Labelings run (for traces and benchmarks). */
  labelings: number;
}

/**
 * Reduced-cost fixing over officer rosters. At a master LP's duals π (maximising), every rota
 * with one roster r_b per officer has objective ≤ LP value + Σ_b (value_b(r_b) − μ_b), where
 * value_b is the officer's pricing objective and μ_b their convexity dual. With best_b the
 * officer's best roster value, the bound is L = LP value + Σ_b max(0, best_b − μ_b), and a rota
 * reaching `cutoff` needs value_b(r_b) ≥ best_b − (L − cutoff) for every officer. So where every
 * roster that flips an assignment away from the officer's best roster falls further below than
 * that, no rota reaching the cutoff flips it: it is fixed. One labeling per officer-day for the
 * shifts the best roster leaves unworked (no roster within the gap works any of them: all fixed
 * at once), then one per assignment still open, skipping those a roster met on the way flips.
 * At the converged roots of Curtois Instances 5–7 that is 25–35 % fewer labelings than one per
 * open assignment, with the same assignments fixed.
 *
 * Why: the decomposition's LP is within a step or two of the optimum on the small Curtois
 * instances but degenerate, so branching one assignment at a time barely moves it (Instance6:
 * 100–250 officer-days fractional 60 levels down). At its root duals with the incumbent one step
 * above the optimum, 849–931 of 1,040 open assignments are fixed in about 4 s, and the optimum
 * (1950) keeps every one of them.
 *
 * Null when an officer cannot be priced exactly (no labeling, or its labels ran out): nothing
 * is then proved. `deadline` (performance.now()) leaves the rest of the assignments open. `days`
 * are the pool's officer-days (officerDays), which the tree computes once for all its nodes.
 */
export function lagrangianFixing(model: RotaModel, pool: PatternPool, pricer: Pricer, prices: ArrayLike<number>, masterValue: number, fixings: AssignmentFixings, cutoff: number, deadline: number, days: readonly OfficerDay[]): LagrangianFixing | null {
  const { split } = pool;
  const assignments = assignSet(model);
  let bound = masterValue;
  const bests: { costs: number[]; values: Float64Array; value: number }[] = [];
  for (let b = 0; b < split.blocks.length; b++) {
    const labeling = pricer.labeling(model, b);
    if (!labeling) return null;
    const { costs, offset } = withFixings(pricingCosts(model, pool, b, prices), fixings.get(b));
    const found = labeling.solve(costs, { cutoff: -Infinity, keep: 1, labelLimit: LABEL_LIMIT });
    const best = found.rosters[0];
    if (!found.exact || !best || !keepsFixings(best.values, fixings.get(b))) return null;
    bests.push({ costs, values: best.values, value: best.objective });
    bound += Math.max(0, best.objective - offset - prices[split.linkingRows.length + b]);
  }
  const gap = bound - cutoff;
  const result = new Map<number, BlockFixings>();
  let fixed = 0;
  let labelings = 0;
  // A roster within the gap of the best shows that no assignment it flips can be fixed: pooled
  // ones first, then each one a labeling below finds.
  const flippable = split.blocks.map(() => new Set<number>());
  const markFlips = (b: number, rosterValues: ArrayLike<number>) => {
    const { values } = bests[b];
    for (let i = 0; i < values.length; i++) if (Math.abs(rosterValues[i] - values[i]) > 0.5) flippable[b].add(i);
  };
  // The least value a roster may have and still be within the gap of the officer's best.
  const floorOf = (b: number) => bests[b].value - gap - 1e-6;
  for (const pattern of pool.patterns) if (dot(bests[pattern.block].costs, pattern.values) >= floorOf(pattern.block)) markFlips(pattern.block, pattern.values);
  split.blocks.forEach((block, b) => {
    const labeling = pricer.labeling(model, b)!;
    const { costs, values } = bests[b];
    const floor = floorOf(b);
    const fixes = new Map<number, 0 | 1>();
    const fixedBefore = fixings.get(b);
    const open = (i: number) => !fixedBefore?.has(i) && !flippable[b].has(i) && !fixes.has(i);
    // Whether a roster within the gap keeps `trial` (one assignment flipped, or a day worked);
    // one found marks every assignment it flips. Unknown when the labeling was cut or time is up.
    const within = (trial: BlockFixings): 'none' | 'some' | 'unknown' => {
      if (performance.now() > deadline) return 'unknown';
      const tried = withFixings(costs, trial);
      // Only a roster within the gap of the best matters: the cutoff lets the labeling prune the rest.
      const found = labeling.solve(tried.costs, { cutoff: floor + tried.offset, keep: 1, labelLimit: LABEL_LIMIT, expectNone: true });
      labelings++;
      const alternative = found.rosters[0];
      if (!alternative || !keepsFixings(alternative.values, trial)) return found.exact ? 'none' : 'unknown';
      // A roster that works two of a trial day's shifts is paid twice over, and may hide one within the gap that works one.
      if (dot(costs, alternative.values) < floor) return 'unknown';
      markFlips(b, alternative.values);
      return 'some';
    };
    for (const day of days) {
      if (day.block !== b) continue;
      const cols = day.cols.filter((i) => assignments.has(block.cols[i]) && block.lp.upper[i] !== block.lp.lower[i]);
      // The shifts the best roster leaves unworked that day: where no roster within the gap works
      // any of them, one labeling fixes them all.
      const unworked = cols.filter((i) => values[i] < 0.5 && open(i));
      if (unworked.length > 1 && within(extendFixings(undefined, [], unworked)) === 'none') for (const i of unworked) fixes.set(i, 0);
      for (const i of cols) {
        if (!open(i)) continue;
        const keep: 0 | 1 = values[i] > 0.5 ? 1 : 0;
        if (within(new Map([[i, (1 - keep) as 0 | 1]])) === 'none') fixes.set(i, keep);
      }
    }
    fixed += fixes.size;
    result.set(b, extendFixings(fixedBefore, fixes));
  });
  return { fixings: result, gap, fixed, labelings };
}

function dot(costs: ArrayLike<number>, values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += costs[i] * values[i];
  return sum;
}
