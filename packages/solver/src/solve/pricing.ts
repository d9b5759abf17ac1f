import type { RotaModel } from '../model/rotaModel.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import type { Pricer } from './pricer.js';

/** Each of an officer's columns costed at its objective minus what its linking rows are worth at `prices`. */
export function pricingCosts(model: RotaModel, pool: PatternPool, b: number, prices: ArrayLike<number>): number[] {
  const links = pool.linksOf(b);
  return pool.split.blocks[b].cols.map((c, i) => model.lp.cost[c] - links[i].reduce((sum, [pos, a]) => sum + prices[pos] * a, 0));
}

/**
 * One officer's fixings: block columns fixed at 0 or 1, and days the officer must work (each
 * listed as that day's block columns, exactly one of which the roster works). Work days let a
 * tree branch on whether an officer works a day at all (see workDayBranching) without choosing
 * the shift.
 */
export type BlockFixings = ReadonlyMap<number, 0 | 1> & { readonly workDays?: readonly (readonly number[])[] };

/**
 * What a dive or tree has decided inside officers' blocks: block → that officer's fixings.
 * A roster that disagrees with its block's fixings is left out of the master.
 */
export type AssignmentFixings = ReadonlyMap<number, BlockFixings>;

/** A block's fixings with more columns fixed (and, given `workDay`, one more day to work); work days carried over. */
export function extendFixings(fixes: BlockFixings | undefined, columns: Iterable<readonly [number, 0 | 1]> = [], workDay?: readonly number[]): BlockFixings {
  const extended = new Map<number, 0 | 1>(fixes ?? []);
  for (const [i, v] of columns) extended.set(i, v);
  const workDays = [...(fixes?.workDays ?? []), ...(workDay ? [workDay] : [])];
  return workDays.length > 0 ? Object.assign(extended, { workDays }) : extended;
}

/**
 * What a fixing is worth in pricing: more than any roster's own objective can swing, so a roster
 * that keeps the fixings always beats one that does not (the labeling keeps its plan unchanged).
 */
const FIXING_WEIGHT = 1e6;

/** Whether a block's fixings fix anything. */
const fixesAnything = (fixes: BlockFixings | undefined): fixes is BlockFixings => fixes !== undefined && (fixes.size > 0 || (fixes.workDays?.length ?? 0) > 0);

/**
 * Pricing costs with a block's fixings priced in; `offset` is what every roster that keeps them
 * gains. A work day adds the weight to each of its shifts: a roster works at most one a day, so
 * it gains the weight once if it works the day and not at all otherwise.
 */
export function withFixings(costs: number[], fixes: BlockFixings | undefined): { costs: number[]; offset: number } {
  if (!fixesAnything(fixes)) return { costs, offset: 0 };
  const fixed = costs.slice();
  let offset = 0;
  for (const [i, v] of fixes) {
    fixed[i] += v === 1 ? FIXING_WEIGHT : -FIXING_WEIGHT;
    if (v === 1) offset += FIXING_WEIGHT;
  }
  for (const day of fixes.workDays ?? []) {
    for (const i of day) fixed[i] += FIXING_WEIGHT;
    offset += FIXING_WEIGHT;
  }
  return { costs: fixed, offset };
}

/** Whether a block's roster (values in block column order) keeps the block's fixings. */
export function keepsFixings(values: ArrayLike<number>, fixes: BlockFixings | undefined): boolean {
  if (!fixes) return true;
  for (const [i, v] of fixes) if (Math.abs(values[i] - v) > 1e-6) return false;
  return (fixes.workDays ?? []).every((day) => day.reduce((worked, i) => worked + values[i], 0) > 0.5);
}

/** One officer priced at a round's duals: the proved ceiling and the improving rosters met. */
export interface PricedBlock {
  block: number;
  /** Upper bound on the officer's pricing objective (null: nothing proved). */
  ceiling: number | null;
  columns: Float64Array[];
  timedOut: boolean;
}

/**
 * Price one officer at the master's duals: their own MIP with each column costed at its
 * objective minus what its linking rows are worth now. Skipped without a solve when the last
 * proved ceiling, moved by the largest possible gain from the changed costs, cannot beat the
 * convexity dual (still a valid ceiling for the bound).
 */
export async function priceBlock(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, b: number, prices: ArrayLike<number>, seconds: number, quick = false, fixes?: BlockFixings): Promise<PricedBlock> {
  const block = pool.split.blocks[b];
  const convexityDual = prices[pool.split.linkingRows.length + b];
  const costs = pricingCosts(model, pool, b, prices);
  if (fixesAnything(fixes)) {
    // A dive's fixings distort the costs: priced afresh, and nothing kept for skipping later solves.
    const fixed = withFixings(costs, fixes);
    const found = await solvePricing(model, lns, pool, pricer, b, fixed.costs, convexityDual + fixed.offset + 1e-6, seconds, quick, false);
    return { ...found, ceiling: found.ceiling === null ? null : found.ceiling - fixed.offset, columns: found.columns.filter((values) => keepsFixings(values, fixes)) };
  }
  const threshold = convexityDual + 1e-6;
  const last = pricer.last[b];
  if (last) {
    let ceiling = last.ceiling;
    costs.forEach((c, i) => {
      const delta = c - last.costs[i];
      if (delta > 0) ceiling += delta * block.lp.upper[i];
      else if (delta < 0) ceiling += delta * block.lp.lower[i];
    });
    if (ceiling <= threshold) return { block: b, ceiling, columns: [], timedOut: false };
  }
  return solvePricing(model, lns, pool, pricer, b, costs, threshold, seconds, quick, true);
}

/** Price one officer at the given costs: by labeling where the block suits it, else by its MIP. */
async function solvePricing(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, b: number, costs: number[], threshold: number, seconds: number, quick: boolean, remember: boolean): Promise<PricedBlock> {
  const block = pool.split.blocks[b];
  const labeled = priceByLabels(model, pricer, b, costs, threshold, seconds, quick, remember);
  if (labeled) return labeled;
  const pricing = await pricer.session(b);
  pricing.setCosts!(block.cols.map((_, i) => i), costs);
  const best = lns.getBest();
  const start = best ? Float64Array.from(block.cols, (c) => best.values[c]) : undefined;
  // Every improving roster the engine meets on the way is a column, not just the last.
  const columns: Float64Array[] = [];
  const onImprove = (objective: number, _bound: number | null, values?: Float64Array) => {
    if (objective > threshold && values) columns.push(values);
  };
  const run = pricing.run({ timeLimitSeconds: seconds, gapTolerance: 1e-6, start, shouldStop: lns.stop, onImprove });
  const ceiling = run.status === 'optimal' ? run.objective : run.bound;
  if (run.values && run.objective !== null && run.objective > threshold) columns.push(run.values);
  if (remember) pricer.last[b] = ceiling !== null && Number.isFinite(ceiling) ? { costs, ceiling } : null;
  return { block: b, ceiling, columns, timedOut: run.status !== 'optimal' };
}

/**
 * Rosters one labeling pass returns as columns (the best few, so the master has choices).
 * Measured with generation alone: 4 → 10 took Instance8 from 1324 to 1320 in 30 s and
 * Instance12 from 4164 to 4133 in 40 s (the optimum of each is below 1300 and 4040).
 */
const LABELED_COLUMNS = 10;
/** Labels kept per day before the labeling turns heuristic (then the MIP proves, if needed). */
export const LABEL_LIMIT = 3000;
/**
 * Labels per day of the quick pass tried first. Measured on Curtois Instance8 (two-sided hours
 * rows: labels compare by equality), the full pass took 0.3–1.4 s an officer and the quick one
 * 10–70 ms, and it finds improving rosters while the duals are still far from converged.
 */
export const QUICK_LABELS = 100;

/**
 * Pricing by roster labeling, when the block suits it: milliseconds where the MIP takes tenths
 * of a second. A quick pass with few labels first: its improving rosters are columns (proved
 * only if it dropped no label). Only when it finds none does the full pass run — and in a
 * `quick` round not even then: nothing is proved, and the round after proves. Exact: the
 * ceiling is proved. Heuristic (labels capped) with improving rosters: they are columns,
 * nothing is proved. Otherwise null, and the MIP prices the officer.
 */
function priceByLabels(model: RotaModel, pricer: Pricer, b: number, costs: number[], threshold: number, seconds: number, quick: boolean, remember: boolean): PricedBlock | null {
  const labeling = pricer.labeling(model, b);
  if (!labeling) return null;
  const first = labeling.solve(costs, { cutoff: threshold, keep: LABELED_COLUMNS, labelLimit: QUICK_LABELS });
  if (first.exact || first.rosters.length > 0 || quick) {
    const ceiling = first.exact ? (first.rosters[0]?.objective ?? threshold) : null;
    if (ceiling !== null && remember) pricer.last[b] = { costs, ceiling };
    return { block: b, ceiling, columns: first.rosters.map((r) => r.values), timedOut: false };
  }
  const found = labeling.solve(costs, { cutoff: threshold, keep: LABELED_COLUMNS, labelLimit: LABEL_LIMIT, deadline: performance.now() + seconds * 1000 });
  const columns = found.rosters.map((r) => r.values);
  if (found.exact) {
    const ceiling = found.rosters[0]?.objective ?? threshold;
    if (remember) pricer.last[b] = { costs, ceiling };
    return { block: b, ceiling, columns, timedOut: false };
  }
  return columns.length > 0 ? { block: b, ceiling: null, columns, timedOut: false } : null;
}

/**
 * A roster for officer `b` that keeps the block's fixings, the best the labeling finds at
 * `prices`, improving or not (a dive needs one in the master for each officer). Null when the
 * labeling cannot build one (the fixings clash with the officer's rules) or the block has no labeling.
 */
export function rosterKeeping(model: RotaModel, pool: PatternPool, pricer: Pricer, b: number, prices: ArrayLike<number>, fixes: BlockFixings): Float64Array | null {
  const labeling = pricer.labeling(model, b);
  if (!labeling) return null;
  const { costs } = withFixings(pricingCosts(model, pool, b, prices), fixes);
  const found = labeling.solve(costs, { cutoff: -Infinity, labelLimit: QUICK_LABELS });
  const values = found.rosters[0]?.values;
  return values && keepsFixings(values, fixes) ? values : null;
}
