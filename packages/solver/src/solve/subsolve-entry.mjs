// Plain-JS entry so the guarded sub-solve thread can load the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./subsolve-worker.ts');
