// A sub-solve thread that takes requests and never answers: an engine run that overran for good.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => undefined);
