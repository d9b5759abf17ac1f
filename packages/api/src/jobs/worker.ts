import { runSolve, whatIf } from '@patrolplan/solver';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, Task, ToWorker } from './protocol.js';

/**
 * Pool thread: runs one solve or what-if at a time. HiGHS blocks this thread while it works, so
 * cancellation also sets a shared flag the search polls between engine calls; the main thread
 * keeps every incumbent so it can terminate us and still keep the best rota. The main thread
 * clears the flag before each task (clearing it here could swallow an early cancel).
 */
const port = parentPort!;
const stop = new Int32Array(workerData.stopFlag as SharedArrayBuffer);
let controller: AbortController | null = null;
const post = (message: FromWorker) => port.postMessage(message);

async function run(task: Task): Promise<void> {
  controller = new AbortController();
  const { jobId } = task;
  try {
    if (task.kind === 'whatIf') {
      post({ type: 'whatIf', jobId, result: await whatIf(task.scenario, { ...task.options, signal: controller.signal }) });
      return;
    }
    const result = await runSolve(
      task.scenario,
      { ...task.options, signal: controller.signal, onProgress: (progress) => post({ type: 'progress', jobId, progress }) },
      { shouldStop: () => Atomics.load(stop, 0) === 1, onIncumbent: (rota, objective) => post({ type: 'incumbent', jobId, rota, objective }) },
    );
    post({ type: 'result', jobId, result });
  } catch (error) {
    post({ type: 'error', jobId, message: error instanceof Error ? error.message : String(error) });
  } finally {
    controller = null;
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    Atomics.store(stop, 0, 1);
    controller?.abort();
  } else void run(message.task);
});
post({ type: 'ready' });
