import type { Engine, EngineRun, EngineSession } from '../engines/index.js';
import type { PatternPool } from './master.js';

/**
 * The restricted master LP kept loaded across column generation rounds and dive steps: new
 * rosters are appended and fixings are bound changes, so each re-solve starts from the last
 * basis. (Rebuilt each round, the master took 0.1–0.6 s of a 0.15–1.7 s round on Curtois 7–12.)
 * Engines that cannot append columns get a fresh master each solve.
 */
export class MasterLp {
  private session: EngineSession | null = null;
  /** Pool pattern → the session's column for it. */
  private readonly columnOf: number[] = [];
  /** Session column of the first master column (cover slack, deployments). */
  private masterStart = 0;
  /** Bounds last set on each pattern's column, to change only what moved. */
  private readonly bounds: [number, number][] = [];

  constructor(
    private readonly engine: Engine,
    private readonly pool: PatternPool,
  ) {}

  /**
   * Solve the master over every pooled pattern, with the given officers fixed to one pattern
   * (block → pattern) and the `excluded` patterns at zero. Values come in the pool's order:
   * patterns, then the master's own columns; row duals in the master's row order.
   */
  async solve(fixed: ReadonlyMap<number, number>, seconds: number, stop: () => boolean, excluded?: (pattern: number) => boolean): Promise<EngineRun> {
    const { patterns, split } = this.pool;
    const before = this.columnOf.length;
    const session = await this.load();
    const wanted = (k: number): [number, number] => {
      if (excluded?.(k)) return [0, 0];
      const pick = fixed.get(patterns[k].block);
      return pick === undefined ? [0, Infinity] : pick === k ? [1, 1] : [0, 0];
    };
    const moved = patterns.map((_, k) => k).filter((k) => {
      const [lower, upper] = wanted(k);
      return this.bounds[k][0] !== lower || this.bounds[k][1] !== upper;
    });
    if (moved.length > 0) {
      moved.forEach((k) => (this.bounds[k] = wanted(k)));
      session.setBounds(moved.map((k) => this.columnOf[k]), moved.map((k) => this.bounds[k][0]), moved.map((k) => this.bounds[k][1]));
    }
    // New rosters alone leave the last basis primal feasible: primal simplex goes on from it.
    // Measured with generation alone for 20 s (HiGHS's default dual simplex → primal): master
    // Instance8 1331.4 → 1325.8, 10 4731 → 4717, 11 3504 → 3489, 12 4270 → 4247, but 9 417 →
    // 450 and 7 converged → 1054.23 (degenerate masters: another vertex, other duals).
    const simplex = moved.length === 0 && this.columnOf.length > before ? 'primal' : 'dual';
    const run = session.run({ timeLimitSeconds: seconds, shouldStop: stop, simplex });
    const solved = run.values;
    const values = solved ? new Float64Array(patterns.length + split.masterCols.length) : null;
    if (solved && values) {
      patterns.forEach((_, k) => (values[k] = solved[this.columnOf[k]]));
      split.masterCols.forEach((_, i) => (values[patterns.length + i] = solved[this.masterStart + i]));
    }
    if (!this.session) {
      // Without appending, this master served one solve; the next one is built afresh.
      session.dispose();
      this.columnOf.length = 0;
      this.bounds.length = 0;
    }
    return { ...run, values };
  }

  /** The loaded master with every pooled pattern in it (appended since the last solve). */
  private async load(): Promise<EngineSession> {
    const { patterns, split } = this.pool;
    if (!this.session) {
      const session = await this.engine.open(this.pool.master(false), { relax: true });
      patterns.forEach((_, k) => ((this.columnOf[k] = k), (this.bounds[k] = [0, Infinity])));
      this.masterStart = patterns.length;
      if (session.addColumns) this.session = session;
      return session;
    }
    const fresh = patterns.slice(this.columnOf.length);
    if (fresh.length > 0) {
      const convexityRow = (block: number) => split.linkingRows.length + block;
      this.session.addColumns!(fresh.map((p) => ({ cost: p.cost, lower: 0, upper: Infinity, terms: [...p.links, [convexityRow(p.block), 1] as const] })));
      // Appended columns follow the master's own, which follow the first patterns.
      for (let k = this.columnOf.length; k < patterns.length; k++) {
        this.columnOf[k] = k + split.masterCols.length;
        this.bounds[k] = [0, Infinity];
      }
    }
    return this.session;
  }

  dispose(): void {
    this.session?.dispose();
    this.session = null;
  }
}
