import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../domain/scenario.js';
import { runSolve } from './core.js';
import type { SolveOptions } from './types.js';

/**
 * Solve thread: runs the engine (HiGHS blocks its thread while it runs) and streams progress
 * and each new incumbent so the parent can hard-kill it and still return the best rota.
 */
interface WorkerInput {
  scenario: Scenario;
  options: Omit<SolveOptions, 'onProgress' | 'signal'>;
  /** Int32Array view: [0] set to 1 by the parent asks the search to stop. */
  stopFlag: SharedArrayBuffer;
}

const { scenario, options, stopFlag } = workerData as WorkerInput;
const flag = new Int32Array(stopFlag);
const port = parentPort!;

runSolve(
  scenario,
  { ...options, onProgress: (progress) => port.postMessage({ type: 'progress', progress }) },
  { shouldStop: () => Atomics.load(flag, 0) === 1, onIncumbent: (rota, objective) => port.postMessage({ type: 'incumbent', rota, objective }) },
)
  .then((result) => port.postMessage({ type: 'result', result }))
  .catch((error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
