import type { LinearModel } from '../model/linear.js';
import type { EngineName } from '../solve/types.js';

/**
 * What one engine run produced.
 * - `optimal`: proved optimal within the gap tolerance; `values` is the optimum.
 * - `feasible`: stopped early (gap reached or solution limit) with an incumbent.
 * - `timeLimit`: stopped by the time limit or an interrupt; `values` is the incumbent if any.
 * - `infeasible`: no point satisfies the model (elastic rows make this rare).
 * - `error`: the engine failed; `message` says why. Nothing in `values` is to be trusted.
 */
export interface EngineRun {
  status: 'optimal' | 'feasible' | 'timeLimit' | 'infeasible' | 'error';
  values: Float64Array | null;
  objective: number | null;
  /** Proven bound on the objective (maximisation: an upper bound). */
  bound: number | null;
  seconds: number;
  /** Reduced costs of the columns, for LP relaxations only (shortlisting, never trusted alone). */
  duals?: Float64Array;
  /** Row duals (shadow prices) of an LP relaxation: reduced cost of column j is cost_j − Σ_i rowDuals_i·a_ij. */
  rowDuals?: Float64Array;
  message?: string;
}

export interface RunOptions {
  timeLimitSeconds: number;
  gapTolerance?: number;
  /** A full feasible point to start from (MIP start). */
  start?: Float64Array;
  /** Warm start given as a rota's assignment values by variable (the engine completes the rest). */
  partialStart?: Map<number, number>;
  /** LP algorithm for relaxations: interior point is much faster on large rota LPs. */
  lpAlgorithm?: 'choose' | 'simplex' | 'ipm';
  /**
   * Which simplex re-solves an LP from its last basis: primal when only columns were added (the
   * basis stays primal feasible), dual (the default) when bounds tightened.
   */
  simplex?: 'primal' | 'dual';
  /** Polled during the run; true stops it (best incumbent kept). */
  shouldStop?: () => boolean;
  /** Each improving incumbent of a MIP run, with its values when the engine gives them. */
  onImprove?: (objective: number, bound: number | null, values?: Float64Array) => void;
  /** Called about once a second while a MIP runs, with the engine's current bound. */
  onTick?: (bound: number | null) => void;
}

/** A model loaded into an engine, solvable repeatedly with changed bounds (for neighbourhoods). */
export interface EngineSession {
  run(options: RunOptions): EngineRun;
  /** Change column bounds (fix or free variables) before the next run. */
  setBounds(indices: number[], lower: number[], upper: number[]): void;
  /** Change objective coefficients before the next run (pricing in column generation). */
  setCosts?(indices: number[], costs: number[]): void;
  /**
   * Append columns (a restricted master's new rosters); an LP re-run then starts from the last
   * basis instead of from scratch. Terms are [row index, coefficient].
   */
  addColumns?(columns: readonly NewColumn[]): void;
  dispose(): void;
}

/** A column appended to a loaded model. */
export interface NewColumn {
  cost: number;
  lower: number;
  upper: number;
  terms: readonly (readonly [number, number])[];
}

export interface Engine {
  name: EngineName;
  /** Load a model; `relax` drops integrality (LP relaxation for bounds and duals). */
  open(model: LinearModel, options?: { relax?: boolean }): Promise<EngineSession>;
}
