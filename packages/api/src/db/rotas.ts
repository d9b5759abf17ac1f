import type { Evaluation, Rota } from '@patrolplan/solver';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { RotaRow, RotaSolveBody } from '../schemas/rota.js';
import { nowIso, type Db } from './open.js';

/** What a finished solve contributes to a new rota. */
export interface NewRota {
  scenarioId: string;
  scenarioVersion: number;
  rota: Rota;
  evaluation: Evaluation;
  solve: RotaSolveBody;
  parentRotaId: string | null;
  diff: { added: unknown[]; removed: unknown[] } | null;
}

/** Rotas are never edited: a change is a new rota whose `parent_rota_id` is the one it changes. */
export class RotaStore {
  constructor(private readonly db: Db) {}

  find(id: string): RotaRow | undefined {
    return this.db.prepare('SELECT * FROM rotas WHERE id = ?').get(id) as RotaRow | undefined;
  }

  get(id: string): RotaRow {
    const row = this.find(id);
    if (!row) throw notFound('rota', id);
    return row;
  }

  listForScenario(scenarioId: string): RotaRow[] {
    return this.db.prepare('SELECT * FROM rotas WHERE scenario_id = ? ORDER BY created_at DESC, id').all(scenarioId) as RotaRow[];
  }

  create(input: NewRota): RotaRow {
    const id = newId('rota');
    // A rota's version counts the changes in its lineage: 1 for a fresh solve, parent + 1 after.
    const version = input.parentRotaId ? this.get(input.parentRotaId).version + 1 : 1;
    this.db
      .prepare(
        `INSERT INTO rotas (id, scenario_id, scenario_version, version, status, rota, evaluation, solve, parent_rota_id, diff, created_at)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.scenarioId,
        input.scenarioVersion,
        version,
        JSON.stringify(input.rota),
        JSON.stringify(input.evaluation),
        JSON.stringify(input.solve),
        input.parentRotaId,
        input.diff ? JSON.stringify(input.diff) : null,
        nowIso(),
      );
    return this.get(id);
  }

  /** Publish (idempotent); returns the row and whether this call published it. */
  publish(id: string): { row: RotaRow; published: boolean } {
    const changes = this.db.prepare("UPDATE rotas SET status = 'published', published_at = ? WHERE id = ? AND status = 'draft'").run(nowIso(), id).changes;
    return { row: this.get(id), published: changes === 1 };
  }

  /** The rota and its ancestors, oldest first. */
  lineage(id: string): RotaRow[] {
    const chain: RotaRow[] = [];
    const seen = new Set<string>();
    for (let row: RotaRow | undefined = this.get(id); row && !seen.has(row.id); row = row.parent_rota_id ? this.find(row.parent_rota_id) : undefined) {
      seen.add(row.id);
      chain.unshift(row);
    }
    return chain;
  }
}
