import { parentPort, workerData } from 'node:worker_threads';
import { buildContext } from '../domain/context.js';
import type { Scenario } from '../domain/scenario.js';
import { highsEngine } from '../engines/highs.js';
import { buildModel } from '../model/build.js';
import { searchState } from './lns.js';
import { partnerSearch } from './partner.js';

/**
 * Second thread of a solve: builds the same model and runs the partner search (column
 * generation + integer master), exchanging incumbents and bounds with the main search by message.
 */
const { scenario, seconds, stopFlag } = workerData as { scenario: Scenario; seconds: number; stopFlag: SharedArrayBuffer };
const flag = new Int32Array(stopFlag);
const port = parentPort!;
const inbox: Float64Array[] = [];
port.on('message', (message: { type: 'incumbent'; values: Float64Array }) => {
  if (message.type === 'incumbent') inbox.push(message.values);
});
const model = buildModel(buildContext(scenario));
const { lns, setDeadline } = searchState(model, 1e-4, () => Atomics.load(flag, 0) === 1);
setDeadline(seconds);
try {
  await partnerSearch(model, highsEngine, lns, {
    drain: () => inbox.splice(0),
    postBound: (bound) => port.postMessage({ type: 'bound', bound }),
    postPoint: (values) => port.postMessage({ type: 'point', values }),
    postRoster: (block, values) => port.postMessage({ type: 'roster', block, values }),
    yieldToMessages: () => new Promise((resolve) => setImmediate(resolve)),
  });
} catch (error) {
  lns.log.push(`partner search failed: ${error instanceof Error ? error.message : String(error)}`);
}
port.postMessage({ type: 'done', log: lns.log });
port.close();
