import type { AppContext } from '../context.js';
import type { Operation } from '../http/route.js';
import { exportRoutes } from './exports.js';
import { rotaRoutes } from './rotas.js';
import { scenarioRoutes } from './scenarios.js';
import { solveRoutes } from './solves.js';
import { webhookRoutes } from './webhooks.js';

/** Every /v1 operation, in the order the docs list them. */
export function v1Operations(ctx: AppContext): Operation[] {
  return [...scenarioRoutes(ctx), ...solveRoutes(ctx), ...rotaRoutes(ctx), ...exportRoutes(ctx), ...webhookRoutes(ctx)];
}
