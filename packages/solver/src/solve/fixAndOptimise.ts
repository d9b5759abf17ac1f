import type { Engine } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { guidedNeighbourhood, weeklyGuidedNeighbourhood } from './guidedNeighbourhood.js';
import { assignSet, hasOfficerFloors, neighbourhoodCap, relGap, solveNeighbourhood, START_NEIGHBOURHOOD_BINARIES, type LnsContext } from './lns.js';
import { drawPenalty, elasticRows, neighbourhoodKinds, penaltyOfficers, penaltyWindow, pickNeighbourhood, prng, repairNeighbourhood, type NeighbourhoodKind } from './neighbourhoods.js';
import { NeighbourhoodSizing } from './neighbourhoodSizing.js';
import { betweenTasks } from './partnerThread.js';
import { GuardedSolver } from './guardedSolver.js';
import { dueBand, type BandTurns } from './weekendBand.js';

/**
 * What fix-and-optimise keeps from one call to the next on a thread: its draws, each kind's size
 * and time limit, and the thread its sub-models are solved on. The partner runs it in turns with
 * neighbourhood dives, and a turn should go on where the last one stopped rather than re-learn
 * the sizes and start a thread (a second or so) each time.
 */
export class FixAndOptimise {
  readonly random: () => number;
  readonly sizing: NeighbourhoodSizing;
  readonly kinds: ReturnType<typeof neighbourhoodKinds>;
  readonly elastic: ReturnType<typeof elasticRows>;
  /** Draws per kind so far: every other draw of a kind is aimed at a penalty. */
  readonly aims = new Map<NeighbourhoodKind, number>();
  /** Sub-solves on a thread of their own: one HiGHS overrun must not hang the whole search. */
  readonly guard: GuardedSolver | undefined;
  iteration = 0;
  improved = 0;
  /** Where each weekend band was last solved from, and whose turn is next (see dueBand). */
  readonly bandTurns: BandTurns = { from: [], next: 0 };

  constructor(model: RotaModel, engine: Engine, seed = 0x5eed) {
    this.random = prng(seed);
    const officerFocus = hasOfficerFloors(model);
    const cap = neighbourhoodCap(model);
    // With per-officer floors, start from three officers' rosters and let timing grow it.
    this.sizing = new NeighbourhoodSizing(Math.min(officerFocus ? 3 * model.ctx.shifts.length : START_NEIGHBOURHOOD_BINARIES, cap), cap);
    this.kinds = neighbourhoodKinds(officerFocus);
    this.elastic = elasticRows(model);
    this.guard = engine.name === 'highs' ? new GuardedSolver() : undefined;
  }

  dispose(): void {
    this.guard?.dispose();
  }
}

/** How fix-and-optimise runs on the partner's thread: its own draws, its own message handling. */
export interface ImproveHooks {
  /** Seed of the neighbourhood draws (two threads searching side by side draw differently). */
  seed?: number;
  /** Called before each neighbourhood instead of a bare yield (the partner takes in the main search's rotas). */
  betweenNeighbourhoods?: () => Promise<void>;
  /** Each better point found. */
  onImproved?: (values: Float64Array) => void;
  /** State carried over from an earlier call (the caller disposes of it); a fresh one otherwise. */
  state?: FixAndOptimise;
  /** Guided kinds only, while there is a guide (see the partner's turns). */
  onlyGuided?: boolean;
  /** Checked before each neighbourhood: true ends this call. */
  until?: () => boolean;
}

/** The kinds drawn where the master LP guides: over the horizon, and on every week's same days. */
const GUIDED_KINDS = ['guided', 'weekly'] as const;

/** A guided kind's neighbourhood; the weekly one around a day where the incumbent pays a penalty, else any day. */
function guidedDraw(model: RotaModel, kind: 'guided' | 'weekly', guide: Float64Array, incumbent: Float64Array, budget: number, random: () => number) {
  if (kind === 'guided') return guidedNeighbourhood(model, guide, incumbent, budget, random);
  const day = drawPenalty(model, incumbent, random)?.day ?? Math.floor(random() * model.ctx.dates.length);
  return weeklyGuidedNeighbourhood(model, guide, incumbent, budget, random, day);
}

/**
 * Fix-and-optimise: free one neighbourhood at a time, fix the rest to the incumbent, re-solve.
 * Each kind of neighbourhood keeps its own size and time limit (see NeighbourhoodSizing).
 */
export async function improve(model: RotaModel, engine: Engine, lns: LnsContext, hooks: ImproveHooks = {}): Promise<void> {
  if (assignSet(model).size === 0) return;
  const state = hooks.state ?? new FixAndOptimise(model, engine, hooks.seed);
  const { random, sizing, kinds, aims, guard } = state;
  try {
    for (; lns.remaining() > 0.5 && !lns.stop() && !hooks.until?.(); state.iteration++) {
      // The other thread's rotas arrive as messages: let them in before each neighbourhood.
      await (hooks.betweenNeighbourhoods ?? betweenTasks)();
      const best = lns.getBest();
      if (!best) return;
      if ((relGap(lns.getBound(), best.objective) ?? 1) <= lns.tolerance) break;
      // While the incumbent breaks a hard rule, every other neighbourhood goes after the breach.
      const repair = state.iteration % 2 === 0 ? repairNeighbourhood(model, state.elastic, best.values, sizing.binaries('repair'), random) : null;
      const guide = lns.getGuide?.() ?? null;
      const kind = sizing.pick(guide ? (hooks.onlyGuided ? GUIDED_KINDS : [...kinds, ...GUIDED_KINDS]) : kinds, random);
      const guided = guide && (kind === 'guided' || kind === 'weekly') ? guidedDraw(model, kind, guide, best.values, sizing.binaries(kind), random) : null;
      // A guided draw with nothing to free (the incumbent is the LP's) falls back to the first kind.
      const plain = kind === 'guided' || kind === 'weekly' ? kinds[0] : kind;
      // Every other day window and officer group is drawn around a penalty the incumbent pays.
      const aimedAt = guided ? null : plain === 'days' ? penaltyWindow : plain === 'officers' ? penaltyOfficers : null;
      const aimed = aimedAt && (aims.get(plain) ?? 0) % 2 === 1 ? aimedAt(model, best.values, sizing.binaries(plain), random) : null;
      if (!guided) aims.set(plain, (aims.get(plain) ?? 0) + 1);
      const band = repair || hooks.onlyGuided ? null : dueBand(model, state.bandTurns, best.values);
      const hood = repair ?? band ?? guided ?? aimed ?? pickNeighbourhood(model, plain, sizing.binaries(plain), random);
      const seconds = hood === band ? band.seconds : sizing.seconds(hood.kind);
      const run = await solveNeighbourhood(model, engine, lns, hood.free, best.values, Math.min(lns.remaining(), seconds), guard);
      const accepted = lns.accept(run.values, `lns ${hood.name}`);
      if (accepted) {
        state.improved++;
        hooks.onImproved?.(run.values!);
      }
      if (process.env.PATROLPLAN_TRACE) lns.log.push(`${hood.name} (${run.size} columns): ${run.status} ${run.seconds.toFixed(1)} s → ${lns.getBest()?.objective.toFixed(1)}`);
      sizing.record(hood.kind, { ...run, gain: accepted ? lns.getBest()!.objective - best.objective : 0 });
    }
  } finally {
    if (!hooks.state) {
      state.dispose();
      lns.log.push(`fix-and-optimise: ${state.improved} improving neighbourhoods${guard ? `, ${guard.kills} sub-solves killed` : ''}`);
    }
  }
}
