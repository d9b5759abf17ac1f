import type { SolveProgress } from '@patrolplan/solver';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { JobKindName, JobRow, JobStatusName } from '../schemas/solve.js';
import { nowIso, type Db } from './open.js';

/** What a new job needs. */
export interface NewJob {
  scenarioId: string;
  scenarioVersion: number;
  kind: JobKindName;
  options: unknown;
  parentRotaId: string | null;
  principal: string;
}

/** How a job ended. */
export interface JobOutcome {
  status: Extract<JobStatusName, 'completed' | 'cancelled' | 'failed'>;
  result?: unknown;
  whatIf?: unknown;
  progress?: SolveProgress;
  rotaId?: string | null;
  error?: string | null;
}

export class JobStore {
  constructor(private readonly db: Db) {}

  find(id: string): JobRow | undefined {
    return this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  }

  get(id: string): JobRow {
    const row = this.find(id);
    if (!row) throw notFound('job', id);
    return row;
  }

  create(input: NewJob): JobRow {
    const id = newId('job');
    const now = nowIso();
    this.db
      .prepare(
        `INSERT INTO jobs (id, scenario_id, scenario_version, kind, status, options, parent_rota_id, principal, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
      )
      .run(id, input.scenarioId, input.scenarioVersion, input.kind, JSON.stringify(input.options), input.parentRotaId, input.principal, now, now);
    return this.get(id);
  }

  markRunning(id: string): void {
    this.db.prepare("UPDATE jobs SET status = 'running', updated_at = ? WHERE id = ? AND status = 'queued'").run(nowIso(), id);
  }

  saveProgress(id: string, progress: SolveProgress): void {
    this.db.prepare("UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ? AND status = 'running'").run(JSON.stringify(progress), nowIso(), id);
  }

  /** Record the outcome once; a job that already ended keeps its first outcome. */
  finish(id: string, outcome: JobOutcome): boolean {
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    return (
      this.db
        .prepare(
          `UPDATE jobs SET status = ?, result = COALESCE(?, result), progress = COALESCE(?, progress), what_if = ?, rota_id = ?, error = ?, updated_at = ?
           WHERE id = ? AND status IN ('queued', 'running')`,
        )
        .run(outcome.status, json(outcome.result), json(outcome.progress), json(outcome.whatIf), outcome.rotaId ?? null, outcome.error ?? null, nowIso(), id).changes === 1
    );
  }

  /** Jobs a previous process left unfinished can never complete: say so instead of leaving them running. */
  failInterrupted(): number {
    return this.db
      .prepare("UPDATE jobs SET status = 'failed', error = 'interrupted by restart', updated_at = ? WHERE status IN ('queued', 'running')")
      .run(nowIso()).changes;
  }
}
