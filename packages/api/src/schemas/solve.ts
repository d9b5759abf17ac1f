import type * as D from '@patrolplan/solver';
import { z } from 'zod';
import { Id, named, Timestamp, type Same } from './common.js';
import { Rank } from './domain.js';
import { EngineName, SolveStatus } from './rota.js';

const TimeLimit = z.number().min(1).max(3600);

export const SolveRequest = named(
  'SolveRequest',
  z.strictObject({ engine: EngineName.optional(), timeLimitSeconds: TimeLimit.optional(), baseRotaId: Id.optional() }),
  'Start a solve. With `baseRotaId`, changes against that rota cost the disruption penalty.',
);

export const ResolveRequest = named(
  'ResolveRequest',
  z.strictObject({ engine: EngineName.optional(), timeLimitSeconds: TimeLimit.optional() }),
  "Re-solve keeping the scenario's pins and minimising changes against this rota.",
);

export const OfficerProfile = named(
  'OfficerProfile',
  z.strictObject({ rank: Rank, skills: z.array(z.string().min(1).max(64)).max(100), contractMinutesPerWeek: z.number().min(0).max(100_000) }),
);

export const WhatIfRequest = named(
  'WhatIfRequest',
  z.strictObject({ extraOfficers: z.number().int().min(0).max(50), profile: OfficerProfile, timeLimitSeconds: TimeLimit.optional() }),
);

export const SolveProgress = named(
  'SolveProgress',
  z.object({
    seconds: z.number(),
    objective: z.number().nullable(),
    bound: z.number().nullable(),
    gap: z.number().nullable(),
    fraction: z.number(),
    phase: z.string(),
  }),
);

export const WhatIfResult = named(
  'WhatIfResult',
  z.object({
    curve: z.array(
      z.object({
        extraOfficers: z.number().int(),
        harmCovered: z.number(),
        unmetHarm: z.number(),
        overtimeCost: z.number(),
        objective: z.number(),
        gap: z.number().nullable(),
      }),
    ),
    marginal: z.array(
      z.object({ shiftTypeId: z.string(), hotspotId: z.string().optional(), estimatedGain: z.number(), confirmedGain: z.number().nullable() }),
    ),
    seconds: z.number(),
  }),
);

export const JobStatus = z.enum(['queued', 'running', 'completed', 'cancelled', 'failed']);
export const JobKind = z.enum(['solve', 'resolve', 'whatIf']);

export const SolveSummary = named(
  'SolveSummary',
  z.object({
    status: SolveStatus,
    objective: z.number(),
    bound: z.number().nullable(),
    gap: z.number().nullable(),
    seconds: z.number(),
    hardViolations: z.number().int(),
  }),
);

export const SolveJob = named(
  'SolveJob',
  z.object({
    id: Id,
    kind: JobKind,
    scenarioId: Id,
    scenarioVersion: z.number().int(),
    status: JobStatus,
    progress: SolveProgress.nullable(),
    result: SolveSummary.nullable(),
    rotaId: Id.nullable(),
    parentRotaId: Id.nullable(),
    whatIf: WhatIfResult.nullable(),
    error: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
  'An asynchronous solve, re-solve or what-if. Poll until status is completed, cancelled or failed.',
);

/** A job as the API returns it. */
export type SolveJobBody = z.infer<typeof SolveJob>;
/** Where a job is in its life. */
export type JobStatusName = z.infer<typeof JobStatus>;
/** What a job computes. */
export type JobKindName = z.infer<typeof JobKind>;

export const solveChecks: [
  Same<z.infer<typeof SolveProgress>, D.SolveProgress>,
  Same<z.infer<typeof WhatIfResult>, D.WhatIfResult>,
  Same<z.infer<typeof OfficerProfile>, D.OfficerProfile>,
] = [true, true, true];

/** A stored job row. */
export interface JobRow {
  id: string;
  scenario_id: string;
  scenario_version: number;
  kind: JobKindName;
  status: JobStatusName;
  options: string;
  progress: string | null;
  result: string | null;
  what_if: string | null;
  rota_id: string | null;
  parent_rota_id: string | null;
  error: string | null;
  principal: string;
  created_at: string;
  updated_at: string;
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** Row → wire job: the one place stored jobs become API responses. */
export function toSolveJob(row: JobRow): SolveJobBody {
  return {
    id: row.id,
    kind: row.kind,
    scenarioId: row.scenario_id,
    scenarioVersion: row.scenario_version,
    status: row.status,
    progress: parse(row.progress),
    result: parse(row.result),
    rotaId: row.rota_id,
    parentRotaId: row.parent_rota_id,
    whatIf: parse(row.what_if),
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Solver result → the summary a job shows. */
export function toSolveSummary(result: D.SolveResult): z.infer<typeof SolveSummary> {
  const { status, objective, bound, gap, seconds } = result;
  return { status, objective, bound, gap, seconds, hardViolations: result.evaluation.hardViolations };
}
