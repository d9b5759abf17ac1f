import { evaluate, type Rota, type Scenario, type SolveProgress, type SolveResult } from '@patrolplan/solver';
import type { JobRow } from '../schemas/solve.js';
import type { Store } from '../db/store.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../log.js';
import { diffAssignments, toRotaRecord } from '../schemas/rota.js';
import { toSolveJob, toSolveSummary } from '../schemas/solve.js';
import type { Webhooks } from '../webhooks/deliver.js';
import type { SolvePool } from './pool.js';
import type { SolveTaskOptions, TaskOutcome, WhatIfTaskOptions } from './protocol.js';

/** A request for a new job, after the route has validated it. */
export type JobRequest =
  | { kind: 'solve' | 'resolve'; scenarioId: string; principal: string; parentRotaId: string | null; options: Pick<SolveTaskOptions, 'engine' | 'timeLimitSeconds'> }
  | { kind: 'whatIf'; scenarioId: string; principal: string; options: WhatIfTaskOptions };

/** Progress is kept in memory on every report but written to the database at most this often. */
const PROGRESS_WRITE_MS = 500;

/**
 * Solve jobs: the database row is the source of truth (so a restart can tell what was lost),
 * the pool does the work, and the outcome is stored in one transaction with its rota.
 */
export class JobService {
  private readonly cancelled = new Set<string>();
  private readonly finished = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly store: Store,
    private readonly pool: SolvePool,
    private readonly log: Logger,
    private readonly webhooks: Webhooks,
  ) {}

  start(request: JobRequest): JobRow {
    const record = this.store.scenarios.get(request.scenarioId);
    let scenario = JSON.parse(record.body) as Scenario;
    let parent: Rota | null = null;
    if (request.kind !== 'whatIf' && request.parentRotaId) {
      const parentRow = this.store.rotas.get(request.parentRotaId);
      if (parentRow.scenario_id !== scenario.id) throw new ApiError(422, 'rota_of_other_scenario', `rota "${parentRow.id}" belongs to scenario "${parentRow.scenario_id}"`);
      parent = toRotaRecord(parentRow).rota;
      // Each change against the parent costs the disruption penalty, so the solver keeps the rest;
      // the parent is also the warm start (the solver clamps what the changed scenario forbids).
      scenario = { ...scenario, previousAssignments: parent.assignments.map(({ officerId, shiftId }) => ({ officerId, shiftId })) };
    }
    this.pool.assertCapacity();
    const job = this.store.jobs.create({
      scenarioId: record.id,
      scenarioVersion: record.version,
      kind: request.kind,
      options: request.options,
      parentRotaId: request.kind === 'whatIf' ? null : request.parentRotaId,
      principal: request.principal,
    });
    this.log.info({ jobId: job.id, scenarioId: record.id, kind: job.kind, officers: scenario.officers.length }, 'job queued');
    let lastWrite = 0;
    const events = {
      onStart: () => this.store.jobs.markRunning(job.id),
      onProgress: (progress: SolveProgress) => {
        if (Date.now() - lastWrite < PROGRESS_WRITE_MS && progress.fraction < 1) return;
        lastWrite = Date.now();
        this.store.jobs.saveProgress(job.id, progress);
      },
    };
    const outcome =
      request.kind === 'whatIf'
        ? this.pool.submit({ jobId: job.id, kind: 'whatIf', scenario, options: request.options }, events)
        : this.pool.submit({ jobId: job.id, kind: 'solve', scenario, options: { ...request.options, ...(parent ? { startRota: parent } : {}) } }, events);
    const done = outcome
      .then((o) => this.record(job, scenario, parent, o))
      .catch((error: unknown) => {
        this.log.error({ jobId: job.id, err: error }, 'recording the job outcome failed');
        this.store.jobs.finish(job.id, { status: 'failed', error: 'internal error while saving the result' });
      })
      .finally(() => {
        this.cancelled.delete(job.id);
        this.finished.delete(job.id);
      });
    this.finished.set(job.id, done);
    return this.store.jobs.get(job.id);
  }

  /** Cancel and wait until the job has ended (a running solve returns its best rota so far). */
  async cancel(jobId: string): Promise<JobRow> {
    const job = this.store.jobs.get(jobId);
    if (job.status !== 'queued' && job.status !== 'running') throw new ApiError(409, 'job_not_active', `job "${jobId}" already ${job.status}`);
    this.cancelled.add(jobId);
    this.pool.cancel(jobId);
    await this.finished.get(jobId);
    return this.store.jobs.get(jobId);
  }

  /** Shutdown: running solves stop and keep their best rota; queued jobs fail. */
  async close(): Promise<void> {
    this.stopping = true;
    await this.pool.close();
    while (this.finished.size > 0) await Promise.all([...this.finished.values()]);
  }

  /** Resolves when the job has ended (for tests and the benchmark). */
  async settled(jobId: string): Promise<JobRow> {
    await this.finished.get(jobId);
    return this.store.jobs.get(jobId);
  }

  private record(job: JobRow, scenario: Scenario, parent: Rota | null, outcome: TaskOutcome): void {
    const cancelled = this.cancelled.has(job.id);
    if (outcome.kind === 'whatIf') {
      this.store.jobs.finish(job.id, { status: 'completed', whatIf: outcome.result });
    } else if (outcome.kind === 'dequeued') {
      this.store.jobs.finish(job.id, { status: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : 'server shutting down' });
    } else if (outcome.kind === 'error') {
      this.log.warn({ jobId: job.id, error: outcome.message }, 'solve failed');
      this.store.jobs.finish(job.id, { status: 'failed', error: outcome.message });
    } else if (outcome.kind === 'result' && (cancelled || this.stopping) && !outcome.sawIncumbent) {
      // Stopped before the search found any rota: an empty placeholder is not worth keeping.
      this.store.jobs.finish(job.id, cancelled ? { status: 'cancelled' } : { status: 'failed', error: 'server shutting down' });
    } else if (outcome.kind === 'result') {
      this.saveRota(job, parent, outcome.result, cancelled ? 'cancelled' : 'completed');
    } else if (outcome.incumbent && job.kind !== 'whatIf') {
      // The thread was terminated; its last incumbent is still a rota worth keeping.
      const evaluation = evaluate(scenario, outcome.incumbent);
      const { engine = 'highs', timeLimitSeconds = 0 } = JSON.parse(job.options) as SolveTaskOptions;
      const result: SolveResult = { status: 'timeLimit', engine, objective: evaluation.objective, bound: null, gap: null, seconds: timeLimitSeconds, rota: outcome.incumbent, evaluation, log: [outcome.reason] };
      this.saveRota(job, parent, result, cancelled ? 'cancelled' : 'completed');
    } else {
      this.store.jobs.finish(job.id, { status: cancelled ? 'cancelled' : 'failed', error: cancelled ? null : outcome.reason });
    }
    const final = this.store.jobs.get(job.id);
    this.log.info({ jobId: job.id, status: final.status, rotaId: final.rota_id }, 'job ended');
    if (final.status === 'completed') this.webhooks.emit('solve.completed', { job: toSolveJob(final) });
  }

  private saveRota(job: JobRow, parent: Rota | null, result: SolveResult, status: 'completed' | 'cancelled'): void {
    const { status: solveStatus, objective, bound, gap, seconds, engine } = result;
    this.store.transaction(() => {
      const rota = this.store.rotas.create({
        scenarioId: job.scenario_id,
        scenarioVersion: job.scenario_version,
        rota: { ...result.rota, scenarioId: job.scenario_id },
        evaluation: result.evaluation,
        solve: { status: solveStatus, objective, bound, gap, seconds, engine },
        parentRotaId: job.parent_rota_id,
        diff: parent ? diffAssignments(parent.assignments, result.rota.assignments) : null,
      });
      const progress = { seconds, objective, bound, gap, fraction: 1, phase: 'done' };
      this.store.jobs.finish(job.id, { status, result: toSolveSummary(result), progress, rotaId: rota.id });
    });
  }
}
