// Plain-JS entry so the partner thread can load the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./partner-worker.ts');
