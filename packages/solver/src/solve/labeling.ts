import type { LinearModel } from '../model/linear.js';
import { CompletionBounds, type PreparedBounds } from './labelingBound.js';
import { EPS, planLabeling, type LabelingPlan, type PlannedRow, type StageRow } from './labelingPlan.js';
import { diverseBest, LabelStore, undominated, type Trail } from './labelingPrune.js';
import type { Slack } from './labelingRows.js';

export { columnStages } from './labelingRows.js';

/** Options for one labeling solve. */
export interface LabelingOptions {
  /** Only rosters with an objective strictly above this are wanted (pricing: the convexity dual). */
  cutoff: number;
  /** Most labels kept after a stage; beyond it only the best are kept and `exact` is false. */
  labelLimit?: number;
  /** How many of the best rosters to return. */
  keep?: number;
  /** `performance.now()` after which every stage is cut to a narrow beam (the answer stays feasible). */
  deadline?: number;
  /**
   * Rank beam labels as if an elastic minimum (hours a year) were owed pro rata: a label behind
   * pace pays for the shortfall so far. The true cost charges it only at the horizon's end, too
   * late for a narrow beam, and rewarding every hour instead drives labels to their caps, where a
   * run that must go on cannot (a dead end).
   */
  pace?: boolean;
  /**
   * The caller expects no roster above the cutoff (it wants that proved): the narrow first beam,
   * whose only use is an incumbent for the exact pass, is skipped. Lagrangian fixing on Curtois
   * Instance7's root took 2.1 s instead of 3.0 s.
   */
  expectNone?: boolean;
}

/** A complete roster: values in block column order and its objective under the solve's costs. */
export interface LabeledRoster {
  values: Float64Array;
  objective: number;
}

/**
 * What a labeling solve found.
 * - `rosters`: the best complete rosters above the cutoff, best first.
 * - `exact`: no label was dropped, so `rosters[0]` is the optimum, or no roster beats the cutoff.
 */
export interface LabelingResult {
  rosters: LabeledRoster[];
  exact: boolean;
  /** Most labels alive after any stage (for traces and benchmarks). */
  peakLabels: number;
}

/**
 * How far ahead of pro rata a paced beam aims, and how far past the minimum, so that the last
 * weeks' rules (runs, rest) cannot leave it just short. Measured on a 150 × 364 × 32 year:
 * aiming exactly at the minimum left 2 officers 360 minutes short.
 */
const PACE_AHEAD = 1.08;
const PACE_CEILING = 1.03;

/** The current and the next stage's labels of every walk in this thread (a walk runs to its end without yielding). */
const STORES: [LabelStore, LabelStore] = [new LabelStore(), new LabelStore()];

/** Labels kept per stage by the first, narrow pass that finds an incumbent. */
const BEAM_WIDTH = 32;

/**
 * Exact dynamic programming over one officer's roster, built from the rows of their block alone:
 * columns are decided stage by stage (a stage is a horizon day), each label carries the running
 * sums of the rows still open, a row is checked as soon as its remaining columns cannot rescue
 * it, and at each day's end a label is dropped when another is at least as good on cost and on
 * every open row. Any rule set works because nothing here knows a rule: consecutive-day windows,
 * successions, hours, per-type caps and weekends are all rows that stay open for a while. Where
 * the block has a column labels cannot enumerate (continuous, wide-range), `build` returns null
 * and the caller keeps its MIP pricer.
 */
export class RosterLabeling {
  private readonly bounds: CompletionBounds;
  /** Rows with an elastic minimum (their slack makes up the lower side), for `pace`. */
  private readonly minima: (PlannedRow & { slack: Slack })[];

  private constructor(private readonly plan: LabelingPlan) {
    this.bounds = new CompletionBounds(plan);
    this.minima = plan.rows.filter((r): r is PlannedRow & { slack: Slack } => r.slack !== null && r.slack.coef > 0 && r.lower > -Infinity);
  }

  static build(lp: LinearModel, stage: ArrayLike<number>): RosterLabeling | null {
    const plan = planLabeling(lp, stage);
    return plan ? new RosterLabeling(plan) : null;
  }

  /** The best rosters under `costs` (maximised, by block column) that keep every row of the block. */
  solve(costs: ArrayLike<number>, options: LabelingOptions): LabelingResult {
    // A plain beam (seeding, no cutoff) ranks labels by cost and each day's best alone: the
    // capacity tables would cost more than the walk.
    const beamOnly = options.cutoff === -Infinity && ((options.labelLimit ?? Infinity) <= BEAM_WIDTH || options.pace === true);
    const prepared = this.bounds.prepare(costs, !beamOnly);
    const keep = options.keep ?? 1;
    if (beamOnly) return this.walk(prepared, costs, options.cutoff, options.labelLimit ?? BEAM_WIDTH, options.deadline, keep, options.pace);
    const limit = options.labelLimit ?? 200_000;
    if (options.expectNone) return this.walk(prepared, costs, options.cutoff, limit, options.deadline, keep);
    // A narrow beam first: its best roster is an incumbent the exact pass must beat, which lets
    // the optimistic bound cut most labels.
    const beam = this.walk(prepared, costs, options.cutoff, BEAM_WIDTH, undefined, keep);
    const cutoff = Math.max(options.cutoff, beam.rosters[0]?.objective ?? -Infinity);
    const full = this.walk(prepared, costs, cutoff, limit, options.deadline, keep);
    return { rosters: [...full.rosters, ...beam.rosters].slice(0, keep), exact: full.exact, peakLabels: full.peakLabels };
  }

  private walk(prepared: PreparedBounds, costs: ArrayLike<number>, cutoff: number, limit: number, deadline: number | undefined, keep: number, pace = false): LabelingResult {
    const { stages, constants, slots } = this.plan;
    const fixedCost = constants.cols.reduce((sum, j, k) => sum + costs[j] * constants.values[k], 0);
    const [labels, grown] = STORES;
    labels.reset(slots);
    grown.reset(slots);
    labels.reserve();
    labels.cost[0] = fixedCost;
    labels.promise[0] = Infinity;
    labels.move[0] = -1;
    labels.trail[0] = constants.cols.length > 0 ? { ...constants, prev: null } : null;
    labels.sums.fill(0, 0, slots);
    labels.size = 1;
    let exact = true;
    let peakLabels = 1;
    for (let s = 0; s < stages.length && labels.size > 0; s++) {
      const { moves, rows, deltas, touched, directions } = stages[s];
      const values = prepared.moveValues[s];
      const after = prepared.suffix[s + 1];
      grown.clear();
      for (let i = 0; i < labels.size; i++) {
        const from = i * slots;
        for (const m of prepared.moveOrder[s]) {
          const cost = labels.cost[i] + values[m];
          // Moves come best first: once one cannot beat the cutoff, none after it can.
          if (cost + after <= cutoff + EPS) break;
          const delta = deltas[m];
          const check = touched[m];
          let ok = true;
          for (let t = 0; t < check.length && ok; t++) {
            const k = check[t];
            const e = rows[k];
            const sum = (e.opens ? 0 : labels.sums[from + e.slot]) + delta[k];
            // A side the row's slack can make up is no reason to drop the label.
            ok = (sum + e.restMin <= e.upper + EPS || (e.slack !== null && e.slack.coef < 0)) && (sum + e.restMax >= e.lower - EPS || (e.slack !== null && e.slack.coef > 0));
          }
          if (!ok) continue;
          const j = grown.reserve();
          const to = j * slots;
          const sums = grown.sums;
          for (let k = 0; k < slots; k++) sums[to + k] = labels.sums[from + k];
          let paid = cost;
          let trail: Trail | null = moves[m].cols.length > 0 ? { cols: moves[m].cols, values: moves[m].values, prev: labels.trail[i] } : labels.trail[i];
          for (let t = 0; t < check.length; t++) {
            const k = check[t];
            const e = rows[k];
            const sum = (e.opens ? 0 : sums[to + e.slot]) + delta[k];
            sums[to + e.slot] = e.closes ? 0 : sum;
            if (!e.closes || !e.slack) continue;
            const amount = Math.max(0, (e.slack.coef > 0 ? e.lower - sum : sum - e.upper) / Math.abs(e.slack.coef));
            if (amount <= EPS) continue;
            paid += costs[e.slack.col] * amount;
            trail = { cols: [e.slack.col], values: [amount], prev: trail };
          }
          if (paid + after <= cutoff + EPS) continue;
          grown.cost[j] = paid;
          grown.move[j] = m;
          grown.trail[j] = trail;
          grown.size++;
        }
      }
      if (!pace) settleDeadRows(grown, rows, slots);
      // The capacity-aware bound drops labels that cannot beat the cutoff any more.
      let chosen: number[] = [];
      for (let j = 0; j < grown.size; j++) {
        const promise = grown.cost[j] + this.bounds.bound(prepared, s + 1, grown.sums, j * slots) - (pace ? this.behindPace(costs, s, grown.sums, j * slots) : 0);
        grown.promise[j] = promise;
        if (promise > cutoff + EPS) chosen.push(j);
      }
      chosen = undominated(grown, chosen, directions);
      const cap = deadline !== undefined && performance.now() > deadline ? Math.min(limit, BEAM_WIDTH) : limit;
      if (chosen.length > cap) {
        exact = false;
        chosen = diverseBest(grown, chosen, cap);
      }
      // The stage's labels are spent (their trails live on in the new ones): the kept ones take their place.
      labels.clear();
      for (const j of chosen) labels.copyFrom(grown, j);
      peakLabels = Math.max(peakLabels, labels.size);
    }
    const order = Array.from({ length: labels.size }, (_, i) => i).sort((a, b) => labels.cost[b] - labels.cost[a] || a - b);
    const rosters = order.slice(0, keep).map((i) => ({ values: this.valuesOf(labels.trail[i]), objective: labels.cost[i] }));
    return { rosters, exact, peakLabels };
  }

  /** What the elastic minima still open after stage s would charge for falling behind pro rata. */
  private behindPace(costs: ArrayLike<number>, s: number, sums: Float64Array, at: number): number {
    const progress = (s + 1) / this.plan.stages.length;
    let owed = 0;
    for (const row of this.minima) {
      if (row.lastStage <= s) continue;
      const sum = row.firstStage <= s ? sums[at + row.slot] : 0;
      owed += (-costs[row.slack.col] * Math.max(0, row.lower * Math.min(PACE_CEILING, progress * PACE_AHEAD) - sum)) / row.slack.coef;
    }
    return owed;
  }

  private valuesOf(trail: Trail | null): Float64Array {
    const values = new Float64Array(this.plan.columns);
    for (let t = trail; t; t = t.prev) t.cols.forEach((j, k) => (values[j] = t!.values[k]));
    return values;
  }
}

/**
 * A row no completion can break any more (its sum plus the most, and the least, the later stages
 * can add stays within its bounds) no longer tells labels apart: its sum is set to one value per
 * row and stage, so labels that differ only in such history (the days before a rest day, inside a
 * six-day window) compare equal and dominance can merge them. Not when pacing: the beam reads
 * the minima's sums as progress.
 */
function settleDeadRows(labels: LabelStore, rows: StageRow[], slots: number): void {
  for (const e of rows) {
    if (e.closes) continue;
    const settled = e.upper < Infinity ? e.upper - e.restMax : e.lower > -Infinity ? e.lower - e.restMin : 0;
    for (let j = 0, at = e.slot; j < labels.size; j++, at += slots) {
      const sum = labels.sums[at];
      if (sum + e.restMax <= e.upper + EPS && sum + e.restMin >= e.lower - EPS) labels.sums[at] = settled;
    }
  }
}

