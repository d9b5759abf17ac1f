import type { LinearModel } from '../model/linear.js';
import { elasticSlacks, enumerateMovesCached, EPS, twoSidedRows, type MoveCache, type Slack } from './labelingRows.js';

export { EPS };

/**
 * Rows open for at most this many stages compare by equality only: they carry the last few days'
 * history, which labels rarely share with a better cost anyway, and keeping them in the grouping
 * key confines the quadratic dominance check to long-running totals (hours, shift counts).
 * Measured on Curtois Instance5 pricing: 0 stages 130 ms a call, 2: 78 ms, 7: 71 ms.
 */
const SHORT_ROW_STAGES = 7;

/** One way to fill a stage (a day): the nonzero columns and their values. */
export interface Move {
  cols: number[];
  values: number[];
}

/** A row that spans stages, seen from one stage it has columns in. */
export interface StageRow {
  slot: number;
  lower: number;
  upper: number;
  /** Least and most the row's columns in later stages can still add. */
  restMin: number;
  restMax: number;
  opens: boolean;
  closes: boolean;
  slack: Slack | null;
}

/** A stage: its moves, the spanning rows it touches, and each move's contribution to each. */
export interface PlannedStage {
  moves: Move[];
  rows: StageRow[];
  /** deltas[m][k]: what move m adds to rows[k]. */
  deltas: Float64Array[];
  /**
   * touched[m]: the rows move m must check and update: those it changes, and those whose check
   * moves with the stage whatever the move (a minimum, a negative coefficient, opening, closing,
   * a slack). A cap on nonnegative terms that the move leaves alone cannot start failing.
   */
  touched: Int32Array[];
  /**
   * After the stage, which way each slot's sum is better: −1 smaller, +1 larger, 0 only equal
   * sums compare, 2 no row open there.
   */
  directions: Int8Array;
}

/** A spanning row as the completion bounds see it. */
export interface PlannedRow {
  slot: number;
  lower: number;
  upper: number;
  firstStage: number;
  lastStage: number;
  coefOf: Map<number, number>;
  slack: Slack | null;
}

/** How labels walk a block: stage by stage, move by move, with row sums in reusable slots. */
export interface LabelingPlan {
  stages: PlannedStage[];
  slots: number;
  columns: number;
  rows: PlannedRow[];
  /** Slack values no choice changes (rows with nothing but their slack). */
  constants: Move;
}

/**
 * Plan a block for labeling. Null when a column is continuous (other than a row's elastic
 * slack) or spans more than a few values, an empty row is broken, or a stage has too many moves.
 */
export function planLabeling(lp: LinearModel, stage: ArrayLike<number>): LabelingPlan | null {
  const n = lp.names.length;
  const slackOf = elasticSlacks(lp);
  const slackCols = new Set([...slackOf.values()].map((s) => s.col));
  const decided = Array.from({ length: n }, (_, j) => j).filter((j) => !slackCols.has(j));
  if (decided.some((j) => (lp.types[j] === 'continuous' && lp.lower[j] !== lp.upper[j]) || !(lp.upper[j] - lp.lower[j] <= 3))) return null;
  // Stages are numbered densely; auxiliaries sort after the assignments of their day.
  const days = [...new Set(decided.map((j) => stage[j]))].sort((a, b) => a - b);
  const stageIndex = new Map(days.map((d, s) => [d, s]));
  // Looked up for every term of every row: an array, not a map.
  const stageOfColumn = Int32Array.from({ length: n }, (_, j) => stageIndex.get(stage[j]) ?? -1);
  const stageOf = (j: number) => stageOfColumn[j];
  const colsOf: number[][] = days.map(() => []);
  for (const j of decided) colsOf[stageOf(j)].push(j);
  const isSlack = new Uint8Array(n);
  for (const j of slackCols) isSlack[j] = 1;
  const rows = lp.rows.map((row, r) => ({ row, slack: slackOf.get(r) ?? null, terms: row.terms.filter(([j, c]) => c !== 0 && !isSlack[j]) }));
  // A row left with only its slack (cover of a shift the officer cannot work) fixes the slack.
  const constants: Move = { cols: [], values: [] };
  for (const { row, terms, slack } of rows) {
    if (terms.length > 0) continue;
    const amount = slack ? Math.max(0, (slack.coef > 0 ? row.lower : -row.upper) / Math.abs(slack.coef)) : 0;
    const sum = slack ? slack.coef * amount : 0;
    if (sum < row.lower - EPS || sum > row.upper + EPS) return null;
    if (amount > EPS) constants.cols.push(slack!.col), constants.values.push(amount);
  }
  const live = rows
    .filter((r) => r.terms.length > 0)
    .map((r) => {
      // Year-long rows have thousands of terms: one pass, no spread.
      let first = Infinity;
      let last = -Infinity;
      for (const [j] of r.terms) {
        const s = stageOf(j);
        if (s < first) first = s;
        if (s > last) last = s;
      }
      return { ...r, first, last };
    });
  const localRows: (typeof live)[] = days.map(() => []);
  const spanning = live.filter((r) => {
    // A row inside one stage (one shift a day) is kept by the moves themselves.
    const local = r.first === r.last && !r.slack;
    if (local) localRows[r.first].push(r);
    return !local;
  });
  // Slots are reused once a row's last stage is done, so a label carries only rows open at once.
  const slotOf = new Map<(typeof live)[number], number>();
  const free: number[] = [];
  let slots = 0;
  const byFirst = days.map((): typeof spanning => []);
  const byLast = days.map((): typeof spanning => []);
  for (const r of spanning) {
    byFirst[r.first].push(r);
    byLast[r.last].push(r);
  }
  const twoSided = twoSidedRows(spanning);
  const stages: PlannedStage[] = [];
  const touching = days.map((): { r: (typeof spanning)[number]; terms: [number, number][]; restMin: number; restMax: number }[] => []);
  for (const r of spanning) {
    // The row's terms grouped by stage, latest stage first (what is left after each stage).
    const byStage: [number, number][][] = [];
    for (const t of r.terms) (byStage[stageOf(t[0]) - r.first] ??= []).push(t);
    let restMin = 0;
    let restMax = 0;
    for (let k = byStage.length - 1; k >= 0; k--) {
      const terms = byStage[k];
      if (!terms) continue;
      touching[r.first + k].push({ r, terms, restMin, restMax });
      for (const [j, c] of terms) {
        restMin += Math.min(c * lp.lower[j], c * lp.upper[j]);
        restMax += Math.max(c * lp.lower[j], c * lp.upper[j]);
      }
    }
  }
  const moveCache: MoveCache = new Map();
  const open = new Set<(typeof spanning)[number]>();
  for (let s = 0; s < days.length; s++) {
    for (const r of byFirst[s]) {
      slotOf.set(r, free.pop() ?? slots++);
      open.add(r);
    }
    const moves = enumerateMovesCached(lp, colsOf[s], localRows[s], moveCache);
    if (!moves) return null;
    const stageRows = touching[s].map(({ r, restMin, restMax }): StageRow => ({ slot: slotOf.get(r)!, lower: r.row.lower, upper: r.row.upper, restMin, restMax, opens: r.first === s, closes: r.last === s, slack: r.slack }));
    // Each column's rows in this stage, so a move's deltas come from its few nonzero columns.
    const rowsOfCol = new Map<number, [number, number][]>();
    touching[s].forEach(({ terms }, k) => {
      for (const [j, c] of terms) {
        const list = rowsOfCol.get(j);
        if (list) list.push([k, c]);
        else rowsOfCol.set(j, [[k, c]]);
      }
    });
    const deltas = moves.map((m) => {
      const delta = new Float64Array(stageRows.length);
      m.cols.forEach((j, i) => {
        for (const [k, c] of rowsOfCol.get(j) ?? []) delta[k] += c * m.values[i];
      });
      return delta;
    });
    for (const r of byLast[s]) {
      free.push(slotOf.get(r)!);
      open.delete(r);
    }
    const directions = new Int8Array(slots).fill(2);
    for (const r of open) directions[slotOf.get(r)!] = twoSided.has(r) || r.last - r.first <= SHORT_ROW_STAGES ? 0 : r.row.lower > -Infinity ? 1 : -1;
    const always = touching[s].map(({ r, terms }, k) => stageRows[k].lower > -Infinity || stageRows[k].opens || stageRows[k].closes || r.slack !== null || terms.some(([, c]) => c < 0));
    const touched = deltas.map((delta) => {
      const keys: number[] = [];
      for (let k = 0; k < always.length; k++) if (always[k] || delta[k] !== 0) keys.push(k);
      return Int32Array.from(keys);
    });
    stages.push({ moves, rows: stageRows, deltas, touched, directions });
  }
  tightenRests(stages, touching);
  const planned = spanning.map((r): PlannedRow => {
    // Only capacity tables read a row's coefficients by column: built on first use.
    let coefs: Map<number, number> | undefined;
    return { slot: slotOf.get(r)!, lower: r.row.lower, upper: r.row.upper, firstStage: r.first, lastStage: r.last, get coefOf() { return (coefs ??= new Map(r.terms)); }, slack: r.slack };
  });
  for (const st of stages) if (st.directions.length < slots) st.directions = padded(st.directions, slots);
  return { stages, slots, columns: n, rows: planned, constants };
}

/**
 * What later stages can add to a row, from the moves each stage allows rather than from every
 * column's bounds: one shift a day lets a six-day window gain 1 a day, not 1 per shift type. A
 * tight `restMax` prunes labels that cannot finish sooner and lets the walk see a row that can no
 * longer bind (labeling.ts merges such labels).
 */
function tightenRests(stages: PlannedStage[], touching: { r: unknown }[][]): void {
  const after = new Map<unknown, { min: number; max: number }>();
  for (let s = stages.length - 1; s >= 0; s--) {
    const { rows, deltas } = stages[s];
    touching[s].forEach(({ r }, k) => {
      const rest = after.get(r) ?? { min: 0, max: 0 };
      rows[k].restMin = rest.min;
      rows[k].restMax = rest.max;
      let min = Infinity;
      let max = -Infinity;
      for (const delta of deltas) {
        min = Math.min(min, delta[k]);
        max = Math.max(max, delta[k]);
      }
      after.set(r, { min: rest.min + min, max: rest.max + max });
    });
  }
}

function padded(dirs: Int8Array, width: number): Int8Array {
  const out = new Int8Array(width).fill(2);
  out.set(dirs);
  return out;
}
