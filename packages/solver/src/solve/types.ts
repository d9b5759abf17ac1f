import type { Finding } from '../domain/finding.js';
import type { Rota } from '../domain/rota.js';
import type { Rank } from '../domain/types.js';

/** Engines behind one interface: HiGHS (default) and javascript-lp-solver. */
export type EngineName = 'highs' | 'jsls';

/**
 * How a solve ended.
 * - `optimal`: the engine proved the rota optimal (gap within tolerance).
 * - `feasible`: a rota with zero hard violations was found; optimality not proved (see gap).
 * - `infeasible`: the hard rules cannot all hold for this input; the rota returned is the best
 *   one found with the breaches named in `evaluation.findings` (never a bare "infeasible").
 * - `timeLimit`: the time limit stopped the search; the best rota so far and its bound are
 *   returned (check `evaluation.hardViolations`).
 */
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'timeLimit';

/** Coverage of one hotspot in one shift: forecast harm against deployed patrol. */
export interface CoverageRow {
  hotspotId: string;
  shiftId: string;
  officerHours: number;
  /** Forecast harm during the shift's periods, shared between overlapping shifts. */
  expectedHarm: number;
  coveredHarm: number;
  unmetHarm: number;
}

/** The evaluator's independent verdict on a rota. */
export interface Evaluation {
  findings: Finding[];
  /** Findings of hard rules that do not hold. */
  hardViolations: number;
  /** Total objective (harm covered minus weighted penalties) recomputed from the rota. */
  objective: number;
  objectiveByRule: Record<string, number>;
  coverage: CoverageRow[];
  harmCovered: number;
  harmTotal: number;
}

export interface SolveProgress {
  seconds: number;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  /** 0..1 share of the time limit used. */
  fraction: number;
  phase: string;
}

export interface SolveOptions {
  engine?: EngineName;
  timeLimitSeconds?: number;
  /** Relative gap at which to stop (0.01 = 1 %). */
  gapTolerance?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** A rota to start from (warm start); the engine completes what it leaves open. */
  startRota?: Rota;
  /** Aborting stops the search and returns the best rota so far. */
  signal?: AbortSignal;
}

export interface SolveResult {
  status: SolveStatus;
  engine: EngineName;
  /** Objective of the returned rota as the evaluator computes it. */
  objective: number;
  /** Proven upper bound on the objective (maximisation); null when none is known. */
  bound: number | null;
  /** (bound − objective) / max(1, |bound|); 0.01 = 1 %. */
  gap: number | null;
  seconds: number;
  rota: Rota;
  evaluation: Evaluation;
  /** Notes on what the search did (neighbourhoods, engine fallbacks). */
  log: string[];
}

/** Profile of hypothetical extra officers in a what-if. */
export interface OfficerProfile {
  rank: Rank;
  skills: string[];
  contractMinutesPerWeek: number;
}

export interface WhatIfPoint {
  extraOfficers: number;
  harmCovered: number;
  unmetHarm: number;
  overtimeCost: number;
  objective: number;
  gap: number | null;
}

/** Where one more officer buys most: a shift type and/or hotspot, with the confirmed gain. */
export interface MarginalValue {
  shiftTypeId: string;
  hotspotId?: string;
  /** Gain estimated from LP duals (shortlisting only). */
  estimatedGain: number;
  /** Gain confirmed by re-solving with one more officer restricted to this shift type; null if not confirmed. */
  confirmedGain: number | null;
}

export interface WhatIfResult {
  curve: WhatIfPoint[];
  marginal: MarginalValue[];
  seconds: number;
}
