import type { RotaModel } from '../model/rotaModel.js';
import type { GenerationHooks } from './colgen.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import { prng } from './neighbourhoods.js';
import { diveByAssignments } from './assignmentDive.js';
import type { Pricer } from './pricer.js';
import type { AssignmentFixings } from './pricing.js';

/** What a dive is told besides generation's hooks. */
export interface DiveHooks extends GenerationHooks {
  /**
   * Give up (null) when the first step's master LP is no better than this: a neighbourhood
   * whose LP, re-generated, still sits at the incumbent's value has nothing to dive for.
   */
  abandonAt?: number;
  /** The integer master over the pooled rosters `admit` lets in, for at most `seconds`. */
  integerMaster?: (seconds: number, admit: (pattern: number) => boolean) => Promise<unknown>;
  /**
   * The compact model solved under the dive's last on-course fixings (officers in `fixed` keep
   * their rosters), from `choice`, the dive's rounded rota.
   */
  completeFixings?: (fixings: AssignmentFixings, fixed: ReadonlyMap<number, number>, choice: readonly number[]) => Promise<unknown>;
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
  return diveByAssignments(model, lns, pool, pricer, seconds, { ...hooks, fixed });
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
 * Instance9 with roster dives: 23–26 officers free in 8 s gave rotas 40–60 % worse than the
 * incumbent (hence 16). With assignment dives, 24: Instance10 4645–4658 → 4641, 4642; Instance12
 * 4525, 4546; Instance8 1330; with 16 most of Instance10's and Instance12's neighbourhoods had
 * nothing better in their LP.
 */
const NEIGHBOURHOOD_MAX_OFFICERS = 24;

/**
 * Neighbourhood dives given up in a row before they stop: the decomposition's LP, re-generated
 * around the incumbent, has nothing better (Instance12 gave up 11–14 of 13–14 in a row).
 */
const STALLED_DIVES = 3;

/** What neighbourhood dives are told besides the search's own hooks. */
export interface NeighbourhoodDiveHooks {
  /** After each dive given up (its LP had nothing better than the incumbent): another search's turn on this thread. */
  afterAbandoned?: () => Promise<void>;
}

/**
 * Until time runs out, or `STALLED_DIVES` in a row are given up ('stalled'): free a random share
 * of the officers, keep the rest at the incumbent's rosters, re-generate and dive for the free
 * ones, and mend the result by best responses.
 */
export async function neighbourhoodDives(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, settle: (choice: number[], source: string) => Promise<unknown>, takeIncumbents: () => Promise<void>, proved: () => boolean, hooks: NeighbourhoodDiveHooks = {}): Promise<'stalled' | 'done'> {
  const random = prng(0xd1fe);
  const blocks = pool.split.blocks.map((_, b) => b);
  let dives = 0;
  let abandoned = 0;
  let inARow = 0;
  const before = lns.getBest()?.objective ?? -Infinity;
  while (lns.remaining() > 1 && !lns.stop() && !proved()) {
    const best = lns.getBest();
    if (!best) return 'done';
    const share = NEIGHBOURHOOD_SHARE.least + random() * (NEIGHBOURHOOD_SHARE.most - NEIGHBOURHOOD_SHARE.least);
    const size = Math.min(blocks.length, NEIGHBOURHOOD_MAX_OFFICERS, Math.max(2, Math.round(blocks.length * share)));
    const free = new Set(blocks.map((b) => ({ b, key: random() })).sort((x, y) => x.key - y.key).slice(0, size).map((x) => x.b));
    // Objectives are sums of whole penalties on the benchmark, but not in general: a hair above.
    const abandonAt = best.objective + 1e-6 * Math.max(1, Math.abs(best.objective));
    const choice = await diveAround(model, lns, pool, pricer, best.values, free, Math.min(NEIGHBOURHOOD_SECONDS, lns.remaining() - 0.5), { betweenRounds: takeIncumbents, abandonAt });
    if (choice) await settle(choice, `dive over ${size} officers + best responses`);
    else {
      abandoned++;
      await hooks.afterAbandoned?.();
    }
    inARow = choice ? 0 : inARow + 1;
    dives++;
    if (inARow >= STALLED_DIVES) break;
  }
  lns.log.push(`neighbourhood dives: ${dives} (${abandoned} abandoned at the incumbent's LP value), ${before.toFixed(1)} → ${lns.getBest()?.objective.toFixed(1)}`);
  return inARow >= STALLED_DIVES ? 'stalled' : 'done';
}
