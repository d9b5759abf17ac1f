import { IdempotencyStore } from './idempotency.js';
import { JobStore } from './jobs.js';
import { KeyStore } from './keys.js';
import type { Db } from './open.js';
import { RotaStore } from './rotas.js';
import { ScenarioStore } from './scenarios.js';
import { WebhookStore } from './webhooks.js';

/** Every table behind one object, sharing one connection (and so one transaction scope). */
export class Store {
  readonly scenarios: ScenarioStore;
  readonly rotas: RotaStore;
  readonly jobs: JobStore;
  readonly keys: KeyStore;
  readonly idempotency: IdempotencyStore;
  readonly webhooks: WebhookStore;

  constructor(readonly db: Db) {
    this.scenarios = new ScenarioStore(db);
    this.rotas = new RotaStore(db);
    this.jobs = new JobStore(db);
    this.keys = new KeyStore(db);
    this.idempotency = new IdempotencyStore(db);
    this.webhooks = new WebhookStore(db);
  }

  /** Run `fn` in one SQLite transaction (all or nothing). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
