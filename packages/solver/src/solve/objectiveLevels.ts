import type { RotaModel } from '../model/rotaModel.js';
import { branchAndPrice, objectiveStep, type TreeHooks } from './branchAndPrice.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import type { Pricer } from './pricer.js';

/**
 * Most objective levels between the converged bound and the incumbent for which the walk runs.
 * The levels searched are those next to the bound, however far the incumbent: Instance5 came to
 * convergence at 1152 (11 levels) and its optimum is the third level. Instance9's bound is 33
 * levels below its optimum, where level by level would never get there.
 */
const MAX_LEVELS = 12;

/**
 * Most levels for the plain tree (see LEVEL_MARGIN), whose cutoff follows the incumbent: from
 * five steps above, Instance7's fixed only 50 assignments and Instance5's never came within reach
 * (eighteenth session); within three it found Instance6's 1951 and 1950.
 */
const PLAIN_LEVELS = 3;

/**
 * When the bound lies within this share of a step of a whole level, the walk does not start:
 * the plain tree runs at once. At that level the LP itself reaches the target at the root and at
 * most nodes of a degenerate master, so nothing is pruned or fixed by the bound; and the plain
 * tree, stepping down from the incumbent, pools the rosters of each rota it finds on the way.
 * Instance6 (bound 1949.00, optimum 1950) reached 1950 in 3 of 3 runs this way and in 4 of 5
 * with the plain tree alone, against 3 of 9 with levels (1949 first or passed over).
 */
const LEVEL_MARGIN = 0.1;

/**
 * Share of the time left that one level may take before the search moves a level down without
 * a proof: a level may be empty and too big to exhaust (Instance7's 1055, a step below its
 * bound of 1054.08, was not exhausted in 120 s).
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

/** Whether the tree is worth running now (see MAX_LEVELS and PLAIN_LEVELS). */
export function treeInReach(model: RotaModel, bound: number, incumbent: number): boolean {
  return levelsBetween(model, bound, incumbent) <= (walks(model, bound) ? MAX_LEVELS : PLAIN_LEVELS);
}

/** Whether the search walks down level by level from this bound (see LEVEL_MARGIN). */
function walks(model: RotaModel, bound: number): boolean {
  const step = objectiveStep(model);
  return bound - topLevel(bound, step) >= LEVEL_MARGIN * step;
}

/** The best whole level a rota can reach under the bound (a hair over counts as on it). */
function topLevel(bound: number, step: number): number {
  return Math.floor(bound / step + 1e-6) * step;
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
  let proved = topLevel(bound, step);
  let level = walks(model, bound) ? proved : incumbent();
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
