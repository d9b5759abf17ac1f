import type * as D from '@patrolplan/solver';
import { z } from 'zod';
import { Id, named, ShiftId, Timestamp, type Same } from './common.js';
import { Assignment, Pin } from './domain.js';

export const Finding = named(
  'Finding',
  z.object({
    ruleId: z.string(),
    kind: z.enum(['hard', 'soft']),
    violation: z.boolean(),
    officerId: z.string().optional(),
    shiftId: z.string().optional(),
    hotspotId: z.string().optional(),
    date: z.string().optional(),
    amount: z.number(),
    unit: z.string(),
    penalty: z.number(),
    message: z.string(),
  }),
  "One rule's verdict on a rota, with a sentence a sergeant can read.",
);

export const CoverageRow = named(
  'CoverageRow',
  z.object({
    hotspotId: z.string(),
    shiftId: z.string(),
    officerHours: z.number(),
    expectedHarm: z.number(),
    coveredHarm: z.number(),
    unmetHarm: z.number(),
  }),
);

export const Evaluation = named(
  'Evaluation',
  z.object({
    findings: z.array(Finding),
    hardViolations: z.number().int(),
    objective: z.number(),
    objectiveByRule: z.record(z.string(), z.number()),
    coverage: z.array(CoverageRow),
    harmCovered: z.number(),
    harmTotal: z.number(),
  }),
);

export const Deployment = named('Deployment', z.object({ hotspotId: z.string(), shiftId: z.string(), officerHours: z.number() }));

export const Rota = named('Rota', z.object({ scenarioId: z.string(), assignments: z.array(Assignment), deployments: z.array(Deployment) }));

export const RotaDiff = named(
  'RotaDiff',
  z.object({ added: z.array(Assignment), removed: z.array(Assignment) }),
  'Assignments added and removed against the parent rota.',
);

export const EngineName = z.enum(['highs', 'jsls']);
export const SolveStatus = z.enum(['optimal', 'feasible', 'infeasible', 'timeLimit']);

export const RotaSolve = named(
  'RotaSolve',
  z.object({ status: SolveStatus, objective: z.number(), bound: z.number().nullable(), gap: z.number().nullable(), seconds: z.number(), engine: EngineName }),
  'How the solve that produced the rota ended.',
);

export const RotaStatus = z.enum(['draft', 'published']);

export const RotaRecord = named(
  'RotaRecord',
  z.object({
    id: Id,
    scenarioId: Id,
    scenarioVersion: z.number().int(),
    version: z.number().int(),
    status: RotaStatus,
    rota: Rota,
    evaluation: Evaluation,
    solve: RotaSolve,
    parentRotaId: Id.nullable(),
    diff: RotaDiff.optional(),
    createdAt: Timestamp,
    publishedAt: Timestamp.nullable(),
  }),
  'A stored rota. Immutable once published: later changes make a new rota with `parentRotaId`.',
);

export const RotaSummary = named(
  'RotaSummary',
  z.object({
    id: Id,
    scenarioId: Id,
    scenarioVersion: z.number().int(),
    version: z.number().int(),
    status: RotaStatus,
    objective: z.number(),
    hardViolations: z.number().int(),
    assignmentCount: z.number().int(),
    parentRotaId: Id.nullable(),
    createdAt: Timestamp,
    publishedAt: Timestamp.nullable(),
  }),
);
export const RotaList = named('RotaList', z.object({ items: z.array(RotaSummary) }));

export const PinInput = named('PinInput', Pin, 'Keep (`on`) or keep out (`off`) an officer on a shift in every later solve.');
export const PinRef = named('PinRef', z.strictObject({ officerId: Id, shiftId: ShiftId }));
export const PinList = named(
  'PinList',
  z.object({ pins: z.array(Pin), scenarioVersion: z.number().int() }),
  "The scenario's pins after the change, and the scenario's new version.",
);

/** A rota as the API returns it. */
export type RotaRecordBody = z.infer<typeof RotaRecord>;
/** How the solve behind a rota ended. */
export type RotaSolveBody = z.infer<typeof RotaSolve>;

export const rotaChecks: [
  Same<z.infer<typeof Finding>, D.Finding>,
  Same<z.infer<typeof Evaluation>, D.Evaluation>,
  Same<z.infer<typeof Rota>, D.Rota>,
  Same<z.infer<typeof SolveStatus>, D.SolveStatus>,
  Same<z.infer<typeof EngineName>, D.EngineName>,
] = [true, true, true, true, true];

/** A stored rota row. */
export interface RotaRow {
  id: string;
  scenario_id: string;
  scenario_version: number;
  version: number;
  status: 'draft' | 'published';
  rota: string;
  evaluation: string;
  solve: string;
  parent_rota_id: string | null;
  diff: string | null;
  created_at: string;
  published_at: string | null;
}

/** Row → wire record: the one place stored rotas become API responses. */
export function toRotaRecord(row: RotaRow): RotaRecordBody {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersion: row.scenario_version,
    version: row.version,
    status: row.status,
    rota: JSON.parse(row.rota) as D.Rota,
    evaluation: JSON.parse(row.evaluation) as D.Evaluation,
    solve: JSON.parse(row.solve) as RotaSolveBody,
    parentRotaId: row.parent_rota_id,
    ...(row.diff ? { diff: JSON.parse(row.diff) as z.infer<typeof RotaDiff> } : {}),
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

export function toRotaSummary(row: RotaRow): z.infer<typeof RotaSummary> {
  const record = toRotaRecord(row);
  return {
    id: record.id,
    scenarioId: record.scenarioId,
    scenarioVersion: record.scenarioVersion,
    version: record.version,
    status: record.status,
    objective: record.evaluation.objective,
    hardViolations: record.evaluation.hardViolations,
    assignmentCount: record.rota.assignments.length,
    parentRotaId: record.parentRotaId,
    createdAt: record.createdAt,
    publishedAt: record.publishedAt,
  };
}

/** Assignments added and removed going from `before` to `after` (officer+shift identity). */
export function diffAssignments(before: D.Assignment[], after: D.Assignment[]): z.infer<typeof RotaDiff> {
  const key = (a: D.Assignment) => `${a.officerId}\u0000${a.shiftId}`;
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return { added: after.filter((a) => !had.has(key(a))), removed: before.filter((a) => !has.has(key(a))) };
}
