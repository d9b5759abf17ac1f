// Plain-JS entry so the bound thread can load the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./bound-worker.ts');
