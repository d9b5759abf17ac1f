import { LinearModel, type Term } from '../model/linear.js';
import type { Decomposition } from './decompose.js';

/** Engine values rounded to 1e-6, so the same roster found twice is one pattern. */
const roundValue = (x: number) => Math.round(x * 1e6) / 1e6;
const patternKey = (block: number, rounded: ArrayLike<number>) => `${block}:${Array.prototype.join.call(rounded, ',')}`;

/** One officer's complete roster as a master column: their block's values and what it costs. */
export interface Pattern {
  block: number;
  /** Values of the block's columns, in `OfficerBlock.cols` order. */
  values: Float64Array;
  /** The pattern's share of the objective (Σ cost × value over the block). */
  cost: number;
  /** Its coefficients in the linking rows, by position in `Decomposition.linkingRows`. */
  links: Term[];
}

/**
 * The pattern pool and the restricted master problem built from it: choose one pattern per
 * officer (convexity rows) so the linking rows hold, with the master's own columns (cover slack,
 * deployments) free. Patterns are deduplicated by value, so re-adding one is harmless.
 */
export class PatternPool {
  readonly patterns: Pattern[] = [];
  private readonly seen = new Map<string, number>();
  /** Full-model master column → its index in the last built master. */
  private readonly masterIndex = new Map<number, number>();
  /** For each block column, its coefficients in linking rows (by linking position). */
  private readonly colLinks: Term[][][];

  constructor(
    readonly full: LinearModel,
    readonly split: Decomposition,
  ) {
    const linkPos = new Map(split.linkingRows.map((r, i) => [r, i]));
    const colLinks = new Map<number, Term[]>();
    for (const r of split.linkingRows) for (const [v, c] of full.rows[r].terms) colLinks.set(v, [...(colLinks.get(v) ?? []), [linkPos.get(r)!, c]]);
    this.colLinks = split.blocks.map((b) => b.cols.map((c) => colLinks.get(c) ?? []));
  }

  /** True once every officer has at least one roster (the master needs one per officer). */
  coversEveryBlock(): boolean {
    return this.split.blocks.every((_, b) => this.hasBlock(b));
  }

  /** Whether officer block `block` has a roster in the pool. */
  hasBlock(block: number): boolean {
    return this.blocksSeen.has(block);
  }

  private readonly blocksSeen = new Set<number>();

  /** Linking coefficients of each of a block's columns (for pricing objectives). */
  linksOf(block: number): Term[][] {
    return this.colLinks[block];
  }

  /** Add block `block`'s values as a pattern; false when the pool already has it. */
  add(block: number, values: ArrayLike<number>): boolean {
    const rounded = Float64Array.from(values, roundValue);
    const key = patternKey(block, rounded);
    if (this.seen.has(key)) return false;
    this.seen.set(key, this.patterns.length);
    this.blocksSeen.add(block);
    const { cols } = this.split.blocks[block];
    let cost = 0;
    const links = new Map<number, number>();
    cols.forEach((c, i) => {
      if (rounded[i] === 0) return;
      cost += this.full.cost[c] * rounded[i];
      for (const [pos, a] of this.colLinks[block][i]) links.set(pos, (links.get(pos) ?? 0) + a * rounded[i]);
    });
    this.patterns.push({ block, values: rounded, cost, links: [...links].filter(([, a]) => a !== 0) });
    return true;
  }

  /**
   * Pattern k's reduced cost at a master LP's row duals (linking rows, then convexity rows): what
   * using it costs against the LP optimum, ≤ 0 for every pattern once generation has converged.
   */
  reducedCost(k: number, prices: ArrayLike<number>): number {
    const p = this.patterns[k];
    return p.cost - p.links.reduce((sum, [pos, a]) => sum + prices[pos] * a, 0) - prices[this.split.linkingRows.length + p.block];
  }

  /** Every block's part of a full point as patterns (an incumbent seeds and enriches the pool). */
  addPoint(point: ArrayLike<number>): number {
    let added = 0;
    this.split.blocks.forEach((b, k) => (added += this.add(k, b.cols.map((c) => point[c])) ? 1 : 0));
    return added;
  }

  /**
   * The restricted master: λ per pattern (continuous for the LP, binary for the integer
   * master), the master columns as in the full model, linking rows, then one convexity row per
   * block. Column order: patterns, then `split.masterCols`.
   */
  master(integer: boolean): LinearModel {
    const lp = new LinearModel();
    lp.offset = this.full.offset;
    const rowTerms: Term[][] = this.split.linkingRows.map(() => []);
    const convexity: Term[][] = this.split.blocks.map(() => []);
    this.patterns.forEach((p, k) => {
      // In the LP the convexity row caps λ at 1; a bound of its own would let a pattern sit at
      // it with a positive reduced cost, and the Lagrangian bound assumes none has one.
      lp.addVar(`pattern:${k}`, { upper: integer ? 1 : Infinity, cost: p.cost, type: integer ? 'binary' : 'continuous' });
      for (const [pos, a] of p.links) rowTerms[pos].push([k, a]);
      convexity[p.block].push([k, 1]);
    });
    for (const c of this.split.masterCols) {
      const j = lp.addVar(this.full.names[c], { lower: this.full.lower[c], upper: this.full.upper[c], cost: this.full.cost[c], type: integer ? this.full.types[c] : 'continuous' });
      this.masterIndex.set(c, j);
    }
    this.split.linkingRows.forEach((r, pos) => {
      const row = this.full.rows[r];
      const terms = [...rowTerms[pos], ...row.terms.filter(([v]) => this.masterIndex.has(v)).map(([v, a]): Term => [this.masterIndex.get(v)!, a])];
      lp.addRow(row.name, terms, row.lower, row.upper, row.origin);
    });
    convexity.forEach((terms, b) => lp.addRow(`one roster:${this.split.blocks[b].officerId}`, terms, 1, 1));
    return lp;
  }

  /** Master values that select a full point's patterns (which must be pooled), for MIP starts. */
  startFor(point: ArrayLike<number>): Float64Array {
    const start = new Float64Array(this.patterns.length + this.split.masterCols.length);
    this.split.blocks.forEach((b, k) => {
      const index = this.seen.get(patternKey(k, b.cols.map((c) => roundValue(point[c]))));
      if (index !== undefined) start[index] = 1;
    });
    this.split.masterCols.forEach((c, i) => (start[this.patterns.length + i] = point[c]));
    return start;
  }

  /**
   * The full-model point of a choice of one pattern per officer, the master's own columns at zero
   * (for whoever settles them next: best responses, or the master with the choice fixed).
   */
  pointOfChoice(choice: readonly number[]): Float64Array | null {
    const weights = new Float64Array(this.patterns.length + this.split.masterCols.length);
    for (const k of choice) weights[k] = 1;
    return this.toPoint(weights);
  }

  /** A full-model point from a master solution in which each block has one pattern at 1. */
  toPoint(masterValues: ArrayLike<number>): Float64Array | null {
    const point = new Float64Array(this.full.names.length);
    const chosen = this.split.blocks.map(() => -1);
    this.patterns.forEach((p, k) => {
      if (masterValues[k] > 0.5) chosen[p.block] = k;
    });
    if (chosen.some((k) => k < 0)) return null;
    chosen.forEach((k, b) => this.split.blocks[b].cols.forEach((c, i) => (point[c] = this.patterns[k].values[i])));
    this.split.masterCols.forEach((c, i) => (point[c] = masterValues[this.patterns.length + i]));
    return point;
  }
}
