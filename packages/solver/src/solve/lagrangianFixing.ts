import type { RotaModel } from '../model/rotaModel.js';
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
  /** Labelings run, one per open assignment that no roster met before had already flipped. */
  labelings: number;
}

/**
 * Reduced-cost fixing over officer rosters. At a master LP's duals π (maximising), every rota
 * with one roster r_b per officer has objective ≤ LP value + Σ_b (value_b(r_b) − μ_b), where
 * value_b is the officer's pricing objective and μ_b their convexity dual. With best_b the
 * officer's best roster value, the bound is L = LP value + Σ_b max(0, best_b − μ_b), and a rota
 * reaching `cutoff` needs value_b(r_b) ≥ best_b − (L − cutoff) for every officer. So where every
 * roster that flips an assignment away from the officer's best roster falls further below than
 * that, no rota reaching the cutoff flips it: it is fixed. One labeling per open assignment.
 *
 * Why: the decomposition's LP is within a step or two of the optimum on the small Curtois
 * instances but degenerate, so branching one assignment at a time barely moves it (Instance6:
 * 100–250 officer-days fractional 60 levels down). At its root duals with the incumbent one step
 * above the optimum, 849–931 of 1,040 open assignments are fixed in about 4 s, and the optimum
 * (1950) keeps every one of them.
 *
 * Null when an officer cannot be priced exactly (no labeling, or its labels ran out): nothing
 * is then proved. `deadline` (performance.now()) leaves the rest of the assignments open.
 */
export function lagrangianFixing(model: RotaModel, pool: PatternPool, pricer: Pricer, prices: ArrayLike<number>, masterValue: number, fixings: AssignmentFixings, cutoff: number, deadline: number): LagrangianFixing | null {
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
  for (const pattern of pool.patterns) {
    const { costs, value } = bests[pattern.block];
    let patternValue = 0;
    for (let i = 0; i < costs.length; i++) patternValue += costs[i] * pattern.values[i];
    if (patternValue >= value - gap - 1e-6) markFlips(pattern.block, pattern.values);
  }
  split.blocks.forEach((block, b) => {
    const labeling = pricer.labeling(model, b)!;
    const { costs, values, value } = bests[b];
    const fixes = new Map<number, 0 | 1>();
    const fixedBefore = fixings.get(b);
    block.cols.forEach((c, i) => {
      if (!assignments.has(c) || fixedBefore?.has(i) || flippable[b].has(i) || block.lp.upper[i] === block.lp.lower[i] || performance.now() > deadline) return;
      const keep: 0 | 1 = values[i] > 0.5 ? 1 : 0;
      const flip = new Map([[i, (1 - keep) as 0 | 1]]);
      const flipped = withFixings(costs, flip);
      // Only a roster within the gap of the best matters: the cutoff lets the labeling prune the rest.
      const found = labeling.solve(flipped.costs, { cutoff: value - gap - 1e-6 + flipped.offset, keep: 1, labelLimit: LABEL_LIMIT, expectNone: true });
      labelings++;
      const alternative = found.rosters[0];
      const flips = alternative !== undefined && keepsFixings(alternative.values, flip);
      if (flips) markFlips(b, alternative.values);
      if (!found.exact || flips) return;
      fixes.set(i, keep);
      fixed++;
    });
    result.set(b, extendFixings(fixedBefore, fixes));
  });
  return { fixings: result, gap, fixed, labelings };
}
