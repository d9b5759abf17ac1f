import { EPS, type LabelingPlan, type PlannedRow } from './labelingPlan.js';

/** Most work (stages × capacity × moves) one capacity table may take per solve. */
const MAX_TABLE_WORK = 3_000_000;

/** Fewest stages a row must span to get a capacity table. */
const MIN_CAPACITY_STAGES = 7;

/** A row that caps a resource over several stages (hours, shifts of a type, weekends). */
interface Capacity {
  row: PlannedRow;
  unit: number;
  cap: number;
  /** Weight (in units) of each move of each stage. */
  weights: Int32Array[];
}

/** Cost-dependent tables for one solve. */
export interface PreparedBounds {
  /** Value of each move of each stage under the solve's costs. */
  moveValues: Float64Array[];
  /** Each stage's moves, best first. */
  moveOrder: Int32Array[];
  /** Best of stages s.. each on its own, by s (length stages + 1). */
  suffix: Float64Array;
  /** Per capacity: best of stages s.. within u units left, at s × (cap + 1) + u. */
  tables: Float64Array[];
}

/**
 * Completion bounds for labels: what the stages still to come can add at most. Each stage on its
 * own is its best move; a resource capped over the horizon (a max-hours or max-shifts row) also
 * gets a knapsack table over remaining capacity, so a label that has used most of its hours is
 * not credited with working every day left.
 */
export class CompletionBounds {
  private built: Capacity[] | null = null;

  constructor(private readonly plan: LabelingPlan) {}

  /** Built on first use: a beam that never asks for them (year-long seeding) skips the work. */
  private get capacities(): Capacity[] {
    return (this.built ??= this.plan.rows.map((row) => this.capacityOf(row)).filter((c): c is Capacity => c !== null));
  }

  /** Tables for one solve; without `capacities`, `bound` is each later day's best alone. */
  prepare(costs: ArrayLike<number>, capacities = true): PreparedBounds {
    const { stages } = this.plan;
    const S = stages.length;
    const moveValues = stages.map((stage) => Float64Array.from(stage.moves, (m) => m.cols.reduce((sum, j, k) => sum + costs[j] * m.values[k], 0)));
    const moveOrder = moveValues.map((values) => Int32Array.from(values.keys()).sort((a, b) => values[b] - values[a]));
    const suffix = new Float64Array(S + 1);
    for (let s = S - 1; s >= 0; s--) suffix[s] = suffix[s + 1] + moveValues[s][moveOrder[s][0]];
    const tables = (capacities ? this.capacities : []).map((c) => {
      const width = c.cap + 1;
      const table = new Float64Array((S + 1) * width);
      for (let s = S - 1; s >= 0; s--) {
        const values = moveValues[s];
        const weights = c.weights[s];
        for (let u = 0; u < width; u++) {
          let best = -Infinity;
          for (let m = 0; m < values.length; m++) if (weights[m] <= u) best = Math.max(best, values[m] + table[(s + 1) * width + u - weights[m]]);
          table[s * width + u] = best;
        }
      }
      return table;
    });
    return { moveValues, moveOrder, suffix, tables };
  }

  /** Most stages `next`.. can add to a label whose open row sums start at `at` in `sums`. */
  bound(prepared: PreparedBounds, next: number, sums: Float64Array, at: number): number {
    let best = prepared.suffix[next];
    for (let k = 0; k < prepared.tables.length; k++) {
      const c = this.built![k];
      if (c.row.lastStage < next) continue;
      const used = c.row.firstStage < next ? sums[at + c.row.slot] : 0;
      const left = Math.floor((c.row.upper - used) / c.unit + EPS);
      best = Math.min(best, left < 0 ? -Infinity : prepared.tables[k][next * (c.cap + 1) + Math.min(left, c.cap)]);
    }
    return best;
  }

  private capacityOf(row: PlannedRow): Capacity | null {
    // Rows over a few days (rest windows) carry little capacity worth a table.
    if (row.slack || row.upper === Infinity || row.upper < 0 || row.lastStage - row.firstStage < MIN_CAPACITY_STAGES) return null;
    const coefs = [...row.coefOf.values()];
    if (coefs.some((c) => c <= 0 || !Number.isInteger(c))) return null;
    const unit = coefs.reduce(gcd);
    const cap = Math.floor(row.upper / unit + EPS);
    const { stages } = this.plan;
    if (stages.reduce((sum, s) => sum + s.moves.length, 0) * (cap + 1) > MAX_TABLE_WORK) return null;
    const weights = stages.map((stage) => Int32Array.from(stage.moves, (m) => m.cols.reduce((sum, j, k) => sum + (row.coefOf.get(j) ?? 0) * m.values[k], 0) / unit));
    if (weights.some((w) => w.some((x) => x < 0))) return null;
    return { row, unit, cap, weights };
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
