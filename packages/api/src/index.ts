/**
 * @patrolplan/api: the HTTP API. `createApp` for servers and tests; wire types for clients
 * (the UI imports these types only, never runtime code).
 */
export { createApp, type App, type AppDeps } from './app.js';
export { loadConfig, type Config } from './config.js';
export type { ProblemBody } from './schemas/common.js';
export type { ScenarioRecordBody } from './schemas/scenario.js';
export type { RotaRecordBody } from './schemas/rota.js';
export type { SolveJobBody } from './schemas/solve.js';
export type * as Wire from './wire.js';
