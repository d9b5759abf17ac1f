import type { RotaModel } from '../model/rotaModel.js';
import type { MasterBounds } from './coverBranching.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import { holds, PRICING_SECONDS, type Pricer } from './pricer.js';
import { keepsFixings, priceBlock, type AssignmentFixings, type PricedBlock } from './pricing.js';


/** What column generation established. */
export interface ColumnGenerationResult {
  /** Best Lagrangian (Dantzig–Wolfe) upper bound proved; null when no round priced every officer. */
  bound: number | null;
  /**
   * Best Lagrangian bound on the rotas that keep the hooks' fixings (the node's bound in a tree
   * search): like `bound`, but claimed under fixings too; null when no round priced every open
   * officer to optimality.
   */
  nodeBound: number | null;
  /** Restricted master LP value at the last round. */
  masterValue: number | null;
  rounds: number;
  /** True when no officer had an improving pattern: `bound` is the master LP optimum. */
  converged: boolean;
  /** Stopped because the master value came within `stopGap` of the bound. */
  nearlyConverged: boolean;
  /** Quick rounds had stopped finding rosters, so pricing was proving: the tail of generation. */
  pricingExact: boolean;
  /** The last master LP solution (pattern weights first), for rounding. */
  lpValues: Float64Array | null;
  /** The last master LP's row duals (linking rows, then one convexity row per officer). */
  prices: Float64Array | null;
}


/** Least time a restricted master LP gets (a few thousand rosters solve in tenths of a second). */
const MASTER_LP_SECONDS = 2;

/**
 * Weight of the last priced duals in a quick round's prices. Measured with generation alone
 * against none: Instance7 1055.5 → 1054.1 in 20 s (then nearly converged), Instance8 1337 → 1324
 * in 30 s, Instance12 4195 → 4164 in 40 s; 0.8 was worse than 0.5 on Instance7 (1054.4).
 */
const SMOOTHING = 0.5;

/**
 * Share of the officers a quick round prices first. Measured with generation alone (25 s):
 * Instance12 4353 → 4172, Instance10 4712 → 4691, Instance11 (20 s) 3529 → 3498.
 */
const PARTIAL_SHARE = 1 / 3;
/**
 * A quick round that finds fewer improving rosters than officers priced prices a larger share
 * next: on Instance8 (two-sided hours rows) a third of the officers found 3–7 rosters a round and
 * the master stalled at 1349 where pricing everyone reached 1322.
 */
const PARTIAL_YIELD = 1;
/** Quick rounds end once they find fewer rosters than this share of the officers priced. */
const QUICK_YIELD = 0.25;

/** Calls between column generation rounds (the partner thread takes in messages there). */
export interface GenerationHooks {
  betweenRounds?: () => Promise<void>;
  onBound?: (bound: number) => void;
  /** Each round's master LP solution over the whole problem (no fixings), as guidance. */
  onMaster?: (lpValues: Float64Array) => void;
  /**
   * Officers whose roster is fixed (block → pattern index), as in a dive: they are not priced,
   * and the bound is not a bound on the whole problem, so `onBound` is not called.
   */
  fixed?: ReadonlyMap<number, number>;
  /**
   * Single assignments fixed inside open officers' rosters (an assignment dive): rosters that
   * disagree are left out of the master and pricing keeps to them; no bound is claimed either.
   */
  fixings?: AssignmentFixings;
  /** Stop after this many rounds. */
  maxRounds?: number;
  /** Stop once the master value is within this share of the Lagrangian bound (`nearlyConverged`). */
  stopGap?: number;
  /** Every round prices every officer exactly at the master's own duals (no quick rounds): a tree node's LP is near its parent's. */
  exact?: boolean;
  /** Stop once `nodeBound` falls below this: nothing under these fixings reaches it. */
  cutoff?: number;
  /** Master columns narrowed (index into `split.masterCols` → bounds), as by a tree's cover branches: no bound is claimed. */
  masterBounds?: MasterBounds;
}

/**
 * Dantzig–Wolfe column generation over officer rosters. Each round solves the restricted master
 * LP, turns its row duals into a price on every officer's columns (what their cover is worth
 * now), and asks each officer's own MIP — their rules only — for the roster with the best
 * reduced cost. Rosters that improve enter the pool. The Lagrangian bound
 * (master value + Σ positive reduced-cost bounds) is valid after every full round, so the gap is
 * known long before the LP converges; it is far tighter than the compact LP relaxation because
 * each officer's rules are enforced exactly, not fractionally.
 */
export async function generateColumns(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, seconds: number, hooks: GenerationHooks = {}): Promise<ColumnGenerationResult> {
  const started = performance.now();
  const left = () => Math.min(lns.remaining(), seconds - (performance.now() - started) / 1000);
  const { split } = pool;
  const result: ColumnGenerationResult = { bound: null, nodeBound: null, masterValue: null, rounds: 0, converged: false, nearlyConverged: false, pricingExact: false, lpValues: null, prices: null };
  // Quick rounds (few labels, nothing proved) while they still find rosters; then rounds that prove.
  let quick = !hooks.exact;
  let centre: Float64Array | null = null;
  let share = PARTIAL_SHARE;
  const fixed = hooks.fixed ?? new Map<number, number>();
  const fixings = hooks.fixings;
  const excluded = fixings && fixings.size > 0 ? (k: number) => !keepsFixings(pool.patterns[k].values, fixings.get(pool.patterns[k].block)) : undefined;
  while (left() > 0.2 && !lns.stop() && pool.coversEveryBlock()) {
    await hooks.betweenRounds?.();
    const roundStarted = performance.now();
    // A master LP cut short has no duals: let it finish even past a short budget (a dive step).
    const run = await pricer.master(pool).solve(fixed, Math.max(MASTER_LP_SECONDS, left()), lns.stop, excluded, hooks.masterBounds);
    const lpSeconds = (performance.now() - roundStarted) / 1000;
    if (run.status !== 'optimal' || !run.rowDuals || run.objective === null) {
      lns.log.push(`column generation: master LP ${run.status}`);
      break;
    }
    const prices = run.rowDuals;
    // Quick rounds price at duals smoothed towards the last ones priced (Wentges): the master's
    // own duals swing from round to round, and rosters priced at them overshoot.
    const last = centre;
    const pricing: Float64Array = quick && last ? Float64Array.from(prices, (p, i) => SMOOTHING * last[i] + (1 - SMOOTHING) * p) : prices;
    centre = pricing;
    const convexityDual = (b: number) => prices[split.linkingRows.length + b];
    result.masterValue = run.objective;
    result.lpValues = run.values;
    result.prices = prices;
    result.pricingExact = !quick;
    result.rounds++;
    const priced: PricedBlock[] = [];
    // Quick rounds price a rotating share of the officers: the master re-solves in a fraction of
    // the time pricing takes, and the officers priced next see its fresher duals.
    const open = [...split.blocks.keys()].filter((b) => !fixed.has(b));
    const count = quick ? Math.ceil(open.length * share) : open.length;
    // The rotation carries over between calls: a dive step gets a round or two, and starting
    // each at the first officer re-priced the same third under every step's fixings.
    const start = pricer.cursor % Math.max(1, open.length);
    const order = [...open.slice(start), ...open.slice(0, start)].slice(0, count);
    pricer.cursor += count;
    for (const b of order) {
      if (left() <= 0.1 || lns.stop()) break;
      priced.push(await priceBlock(model, lns, pool, pricer, b, pricing, Math.min(pricer.pricingSeconds, left()), quick, fixings?.get(b)));
    }
    let added = 0;
    let lagrangian = run.objective;
    let unproved = 0;
    let timedOut = 0;
    const smoothed = pricing !== prices;
    let improving = 0;
    for (const p of priced) {
      for (const values of p.columns) {
        if (!holds(split.blocks[p.block], values) || !pool.add(p.block, values)) continue;
        added++;
        if (pool.reducedCost(pool.patterns.length - 1, prices) > 1e-6) improving++;
      }
      if (p.ceiling !== null) lagrangian += Math.max(0, p.ceiling - convexityDual(p.block));
      if (p.ceiling === null || p.ceiling > convexityDual(p.block) + 1e-6) unproved++;
      if (p.timedOut) timedOut++;
    }
    if (quick && added < priced.length * PARTIAL_YIELD) share = Math.min(1, share * 1.5);
    // Smoothed prices that found nothing the master's own duals call improving: price at those next.
    if (smoothed && improving === 0) centre = null;
    else if (count === open.length && added < Math.max(1, priced.length * QUICK_YIELD)) quick = false;
    // Ceilings at smoothed prices bound nothing at the master's duals.
    const complete = !smoothed && priced.length === split.blocks.length - fixed.size && priced.every((p) => p.ceiling !== null);
    // Proving needs every officer priced to optimality: give pricing more time once columns dry up.
    if (timedOut > 0 && added < split.blocks.length / 4) pricer.pricingSeconds = Math.min(PRICING_SECONDS.max, pricer.pricingSeconds * 2);
    const whole = fixed.size === 0 && !excluded && !hooks.masterBounds?.size;
    if (whole && run.values) hooks.onMaster?.(run.values);
    if (complete) result.nodeBound = Math.min(result.nodeBound ?? Infinity, lagrangian);
    if (complete && whole) {
      result.bound = result.bound === null ? lagrangian : Math.min(result.bound, lagrangian);
      hooks.onBound?.(result.bound);
    }
    if (process.env.PATROLPLAN_TRACE) lns.log.push(`column generation round ${result.rounds}${smoothed ? ' (smoothed)' : ''}: master ${run.objective.toFixed(2)}, bound ${lagrangian.toFixed(2)}${complete ? '' : ' (partial)'}, +${added} rosters in ${((performance.now() - roundStarted) / 1000).toFixed(2)} s (LP ${lpSeconds.toFixed(2)} s, ${pool.patterns.length} patterns)`);
    if (complete && hooks.stopGap !== undefined && lagrangian - run.objective <= hooks.stopGap * Math.max(1, Math.abs(run.objective))) {
      result.nearlyConverged = true;
      break;
    }
    if (hooks.cutoff !== undefined && result.nodeBound !== null && result.nodeBound < hooks.cutoff) break;
    if (result.rounds >= (hooks.maxRounds ?? Infinity)) break;
    if (added === 0 && complete && unproved === 0) {
      result.converged = true;
      result.nodeBound = Math.min(result.nodeBound ?? Infinity, run.objective);
      if (whole) result.bound = Math.min(result.bound ?? Infinity, run.objective);
      break;
    }
    // Improving rosters that are all pooled already: the LP's duals and its columns disagree
    // (numerics), and another round would only repeat this one.
    if (added === 0 && complete) break;
  }
  return result;
}
