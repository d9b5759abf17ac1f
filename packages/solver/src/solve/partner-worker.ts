import { parentPort, workerData } from 'node:worker_threads';
import { buildContext } from '../domain/context.js';
import type { Scenario } from '../domain/scenario.js';
import { highsEngine } from '../engines/highs.js';
import { buildModel } from '../model/build.js';
import { searchState } from './lns.js';
import { contextWithoutCover, seedOfficerAlone } from './officerSeed.js';
import { partnerSearch } from './partner.js';

/**
 * Second thread of a solve. `search`: builds the same model and runs the partner search (column
 * generation + integer master), exchanging incumbents and bounds with the main search by message.
 * `seed` / `seedForward` (year-long rotas): seeds officers' rosters from the last one back, or
 * from the first one on.
 */
const { scenario, seconds, stopFlag, mode } = workerData as { scenario: Scenario; seconds: number; stopFlag: SharedArrayBuffer; mode: 'search' | 'seed' | 'seedForward' };
const flag = new Int32Array(stopFlag);
const stopped = () => Atomics.load(flag, 0) === 1;
const port = parentPort!;
const log = mode === 'search' ? await search() : await seedInTurn(mode === 'seed' ? -1 : 1);
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
      postRoster: (roster) => port.postMessage({ type: 'roster', roster }),
      yieldToMessages: () => new Promise((resolve) => setImmediate(resolve)),
    });
  } catch (error) {
    lns.log.push(`partner search failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return lns.log;
}

/**
 * Year-long rotas: each officer from a model of that officer alone, from the last one back
 * (step −1) or the first one on (+1); two seeders meet in the middle.
 */
async function seedInTurn(step: 1 | -1): Promise<string[]> {
  const started = performance.now();
  const left = () => seconds - (performance.now() - started) / 1000;
  let seeded = 0;
  const base = contextWithoutCover(scenario);
  const count = scenario.officers.length;
  for (let i = step < 0 ? count - 1 : 0; i >= 0 && i < count && !stopped() && left() > 0.5; i += step) {
    const roster = await seedOfficerAlone(base, i, highsEngine, Math.min(4, left()), stopped);
    if (!roster) continue;
    port.postMessage({ type: 'roster', roster });
    seeded++;
    // Let the main thread's stop request in between officers.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [`seeded ${seeded} officers from the ${step < 0 ? 'last' : 'first'}, each on a model of their own`];
}
