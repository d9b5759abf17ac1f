import loadHighs from 'highs';
import type { LinearModel } from '../model/linear.js';
import type { Engine, EngineRun, EngineSession, RunOptions } from './engine.js';

type HighsRuntime = Awaited<ReturnType<typeof loadHighs>>;
let runtime: Promise<HighsRuntime> | undefined;
const getRuntime = () => (runtime ??= loadHighs());

function toModelData(h: HighsRuntime, model: LinearModel, relax: boolean) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    for (const [v, c] of row.terms) {
      indices.push(v);
      values.push(c);
    }
    starts.push(indices.length);
  }
  const inf = (x: number) => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
  return {
    numCols: model.names.length,
    numRows: model.rows.length,
    sense: h.constants.objectiveSense.maximize,
    offset: model.offset,
    colCost: Float64Array.from(model.cost),
    colLower: Float64Array.from(model.lower, inf),
    colUpper: Float64Array.from(model.upper, inf),
    rowLower: Float64Array.from(model.rows, (r) => inf(r.lower)),
    rowUpper: Float64Array.from(model.rows, (r) => inf(r.upper)),
    matrix: { format: 'csr' as const, numRows: model.rows.length, numCols: model.names.length, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: relax ? undefined : Int32Array.from(model.types, (t) => (t === 'continuous' ? 0 : 1)),
  };
}

/** HiGHS (WebAssembly) through its persistent API: MIP starts, bound changes, interrupts. */
export const highsEngine: Engine = {
  name: 'highs',
  async open(model, options = {}) {
    const h = await getRuntime();
    const native = h.createModel(toModelData(h, model, options.relax ?? false));
    native.options.set({ output_flag: false, random_seed: 0 });
    const isMip = !options.relax && model.integerCount > 0;
    const S = h.constants.modelStatus;
    // Current column bounds, so a warm start can be clamped to what the session allows now.
    const lowerNow = [...model.lower];
    const upperNow = [...model.upper];
    const inf = (x: number) => (x === Infinity ? h.infinity : x === -Infinity ? -h.infinity : x);
    const session: EngineSession = {
      setBounds(idx, lower, upper) {
        // HiGHS wants a set selection in ascending order.
        idx.forEach((j, k) => ((lowerNow[j] = lower[k]), (upperNow[j] = upper[k])));
        const order = idx.map((_, k) => k).sort((a, b) => idx[a] - idx[b]);
        native.changeColsBounds({ kind: 'set', indices: Int32Array.from(order, (k) => idx[k]) }, Float64Array.from(order, (k) => inf(lower[k])), Float64Array.from(order, (k) => inf(upper[k])));
      },
      setCosts(idx, costs) {
        const order = idx.map((_, k) => k).sort((a, b) => idx[a] - idx[b]);
        native.changeColsCost({ kind: 'set', indices: Int32Array.from(order, (k) => idx[k]) }, Float64Array.from(order, (k) => costs[k]));
      },
      addColumns(columns) {
        const starts = [0];
        const indices: number[] = [];
        const values: number[] = [];
        for (const column of columns) {
          for (const [r, a] of [...column.terms].sort((x, y) => x[0] - y[0])) {
            indices.push(r);
            values.push(a);
          }
          starts.push(indices.length);
        }
        native.addCols({
          cost: Float64Array.from(columns, (c) => c.cost),
          lower: Float64Array.from(columns, (c) => inf(c.lower)),
          upper: Float64Array.from(columns, (c) => inf(c.upper)),
          matrix: { format: 'csc', numRows: model.rows.length, numCols: columns.length, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
        });
        lowerNow.push(...columns.map((c) => c.lower));
        upperNow.push(...columns.map((c) => c.upper));
      },
      run(opts: RunOptions): EngineRun {
        const started = performance.now();
        native.zeroAllClocks();
        native.options.set({ time_limit: Math.max(0.05, opts.timeLimitSeconds), mip_rel_gap: opts.gapTolerance ?? 1e-4 });
        if (!isMip) native.options.set({ solver: opts.lpAlgorithm ?? 'choose', simplex_strategy: opts.simplex === 'primal' ? 4 : 1 } as never);
        const clamp = (j: number, x: number) => Math.min(upperNow[j], Math.max(lowerNow[j], x));
        try {
          if (opts.start && isMip) native.setSolution({ colValue: Float64Array.from(opts.start, (x, j) => clamp(j, x)) });
          else if (opts.partialStart && isMip) {
            const entries = [...opts.partialStart].sort((a, b) => a[0] - b[0]);
            native.setSolution({ indices: Int32Array.from(entries, (e) => e[0]), values: Float64Array.from(entries, (e) => clamp(e[0], e[1])) });
          }
        } catch {
          // A start HiGHS cannot use (e.g. it breaks a changed row) is only a hint: solve without it.
        }
        let lastTick = 0;
        let bestSeen = -Infinity;
        const callbacks = {
          [h.constants.callbackType.mipInterrupt]: (e: { data: { mip_dual_bound?: number; mip_primal_bound?: number }; interrupt(): void }) => {
            if (opts.shouldStop?.()) e.interrupt();
            const now = performance.now();
            if (opts.onTick && now - lastTick > 1000) {
              lastTick = now;
              opts.onTick(e.data.mip_dual_bound ?? null);
            }
          },
          [h.constants.callbackType.mipImprovingSolution]: (e: { data: { objective_function_value?: number; mip_dual_bound?: number; mip_solution?: Float64Array } }) => {
            const obj = e.data.objective_function_value;
            if (obj !== undefined && obj > bestSeen) {
              bestSeen = obj;
              opts.onImprove?.(obj, e.data.mip_dual_bound ?? null, e.data.mip_solution ? Float64Array.from(e.data.mip_solution) : undefined);
            }
          },
          [h.constants.callbackType.simplexInterrupt]: (e: { interrupt(): void }) => {
            if (opts.shouldStop?.()) e.interrupt();
          },
        };
        try {
          native.run(callbacks as never);
        } catch (error) {
          return { status: 'error', values: null, objective: null, bound: null, seconds: (performance.now() - started) / 1000, message: String(error) };
        }
        const code = native.getModelStatus();
        const hasPrimal = Number(native.info.get('primal_solution_status')) === h.constants.solutionStatus.feasible;
        const values = hasPrimal ? Float64Array.from(native.getSolution().colValue) : null;
        const objective = hasPrimal ? native.getObjectiveValue() : null;
        const bound = isMip ? Number(native.info.get('mip_dual_bound')) : code === S.optimal ? objective : null;
        const status: EngineRun['status'] =
          code === S.optimal ? 'optimal' : code === S.infeasible ? 'infeasible' : code === S.timeLimit || code === 17 ? 'timeLimit' : hasPrimal ? 'feasible' : 'error';
        const solution = !isMip && hasPrimal ? native.getSolution() : null;
        const duals = solution ? Float64Array.from(solution.colDual) : undefined;
        const rowDuals = solution ? Float64Array.from(solution.rowDual) : undefined;
        return { status, values, objective, bound: Number.isFinite(bound) ? bound : null, seconds: (performance.now() - started) / 1000, duals, rowDuals, message: status === 'error' ? `HiGHS model status ${code}` : undefined };
      },
      dispose() {
        native.dispose();
      },
    };
    return session;
  },
};
