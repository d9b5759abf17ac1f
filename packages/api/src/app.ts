import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppContext } from './context.js';
import { openDatabase, type Db } from './db/open.js';
import { Store } from './db/store.js';
import { ApiError } from './errors.js';
import { authenticate, type AuthMode } from './http/auth.js';
import { rateLimiter } from './http/limits.js';
import { errorHandler } from './http/problem.js';
import { mount } from './http/route.js';
import { SolvePool, type PoolOptions } from './jobs/pool.js';
import { JobService } from './jobs/service.js';
import { createLogger, type Logger } from './log.js';
import { metaRoutes } from './routes/meta.js';
import { v1Operations } from './routes/index.js';
import { Webhooks, type WebhookOptions } from './webhooks/deliver.js';

/** What `createApp` needs; every field has a default so tests pass only what they change. */
export interface AppDeps {
  /** Database file, an open connection, or `:memory:` (the default). */
  db?: string | Db;
  auth?: AuthMode;
  logger?: Logger;
  pool?: PoolOptions;
  webhooks?: WebhookOptions;
  rateLimitPerMinute?: number;
  /** Built UI to serve at /; null serves none. */
  uiDist?: string | null;
}

/** A running application: the Express app plus what tests and main need to reach or stop. */
export interface App extends AppContext {
  app: Express;
  pool: SolvePool;
  close(): Promise<void>;
}

export const BODY_LIMIT = '5mb';

/** Build the application; jobs a previous process left running are marked failed first. */
export function createApp(deps: AppDeps = {}): App {
  const log = deps.logger ?? createLogger('info');
  const db = typeof deps.db === 'object' ? deps.db : openDatabase(deps.db ?? ':memory:');
  const store = new Store(db);
  const interrupted = store.jobs.failInterrupted();
  if (interrupted > 0) log.warn({ jobs: interrupted }, 'marked jobs interrupted by restart as failed');
  const pool = new SolvePool(deps.pool);
  const webhooks = new Webhooks(store, log, deps.webhooks);
  const jobs = new JobService(store, pool, log, webhooks);
  const ctx: AppContext = { store, jobs, webhooks, log };

  const app = express();
  app.disable('x-powered-by');
  // Served over plain HTTP on loopback: HSTS and upgrade-insecure-requests would break the UI.
  app.use(helmet({ strictTransportSecurity: false, contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => log.debug({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request'));
    next();
  });
  app.use(express.json({ limit: BODY_LIMIT, verify: (req, _res, buf) => void ((req as { rawBody?: Buffer }).rawBody = buf) }));

  const publicRouter = express.Router();
  const ops = v1Operations(ctx);
  mount(publicRouter, metaRoutes(ops), store.idempotency);
  app.use(publicRouter);

  // v1 operations carry their full path; the '/v1' prefix below scopes auth, limits and the 404.
  const v1 = express.Router();
  v1.use('/v1', authenticate(deps.auth ?? 'local', store.keys));
  v1.use('/v1', rateLimiter(deps.rateLimitPerMinute ?? 600));
  mount(v1, ops, store.idempotency);
  v1.use('/v1', (req) => {
    throw new ApiError(404, 'route_not_found', `no route ${req.method} ${req.originalUrl.split('?')[0]}`);
  });
  app.use(v1);
  serveUi(app, deps.uiDist === undefined ? 'packages/ui/dist' : deps.uiDist);
  app.use(errorHandler(log));

  return {
    ...ctx,
    app,
    pool,
    async close() {
      await jobs.close();
      db.close();
    },
  };
}

/** The built UI at / with SPA fallback; without a build, a page saying how to make one. */
function serveUi(app: Express, dist: string | null): void {
  const root = dist ? resolve(dist) : null;
  const index = root ? join(root, 'index.html') : null;
  if (root && existsSync(index!)) app.use(express.static(root, { index: 'index.html' }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/v1/')) return next();
    if (index && existsSync(index)) return res.sendFile(index);
    res
      .status(200)
      .type('html')
      .send('<!doctype html><meta charset="utf-8"><title>patrolplan</title><h1>patrolplan API is running</h1><p>The UI is not built: run <code>pnpm --filter @patrolplan/ui build</code> (or <code>pnpm start</code>). API docs: <a href="/docs">/docs</a>.</p>');
  });
}
