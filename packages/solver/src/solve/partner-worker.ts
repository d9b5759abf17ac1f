import { parentPort, workerData } from 'node:worker_threads';
import { buildContext } from '../domain/context.js';
import type { Scenario } from '../domain/scenario.js';
import { highsEngine } from '../engines/highs.js';
import { buildModel } from '../model/build.js';
import { searchState } from './lns.js';
import { contextWithoutCover, seedOfficerAlone } from './officerSeed.js';
import { partnerSearch } from './partner.js';
import { betweenTasks } from './partnerThread.js';

/**
 * Second thread of a solve. `search`: builds the same model and runs the partner search (column
 * generation + integer master), exchanging incumbents and bounds with the main search by message.
 * `seed` (year-long rotas): seeds officers' rosters from the last one back.
 */
const { scenario, seconds, stopFlag, mode } = workerData as { scenario: Scenario; seconds: number; stopFlag: SharedArrayBuffer; mode: 'search' | 'seed' };
const flag = new Int32Array(stopFlag);
const stopped = () => Atomics.load(flag, 0) === 1;
const port = parentPort!;
const log = mode === 'search' ? await search() : await seedBackwards();
port.postMessage({ type: 'done', log });
port.close();

async function search(): Promise<string[]> {
  const inbox: Float64Array[] = [];
  port.on('message', (message: { type: 'incumbent'; values: Float64Array }) => {
    if (message.type === 'incumbent') inbox.push(message.values);
  });
  const model = buildModel(buildContext(scenario));
  const { lns, setDeadline } = searchState(model, 1e-4, stopped);
  setDeadline(seconds);
  try {
    await partnerSearch(model, highsEngine, lns, {
      drain: () => inbox.splice(0),
      postBound: (bound) => port.postMessage({ type: 'bound', bound }),
      postPoint: (values) => port.postMessage({ type: 'point', values }),
      postGuide: (values) => port.postMessage({ type: 'guide', values }),
      yieldToMessages: betweenTasks,
    });
  } catch (error) {
    lns.log.push(`partner search failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return lns.log;
}

/**
 * Year-long rotas: each officer from a model of that officer alone, from the last one back (the
 * main thread seeds from the first, and they meet in the middle: see hugeSeed.ts).
 */
async function seedBackwards(): Promise<string[]> {
  const started = performance.now();
  const left = () => seconds - (performance.now() - started) / 1000;
  let seeded = 0;
  const base = contextWithoutCover(scenario);
  for (let i = scenario.officers.length - 1; i >= 0 && !stopped() && left() > 0.5; i--) {
    const roster = await seedOfficerAlone(base, i, highsEngine, Math.min(4, left()), stopped);
    if (!roster) continue;
    port.postMessage({ type: 'roster', roster });
    seeded++;
    // Let the main thread's stop request in between officers.
    await betweenTasks();
  }
  return [`seeded ${seeded} officers from the last, each on a model of their own`];
}
