/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Never edit a released migration: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE scenarios (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  -- Every version is kept: a rota refers to the exact scenario it was solved against.
  CREATE TABLE scenario_versions (
    scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    version INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (scenario_id, version));
  CREATE TABLE rotas (
    id TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    scenario_version INTEGER NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
    rota TEXT NOT NULL, evaluation TEXT NOT NULL, solve TEXT NOT NULL,
    parent_rota_id TEXT, diff TEXT, created_at TEXT NOT NULL, published_at TEXT);
  CREATE INDEX rotas_by_scenario ON rotas(scenario_id, created_at);
  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    scenario_version INTEGER NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
    options TEXT NOT NULL, progress TEXT, result TEXT, what_if TEXT, rota_id TEXT,
    parent_rota_id TEXT, error TEXT, principal TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE INDEX jobs_by_status ON jobs(status);
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL,
    created_at TEXT NOT NULL, revoked_at TEXT);
  CREATE TABLE idempotency (
    principal TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
    body_hash TEXT NOT NULL, status INTEGER, headers TEXT, body TEXT, created_at TEXT NOT NULL,
    PRIMARY KEY (principal, key));
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY, principal TEXT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL,
    secret TEXT NOT NULL, created_at TEXT NOT NULL);
  `,
];
