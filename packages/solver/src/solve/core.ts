import { Worker } from 'node:worker_threads';
import { buildContext } from '../domain/context.js';
import type { Rota } from '../domain/rota.js';
import type { Scenario } from '../domain/scenario.js';
import { engineByName, type Engine, type EngineSession } from '../engines/index.js';
import { evaluateWith } from '../evaluate/evaluate.js';
import { buildModel } from '../model/build.js';
import type { RotaModel } from '../model/rotaModel.js';
import { assignmentStart, decodeRota } from './decode.js';
import { decompose, type Decomposition } from './decompose.js';
import { improve } from './fixAndOptimise.js';
import { construct, hasOfficerFloors, pointFor, relGap, searchState, type LnsContext } from './lns.js';
import { decomposable, PARTNER_MAX_BINARIES } from './partner.js';
import { constructFromRosters } from './rosterSeed.js';
import { HUGE_MODEL_BINARIES, modelSecondsFor, rotaFromRosters, seedOfficersFirst } from './hugeSeed.js';
import type { NamedRoster } from './officerSeed.js';
import { startPartner, type PartnerThread } from './partnerThread.js';
import type { SolveOptions, SolveResult, SolveStatus } from './types.js';

/** Seconds a year-long (huge) solve keeps in hand for neighbourhoods that overrun their limit. */
const HUGE_MARGIN_SECONDS = 5;

/** Least time worth building a year-long model for, once it is built, to improve the seeded rota. */
const HUGE_IMPROVE_SECONDS = 10;

/** Models with more assignment binaries than this are solved by fix-and-optimise (LNS). */
export const MONOLITHIC_MAX_BINARIES = 3000;

/** Share of the time a small model is solved whole before fix-and-optimise takes over. */
const MONOLITHIC_SHARE = 0.5;
/**
 * The same with column generation on the second core: while the whole model is solved, the
 * partner's rotas wait in the message queue. At 0.5 HiGHS's own rota after 30 s was far behind
 * the partner's (Curtois 5: 1457 against 1170, 6: 2140 against 1952, 7: 1652 against 1160);
 * at 0.15: 5 1143, 6 1951, 7 1058, and Instance2 and 4 proved optimal in 9.6 s instead of 16
 * and 30 s.
 */
const MONOLITHIC_SHARE_WITH_PARTNER = 0.15;

/** Hooks the worker wrapper uses to stream progress and keep the incumbent for a hard kill. */
export interface SolveHooks {
  shouldStop?: () => boolean;
  onIncumbent?: (rota: Rota, objective: number) => void;
}



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
  const engine = engineByName(options.engine ?? 'highs');
  // Year-long rotas: every officer's roster first, each on a model of their own (two threads),
  // before the whole model is built; when building it would not leave time to use it, the
  // rosters side by side are the answer.
  const binariesExpected = ctx.officers.length * ctx.shifts.length;
  const seeds: NamedRoster[] = [];
  const earlyLog: string[] = [];
  if (engine.name === 'highs' && process.env.PATROLPLAN_PARTNER !== '0' && binariesExpected > HUGE_MODEL_BINARIES && ctx.officers.length >= 2) {
    const first = await seedOfficersFirst(scenario, engine, Math.max(1, remaining() - HUGE_MARGIN_SECONDS), stop);
    seeds.push(...first.rosters);
    earlyLog.push(...first.log);
    if (!first.complete || remaining() < modelSecondsFor(binariesExpected) + HUGE_MARGIN_SECONDS + HUGE_IMPROVE_SECONDS) {
      const rota = rotaFromRosters(scenario, first.rosters);
      const evaluation = evaluateWith(ctx, rota);
      earlyLog.push(`returned the officers' own rosters side by side: no time to build the whole model (about ${modelSecondsFor(binariesExpected).toFixed(0)} s)`);
      options.onProgress?.({ seconds: elapsed(), objective: evaluation.objective, bound: null, gap: null, fraction: 1, phase: 'done' });
      const status: SolveStatus = evaluation.hardViolations > 0 ? 'timeLimit' : 'feasible';
      return { status, engine: engine.name, objective: evaluation.objective, bound: null, gap: null, seconds: elapsed(), rota, evaluation, log: earlyLog };
    }
  }
  let partner: PartnerThread | null = null;
  const model = buildModel(ctx);
  let bound: number | null = null;
  // Every source's bound is a valid upper bound (maximisation): keep the tightest.
  const tighten = (b: number | null) => {
    if (b !== null && Number.isFinite(b) && (bound === null || b < bound)) bound = b;
  };
  let proved = false;
  const { lns, setDeadline } = searchState(model, tolerance, stop, (incumbent, source) => {
    hooks.onIncumbent?.(decodeRota(model, incumbent.values), incumbent.objective);
    if (source !== 'partner') partner?.post(incumbent.values);
    report(source);
  });
  setDeadline(remaining());
  const report = (phase: string) => {
    const objective = lns.getBest()?.objective ?? null;
    options.onProgress?.({ seconds: elapsed(), objective, bound, gap: relGap(bound, objective), fraction: Math.min(1, elapsed() / limit), phase });
  };
  lns.getBound = () => bound;
  let guide: Float64Array | null = null;
  lns.getGuide = () => guide;
  lns.tick = () => report('searching');
  lns.log.push(...earlyLog);
  lns.log.push(`model: ${model.lp.names.length} variables (${model.lp.integerCount} integer), ${model.lp.rows.length} rows`);

  const large = engine.name !== 'jsls' && model.assignEntries().length > MONOLITHIC_MAX_BINARIES;
  // Large models are only ever solved in neighbourhoods: loading them whole costs seconds (and
  // overflows the engine's memory on year-long rotas).
  const session = large ? null : await engine.open(model.lp);
  try {
    // The second core: column generation over officer rosters where it pays — the model splits by
    // officer and officers have horizon-wide floors (minimum hours, minimum runs), which make
    // whole rosters the natural unit — else the compact LP relaxation bound for large models.
    // (Measured on Southend, which has neither floor, the partner cost the main search 0.4 %.)
    const binaries = model.assignEntries().length;
    const partnerSize = binaries <= PARTNER_MAX_BINARIES || binaries > HUGE_MODEL_BINARIES || process.env.PATROLPLAN_PARTNER === '1';
    const split = engine.name === 'highs' && process.env.PATROLPLAN_PARTNER !== '0' && partnerSize && hasOfficerFloors(model) ? decompose(model) : null;
    // Year-long neighbourhoods overrun their limits by seconds: stop early enough to return on time.
    if (binaries > HUGE_MODEL_BINARIES) setDeadline(remaining() - HUGE_MARGIN_SECONDS);
    // Year-long: the officers were seeded before the build, and a second full model would not fit
    // the time; the second core seeds any officer still missing.
    const huge = split !== null && decomposable(split) && binaries > HUGE_MODEL_BINARIES;
    if (split && decomposable(split) && !huge) {
      partner = startPartner(scenario, Math.max(1, lns.remaining() - 1), { point: (values) => lns.accept(values, 'partner'), bound: tighten, roster: () => undefined, guide: (values) => (guide = values) });
    }
    const lpBound = large && !partner && binaries <= HUGE_MODEL_BINARIES ? relaxationBoundInParallel(scenario, Math.max(1, remaining() - 1)) : null;
    const start = options.startRota ? startOf(model, options) : undefined;
    const found = huge ? await searchHuge(model, engine, lns, split!, seeds, start) : await searchModel(model, session, engine, lns, start, partner ? MONOLITHIC_SHARE_WITH_PARTNER : MONOLITHIC_SHARE);
    tighten(found.bound);
    proved = found.proved;
    if (partner) lns.log.push(...(await partner.finish()).map((line) => `partner: ${line}`));
    if (lpBound) {
      const relaxed = await lpBound;
      lns.log.push(`LP relaxation bound (parallel thread): ${relaxed.status} in ${relaxed.seconds.toFixed(1)} s`);
      tighten(relaxed.bound);
    }
  } finally {
    session?.dispose();
    void partner?.finish();
  }

  const best = lns.getBest();
  const values = best?.values ?? new Float64Array(model.lp.names.length);
  const rota = decodeRota(model, values);
  const evaluation = evaluateWith(ctx, rota);
  const engineObjective = best?.objective ?? null;
  if (engineObjective !== null && Math.abs(engineObjective - evaluation.objective) > 1e-4 * Math.max(1, Math.abs(engineObjective))) {
    lns.log.push(`evaluator objective ${evaluation.objective.toFixed(4)} differs from the engine's ${engineObjective.toFixed(4)}`);
  }
  if (bound !== null && bound < evaluation.objective) bound = evaluation.objective;
  const gap = relGap(bound, evaluation.objective);
  const timedOut = remaining() <= 0.05 || stop();
  const status: SolveStatus =
    evaluation.hardViolations > 0 ? (proved ? 'infeasible' : 'timeLimit') : proved || (gap !== null && gap <= tolerance) ? 'optimal' : timedOut ? 'timeLimit' : 'feasible';
  report('done');
  return { status, engine: engine.name, objective: evaluation.objective, bound, gap, seconds: elapsed(), rota, evaluation, log: lns.log };
}

const startOf = (model: RotaModel, options: SolveOptions) => (options.startRota ? assignmentStart(model, options.startRota) : undefined);

/**
 * Search a loaded model within the LNS context's time: one monolithic MIP run for small models
 * (and for jsls), else a rolling-horizon construction (or the given start) then fix-and-optimise.
 * Returns the engine's bound and whether it proved optimality (monolithic runs only).
 */
export async function searchModel(model: RotaModel, session: EngineSession | null, engine: Engine, lns: LnsContext, start?: Map<number, number>, monolithicShare = MONOLITHIC_SHARE): Promise<{ bound: number | null; proved: boolean }> {
  if (session && (engine.name === 'jsls' || model.assignEntries().length <= MONOLITHIC_MAX_BINARIES)) {
    // A share of the time monolithic; if that does not prove optimality, the rest goes to
    // fix-and-optimise from its incumbent (tight cover is repaired faster by neighbourhoods).
    const share = engine.name === 'jsls' ? 1 : monolithicShare;
    const run = session.run({ timeLimitSeconds: lns.remaining() * share, gapTolerance: lns.tolerance, shouldStop: lns.stop, partialStart: start, onTick: lns.tick });
    lns.accept(run.values, 'monolithic');
    if (run.status === 'error') lns.log.push(`engine error: ${run.message}`);
    if (run.status === 'optimal' || engine.name === 'jsls') return { bound: run.bound, proved: run.status === 'optimal' };
    if (!lns.getBest()) await construct(model, engine, lns);
    await improve(model, engine, lns);
    return { bound: run.bound, proved: false };
  }
  const warm = start ? await pointFor(model, engine, lns, start) : null;
  if (!lns.accept(warm, 'start')) await construct(model, engine, lns);
  await improve(model, engine, lns);
  return { bound: null, proved: false };
}

/** Year-long models: the start if it holds, else officers' own rosters side by side; then fix-and-optimise. */
async function searchHuge(model: RotaModel, engine: Engine, lns: LnsContext, split: Decomposition, rosters: NamedRoster[], start?: Map<number, number>) {
  const warm = start ? await pointFor(model, engine, lns, start) : null;
  if (!lns.accept(warm, 'start')) await constructFromRosters(model, engine, lns, split, rosters);
  await improve(model, engine, lns);
  return { bound: null, proved: false };
}

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


