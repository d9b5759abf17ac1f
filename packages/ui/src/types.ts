/**
 * The UI's vocabulary: domain shapes from the solver (types only, never its runtime code) and the
 * API's record shapes from docs/api-contract.md.
 */
export type {
  Abstraction,
  AbstractionKind,
  Assignment,
  DemandForecast,
  Deployment,
  Finding,
  Hotspot,
  Officer,
  Pin,
  Rank,
  Rota,
  Scenario,
  ShiftType,
} from '@patrolplan/solver';
export type {
  CoverageRow,
  EngineName,
  Evaluation,
  MarginalValue,
  OfficerProfile,
  SolveProgress,
  SolveStatus,
  WhatIfPoint,
  WhatIfResult,
} from '@patrolplan/solver';

import type { Assignment, Pin, Rota, Scenario } from '@patrolplan/solver';
import type { EngineName, Evaluation, OfficerProfile, SolveProgress, SolveStatus, WhatIfResult } from '@patrolplan/solver';

export const RANK_LIST = ['PC', 'PS', 'Inspector', 'PCSO', 'Special'] as const;
export const ABSTRACTION_KINDS = ['sick', 'leave', 'course', 'court', 'other'] as const;

/** RFC 9457 problem+json, with the validation issues the API names by field path. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  issues?: { path: string | (string | number)[]; message: string }[];
}

export interface ScenarioSummary {
  id: string;
  name: string;
  version: number;
  startDate: string;
  days: number;
  officerCount: number;
  hotspotCount: number;
  updatedAt: string;
}

export interface ScenarioRecord {
  id: string;
  version: number;
  scenario: Scenario;
  createdAt: string;
  updatedAt: string;
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface SolveJob {
  id: string;
  scenarioId: string;
  status: JobStatus;
  progress: SolveProgress | null;
  result: { status: SolveStatus; objective: number; bound: number | null; gap: number | null; seconds: number; hardViolations: number } | null;
  rotaId: string | null;
  error: string | null;
  createdAt: string;
  kind?: 'solve' | 'resolve' | 'whatIf';
  scenarioVersion?: number;
  parentRotaId?: string | null;
  /** A completed what-if job's answer. */
  whatIf?: WhatIfResult | null;
  updatedAt?: string;
}

export interface RotaDiff {
  added: Assignment[];
  removed: Assignment[];
}

export interface RotaSummary {
  id: string;
  scenarioId: string;
  scenarioVersion?: number;
  version?: number;
  status: 'draft' | 'published';
  objective?: number;
  hardViolations?: number;
  assignmentCount?: number;
  parentRotaId?: string | null;
  createdAt: string;
  publishedAt?: string | null;
}

export interface RotaRecord {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  version: number;
  status: 'draft' | 'published';
  rota: Rota;
  evaluation: Evaluation;
  solve: { status: SolveStatus; objective: number; bound: number | null; gap: number | null; seconds: number; engine: EngineName };
  parentRotaId: string | null;
  diff?: RotaDiff;
  createdAt: string;
  publishedAt?: string | null;
}

export interface PinsResponse {
  pins: Pin[];
}

/** One what-if the planner ran, kept for side-by-side comparison. */
export interface WhatIfRun {
  id: string;
  label: string;
  scenarioId: string;
  scenarioName: string;
  /** Names for the marginal table and the harm unit, from the scenario at run time. */
  scenario: Pick<Scenario, 'shiftTypes' | 'hotspots'>;
  unit: string;
  extraOfficers: number;
  profile: OfficerProfile;
  result: WhatIfResult;
}
