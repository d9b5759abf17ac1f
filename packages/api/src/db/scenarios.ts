import type { Scenario } from '@patrolplan/solver';
import { conflict, notFound, stale } from '../errors.js';
import type { ScenarioRow } from '../schemas/scenario.js';
import { nowIso, type Db } from './open.js';

const SELECT = `SELECT s.id, s.name, s.version, v.body, s.created_at, s.updated_at
  FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = s.version`;

/** Scenarios with every version kept; writes check the expected version (optimistic locking). */
export class ScenarioStore {
  constructor(private readonly db: Db) {}

  list(): ScenarioRow[] {
    return this.db.prepare(`${SELECT} ORDER BY s.updated_at DESC, s.id`).all() as ScenarioRow[];
  }

  find(id: string): ScenarioRow | undefined {
    return this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as ScenarioRow | undefined;
  }

  get(id: string): ScenarioRow {
    const row = this.find(id);
    if (!row) throw notFound('scenario', id);
    return row;
  }

  /** The scenario exactly as it was at `version` (rotas refer to the version they were solved on). */
  atVersion(id: string, version: number): Scenario {
    const row = this.db.prepare('SELECT body FROM scenario_versions WHERE scenario_id = ? AND version = ?').get(id, version) as { body: string } | undefined;
    if (!row) throw notFound('scenario', `${id}@${version}`);
    return JSON.parse(row.body) as Scenario;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM scenarios').get() as { n: number }).n;
  }

  create(scenario: Scenario): ScenarioRow {
    const now = nowIso();
    this.db.transaction(() => {
      if (this.find(scenario.id)) throw conflict('scenario_exists', `scenario "${scenario.id}" already exists; PUT to replace it`);
      this.db.prepare('INSERT INTO scenarios (id, name, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)').run(scenario.id, scenario.name, now, now);
      this.insertVersion(scenario, 1, now);
    })();
    return this.get(scenario.id);
  }

  /**
   * Replace the scenario with `change(current)` if its version is still `expected` (null = any).
   * Read, check and write happen in one transaction, so two writers never both succeed.
   */
  update(id: string, expected: number | null, change: (current: Scenario) => Scenario): ScenarioRow {
    this.db.transaction(() => {
      const row = this.get(id);
      if (expected !== null && expected !== row.version) throw stale(row.version);
      const next = { ...change(JSON.parse(row.body) as Scenario), id };
      const now = nowIso();
      const version = row.version + 1;
      const changed = this.db
        .prepare('UPDATE scenarios SET name = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?')
        .run(next.name, version, now, id, row.version).changes;
      if (changed !== 1) throw stale(row.version);
      this.insertVersion(next, version, now);
    })();
    return this.get(id);
  }

  delete(id: string, expected: number | null): void {
    this.db.transaction(() => {
      const row = this.get(id);
      if (expected !== null && expected !== row.version) throw stale(row.version);
      const active = this.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE scenario_id = ? AND status IN ('queued', 'running')").get(id) as { n: number };
      if (active.n > 0) throw conflict('scenario_busy', `scenario "${id}" has ${active.n} solve job(s) in progress; cancel them first`);
      this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
    })();
  }

  private insertVersion(scenario: Scenario, version: number, now: string): void {
    this.db.prepare('INSERT INTO scenario_versions (scenario_id, version, body, created_at) VALUES (?, ?, ?, ?)').run(scenario.id, version, JSON.stringify(scenario), now);
  }
}
