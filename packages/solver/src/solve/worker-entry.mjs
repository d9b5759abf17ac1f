// Plain-JS entry so the solve thread can load the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
