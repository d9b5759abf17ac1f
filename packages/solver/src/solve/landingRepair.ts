import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { neighbourhoodCap, solveNeighbourhood, type LnsContext } from './lns.js';
import { penaltyOfficers, penaltyWindow, prng } from './neighbourhoods.js';
import { NeighbourhoodSizing } from './neighbourhoodSizing.js';
import { GuardedSolver } from './guardedSolver.js';

/**
 * Free binaries of the first repair neighbourhoods; sizing grows them while the engine closes
 * them easily. At 900 a window was Curtois 5's whole horizon and ran out its second unchanged.
 */
const FIRST_BINARIES = 300;
/** Most seconds the engine gets per repair neighbourhood. */
const MAX_HOOD_SECONDS = 1.5;

/**
 * Mends a dive's rota where it pays a penalty: neighbourhoods of the compact model drawn around
 * penalties the rota itself pays (a shift left short, say), each solved from that rota, not from
 * the incumbent. A dive that lands a shortfall or two above the incumbent (on Curtois a
 * shortfall costs 100) is often a rearrangement of a few rosters away from beating it, and the
 * main search never sees a rota worse than its own. Sizes carry over from landing to landing.
 */
export class LandingRepair {
  private readonly sizing: NeighbourhoodSizing;
  private readonly random: () => number;
  private readonly guard = new GuardedSolver();

  constructor(
    private readonly model: RotaModel,
    private readonly engine: Engine,
    private readonly lns: LnsContext,
    seed: number,
  ) {
    this.sizing = new NeighbourhoodSizing(FIRST_BINARIES, neighbourhoodCap(model));
    this.random = prng(seed);
  }

  /**
   * `point` mended for at most `seconds`, stopping once its objective is above `enough`; the
   * mended rota, or `point` itself when nothing was gained.
   */
  async mend(point: Float64Array, enough: number, seconds: number): Promise<Float64Array> {
    const { model, lns } = this;
    const started = performance.now();
    const left = () => Math.min(lns.remaining(), seconds - (performance.now() - started) / 1000);
    let current = point;
    let objective = model.lp.objectiveOf(point);
    for (let k = 0; objective <= enough && left() > 0.2 && !lns.stop(); k++) {
      const kind = this.sizing.pick(['days', 'officers'] as const, this.random);
      const hood = (kind === 'days' ? penaltyWindow : penaltyOfficers)(model, current, this.sizing.binaries(kind), this.random);
      if (!hood) break;
      const run = await solveNeighbourhood(model, this.engine, lns, hood.free, current, Math.min(MAX_HOOD_SECONDS, this.sizing.seconds(kind), left()), this.guard);
      const value = run.values ? model.lp.objectiveOf(run.values) : -Infinity;
      if (process.env.PATROLPLAN_TRACE) lns.log.push(`repair ${hood.name} (${run.size} columns): ${run.status} ${run.seconds.toFixed(2)} s, ${objective.toFixed(1)} → ${value.toFixed(1)}`);
      this.sizing.record(kind, { ...run, gain: Math.max(0, value - objective) });
      if (value > objective + 1e-9) [current, objective] = [run.values!, value];
    }
    return current;
  }

  dispose(): void {
    this.guard.dispose();
  }
}
