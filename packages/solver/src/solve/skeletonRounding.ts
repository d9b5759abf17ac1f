import type { Engine } from '../engines/index.js';
import type { LinearModel } from '../model/linear.js';
import type { OfficerDay } from './assignmentDive.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';

/** A roster's LP weight counts as one within this. */
const ROUNDING_EPSILON = 1e-6;
/** Rounding fixes every officer the LP gives a choice this much weight at once. */
const ROUNDING_SURE = 0.9;

/**
 * The skeleton master's LP rounded officer by officer, in two passes. First each officer's
 * weekend: the LP's weight summed over rosters with the same capped days worked, the surest
 * officer's (and every one at `ROUNDING_SURE` or more) kept and its other rosters barred. Then
 * the same by whole roster, until each officer has one. Returns the LP's objective before any
 * fixing, and the last LP's objective and values (one roster per officer), or null.
 * It starts the engine with a rota near the LP: alone, HiGHS's first rotas were tens of
 * thousands above it. Rounding whole rosters at once dead-ended on Curtois Instance12 (the LP
 * at 4061 rose to 4266 over the last eight fixings, and the engine found nothing better in 6 s).
 */
export async function roundedByLp(engine: Engine, lns: LnsContext, pool: PatternPool, capped: readonly OfficerDay[], relaxation: LinearModel): Promise<{ lpObjective: number; objective: number; values: Float64Array } | null> {
  const session = await engine.open(relaxation);
  try {
    const byBlock = pool.split.blocks.map((): number[] => []);
    pool.patterns.forEach((p, k) => byBlock[p.block].push(k));
    const weekend = weekendKeys(pool, capped);
    let lpObjective: number | null = null;
    for (const key of [weekend, (k: number) => String(k)]) {
      for (;;) {
        const run = session.run({ timeLimitSeconds: Math.max(0.1, lns.remaining()), shouldStop: lns.stop });
        if (run.status !== 'optimal' || !run.values || run.objective == null) return null;
        lpObjective ??= run.objective;
        const values = run.values;
        const open = byBlock
          .map((ks, block) => surest(block, ks, key, values))
          .filter((c): c is Choice => c !== null && c.weight < 1 - ROUNDING_EPSILON)
          .sort((a, b) => b.weight - a.weight);
        if (open.length === 0) {
          if (key === weekend) break;
          return { lpObjective: lpObjective ?? run.objective, objective: run.objective, values };
        }
        const barred = open.filter((c, i) => i === 0 || c.weight >= ROUNDING_SURE).flatMap((c) => byBlock[c.block].filter((k) => key(k) !== c.key));
        session.setBounds(barred, barred.map(() => 0), barred.map(() => 0));
      }
    }
    return null;
  } finally {
    session.dispose();
  }
}

interface Choice {
  block: number;
  key: string;
  weight: number;
}

/** The heaviest choice among one officer's rosters, rosters grouped by `key`. */
function surest(block: number, ks: readonly number[], key: (k: number) => string, values: Float64Array): Choice | null {
  const weights = new Map<string, number>();
  for (const k of ks) if (values[k] > ROUNDING_EPSILON) weights.set(key(k), (weights.get(key(k)) ?? 0) + values[k]);
  let best: Choice | null = null;
  for (const [name, weight] of weights) if (!best || weight > best.weight) best = { block, key: name, weight };
  return best;
}

/** Per pooled roster, which of its officer's capped days it works, as a key. */
function weekendKeys(pool: PatternPool, capped: readonly OfficerDay[]): (k: number) => string {
  const days = pool.split.blocks.map((): OfficerDay[] => []);
  for (const d of capped) days[d.block].push(d);
  const keys = pool.patterns.map((p) => days[p.block].map((d) => (d.cols.some((i) => p.values[i] > 0.5) ? '1' : '0')).join(''));
  return (k) => keys[k];
}
