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
      bound = await relaxationBound(model, engine.name === 'highs' ? engine : engineByName('highs'), Math.max(1, remaining() * 0.3), log);
      report('bound');
      const first = session.run({ timeLimitSeconds: Math.max(1, remaining() * 0.15), gapTolerance: tolerance, shouldStop: stop, partialStart: startOf(model, options) });
      accept(first.values, 'initial');
      if (first.bound !== null) bound = bound === null ? first.bound : Math.min(bound, first.bound);
      proved = first.status === 'optimal';
      if (!proved) await improve(model, session, { remaining, stop, accept, tolerance, log, getBest: () => best, getBound: () => bound });
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

async function relaxationBound(model: RotaModel, engine: ReturnType<typeof engineByName>, seconds: number, log: string[]): Promise<number | null> {
  const relaxed = await engine.open(model.lp, { relax: true });
  try {
    const run = relaxed.run({ timeLimitSeconds: seconds });
    log.push(`LP relaxation ${run.status} in ${run.seconds.toFixed(1)} s`);
    return run.status === 'optimal' ? run.objective : null;
  } finally {
    relaxed.dispose();
  }
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

/** Fix-and-optimise: free one neighbourhood at a time, fix the rest to the incumbent, re-solve. */
async function improve(model: RotaModel, session: EngineSession, lns: LnsContext): Promise<void> {
  const assigns = model.assignEntries();
  const vars = assigns.map((e) => e.variable);
  const random = prng(0x5eed);
  let budget = START_NEIGHBOURHOOD_BINARIES;
  let improved = 0;
  for (let iteration = 0; lns.remaining() > 0.5 && !lns.stop(); iteration++) {
    const best = lns.getBest();
    if (best && (relGap(lns.getBound(), best.objective) ?? 1) <= lns.tolerance) break;
    const hood = pickNeighbourhood(model, iteration, budget, random);
    const lower = vars.map((v) => (hood.free.has(v) || !best ? model.lp.lower[v] : Math.round(best.values[v])));
    const upper = vars.map((v) => (hood.free.has(v) || !best ? model.lp.upper[v] : Math.round(best.values[v])));
    session.setBounds(vars, lower, upper);
    const run = session.run({ timeLimitSeconds: Math.min(lns.remaining(), 8), gapTolerance: lns.tolerance / 4, start: best?.values, shouldStop: lns.stop });
    if (lns.accept(run.values, `lns ${hood.name}`)) improved++;
    // Grow neighbourhoods the engine closes easily, shrink the ones it cannot.
    budget = run.status === 'optimal' && run.seconds < 3 ? Math.min(budget * 1.3, 6000) : Math.max(300, budget * 0.75);
  }
  session.setBounds(vars, vars.map((v) => model.lp.lower[v]), vars.map((v) => model.lp.upper[v]));
  lns.log.push(`fix-and-optimise: ${improved} improving neighbourhoods`);
}
