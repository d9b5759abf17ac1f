import type { RotaModel } from '../model/rotaModel.js';
import { EPS } from './labelingPlan.js';
import type { PatternPool } from './master.js';
import { prng } from './neighbourhoods.js';
import { holds, type Pricer } from './pricer.js';
import { LABEL_LIMIT, QUICK_LABELS } from './pricing.js';

/** What an unmendable linking row costs per unit outside its range (a hard breach, never chosen). */
const BREACH_COST = 1e9;

/** A linking row as a function of what the officers put into it: its one private master column. */
interface LinkRow {
  lower: number;
  upper: number;
  /** The row's own master column (cover slack), or -1 when it has none. */
  slack: number;
  coef: number;
  cost: number;
  slackLower: number;
  slackUpper: number;
}

/**
 * Best responses: one officer's roster re-chosen exactly while everyone else's stays, by
 * labeling. With the others fixed, each linking row (cover) is a function of this officer's
 * contribution alone, and since an officer adds at most one to a cover row, the change in the
 * row's penalty from working a shift is exact: it becomes that shift's cost. Sweeping over the
 * officers until none can improve is a local search whose every step is an optimal one-officer
 * move — milliseconds each, where a MIP over one officer's roster takes tenths of a second.
 * Applies when every linking row's master columns are its own slack (cover rows); null otherwise.
 */
export class BestResponse {
  private constructor(
    private readonly model: RotaModel,
    private readonly pool: PatternPool,
    private readonly pricer: Pricer,
    private readonly rows: LinkRow[],
  ) {}

  static build(model: RotaModel, pool: PatternPool, pricer: Pricer): BestResponse | null {
    const { lp } = model;
    const { split } = pool;
    const masters = new Set(split.masterCols);
    const seen = new Set<number>();
    const rows: LinkRow[] = [];
    for (const r of split.linkingRows) {
      const row = lp.rows[r];
      const own = row.terms.filter(([v]) => masters.has(v));
      if (own.length > 1 || own.some(([v]) => seen.has(v) || lp.types[v] !== 'continuous')) return null;
      const [slack, coef] = own[0] ?? [-1, 0];
      seen.add(slack);
      rows.push({ lower: row.lower, upper: row.upper, slack, coef, cost: slack >= 0 ? lp.cost[slack] : 0, slackLower: slack >= 0 ? lp.lower[slack] : 0, slackUpper: slack >= 0 ? lp.upper[slack] : 0 });
    }
    // A master column in no linking row (or in two) is not a row's own slack.
    if (seen.size !== split.masterCols.length) return null;
    return new BestResponse(model, pool, pricer, rows);
  }

  /** The slack a row takes at activity `t` and what the row then adds to the objective. */
  private settle(row: LinkRow, t: number): { slack: number; value: number } {
    if (row.slack < 0) return { slack: 0, value: -BREACH_COST * (Math.max(0, row.lower - t) + Math.max(0, t - row.upper)) };
    // Slack range that keeps the row: lower ≤ t + coef·y ≤ upper.
    const a = (row.lower - t) / row.coef;
    const b = (row.upper - t) / row.coef;
    const from = Math.max(row.slackLower, Math.min(a, b));
    const to = Math.min(row.slackUpper, Math.max(a, b));
    if (from > to + EPS) return { slack: row.slackLower, value: -BREACH_COST * (from - to) };
    const y = row.cost <= 0 ? from : to;
    return { slack: y, value: row.cost * y };
  }

  /**
   * Improve `point` (a full model point, changed in place) by best responses, officer after
   * officer in a shuffled order, until a whole sweep changes nothing or time runs out.
   * Returns how many rosters changed.
   */
  improve(point: Float64Array, seconds: number, stop: () => boolean = () => false, seed = 1): number {
    const deadline = performance.now() + seconds * 1000;
    const { lp } = this.model;
    const activity = this.rows.map(() => 0);
    this.pool.split.blocks.forEach((block, b) => block.cols.forEach((c, i) => this.pool.linksOf(b)[i].forEach(([p, a]) => (activity[p] += a * point[c]))));
    // The slack of every row follows from the activity: the point need not have it right.
    activity.forEach((t, p) => this.place(point, p, t));
    const random = prng(seed);
    let changed = 0;
    for (let quiet = 0; quiet < this.pool.split.blocks.length; ) {
      const order = this.pool.split.blocks.map((_, b) => ({ b, key: random() })).sort((x, y) => x.key - y.key);
      for (const { b } of order) {
        if (performance.now() > deadline || stop() || quiet >= this.pool.split.blocks.length) return changed;
        const labeling = this.pricer.labeling(this.model, b);
        if (!labeling) return changed;
        const block = this.pool.split.blocks[b];
        const links = this.pool.linksOf(b);
        // The others' activity in each row this officer touches.
        const mine = new Map<number, number>();
        block.cols.forEach((c, i) => links[i].forEach(([p, a]) => mine.set(p, (mine.get(p) ?? 0) + a * point[c])));
        const base = new Map<number, number>();
        for (const [p, own] of mine) base.set(p, this.settle(this.rows[p], activity[p] - own).value);
        const costs = block.cols.map((c, i) => lp.cost[c] + links[i].reduce((sum, [p, a]) => sum + this.settle(this.rows[p], activity[p] - mine.get(p)! + a).value - base.get(p)!, 0));
        const current = block.cols.reduce((sum, c, i) => sum + costs[i] * point[c], 0);
        const options = { cutoff: current + 1e-6, keep: 1, deadline };
        const found = labeling.solve(costs, { ...options, labelLimit: QUICK_LABELS }).rosters[0] ?? labeling.solve(costs, { ...options, labelLimit: LABEL_LIMIT }).rosters[0];
        if (!found || !holds(block, found.values)) {
          quiet++;
          continue;
        }
        block.cols.forEach((c, i) => {
          links[i].forEach(([p, a]) => (activity[p] += a * (found.values[i] - point[c])));
          point[c] = found.values[i];
        });
        for (const p of mine.keys()) this.place(point, p, activity[p]);
        block.cols.forEach((_, i) => links[i].forEach(([p]) => this.place(point, p, activity[p])));
        changed++;
        quiet = 0;
      }
    }
    return changed;
  }

  private place(point: Float64Array, p: number, activity: number): void {
    const row = this.rows[p];
    if (row.slack >= 0) point[row.slack] = this.settle(row, activity).slack;
  }
}
