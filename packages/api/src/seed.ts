import { existsSync, readFileSync } from 'node:fs';
import type { Store } from './db/store.js';
import type { Logger } from './log.js';
import { toIssues } from './http/problem.js';
import { Scenario } from './schemas/scenario.js';

/**
 * Load the example scenario into a brand-new database, once: a meta flag records that seeding
 * happened, so a planner who deletes every scenario does not get the example back.
 */
export function seedOnFirstRun(store: Store, file: string, log: Logger): string | null {
  if (store.meta('seeded') || store.scenarios.count() > 0) return null;
  store.setMeta('seeded', new Date().toISOString());
  if (!existsSync(file)) {
    log.warn({ file }, 'no example scenario to load on first run');
    return null;
  }
  const parsed = Scenario.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    log.warn({ file, issues: toIssues(parsed.error).slice(0, 10) }, 'example scenario is invalid; not loaded');
    return null;
  }
  const row = store.scenarios.create(parsed.data);
  log.info({ scenarioId: row.id, officers: parsed.data.officers.length }, 'loaded example scenario on first run');
  return row.id;
}
