import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { BestResponse } from './bestResponse.js';
import { generateColumns, roundedChoice, solveIntegerMaster } from './colgen.js';
import { decompose, type Decomposition } from './decompose.js';
import { diveForRota } from './dive.js';
import { enumerateWithinGap } from './enumerate.js';
import type { LnsContext } from './lns.js';
import { PatternPool } from './master.js';
import { Pricer, seedRoster } from './pricer.js';

/**
 * Above this many assignment binaries (and below year-long sizes) column generation cannot converge within
 * a minute on this hardware and the partner's thread slows the main search more than it helps:
 * measured on Curtois 8–12 (60 s), with the partner Instance9–11 ended 3–19 % worse.
 */
export const PARTNER_MAX_BINARIES = 20_000;

/**
 * Column generation tails off: the last rounds move the master by hundredths. Within this share
 * of the bound a dive gains more than those rounds would.
 */
const NEAR_CONVERGENCE = 0.003;

/** Share of the partner's time kept for the integer master when generation has not converged. */
const INTEGER_MASTER_RESERVE = 0.15;

/**
 * Share of the partner's time column generation may take before the dive, converged or not.
 * Measured on Curtois 8–12: the master LP tails off over the last rounds, while a dive and best
 * responses from it already beat the main search's rota.
 */
const GENERATION_SHARE = 0.5;

/** Most seconds best responses polish one rota. */
const POLISH_SECONDS = 3;

/** How the partner search talks to the main search (messages between threads, or direct calls in tests). */
export interface PartnerChannel {
  /** Incumbents the main search found since the last call. */
  drain(): Float64Array[];
  postBound(bound: number): void;
  postPoint(values: Float64Array): void;
  /** Lets queued messages in (a thread only sees them between tasks). */
  yieldToMessages(): Promise<void>;

}

/**
 * Whether the rota model splits usefully by officer: at least two officers with their own rows
 * and something (cover, capacity) tying them together.
 */
export function decomposable(split: Decomposition): boolean {
  return split.blocks.length >= 2 && split.linkingRows.length > 0 && split.blocks.every((b) => b.cols.length > 0);
}

/**
 * The second core's search: Dantzig–Wolfe column generation over officer rosters, alternating
 * with the integer master over the pooled rosters. It proves the decomposition bound (usually far
 * tighter than the compact LP) and posts every better rota it finds; the main search's
 * incumbents flow back in as rosters, so each side starts from the other's best.
 */
export async function partnerSearch(model: RotaModel, engine: Engine, lns: LnsContext, channel: PartnerChannel, split = decompose(model)): Promise<void> {
  const pool = new PatternPool(model.lp, split);
  const pricer = new Pricer(engine, split);
  const response = BestResponse.build(model, split, pricer);
  const total = lns.remaining();
  /** Best responses from a rota (any, not only a better one); posted when that beats the incumbent. */
  const polish = (point: Float64Array, source: string) => {
    response?.improve(point, Math.min(POLISH_SECONDS, lns.remaining()), lns.stop);
    if (lns.accept(point, source)) channel.postPoint(point);
  };
  const takeIncumbents = async () => {
    await channel.yieldToMessages();
    for (const values of channel.drain()) {
      pool.addPoint(values);
      if (lns.accept(values, 'main search')) polish(values.slice(), 'main search + best responses');
    }
  };
  const improved = async (seconds: number, choice?: number[]) => {
    const before = lns.getBest()?.objective ?? -Infinity;
    const run = await solveIntegerMaster(engine, lns, pool, seconds, choice);
    const best = lns.getBest();
    if (best && best.objective > before) channel.postPoint(best.values);
    return run.status;
  };
  /** A pattern per officer as a rota: best responses mend its cover, else the master's own columns are solved for it. */
  const settle = async (choice: number[], source: string) => {
    if (!response) return void (await improved(Math.min(5, lns.remaining()), choice));
    const weights = new Float64Array(pool.patterns.length + split.masterCols.length);
    choice.forEach((k) => (weights[k] = 1));
    const point = pool.toPoint(weights);
    if (point) polish(point, source);
  };
  try {
    // Every officer's best roster under their own rules alone: the master is feasible from the
    // start (the linking rows' slack absorbs the rest) even before the main search reports.
    await seedPool(model, pool, pricer, lns, takeIncumbents);
    // The seeds side by side are already a rota that keeps every officer's own rules.
    await takeIncumbents();
    if (pool.coversEveryBlock()) await improved(Math.min(5, lns.remaining()));
    // After convergence: dive for a rota near the bound, then list every roster that could
    // still beat it; when that list is complete, the integer master over it is exact.
    const dive = async () => {
      const choice = await diveForRota(model, engine, lns, pool, pricer, lns.remaining() / 2, { betweenRounds: takeIncumbents });
      if (choice) await settle(choice, 'dive + best responses');
      await takeIncumbents();
    };
    // The gap argument holds for the converged master's duals only.
    const closeGap = async (prices: Float64Array, bound: number) => {
      const gap = bound - (lns.getBest()?.objective ?? -Infinity);
      if (!Number.isFinite(gap)) return;
      const listed = enumerateWithinGap(model, pool, pricer, prices, gap, lns.remaining() / 3);
      lns.log.push(`enumeration within the gap ${gap.toFixed(2)}: +${listed.added} rosters, ${listed.complete ? 'complete' : 'partial'}`);
      const status = await improved(lns.remaining());
      // Every roster that could beat the incumbent was in the master: its optimum is the rota's.
      if (listed.complete && status === 'optimal') channel.postBound(lns.getBest()!.objective);
    };
    const reserve = Math.max(2, lns.remaining() * INTEGER_MASTER_RESERVE);
    let converged = false;
    let dived = false;
    let poolSizeAtLastMaster = -1;
    while (lns.remaining() > 0.3 && !lns.stop()) {
      await takeIncumbents();
      if (!pool.coversEveryBlock()) {
        // Some officer's own rules could not be solved alone in time: wait for the main search.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      if (!converged) {
        // Rosters from an unconverged master are rarely better than the main search's, so
        // generation runs to convergence, or until only the reserve is left.
        const diveAt = lns.remaining() - total * (1 - GENERATION_SHARE);
        const round = await generateColumns(model, engine, lns, pool, pricer, dived ? lns.remaining() - reserve : Math.max(0.5, diveAt), { betweenRounds: takeIncumbents, onBound: (b) => channel.postBound(b), stopGap: dived ? undefined : NEAR_CONVERGENCE });
        converged = round.converged;
        // The master LP is near-integral by now: rounded and mended, it is a good rota at once.
        if (round.lpValues) await settle(roundedChoice(pool, round.lpValues), 'rounded master + best responses');
        if (round.bound !== null) channel.postBound(round.bound);
        // Nearly converged, or out of its share of time: dive once for a rota near the bound,
        // then generation goes on to convergence, where the gap enumeration can prove.
        if ((round.converged || round.nearlyConverged || lns.remaining() - total * (1 - GENERATION_SHARE) <= 0.5) && !dived) {
          dived = true;
          await dive();
          if (!round.converged) continue;
        }
        if (round.converged && round.prices && round.bound !== null) await closeGap(round.prices, round.bound);
      }
      await takeIncumbents();
      if (pool.patterns.length === poolSizeAtLastMaster) {
        // Converged and nothing new to combine: leave the core to the main search.
        if (converged) break;
        continue;
      }
      poolSizeAtLastMaster = pool.patterns.length;
      await improved(converged ? Math.max(5, lns.remaining() / 2) : lns.remaining());
    }
  } finally {
    pricer.dispose();
  }
}

/** Seed rosters: each officer's best under their own rules, by labeling, else by their MIP. */
async function seedPool(model: RotaModel, pool: PatternPool, pricer: Pricer, lns: LnsContext, takeIncumbents: () => Promise<void>): Promise<void> {
  const { split } = pool;
  for (let b = 0; b < split.blocks.length; b++) {
    await takeIncumbents();
    if (lns.stop() || lns.remaining() <= 0.3 || pool.coversEveryBlock()) return;
    if (pool.hasBlock(b)) continue;
    const values = pricer.seedByLabels(model, b, false) ?? (await seedRoster(await pricer.session(b), split.blocks[b], Math.min(2, lns.remaining()), false, lns.stop));
    if (values) pool.add(b, values);
  }
}
