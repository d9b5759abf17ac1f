import type { RotaModel } from '../model/rotaModel.js';
import { generateColumns, patternWeight, roundedChoice, type GenerationHooks } from './colgen.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import { prng } from './neighbourhoods.js';
import type { Pricer } from './pricer.js';

/** Column generation rounds per dive step: enough for the others to adapt, not to re-converge. */
const DIVE_ROUNDS = 3;

/** A roster weighted at least this in the master LP is taken as decided, with the dive's pick. */
const NEAR_INTEGRAL = 0.9;

/** Share of the open officers fixed per step (at least one): a 50-officer dive takes tens of steps, not fifty. */
const FIX_SHARE = 0.1;

/** What a dive is told besides generation's hooks. */
export interface DiveHooks extends GenerationHooks {
  /**
   * Give up (null) when the first step's master LP is no better than this: a neighbourhood
   * whose LP, re-generated, still sits at the incumbent's value has nothing to dive for.
   */
  abandonAt?: number;
}

/**
 * A dive through the converged master: fix the officer whose roster the LP is surest of (its
 * largest weight), re-generate columns for everyone else under that choice, and repeat until
 * every officer has a roster. Returns that choice (a pattern per officer), or null when no master
LP was solved. The LP bound after column generation
 * is usually within a fraction of a percent of the optimum, but the integer master over the
 * pooled rosters often cannot find that rota in time, and rounding all officers at once breaks
 * cover; fixing one at a time lets the others' rosters adapt (a heuristic branch-and-price).
 */
export async function diveForRota(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, seconds: number, hooks: DiveHooks = {}): Promise<number[] | null> {
  const started = performance.now();
  const left = () => Math.min(lns.remaining(), seconds - (performance.now() - started) / 1000);
  const blocks = pool.split.blocks.length;
  const fixed = new Map<number, number>(hooks.fixed ?? []);
  let steps = 0;
  let lastWeights: Float64Array | null = null;
  while (fixed.size < blocks && !lns.stop()) {
    const open = blocks - fixed.size;
    // Spread what is left over the officers still open; the last ones need little.
    const budget = left() > 0.5 ? Math.max(0.3, left() / Math.max(1, open / 2)) : 0;
    const round = budget > 0 ? await generateColumns(model, lns, pool, pricer, budget, { betweenRounds: hooks.betweenRounds, fixed, maxRounds: DIVE_ROUNDS }) : null;
    const values = round?.lpValues;
    if (!values) break;
    if (steps === 0 && hooks.abandonAt !== undefined && round!.masterValue! <= hooks.abandonAt) return null;
    lastWeights = values;
    const weights = pool.patterns.map((_, k) => patternWeight(pool, values, k));
    steps++;
    // The heaviest rosters of distinct officers still open, and every near-integral one.
    const heaviest = pool.patterns.map((p, k) => k).filter((k) => !fixed.has(pool.patterns[k].block)).sort((a, b) => weights[b] - weights[a]);
    if (heaviest.length === 0) break;
    const take = Math.max(1, Math.ceil(open * FIX_SHARE));
    const picked = new Set<number>();
    for (const k of heaviest) {
      const { block } = pool.patterns[k];
      if (picked.has(block)) continue;
      if (picked.size >= take && weights[k] < NEAR_INTEGRAL) break;
      picked.add(block);
      fixed.set(block, k);
    }
  }
  if (!lastWeights) return null;
  // Time ran out part-way: every officer still open takes the roster the last LP weighed most.
  const rounded = roundedChoice(pool, lastWeights);
  const choice = rounded.map((k, b) => fixed.get(b) ?? k);
  if (!hooks.fixed) lns.log.push(`dive: ${steps} steps, ${fixed.size} of ${blocks} officers fixed by the LP`);
  return choice.some((k) => k < 0) ? null : choice;
}

/**
 * A dive as a neighbourhood: the officers outside `free` keep their rosters in `point` (a full
 * model point), the free ones are re-generated and dived for under them. Returns the choice, or
 * null. Large-neighbourhood search with the decomposition's tight LP inside each neighbourhood.
 */
export async function diveAround(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, point: Float64Array, free: ReadonlySet<number>, seconds: number, hooks: DiveHooks = {}): Promise<number[] | null> {
  pool.addPoint(point);
  const start = pool.startFor(point);
  const fixed = new Map<number, number>();
  pool.patterns.forEach((p, k) => {
    if (start[k] > 0.5 && !free.has(p.block)) fixed.set(p.block, k);
  });
  return diveForRota(model, lns, pool, pricer, seconds, { ...hooks, fixed });
}

/**
 * Share of the officers a neighbourhood dive frees (the rest keep the incumbent's rosters).
 * Measured on Curtois 7 and 9: with a fifth to two fifths free the restricted LP was already
 * integral at the incumbent and 0 of 21–33 dives changed it; with half to four fifths free,
 * 1365 → 1058 and 560 → 466.
 */
const NEIGHBOURHOOD_SHARE = { least: 0.5, most: 0.8 };
/** Seconds per neighbourhood dive. */
const NEIGHBOURHOOD_SECONDS = 8;
/**
 * Most officers a neighbourhood dive frees: what a dive closes in its seconds. Measured on
 * Instance9: 23–26 officers free in 8 s gave rotas 40–60 % worse than the incumbent.
 */
const NEIGHBOURHOOD_MAX_OFFICERS = 16;

/**
 * Until time runs out: free a random share of the officers, keep the rest at the incumbent's
 * rosters, re-generate and dive for the free ones, and mend the result by best responses.
 */
export async function neighbourhoodDives(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, settle: (choice: number[], source: string) => Promise<void>, takeIncumbents: () => Promise<void>, proved: () => boolean): Promise<void> {
  const random = prng(0xd1fe);
  const blocks = pool.split.blocks.map((_, b) => b);
  let dives = 0;
  let abandoned = 0;
  const before = lns.getBest()?.objective ?? -Infinity;
  while (lns.remaining() > 1 && !lns.stop() && !proved()) {
    const best = lns.getBest();
    if (!best) return;
    const share = NEIGHBOURHOOD_SHARE.least + random() * (NEIGHBOURHOOD_SHARE.most - NEIGHBOURHOOD_SHARE.least);
    const size = Math.min(blocks.length, NEIGHBOURHOOD_MAX_OFFICERS, Math.max(2, Math.round(blocks.length * share)));
    const free = new Set(blocks.map((b) => ({ b, key: random() })).sort((x, y) => x.key - y.key).slice(0, size).map((x) => x.b));
    // Objectives are sums of whole penalties on the benchmark, but not in general: a hair above.
    const abandonAt = best.objective + 1e-6 * Math.max(1, Math.abs(best.objective));
    const choice = await diveAround(model, lns, pool, pricer, best.values, free, Math.min(NEIGHBOURHOOD_SECONDS, lns.remaining() - 0.5), { betweenRounds: takeIncumbents, abandonAt });
    if (choice) await settle(choice, `dive over ${size} officers + best responses`);
    else abandoned++;
    dives++;
  }
  lns.log.push(`neighbourhood dives: ${dives} (${abandoned} abandoned at the incumbent's LP value), ${before.toFixed(1)} → ${lns.getBest()?.objective.toFixed(1)}`);
}
