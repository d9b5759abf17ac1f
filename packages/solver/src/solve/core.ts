import { Worker } from 'node:worker_threads';
import { buildContext } from '../domain/context.js';
import type { Rota } from '../domain/rota.js';
import type { Scenario } from '../domain/scenario.js';
import { engineByName, type EngineSession } from '../engines/index.js';
import { evaluateWith } from '../evaluate/evaluate.js';
import { buildModel } from '../model/build.js';
import type { RotaModel } from '../model/rotaModel.js';
import { assignmentStart, decodeRota } from './decode.js';
import { pickNeighbourhood, prng } from './neighbourhoods.js';
import type { SolveOptions, SolveResult, SolveStatus } from './types.js';

/** Models with more assignment binaries than this are solved by fix-and-optimise (LNS). */
export const MONOLITHIC_MAX_BINARIES = 3000;
/** Free binaries per LNS neighbourhood at the start; adapts to how sub-solves go. */
const START_NEIGHBOURHOOD_BINARIES = 1200;

/** Hooks the worker wrapper uses to stream progress and keep the incumbent for a hard kill. */
export interface SolveHooks {
  shouldStop?: () => boolean;
  onIncumbent?: (rota: Rota, objective: number) => void;
}

interface Incumbent {
  values: Float64Array;
  objective: number;
}

const relGap = (bound: number | null, objective: number | null) =>
  bound === null || objective === null ? null : Math.max(0, bound - objective) / Math.max(1, Math.abs(bound));

/**
 * Solve a scenario in this thread: build the model, run the engine (monolithic for small models,
 * LP bound + fix-and-optimise over officers and day windows for large ones), keep only points the
 * model check accepts, and re-check the final rota with the independent evaluator.
 */
export async function runSolve(scenario: Scenario, options: SolveOptions = {}, hooks: SolveHooks = {}): Promise<SolveResult> {
  const started = performance.now();
  const limit = options.timeLimitSeconds ?? 30;
  const tolerance = options.gapTolerance ?? 1e-4;
  const elapsed = () => (performance.now() - started) / 1000;
  const remaining = () => limit - elapsed();
  const stop = () => Boolean(options.signal?.aborted || hooks.shouldStop?.());
  const ctx = buildContext(scenario);
  const model = buildModel(ctx);
  const engine = engineByName(options.engine ?? 'highs');
  const log: string[] = [`model: ${model.lp.names.length} variables (${model.lp.integerCount} integer), ${model.lp.rows.length} rows`];
  let best: Incumbent | null = null;
  let bound: number | null = null;
  let proved = false;

  const report = (phase: string) =>
    options.onProgress?.({ seconds: elapsed(), objective: best?.objective ?? null, bound, gap: relGap(bound, best?.objective ?? null), fraction: Math.min(1, elapsed() / limit), phase });
  const accept = (values: Float64Array | null, source: string): boolean => {
    if (!values) return false;
    const check = model.lp.check(values, 1e-5);
    if (check.maxViolation > 1e-5 || !check.integral) {
      log.push(`rejected a ${source} point: violation ${check.maxViolation.toExponential(2)}, integral ${check.integral}`);
      return false;
    }
    const objective = model.lp.objectiveOf(values);
    if (best && objective <= best.objective + 1e-9) return false;
    best = { values, objective };
    hooks.onIncumbent?.(decodeRota(model, values), objective);
    report(source);
    return true;
  };

  const assigns = model.assignEntries();
  const session = await engine.open(model.lp);
  try {
    if (engine.name === 'jsls' || assigns.length <= MONOLITHIC_MAX_BINARIES) {
      const run = session.run({ timeLimitSeconds: remaining(), gapTolerance: tolerance, shouldStop: stop, partialStart: startOf(model, options) });
      accept(run.values, 'monolithic');
      bound = run.bound;
      proved = run.status === 'optimal';
      if (run.status === 'error') log.push(`engine error: ${run.message}`);
    } else {
      const lpBound = relaxationBoundInParallel(scenario, Math.max(1, remaining() - 1));
      const lns = { remaining, stop, accept, tolerance, log, getBest: () => best, getBound: () => bound };
      if (options.startRota) accept(startPoint(model, session, options, remaining()), 'start');
      else construct(model, session, lns);
      improve(model, session, lns);
      const relaxed = await lpBound;
      log.push(`LP relaxation bound (parallel thread): ${relaxed.status} in ${relaxed.seconds.toFixed(1)} s`);
      bound = relaxed.bound;
    }
  } finally {
    session.dispose();
  }

  const values = (best as Incumbent | null)?.values ?? new Float64Array(model.lp.names.length);
  const rota = decodeRota(model, values);
  const evaluation = evaluateWith(ctx, rota);
  const engineObjective = (best as Incumbent | null)?.objective ?? null;
  if (engineObjective !== null && Math.abs(engineObjective - evaluation.objective) > 1e-4 * Math.max(1, Math.abs(engineObjective))) {
    log.push(`evaluator objective ${evaluation.objective.toFixed(4)} differs from the engine's ${engineObjective.toFixed(4)}`);
  }
  if (bound !== null && bound < evaluation.objective) bound = evaluation.objective;
  const gap = relGap(bound, evaluation.objective);
  const timedOut = remaining() <= 0.05 || stop();
  const status: SolveStatus =
    evaluation.hardViolations > 0 ? (proved ? 'infeasible' : 'timeLimit') : proved || (gap !== null && gap <= tolerance) ? 'optimal' : timedOut ? 'timeLimit' : 'feasible';
  report('done');
  return { status, engine: engine.name, objective: evaluation.objective, bound, gap, seconds: elapsed(), rota, evaluation, log };
}

const startOf = (model: RotaModel, options: SolveOptions) => (options.startRota ? assignmentStart(model, options.startRota) : undefined);

/** The LP relaxation bound computed in a second thread (2 cores: search and bound side by side). */
function relaxationBoundInParallel(scenario: Scenario, seconds: number): Promise<{ status: string; bound: number | null; seconds: number }> {
  const worker = new Worker(new URL('./bound-entry.mjs', import.meta.url), { workerData: { scenario, seconds } });
  const killer = setTimeout(() => void worker.terminate(), (seconds + 5) * 1000);
  return new Promise((resolve) => {
    const done = (value: { status: string; bound: number | null; seconds: number }) => {
      clearTimeout(killer);
      void worker.terminate();
      resolve(value);
    };
    worker.once('message', done);
    worker.once('error', (error) => done({ status: `error: ${error.message}`, bound: null, seconds }));
    worker.once('exit', () => done({ status: 'terminated', bound: null, seconds }));
  });
}

interface LnsContext {
  remaining: () => number;
  stop: () => boolean;
  accept: (values: Float64Array | null, source: string) => boolean;
  tolerance: number;
  log: string[];
  getBest: () => Incumbent | null;
  getBound: () => number | null;
}

/** Complete a given start rota: its assignments fixed, the engine fills in deployments. */
function startPoint(model: RotaModel, session: EngineSession, options: SolveOptions, seconds: number): Float64Array | null {
  const start = startOf(model, options)!;
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
function construct(model: RotaModel, session: EngineSession, lns: LnsContext): void {
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
    const run = session.run({ timeLimitSeconds: Math.min(lns.remaining(), 6), gapTolerance: lns.tolerance, shouldStop: lns.stop });
    lns.accept(run.values, `construct days ${from}–${from + width - 1}`);
  }
  session.setBounds(vars, vars.map((v) => model.lp.lower[v]), vars.map((v) => model.lp.upper[v]));
  lns.log.push(`rolling-horizon construction: ${lns.getBest()?.objective.toFixed(1) ?? 'none'}`);
}

/** Fix-and-optimise: free one neighbourhood at a time, fix the rest to the incumbent, re-solve. */
function improve(model: RotaModel, session: EngineSession, lns: LnsContext): void {
  const assigns = model.assignEntries();
  const vars = assigns.map((e) => e.variable);
  const random = prng(0x5eed);
  let budget = START_NEIGHBOURHOOD_BINARIES;
  let improved = 0;
  if (vars.length === 0) return;
  for (let iteration = 0; lns.remaining() > 0.5 && !lns.stop(); iteration++) {
    const best = lns.getBest();
    if (best && (relGap(lns.getBound(), best.objective) ?? 1) <= lns.tolerance) break;
    const hood = pickNeighbourhood(model, iteration, budget, random);
    const lower = vars.map((v) => (hood.free.has(v) || !best ? model.lp.lower[v] : Math.round(best.values[v])));
    const upper = vars.map((v) => (hood.free.has(v) || !best ? model.lp.upper[v] : Math.round(best.values[v])));
    session.setBounds(vars, lower, upper);
    const run = session.run({ timeLimitSeconds: Math.min(lns.remaining(), 5), gapTolerance: lns.tolerance / 4, start: best?.values, shouldStop: lns.stop });
    if (lns.accept(run.values, `lns ${hood.name}`)) improved++;
    if (process.env.PATROLPLAN_TRACE) lns.log.push(`${hood.name}: ${run.status} ${run.seconds.toFixed(1)} s → ${lns.getBest()?.objective.toFixed(1)}`);
    // Grow neighbourhoods the engine closes easily, shrink the ones it cannot.
    budget = run.status === 'optimal' && run.seconds < 3 ? Math.min(budget * 1.3, 6000) : Math.max(300, budget * 0.75);
  }
  session.setBounds(vars, vars.map((v) => model.lp.lower[v]), vars.map((v) => model.lp.upper[v]));
  lns.log.push(`fix-and-optimise: ${improved} improving neighbourhoods`);
}
