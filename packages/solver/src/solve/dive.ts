import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { generateColumns, roundedChoice, solveIntegerMaster, type GenerationHooks } from './colgen.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import type { Pricer } from './pricer.js';

/** Column generation rounds per dive step: enough for the others to adapt, not to re-converge. */
const DIVE_ROUNDS = 3;

/** A roster weighted at least this in the master LP is taken as decided, with the dive's pick. */
const NEAR_INTEGRAL = 0.9;

/**
 * A dive through the converged master: fix the officer whose roster the LP is surest of (its
 * largest weight), re-generate columns for everyone else under that choice, and repeat until
 * every officer has a roster; that rota goes to the search. The LP bound after column generation
 * is usually within a fraction of a percent of the optimum, but the integer master over the
 * pooled rosters often cannot find that rota in time, and rounding all officers at once breaks
 * cover; fixing one at a time lets the others' rosters adapt (a heuristic branch-and-price).
 */
export async function diveForRota(model: RotaModel, engine: Engine, lns: LnsContext, pool: PatternPool, pricer: Pricer, seconds: number, hooks: GenerationHooks = {}): Promise<void> {
  const started = performance.now();
  const left = () => Math.min(lns.remaining(), seconds - (performance.now() - started) / 1000);
  const blocks = pool.split.blocks.length;
  const fixed = new Map<number, number>();
  let steps = 0;
  let lastWeights: Float64Array | null = null;
  while (fixed.size < blocks && !lns.stop()) {
    const open = blocks - fixed.size;
    // Spread what is left over the officers still open; the last ones need little.
    const budget = left() > 0.5 ? Math.max(0.3, left() / Math.max(1, open / 2)) : 0;
    const round = budget > 0 ? await generateColumns(model, engine, lns, pool, pricer, budget, { betweenRounds: hooks.betweenRounds, fixed, maxRounds: DIVE_ROUNDS }) : null;
    const weights = round?.lpValues;
    if (!weights) break;
    lastWeights = weights;
    steps++;
    let best = -1;
    const decided: [number, number][] = [];
    pool.patterns.forEach((p, k) => {
      if (fixed.has(p.block)) return;
      if (best < 0 || weights[k] > weights[best]) best = k;
      if (weights[k] >= NEAR_INTEGRAL) decided.push([p.block, k]);
    });
    if (best < 0) break;
    fixed.set(pool.patterns[best].block, best);
    for (const [b, k] of decided) fixed.set(b, k);
  }
  if (!lastWeights) return;
  // Time ran out part-way: every officer still open takes the roster the last LP weighed most.
  const rounded = roundedChoice(pool, lastWeights);
  const choice = rounded.map((k, b) => fixed.get(b) ?? k);
  if (choice.some((k) => k < 0)) return;
  await solveIntegerMaster(engine, lns, pool, Math.max(0.5, Math.min(5, lns.remaining())), choice);
  lns.log.push(`dive: ${steps} steps, ${fixed.size} of ${blocks} officers fixed by the LP`);
}
