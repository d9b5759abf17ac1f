import type { Engine, RunOptions } from '../engines/index.js';
import type { LinearModel } from '../model/linear.js';
import type { RotaModel } from '../model/rotaModel.js';
import { betweenTasks } from './partnerThread.js';
import { extractSubModel, mergeSubPoint } from './submodel.js';
import type { GuardedSolver } from './guardedSolver.js';

/** Free binaries per LNS neighbourhood at the start; adapts to how sub-solves go. */
export const START_NEIGHBOURHOOD_BINARIES = 1200;

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
