import { parentPort } from 'node:worker_threads';
import { highsEngine } from '../engines/highs.js';
import type { RunOptions } from '../engines/index.js';
import { fromPlain, type PlainModel } from './plainModel.js';

/**
 * Sub-solve thread: solves one model at a time with HiGHS and answers with the run. It exists
 * so the thread that asked can kill it when HiGHS overruns its time limit (see GuardedSolver).
 */
interface SubSolveRequest {
  id: number;
  model: PlainModel;
  options: Pick<RunOptions, 'timeLimitSeconds' | 'gapTolerance' | 'start'>;
}

const port = parentPort!;
port.on('message', async ({ id, model, options }: SubSolveRequest) => {
  const session = await highsEngine.open(fromPlain(model));
  try {
    port.postMessage({ id, run: session.run(options) });
  } catch (error) {
    port.postMessage({ id, run: { status: 'error', values: null, objective: null, bound: null, seconds: 0, message: error instanceof Error ? error.message : String(error) } });
  } finally {
    session.dispose();
  }
});
