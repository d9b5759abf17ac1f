import type { RotaModel } from '../model/rotaModel.js';
import { branchAndPrice, objectiveStep, type TreeHooks } from './branchAndPrice.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import type { Pricer } from './pricer.js';

/**
 * Most objective levels between the converged bound and the incumbent for which the tree runs.
 * The levels searched are those next to the bound, however far the incumbent: Instance5 came to
 * convergence at 1152 (11 levels) and its optimum is the third level. Instance9's bound is 33
 * levels below its optimum, where level by level would never get there.
 */
export const MAX_LEVELS = 12;

/**
 * A level within this share of a step of the bound is passed over at first: the LP reaches it
 * at the root and at most nodes of a degenerate master, so little is pruned or fixed (Instance6's
 * bound is 1949.00, and its level 1949 ran out 60 s unexhausted in the harness; 1950, the
 * optimum, was reached in 15.5 s from there).
 */
const LEVEL_MARGIN = 0.1;

/**
 * Share of the time left that one level may take before the search moves a level down without
 * a proof. Instance6's first level (its bound, 1949, exactly) was not exhausted in 60 s, while
 * its next (1950, the optimum) was reached in 6–16 s.
 */
const LEVEL_SHARE = 0.5;

/**
 * Share of the time left for the level just below an exhausted one: the best rota lies at or
 * below it, and the bound is near. Instance5's third level (1143, its optimum) was reached in
 * 7.0 s and 9.3 s in two runs and ran out its 8.3 s (at `LEVEL_SHARE`) in a third, which then
 * spent the rest on levels further down, 3 s each, for nothing.
 */
const FRONTIER_SHARE = 0.85;

/** Least seconds a level gets, time allowing. */
const LEVEL_SECONDS = 3;

/** Hooks of the level-by-level search. */
export interface LevelHooks extends TreeHooks {
  /** Records a bound the search proved (no rota beats it). */
  postBound: (bound: number) => void;
}

/** How many whole objective levels above the incumbent the bound leaves open. */
export function levelsBetween(model: RotaModel, bound: number, incumbent: number): number {
  const step = objectiveStep(model);
  return Math.floor((bound - incumbent) / step + 1e-6);
}

/**
 * Branch-and-price level by level, from the bound down (maximising): each tree searches only for
 * rotas that reach its level, so it prunes and fixes by the Lagrangian bound as hard as if the
 * incumbent were a step below that level, however far the real incumbent is. An exhausted level
 * is proved empty (the bound falls to the next level); a level that runs out of its time share is
 * passed over unproved. Once a level is reached, or the next level is a step above the incumbent,
 * the plain tree (cutoff a step above the incumbent) takes the rest of the time.
 *
 * Why: from Instance5's 1148 with the converged bound at 1140.58, the plain tree (cutoff 1147)
 * found nothing in 60 s; level by level, 1141 and 1142 were exhausted in 2.9 s and 6.7 s and
 * 1143, the optimum, was reached 9.3 s later, which the exhausted levels prove optimal.
 */
export async function searchByLevels(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, bound: number, seconds: number, hooks: LevelHooks): Promise<void> {
  const started = performance.now();
  const left = () => Math.min(lns.remaining(), seconds - (performance.now() - started) / 1000);
  const step = objectiveStep(model);
  const incumbent = () => lns.getBest()?.objective ?? -Infinity;
  // The bound proved so far: the converged LP's, then a step below each exhausted level.
  let proved = Math.floor(bound / step + 1e-6) * step;
  let level = bound - proved < LEVEL_MARGIN * step ? proved - step : proved;
  let frontier = false;
  while (left() > 0.3 && !lns.stop() && incumbent() < proved - step / 2) {
    if (level <= incumbent() + step / 2) {
      // The plain tree: anything a whole step better than the incumbent.
      const tree = await branchAndPrice(model, lns, pool, pricer, left(), hooks);
      if (tree.outcome === 'exhausted') hooks.postBound(incumbent());
      return;
    }
    const tree = await branchAndPrice(model, lns, pool, pricer, Math.max(LEVEL_SECONDS, left() * (frontier ? FRONTIER_SHARE : LEVEL_SHARE)), { ...hooks, target: level });
    lns.log.push(`objective level ${level}: ${tree.outcome}`);
    // A tree with a target prunes only what cannot reach it: exhausted, no rota reaches this level or any above.
    // (With a rota at the level found on the way, the cutoff had risen a step above it.)
    frontier = tree.outcome === 'exhausted';
    if (frontier) {
      proved = Math.min(proved, Math.max(level - step, incumbent()));
      hooks.postBound(proved);
    }
    // Reached: unproved levels above may still hold a better rota, which the plain tree looks for.
    level = tree.outcome === 'reached' ? incumbent() : level - step;
  }
}
