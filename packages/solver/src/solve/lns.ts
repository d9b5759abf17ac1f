import type { Engine, RunOptions } from '../engines/index.js';
import type { LinearModel } from '../model/linear.js';
import type { RotaModel } from '../model/rotaModel.js';
import { guidedNeighbourhood } from './guidedNeighbourhood.js';
import { elasticRows, neighbourhoodKinds, penaltyOfficers, penaltyWindow, pickNeighbourhood, prng, repairNeighbourhood, type NeighbourhoodKind } from './neighbourhoods.js';
import { NeighbourhoodSizing } from './neighbourhoodSizing.js';
import { betweenTasks } from './partnerThread.js';
import { extractSubModel, mergeSubPoint } from './submodel.js';
import { GuardedSolver } from './guardedSolver.js';

/** Free binaries per LNS neighbourhood at the start; adapts to how sub-solves go. */
const START_NEIGHBOURHOOD_BINARIES = 1200;

/** Relative gap (bound − objective) / max(1, |bound|) of a maximisation; null when unknown. */
export const relGap = (bound: number | null, objective: number | null) =>
  bound === null || objective === null ? null : Math.max(0, bound - objective) / Math.max(1, Math.abs(bound));

/** The best point found so far. */
export interface Incumbent {
  values: Float64Array;
  objective: number;
}

/** What a search needs from its caller: time, stop flag, incumbent handling. */
export interface LnsContext {
  /** Heartbeat for progress reports while an engine run blocks. */
  tick?: () => void;
  remaining: () => number;
  stop: () => boolean;
  accept: (values: Float64Array | null, source: string) => boolean;
  tolerance: number;
  log: string[];
  getBest: () => Incumbent | null;
  getBound: () => number | null;
  /**
   * The latest LP relaxation's value per model column (the decomposition's master LP, from the
   * partner), when there is one: fix-and-optimise then also frees where it disagrees with the
   * incumbent.
   */
  getGuide?: () => Float64Array | null;
}

const assignColumns = new WeakMap<RotaModel, Set<number>>();
/** The model's assignment columns, built once per model. */
export const assignSet = (model: RotaModel): Set<number> => {
  let set = assignColumns.get(model);
  if (!set) assignColumns.set(model, (set = new Set(model.assignEntries().map((e) => e.variable))));
  return set;
};

/**
 * Solve one neighbourhood: the free columns are cut out with what they touch (see
 * extractSubModel), the rest stays at `base`; returns the merged full point. With a `guard`
 * (HiGHS only) the sub-model is solved on the guard's thread, which is killed if it overruns.
 */
export async function solveNeighbourhood(model: RotaModel, engine: Engine, lns: LnsContext, free: Iterable<number>, base: Float64Array, seconds: number, guard?: GuardedSolver) {
  const assigns = assignSet(model);
  const sub = extractSubModel(model.lp, free, (v) => !assigns.has(v), base);
  const options = { timeLimitSeconds: seconds, gapTolerance: lns.tolerance, start: Float64Array.from(sub.cols, (c) => base[c]), shouldStop: lns.stop, onTick: lns.tick };
  const run = guard && engine.name === 'highs' ? await guard.run(sub.lp, options) : await runHere(engine, sub.lp, options);
  return { values: run.values ? mergeSubPoint(base, sub, run.values) : null, status: run.status, seconds: run.seconds, size: sub.cols.length };
}

/** One run in this thread (it blocks the thread until the engine returns). */
async function runHere(engine: Engine, lp: LinearModel, options: RunOptions) {
  const session = await engine.open(lp);
  try {
    return session.run(options);
  } finally {
    session.dispose();
  }
}

/** A feasible point with the given assignments (others off) and everything else solved for them. */
export async function pointFor(model: RotaModel, engine: Engine, lns: LnsContext, assignments: Map<number, number> = new Map()): Promise<Float64Array | null> {
  const assigns = assignSet(model);
  const base = new Float64Array(model.lp.names.length);
  for (const [v, x] of assignments) base[v] = Math.min(model.lp.upper[v], Math.max(model.lp.lower[v], x));
  const others = model.lp.names.map((_, v) => v).filter((v) => !assigns.has(v));
  if (others.length === 0) return base;
  return (await solveNeighbourhood(model, engine, lns, others, base, Math.max(1, lns.remaining()))).values;
}

/** Most free binaries a neighbourhood gets: one of most of the model is a restart, not a neighbourhood. */
export const neighbourhoodCap = (model: RotaModel) => Math.max(50, Math.floor(assignSet(model).size * 0.4));

/** Per-officer floors (minimum hours or runs) cannot be met a few days at a time. */
export const hasOfficerFloors = (model: RotaModel) =>
  model.ctx.officers.some((o) => (o.limits?.minTotalMinutes ?? 0) > 0 || (model.ctx.limit(o, 'minConsecutiveWorkingDays') ?? 1) > 1);

/**
 * Construction from the empty rota: a few days at a time for the whole team (cover and rest
 * interact across officers), or — when officers have horizon-wide floors such as minimum hours —
 * a few officers at a time over the whole horizon.
 */
export async function construct(model: RotaModel, engine: Engine, lns: LnsContext): Promise<void> {
  const { ctx } = model;
  lns.accept(await pointFor(model, engine, lns), 'empty rota');
  const entries = model.assignEntries();
  const byOfficer = hasOfficerFloors(model);
  const groups: number[][] = [];
  if (byOfficer) {
    // One officer at a time: each is placed knowing everyone placed before (cover is shared).
    const size = 1;
    for (let i = 0; i < ctx.officers.length; i += size) {
      const ids = new Set(ctx.officers.slice(i, i + size).map((o) => o.id));
      groups.push(entries.filter((e) => ids.has(e.officerId)).map((e) => e.variable));
    }
  } else {
    const dayOf = new Map(ctx.shifts.map((s) => [s.id, s.dayIndex]));
    const width = Math.max(1, Math.floor(START_NEIGHBOURHOOD_BINARIES / Math.max(1, entries.length / ctx.dates.length)));
    for (let from = 0; from < ctx.dates.length; from += width) groups.push(entries.filter((e) => dayOf.get(e.shiftId)! >= from && dayOf.get(e.shiftId)! < from + width).map((e) => e.variable));
  }
  for (const [k, free] of groups.entries()) {
    // The partner's rotas arrive as messages: let them in before each neighbourhood.
    await betweenTasks();
    const best = lns.getBest();
    if (!best || lns.remaining() <= 0.5 || lns.stop()) break;
    const run = await solveNeighbourhood(model, engine, lns, free, best.values, Math.min(lns.remaining(), 6));
    lns.accept(run.values, `construct ${byOfficer ? 'officers' : 'days'} ${k + 1}/${groups.length}`);
  }
  lns.log.push(`construction by ${byOfficer ? 'officer groups' : 'day windows'}: ${lns.getBest()?.objective.toFixed(1) ?? 'none'}`);
}

/** How fix-and-optimise runs on the partner's thread: its own draws, its own message handling. */
export interface ImproveHooks {
  /** Seed of the neighbourhood draws (two threads searching side by side draw differently). */
  seed?: number;
  /** Called before each neighbourhood instead of a bare yield (the partner takes in the main search's rotas). */
  betweenNeighbourhoods?: () => Promise<void>;
  /** Each better point found. */
  onImproved?: (values: Float64Array) => void;
}

/**
 * Fix-and-optimise: free one neighbourhood at a time, fix the rest to the incumbent, re-solve.
 * Each kind of neighbourhood keeps its own size and time limit (see NeighbourhoodSizing).
 */
export async function improve(model: RotaModel, engine: Engine, lns: LnsContext, hooks: ImproveHooks = {}): Promise<void> {
  const random = prng(hooks.seed ?? 0x5eed);
  const cap = neighbourhoodCap(model);
  const officerFocus = hasOfficerFloors(model);
  // With per-officer floors, start from three officers' rosters and let timing grow it.
  const first = Math.min(officerFocus ? 3 * model.ctx.shifts.length : START_NEIGHBOURHOOD_BINARIES, cap);
  const sizing = new NeighbourhoodSizing(first, cap);
  let improved = 0;
  const aims = new Map<NeighbourhoodKind, number>();
  if (assignSet(model).size === 0) return;
  const elastic = elasticRows(model);
  const kinds = neighbourhoodKinds(officerFocus);
  // Sub-solves on a thread of their own: one HiGHS overrun must not hang the whole search.
  const guard = engine.name === 'highs' ? new GuardedSolver() : undefined;
  try {
    for (let iteration = 0; lns.remaining() > 0.5 && !lns.stop(); iteration++) {
      // The other thread's rotas arrive as messages: let them in before each neighbourhood.
      await (hooks.betweenNeighbourhoods ?? betweenTasks)();
      const best = lns.getBest();
      if (!best) return;
      if ((relGap(lns.getBound(), best.objective) ?? 1) <= lns.tolerance) break;
      // While the incumbent breaks a hard rule, every other neighbourhood goes after the breach.
      const repair = iteration % 2 === 0 ? repairNeighbourhood(model, elastic, best.values, sizing.binaries('repair'), random) : null;
      const guide = lns.getGuide?.() ?? null;
      const kind = sizing.pick(guide ? [...kinds, 'guided' as const] : kinds, random);
      const guided = kind === 'guided' && guide ? guidedNeighbourhood(model, guide, best.values, sizing.binaries(kind), random) : null;
      // A guided draw with nothing to free (the incumbent is the LP's) falls back to the first kind.
      const plain = kind === 'guided' ? kinds[0] : kind;
      // Every other day window and officer group is drawn around a penalty the incumbent pays.
      const aimedAt = guided ? null : plain === 'days' ? penaltyWindow : plain === 'officers' ? penaltyOfficers : null;
      const aimed = aimedAt && (aims.get(plain) ?? 0) % 2 === 1 ? aimedAt(model, best.values, sizing.binaries(plain), random) : null;
      if (!guided) aims.set(plain, (aims.get(plain) ?? 0) + 1);
      const hood = repair ?? guided ?? aimed ?? pickNeighbourhood(model, plain, sizing.binaries(plain), random);
      const run = await solveNeighbourhood(model, engine, lns, hood.free, best.values, Math.min(lns.remaining(), sizing.seconds(hood.kind)), guard);
      const accepted = lns.accept(run.values, `lns ${hood.name}`);
      if (accepted) {
        improved++;
        hooks.onImproved?.(run.values!);
      }
      if (process.env.PATROLPLAN_TRACE) lns.log.push(`${hood.name} (${run.size} columns): ${run.status} ${run.seconds.toFixed(1)} s → ${lns.getBest()?.objective.toFixed(1)}`);
      sizing.record(hood.kind, { ...run, gain: accepted ? lns.getBest()!.objective - best.objective : 0 });
    }
  } finally {
    guard?.dispose();
  }
  lns.log.push(`fix-and-optimise: ${improved} improving neighbourhoods${guard ? `, ${guard.kills} sub-solves killed` : ''}`);
}

/** Traces stamp each line with wall-clock seconds, so two threads' logs line up. */
class StampedLog extends Array<string> {
  override push(...lines: string[]): number {
    return super.push(...lines.map((line) => `[${((Date.now() / 1000) % 1000).toFixed(1)}] ${line}`));
  }
}

/**
 * A search state over one model: the incumbent, a movable deadline and the acceptance check
 * (bounds, rows and integrality re-checked on every point; only improvements kept).
 */
export function searchState(model: RotaModel, tolerance: number, stop: () => boolean, onImprove: (best: Incumbent, source: string) => void = () => undefined) {
  let best: Incumbent | null = null;
  let deadline = performance.now();
  const log: string[] = process.env.PATROLPLAN_TRACE ? new StampedLog() : [];
  const lns: LnsContext = {
    remaining: () => (deadline - performance.now()) / 1000,
    stop,
    tolerance,
    log,
    getBest: () => best,
    getBound: () => null,
    accept(values, source) {
      if (!values) return false;
      const check = model.lp.check(values, 1e-5);
      if (check.maxViolation > 1e-5 || !check.integral) {
        log.push(`rejected a ${source} point: violation ${check.maxViolation.toExponential(2)}, integral ${check.integral}`);
        return false;
      }
      const objective = model.lp.objectiveOf(values);
      if (best && objective <= best.objective + 1e-9) return false;
      best = { values, objective };
      if (process.env.PATROLPLAN_TRACE) log.push(`new best ${objective.toFixed(1)} from ${source}`);
      onImprove(best, source);
      return true;
    },
  };
  return { lns, setDeadline: (seconds: number) => (deadline = performance.now() + seconds * 1000) };
}
