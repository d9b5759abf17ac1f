import { z } from 'zod';

/** Environment the server reads at start-up; validated so a typo fails fast with the variable's name. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PATROLPLAN_DB: z.string().min(1).default('./data/patrolplan.db'),
  PATROLPLAN_AUTH: z.enum(['local', 'keys']).default('local'),
  /** Scenario loaded into an empty database on first run. */
  PATROLPLAN_SEED: z.string().min(1).default('examples/southend.json'),
  PATROLPLAN_UI_DIST: z.string().min(1).default('packages/ui/dist'),
  PATROLPLAN_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  PATROLPLAN_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** Requests per minute per API key (or client address). */
  PATROLPLAN_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Validated server configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** Parse the environment; throws one readable line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`invalid configuration:\n${lines.join('\n')}`);
}
