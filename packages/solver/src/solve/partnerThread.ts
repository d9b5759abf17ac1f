import { Worker } from 'node:worker_threads';
import type { Scenario } from '../domain/scenario.js';
import type { NamedRoster } from './officerSeed.js';

/** The main search's handle on the partner thread (see partner.ts). */
export interface PartnerThread {
  /** Send a new incumbent (full model point) to the partner's roster pool. */
  post(values: Float64Array): void;
  /** Ask it to stop and wait (at most a few seconds) for its log. */
  finish(): Promise<string[]>;
}

/** What the partner thread reports: better rotas, bounds, and seed rosters (block, values). */
export interface PartnerEvents {
  point(values: Float64Array): void;
  bound(bound: number): void;
  roster(roster: NamedRoster): void;
  /** The partner's latest master LP solution in model columns (guided neighbourhoods). */
  guide?(values: Float64Array): void;
}

/**
 * Lets a thread's queued messages in. Engines block the thread and their promises settle as
 * microtasks, so a search loop that never awaits a macrotask sees no message until it ends.
 */
export const betweenTasks = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Seconds the main search waits for the partner to wind down before terminating it. */
const WIND_DOWN_SECONDS = 3;

/**
 * Start the partner search in a second thread for `seconds`. Points and bounds it finds are
 * delivered through the callbacks whenever the main thread is between tasks.
 */
export function startPartner(scenario: Scenario, seconds: number, on: PartnerEvents, mode: 'search' | 'seed' = 'search'): PartnerThread {
  const stopFlag = new SharedArrayBuffer(4);
  const worker = new Worker(new URL('./partner-entry.mjs', import.meta.url), { workerData: { scenario, seconds, stopFlag, mode } });
  let log: string[] = [];
  let alive = true;
  const ended = new Promise<void>((resolve) => {
    worker.on('message', (message: { type: string; values?: Float64Array; bound?: number; roster?: NamedRoster; log?: string[] }) => {
      if (message.type === 'point' && message.values) on.point(message.values);
      else if (message.type === 'bound' && typeof message.bound === 'number') on.bound(message.bound);
      else if (message.type === 'roster' && message.roster) on.roster(message.roster);
      else if (message.type === 'guide' && message.values) on.guide?.(message.values);
      else if (message.type === 'done') {
        log = message.log ?? [];
        resolve();
      }
    });
    worker.once('error', (error) => {
      log = [`partner thread failed: ${error.message}`];
      resolve();
    });
    worker.once('exit', () => resolve());
  });
  void ended.then(() => (alive = false));
  return {
    post(values) {
      if (alive) worker.postMessage({ type: 'incumbent', values });
    },
    async finish() {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, WIND_DOWN_SECONDS * 1000).unref());
      await Promise.race([ended, timeout]);
      await worker.terminate();
      return log;
    },
  };
}
