import { Worker } from 'node:worker_threads';
import type { EngineRun, RunOptions } from '../engines/index.js';
import type { LinearModel } from '../model/linear.js';
import { toPlain } from './plainModel.js';

/** Seconds past its own time limit a sub-solve may take before its thread is killed. */
const GRACE_SECONDS = 2;
/** Further seconds allowed to a new thread's first run (loading tsx and HiGHS). */
const STARTUP_SECONDS = 10;
/** How often the caller's stop flag and heartbeat are polled while a sub-solve runs. */
const POLL_MS = 100;

/** What a guarded run is told besides the engine's options. */
export interface GuardedRunOptions extends Pick<RunOptions, 'timeLimitSeconds' | 'gapTolerance' | 'start'> {
  shouldStop?: () => boolean;
  /** Heartbeat while the sub-solve runs (the asking thread is free meanwhile). */
  onTick?: () => void;
}

/**
 * HiGHS on a thread of its own, killed when it overruns its time limit. HiGHS can run past its
 * limit without returning (ERGO-Code/HiGHS #885, #2226; on Curtois 8 a window of 720 columns
 * never came back), and a run in the searching thread cannot be interrupted from outside: that
 * thread, and the whole search with it, would hang. Killed or stopped, a run reports
 * `timeLimit` with no values (its incumbent dies with the thread); the next run starts a new
 * thread.
 */
export class GuardedSolver {
  private worker: Worker | null = null;
  private nextId = 0;
  /** Threads killed so far (for traces and tests). */
  kills = 0;

  /**
   * `entry`: the sub-solve thread's script; `graceSeconds` and `startupSeconds` as the
   * constants (tests give a script that never answers, and short allowances).
   */
  constructor(
    private readonly entry: URL = new URL('./subsolve-entry.mjs', import.meta.url),
    private readonly allowance = { graceSeconds: GRACE_SECONDS, startupSeconds: STARTUP_SECONDS },
  ) {}

  run(lp: LinearModel, options: GuardedRunOptions): Promise<EngineRun> {
    const fresh = this.worker === null;
    const worker = (this.worker ??= new Worker(this.entry));
    const allowed = options.timeLimitSeconds + this.allowance.graceSeconds + (fresh ? this.allowance.startupSeconds : 0);
    const id = this.nextId++;
    const started = performance.now();
    const { shouldStop, onTick, ...engineOptions } = options;
    // A run that ended without the engine's answer: no rota, no bound.
    const unanswered = (status: 'timeLimit' | 'error', message?: string): EngineRun => ({ status, values: null, objective: null, bound: null, seconds: (performance.now() - started) / 1000, message });
    return new Promise<EngineRun>((resolve) => {
      const finish = (run: EngineRun) => {
        clearInterval(poll);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(run);
      };
      const kill = () => {
        this.kills++;
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        finish(unanswered('timeLimit'));
      };
      const onMessage = (message: { id: number; run: EngineRun }) => {
        if (message.id === id) finish(message.run);
      };
      const onError = (error: Error) => {
        if (this.worker === worker) this.worker = null;
        finish(unanswered('error', error.message));
      };
      const poll = setInterval(() => {
        onTick?.();
        if (shouldStop?.() || performance.now() - started > allowed * 1000) kill();
      }, POLL_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, model: toPlain(lp), options: engineOptions });
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
