import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import type { GuardedSolver } from './guardedSolver.js';
import { solveNeighbourhood, type LnsContext } from './lns.js';
import { dueBand, weekendBands, type BandTurns } from './weekendBand.js';

/** What a band descent needs besides the model: its turns, a thread for sub-solves, messages. */
export interface BandDescentHooks {
  /** Where each band was last solved from and whose turn is next (see dueBand). */
  turns: BandTurns;
  guard?: GuardedSolver;
  /** Called before each band (the partner takes in the main search's rotas here). */
  betweenBands?: () => Promise<void>;
  /** Each point of the descent that became the incumbent. */
  onImproved?: (values: Float64Array) => void;
}

/**
 * The weekend bands in turn (see weekendBands) from a rota of its own, `start`, which need not
 * be the incumbent: a dive's landing above the incumbent may sit in a better basin than the
 * incumbent's own (on Curtois Instance8 the main search's blocks take the construction to one
 * 1,447 rota and stall there, while from a landing at 1,500 they reach 1,300–1,320). Each gain
 * is offered to the search; once the descent's rota has been the incumbent it follows the
 * incumbent, whoever improved it, so that two threads share one descent. Returns when no band
 * is due or time is up, with the number of gains. Run by the partner from its first dive's
 * landing, it kept Instance8 within 2 % in 17 of 18 runs at 60 s (1302–1316), against 15 of 18
 * with the main search's blocks alone.
 */
export async function descendBands(model: RotaModel, engine: Engine, lns: LnsContext, start: Float64Array, hooks: BandDescentHooks): Promise<number> {
  if (weekendBands(model).length === 0) return 0;
  let point = start;
  let value = model.lp.objectiveOf(point);
  // Level with the incumbent or better: the descent is the search's own line from the start.
  let shared = value >= (lns.getBest()?.objective ?? -Infinity);
  let gains = 0;
  while (lns.remaining() > 0.5 && !lns.stop()) {
    await hooks.betweenBands?.();
    const best = lns.getBest();
    if (shared && best && best.objective > value) [point, value] = [best.values, best.objective];
    const band = dueBand(model, hooks.turns, point);
    if (!band) break;
    const run = await solveNeighbourhood(model, engine, lns, band.free, point, Math.min(lns.remaining(), band.seconds), hooks.guard);
    const found = run.values ? model.lp.objectiveOf(run.values) : -Infinity;
    if (found > value + 1e-9) {
      [point, value] = [run.values!, found];
      gains++;
      if (lns.accept(point, `band descent ${band.name}`)) {
        shared = true;
        hooks.onImproved?.(point);
      }
    }
    if (process.env.PATROLPLAN_TRACE) lns.log.push(`band descent: ${band.name} (${run.size} columns): ${run.status} ${run.seconds.toFixed(1)} s → ${value.toFixed(1)}`);
  }
  return gains;
}
