// Plain-JS entry: Node 20 does not apply tsx's loader to worker threads, so register it here
// before loading the TypeScript worker (works under tsx, vitest and plain node alike).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
