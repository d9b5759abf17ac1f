import solver from 'javascript-lp-solver';
import type { LinearModel } from '../model/linear.js';
import type { Engine, EngineRun, EngineSession } from './engine.js';

type JslsModel = Parameters<typeof solver.Solve>[0];

function toJsls(model: LinearModel, lower: number[], upper: number[], relax: boolean, timeoutMs: number): JslsModel {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const ints: Record<string, 1> = {};
  model.names.forEach((_, j) => {
    const name = `v${j}`;
    variables[name] = { obj: model.cost[j] };
    if (!relax && model.types[j] !== 'continuous') ints[name] = 1;
    // jsls has no column bounds: each bound becomes a one-variable row.
    if (lower[j] === upper[j]) constraints[`b${j}`] = { equal: lower[j] };
    else {
      if (upper[j] < Infinity || lower[j] > 0) constraints[`b${j}`] = { ...(upper[j] < Infinity ? { max: upper[j] } : {}), ...(lower[j] > 0 ? { min: lower[j] } : {}) };
    }
    if (constraints[`b${j}`]) variables[name][`b${j}`] = 1;
  });
  model.rows.forEach((row, i) => {
    const bound: { min?: number; max?: number } = {};
    if (row.lower > -Infinity) bound.min = row.lower;
    if (row.upper < Infinity) bound.max = row.upper;
    constraints[`r${i}`] = bound;
    for (const [v, c] of row.terms) variables[`v${v}`][`r${i}`] = c;
  });
  return { optimize: 'obj', opType: 'max', constraints, variables, ints, options: { timeout: timeoutMs, tolerance: 0 } };
}

/**
 * javascript-lp-solver: pure JS, fine for small models and as a cross-check of HiGHS. Measured:
 * on timeout it returns a fractional point flagged feasible, so integrality is checked here
 * and such a point is reported as `timeLimit` without values.
 */
/** Beyond this many integer columns jsls neither finishes in time nor fits in memory (measured: southend, 2,040, never stopped at its timeout; county, 10,200, used 8 GB). */
export const JSLS_MAX_INTEGERS = 1000;

export const jslsEngine: Engine = {
  name: 'jsls',
  async open(model, options = {}) {
    const tooLarge = !options.relax && model.integerCount > JSLS_MAX_INTEGERS;
    const lower = [...model.lower];
    const upper = [...model.upper];
    const relax = options.relax ?? false;
    const session: EngineSession = {
      setBounds(idx, lo, up) {
        idx.forEach((j, k) => {
          lower[j] = lo[k];
          upper[j] = up[k];
        });
      },
      run(opts): EngineRun {
        if (tooLarge) return { status: 'error', values: null, objective: null, bound: null, seconds: 0, message: `javascript-lp-solver is for small models: ${model.integerCount} integer columns exceed ${JSLS_MAX_INTEGERS}; use highs` };
        const started = performance.now();
        const result = solver.Solve(toJsls(model, lower, upper, relax, opts.timeLimitSeconds * 1000)) as Record<string, unknown>;
        const seconds = (performance.now() - started) / 1000;
        const timedOut = seconds >= opts.timeLimitSeconds * 0.98;
        if (!result.feasible) return { status: timedOut ? 'timeLimit' : 'infeasible', values: null, objective: null, bound: null, seconds };
        const values = new Float64Array(model.names.length);
        model.names.forEach((_, j) => (values[j] = Number(result[`v${j}`] ?? 0)));
        const integral = relax || model.types.every((t, j) => t === 'continuous' || Math.abs(values[j] - Math.round(values[j])) < 1e-6);
        if (!integral || (!relax && result.isIntegral === false)) return { status: 'timeLimit', values: null, objective: null, bound: null, seconds, message: 'javascript-lp-solver returned a fractional point' };
        const objective = model.objectiveOf(values);
        return { status: timedOut ? 'timeLimit' : 'optimal', values, objective, bound: timedOut ? null : objective, seconds };
      },
      dispose() {},
    };
    return session;
  },
};
