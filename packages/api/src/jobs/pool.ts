import type { Rota } from '@patrolplan/solver';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../errors.js';
import type { FromWorker, Task, TaskEvents, TaskOutcome } from './protocol.js';

/** Pool settings; the defaults suit `pnpm start`, tests shrink the timings. */
export interface PoolOptions {
  size?: number;
  /** Tasks that may wait for a thread; more are refused with 429. */
  queueLimit?: number;
  /** Seconds a thread may ignore a cancel before it is terminated. */
  cancelGraceSeconds?: number;
  /** Seconds past a solve's time limit before the watchdog stops it. */
  slackSeconds?: number;
  /** The TypeScript module a thread runs (tests substitute a fake solver). */
  workerModule?: URL;
}

interface Running {
  task: Task;
  events: TaskEvents;
  done: (outcome: TaskOutcome) => void;
  deadline: number;
  incumbent: Rota | null;
  timers: NodeJS.Timeout[];
  /** Resolves once the task has an outcome. */
  settled: Promise<void>;
  markSettled: () => void;
}

interface Slot {
  worker: Worker | null;
  stop: Int32Array<SharedArrayBuffer>;
  running: Running | null;
}

interface Waiting {
  task: Task;
  events: TaskEvents;
  done: (outcome: TaskOutcome) => void;
}

const DEFAULT_LIMIT_SECONDS = 30;

/** Seconds a task may run before the watchdog stops it: its own time limit plus slack. */
function budgetSeconds(task: Task, slack: number): number {
  const limit = task.options.timeLimitSeconds ?? (task.kind === 'whatIf' ? 60 : DEFAULT_LIMIT_SECONDS);
  // A what-if runs several solves whose model building is outside the budget it is given.
  return task.kind === 'whatIf' ? limit * 2 + slack * 3 : limit + Math.max(slack, limit * 0.25);
}

/**
 * A fixed set of solver threads with a bounded queue. Threads start on first use and are
 * replaced when terminated, so a stuck solve never blocks the pool for good.
 */
export class SolvePool {
  readonly size: number;
  private readonly queueLimit: number;
  private readonly graceMs: number;
  private readonly slack: number;
  private readonly module: URL;
  private readonly slots: Slot[];
  private readonly waiting: Waiting[] = [];
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? availableParallelism();
    this.queueLimit = options.queueLimit ?? 8;
    this.graceMs = (options.cancelGraceSeconds ?? 10) * 1000;
    this.slack = options.slackSeconds ?? 10;
    this.module = options.workerModule ?? new URL('./worker.ts', import.meta.url);
    this.slots = Array.from({ length: this.size }, () => ({ worker: null, stop: new Int32Array(new SharedArrayBuffer(4)), running: null }));
  }

  /** Throws a 429 ApiError when every thread is busy and the queue is full. */
  assertCapacity(): void {
    if (this.slots.some((s) => !s.running) || this.waiting.length < this.queueLimit) return;
    const soonest = Math.min(...this.slots.map((s) => s.running!.deadline));
    const retryAfter = String(Math.max(1, Math.ceil((soonest - Date.now()) / 1000)));
    throw new ApiError(429, 'queue_full', `all ${this.size} solver threads are busy and ${this.waiting.length} jobs are waiting; retry later`, undefined, { 'Retry-After': retryAfter });
  }

  submit(task: Task, events: TaskEvents = {}): Promise<TaskOutcome> {
    this.assertCapacity();
    return new Promise((done) => {
      this.waiting.push({ task, events, done });
      this.dispatch();
    });
  }

  /** Ask a task to stop: a queued task is dropped; a running one keeps its best rota. */
  cancel(jobId: string): boolean {
    const index = this.waiting.findIndex((w) => w.task.jobId === jobId);
    if (index >= 0) {
      this.waiting.splice(index, 1)[0].done({ kind: 'dequeued' });
      return true;
    }
    const slot = this.slots.find((s) => s.running?.task.jobId === jobId);
    if (!slot) return false;
    this.stop(slot, 'cancelled');
    return true;
  }

  get busy(): number {
    return this.slots.filter((s) => s.running).length;
  }

  /** Drop queued tasks, stop running ones as a cancel would (keeping their rotas), end the threads. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.done({ kind: 'dequeued' });
    const running = this.slots.filter((s) => s.running);
    running.forEach((slot) => this.stop(slot, 'server shutting down'));
    await Promise.all(running.map((slot) => slot.running?.settled));
    await Promise.all(this.slots.map((slot) => this.kill(slot, 'server shutting down')));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.closed || slot.running || this.waiting.length === 0) continue;
      const next = this.waiting.shift()!;
      const now = Date.now();
      let markSettled = () => {};
      const settled = new Promise<void>((resolve) => (markSettled = resolve));
      const running: Running = { ...next, deadline: now + budgetSeconds(next.task, this.slack) * 1000, incumbent: null, timers: [], settled, markSettled };
      slot.running = running;
      running.timers.push(setTimeout(() => this.stop(slot, 'time limit exceeded'), running.deadline - now));
      Atomics.store(slot.stop, 0, 0);
      this.ensureWorker(slot).postMessage({ type: 'run', task: next.task });
      next.events.onStart?.();
    }
  }

  /** Cooperative stop first; terminate if the thread has not answered within the grace period. */
  private stop(slot: Slot, reason: string): void {
    const running = slot.running;
    if (!running) return;
    Atomics.store(slot.stop, 0, 1);
    slot.worker?.postMessage({ type: 'cancel', jobId: running.task.jobId });
    running.timers.push(setTimeout(() => void this.kill(slot, `${reason}; solver thread did not stop within ${this.graceMs / 1000} s`), this.graceMs));
  }

  private async kill(slot: Slot, reason: string): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    this.settle(slot, { kind: 'killed', reason, incumbent: slot.running?.incumbent ?? null });
    await worker?.terminate();
  }

  private settle(slot: Slot, outcome: TaskOutcome): void {
    const running = slot.running;
    if (!running) return;
    slot.running = null;
    running.timers.forEach(clearTimeout);
    running.done(outcome);
    running.markSettled();
    this.dispatch();
  }

  private ensureWorker(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { entry: this.module.href, stopFlag: slot.stop.buffer } });
    slot.worker = worker;
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => {
      if (slot.worker === worker) slot.worker = null;
      this.settle(slot, { kind: 'error', message: `solver thread failed: ${error.message}` });
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      this.settle(slot, { kind: 'killed', reason: 'solver thread exited', incumbent: slot.running?.incumbent ?? null });
    });
    return worker;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    const running = slot.running;
    if (message.type === 'ready' || !running || running.task.jobId !== message.jobId) return;
    if (message.type === 'progress') running.events.onProgress?.(message.progress);
    else if (message.type === 'incumbent') running.incumbent = message.rota;
    else if (message.type === 'result') this.settle(slot, { kind: 'result', result: message.result, sawIncumbent: running.incumbent !== null });
    else if (message.type === 'whatIf') this.settle(slot, { kind: 'whatIf', result: message.result });
    else this.settle(slot, { kind: 'error', message: message.message });
  }
}
