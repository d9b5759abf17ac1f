import type { EngineSession } from '../engines/index.js';
import type { RotaModel } from '../model/rotaModel.js';
import { elasticRows, pickNeighbourhood, prng, repairNeighbourhood } from './neighbourhoods.js';

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
}

/** Complete a start (assignment values): assignments fixed, the engine fills in the rest. */
export function completeStart(model: RotaModel, session: EngineSession, start: Map<number, number>, seconds: number): Float64Array | null {
  const vars = [...start.keys()];
  session.setBounds(vars, vars.map((v) => Math.max(model.lp.lower[v], Math.min(model.lp.upper[v], start.get(v)!))), vars.map((v) => Math.max(model.lp.lower[v], Math.min(model.lp.upper[v], start.get(v)!))));
  const run = session.run({ timeLimitSeconds: Math.max(1, seconds * 0.1) });
  session.setBounds(vars, vars.map((v) => model.lp.lower[v]), vars.map((v) => model.lp.upper[v]));
  return run.values;
}

/**
 * Rolling-horizon construction: solve a few days at a time for the whole team, earlier days
 * fixed to what was chosen and later days off (always allowed; cover rows are elastic).
 */
export function construct(model: RotaModel, session: EngineSession, lns: LnsContext): void {
  const { ctx } = model;
  const assigns = model.assignEntries();
  const vars = assigns.map((e) => e.variable);
  const dayOf = new Map(ctx.shifts.map((s) => [s.id, s.dayIndex]));
  const perDay = Math.max(1, assigns.length / ctx.dates.length);
  const width = Math.max(1, Math.min(ctx.dates.length, Math.floor(START_NEIGHBOURHOOD_BINARIES / perDay)));
  for (let from = 0; from < ctx.dates.length && lns.remaining() > 0.5 && !lns.stop(); from += width) {
    const best = lns.getBest();
    const fixed = (e: (typeof assigns)[number]) => {
      const d = dayOf.get(e.shiftId)!;
      return d >= from + width ? 0 : d < from && best ? Math.round(best.values[e.variable]) : null;
    };
    const lower = assigns.map((e) => fixed(e) ?? model.lp.lower[e.variable]);
    const upper = assigns.map((e) => fixed(e) ?? model.lp.upper[e.variable]);
    session.setBounds(vars, lower.map((l, i) => Math.min(l, model.lp.upper[vars[i]])), upper.map((u, i) => Math.max(model.lp.lower[vars[i]], Math.min(u, model.lp.upper[vars[i]]))));
    const run = session.run({ timeLimitSeconds: Math.min(lns.remaining(), 6), gapTolerance: lns.tolerance, shouldStop: lns.stop, onTick: lns.tick });
    lns.accept(run.values, `construct days ${from}–${from + width - 1}`);
  }
  session.setBounds(vars, vars.map((v) => model.lp.lower[v]), vars.map((v) => model.lp.upper[v]));
  lns.log.push(`rolling-horizon construction: ${lns.getBest()?.objective.toFixed(1) ?? 'none'}`);
}

/** Fix-and-optimise: free one neighbourhood at a time, fix the rest to the incumbent, re-solve. */
export function improve(model: RotaModel, session: EngineSession, lns: LnsContext): void {
  const assigns = model.assignEntries();
  const vars = assigns.map((e) => e.variable);
  const random = prng(0x5eed);
  let budget = START_NEIGHBOURHOOD_BINARIES;
  let improved = 0;
  if (vars.length === 0) return;
  const elastic = elasticRows(model);
  for (let iteration = 0; lns.remaining() > 0.5 && !lns.stop(); iteration++) {
    const best = lns.getBest();
    if (best && (relGap(lns.getBound(), best.objective) ?? 1) <= lns.tolerance) break;
    // While the incumbent breaks a hard rule, every other neighbourhood goes after the breach.
    const repair = best && iteration % 2 === 0 ? repairNeighbourhood(model, elastic, best.values, budget, random) : null;
    const hood = repair ?? pickNeighbourhood(model, iteration, budget, random);
    const lower = vars.map((v) => (hood.free.has(v) || !best ? model.lp.lower[v] : Math.round(best.values[v])));
    const upper = vars.map((v) => (hood.free.has(v) || !best ? model.lp.upper[v] : Math.round(best.values[v])));
    session.setBounds(vars, lower, upper);
    const run = session.run({ timeLimitSeconds: Math.min(lns.remaining(), 5), gapTolerance: lns.tolerance / 4, start: best?.values, shouldStop: lns.stop, onTick: lns.tick });
    if (lns.accept(run.values, `lns ${hood.name}`)) improved++;
    if (process.env.PATROLPLAN_TRACE) lns.log.push(`${hood.name}: ${run.status} ${run.seconds.toFixed(1)} s → ${lns.getBest()?.objective.toFixed(1)}`);
    // Grow neighbourhoods the engine closes easily, shrink the ones it cannot.
    budget = run.status === 'optimal' && run.seconds < 3 ? Math.min(budget * 1.3, 6000) : Math.max(300, budget * 0.75);
  }
  session.setBounds(vars, vars.map((v) => model.lp.lower[v]), vars.map((v) => model.lp.upper[v]));
  lns.log.push(`fix-and-optimise: ${improved} improving neighbourhoods`);
}

/**
 * A search state over one model: the incumbent, a movable deadline and the acceptance check
 * (bounds, rows and integrality re-checked on every point; only improvements kept).
 */
export function searchState(model: RotaModel, tolerance: number, stop: () => boolean, onImprove: (best: Incumbent, source: string) => void = () => undefined) {
  let best: Incumbent | null = null;
  let deadline = performance.now();
  const log: string[] = [];
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
      onImprove(best, source);
      return true;
    },
  };
  return { lns, setDeadline: (seconds: number) => (deadline = performance.now() + seconds * 1000) };
}
