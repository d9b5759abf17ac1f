import { Worker } from 'node:worker_threads';
import { buildContext } from '../domain/context.js';
import type { Rota } from '../domain/rota.js';
import type { Scenario } from '../domain/scenario.js';
import { evaluateWith } from '../evaluate/evaluate.js';
import type { SolveOptions, SolveProgress, SolveResult } from './types.js';

/** Seconds past the time limit before a silent solve thread is terminated. */
const HARD_KILL_GRACE_SECONDS = 10;

/**
 * Solve a scenario in a worker thread (HiGHS blocks its thread, so only a thread can be killed).
 * The time limit is passed to the search; if the thread overruns it by the grace period, or the
 * signal aborts and the thread does not stop, it is terminated and the best rota it reported is
 * returned, re-checked by the evaluator.
 */
export function solve(scenario: Scenario, options: SolveOptions = {}): Promise<SolveResult> {
  const started = performance.now();
  const limit = options.timeLimitSeconds ?? 30;
  const stopFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(stopFlag);
  const { onProgress, signal, ...plain } = options;
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { scenario, options: plain, stopFlag } });
  let incumbent: { rota: Rota; objective: number } | null = null;
  let lastProgress: SolveProgress | null = null;

  return new Promise<SolveResult>((resolve, reject) => {
    let settled = false;
    const finish = (result: SolveResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(killer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const fallback = (why: string): SolveResult => {
      const rota = incumbent?.rota ?? { scenarioId: scenario.id, assignments: [], deployments: [] };
      const evaluation = evaluateWith(buildContext(scenario), rota);
      return { status: 'timeLimit', engine: options.engine ?? 'highs', objective: evaluation.objective, bound: lastProgress?.bound ?? null, gap: null, seconds: (performance.now() - started) / 1000, rota, evaluation, log: [why] };
    };
    const kill = (why: string) => finish(fallback(why));
    let killer = setTimeout(() => kill(`solve thread terminated after ${limit + HARD_KILL_GRACE_SECONDS} s`), (limit + HARD_KILL_GRACE_SECONDS) * 1000);
    const onAbort = () => {
      Atomics.store(flag, 0, 1);
      clearTimeout(killer);
      killer = setTimeout(() => kill('solve thread terminated after cancel'), HARD_KILL_GRACE_SECONDS * 1000);
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: { type: string; [key: string]: unknown }) => {
      if (message.type === 'progress') {
        lastProgress = message.progress as SolveProgress;
        onProgress?.(lastProgress);
      } else if (message.type === 'incumbent') incumbent = { rota: message.rota as Rota, objective: message.objective as number };
      else if (message.type === 'result') finish(message.result as SolveResult);
      else if (message.type === 'error') finish(new Error(String(message.message)));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => {
      if (!settled) finish(code === 0 ? new Error('solve thread exited without a result') : fallback(`solve thread exited with code ${code}`));
    });
  });
}
