import type { Engine, EngineRun, EngineSession } from '../engines/index.js';
import type { MasterBounds } from './coverBranching.js';
import type { PatternPool } from './master.js';

/**
 * Cost of a rescue column's unit beyond a capped master column: far beyond any rota's objective
 * (Curtois penalties are 1–100 a unit), so a master that needs one sits far below every cutoff.
 */
const RESCUE_COST = 1e6;

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
  /** Master columns' bounds narrowed by the last solve (see `narrow`). */
  private narrowed: MasterBounds = new Map();
  /** Master column → its rescue column in the session (see `narrow`). */
  private readonly rescue = new Map<number, number>();
  /** Columns in the session. */
  private columns = 0;

  constructor(
    private readonly engine: Engine,
    private readonly pool: PatternPool,
  ) {}

  /**
   * Solve the master over every pooled pattern, with the given officers fixed to one pattern
   * (block → pattern) and the `excluded` patterns at zero. Values come in the pool's order:
   * patterns, then the master's own columns; row duals in the master's row order. `masterBounds`
   * narrows master columns (index into `split.masterCols` → bounds), as a tree's cover branches do.
   */
  async solve(fixed: ReadonlyMap<number, number>, seconds: number, stop: () => boolean, excluded?: (pattern: number) => boolean, masterBounds: MasterBounds = new Map()): Promise<EngineRun> {
    const { patterns, split } = this.pool;
    const before = this.columnOf.length;
    const session = await this.load();
    const narrowedNow = this.narrow(session, masterBounds);
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
    const simplex = moved.length === 0 && !narrowedNow && this.columnOf.length > before ? 'primal' : 'dual';
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
      this.narrowed = new Map();
      this.rescue.clear();
    }
    return { ...run, values };
  }

  /**
   * Sets the master columns' bounds to `masterBounds` (the rest to the model's own); true when
   * any moved. A column capped below its own upper bound gets a rescue column beside it (where
   * the engine appends columns): the same row entry at a cost no rota pays, so a cap the pooled
   * rosters cannot meet yet leaves the master feasible, its duals price the rosters that can,
   * and while the rescue column is used the node's bound shows it holds nothing.
   */
  private narrow(session: EngineSession, masterBounds: MasterBounds): boolean {
    const { split, full } = this.pool;
    const touched = [...new Set([...this.narrowed.keys(), ...masterBounds.keys()])].filter((i) => this.narrowed.get(i) !== masterBounds.get(i));
    if (touched.length === 0) return false;
    const own = (i: number): readonly [number, number] => [full.lower[split.masterCols[i]], full.upper[split.masterCols[i]]];
    const wanted = (i: number) => masterBounds.get(i) ?? own(i);
    const columns = touched.map((i) => this.masterStart + i);
    const lower = touched.map((i) => wanted(i)[0]);
    const upper = touched.map((i) => wanted(i)[1]);
    if (this.session) {
      for (const i of touched) {
        const capped = wanted(i)[1] < own(i)[1];
        if (capped && !this.rescue.has(i)) this.rescue.set(i, this.addRescue(i));
        const rescue = this.rescue.get(i);
        if (rescue !== undefined) columns.push(rescue), lower.push(0), upper.push(capped ? Infinity : 0);
      }
    }
    session.setBounds(columns, lower, upper);
    this.narrowed = new Map(masterBounds);
    return true;
  }

  private addRescue(i: number): number {
    const { split, full } = this.pool;
    const c = split.masterCols[i];
    const terms = split.linkingRows.flatMap((r, position) => full.rows[r].terms.filter(([v]) => v === c).map(([, coefficient]) => [position, coefficient] as const));
    this.session!.addColumns!([{ cost: full.cost[c] - RESCUE_COST, lower: 0, upper: 0, terms }]);
    return this.columns++;
  }

  /** The loaded master with every pooled pattern in it (appended since the last solve). */
  private async load(): Promise<EngineSession> {
    const { patterns, split } = this.pool;
    if (!this.session) {
      const session = await this.engine.open(this.pool.master(false), { relax: true });
      patterns.forEach((_, k) => ((this.columnOf[k] = k), (this.bounds[k] = [0, Infinity])));
      this.masterStart = patterns.length;
      this.columns = patterns.length + split.masterCols.length;
      if (session.addColumns) this.session = session;
      return session;
    }
    const fresh = patterns.slice(this.columnOf.length);
    if (fresh.length > 0) {
      const convexityRow = (block: number) => split.linkingRows.length + block;
      this.session.addColumns!(fresh.map((p) => ({ cost: p.cost, lower: 0, upper: Infinity, terms: [...p.links, [convexityRow(p.block), 1] as const] })));
      for (let k = this.columnOf.length; k < patterns.length; k++) {
        this.columnOf[k] = this.columns++;
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
