import { parentPort, workerData } from 'node:worker_threads';
import { buildContext } from '../domain/context.js';
import type { Scenario } from '../domain/scenario.js';
import { highsEngine } from '../engines/highs.js';
import { buildModel } from '../model/build.js';

/** Second thread for large solves: the LP relaxation bound, computed while the search runs. */
const { scenario, seconds } = workerData as { scenario: Scenario; seconds: number };
const model = buildModel(buildContext(scenario));
const session = await highsEngine.open(model.lp, { relax: true });
const run = session.run({ timeLimitSeconds: seconds, lpAlgorithm: 'ipm' });
session.dispose();
parentPort!.postMessage({ status: run.status, bound: run.status === 'optimal' ? run.objective : null, seconds: run.seconds });
