import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';
import { seedOnFirstRun } from './seed.js';

/** `pnpm start`: configuration from the environment, the API and the built UI on one port. */
let config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const log = createLogger(config.LOG_LEVEL);
const api = createApp({
  db: config.PATROLPLAN_DB,
  auth: config.PATROLPLAN_AUTH,
  logger: log,
  pool: { size: config.PATROLPLAN_WORKERS, queueLimit: config.PATROLPLAN_QUEUE },
  rateLimitPerMinute: config.PATROLPLAN_RATE_LIMIT,
  uiDist: config.PATROLPLAN_UI_DIST,
});
seedOnFirstRun(api.store, config.PATROLPLAN_SEED, log);

const server = api.app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ host: config.HOST, port, auth: config.PATROLPLAN_AUTH, db: config.PATROLPLAN_DB, workers: api.pool.size }, 'listening');
  // One machine-readable line for scripts and tests that start the server on port 0.
  process.stdout.write(`patrolplan listening on http://${config.HOST}:${port}\n`);
});
server.on('error', (error) => {
  log.fatal({ err: error }, 'cannot listen');
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  server.close();
  await api.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
