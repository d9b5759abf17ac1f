import { LinearModel } from '../model/linear.js';

/** Rows each column appears in, built once per model (models do not change shape after build). */
const columnRows = new WeakMap<LinearModel, number[][]>();

/** Rows each column of `lp` appears in (cached per model). */
export function rowsByColumn(lp: LinearModel): number[][] {
  let index = columnRows.get(lp);
  if (!index) {
    index = lp.names.map(() => []);
    lp.rows.forEach((row, r) => row.terms.forEach(([v]) => index![v].push(r)));
    columnRows.set(lp, index);
  }
  return index;
}

/** The part of a model a neighbourhood can change, and how its columns map back. */
export interface SubModel {
  lp: LinearModel;
  /** cols[i] is the full model's column of sub-model column i. */
  cols: number[];
}

/**
 * Cut out what a neighbourhood can change: its free columns, every row they touch, and —
 * transitively — the auxiliary columns (`mayFollow`) of those rows and the rows of those.
 * Every other column keeps its value in `point` and is folded into the row bounds, so the
 * engine sees a model the size of the neighbourhood, not of the whole rota.
 */
export function extractSubModel(lp: LinearModel, free: Iterable<number>, mayFollow: (column: number) => boolean, point: ArrayLike<number>): SubModel {
  const byColumn = rowsByColumn(lp);
  const local = new Map<number, number>();
  const cols: number[] = [];
  const include = (c: number) => {
    if (local.has(c)) return false;
    local.set(c, cols.length);
    cols.push(c);
    return true;
  };
  const queue = [...free].filter(include);
  const rows = new Set<number>();
  while (queue.length > 0) {
    for (const r of byColumn[queue.pop()!]) {
      if (rows.has(r)) continue;
      rows.add(r);
      for (const [v] of lp.rows[r].terms) if (mayFollow(v) && include(v)) queue.push(v);
    }
  }
  const sub = new LinearModel();
  for (const c of cols) sub.addVar(lp.names[c], { lower: lp.lower[c], upper: lp.upper[c], cost: lp.cost[c], type: lp.types[c] });
  for (const r of [...rows].sort((a, b) => a - b)) {
    const row = lp.rows[r];
    let fixed = 0;
    const terms: [number, number][] = [];
    for (const [v, c] of row.terms) {
      const i = local.get(v);
      if (i === undefined) fixed += c * point[v];
      else terms.push([i, c]);
    }
    sub.addRow(row.name, terms, row.lower - fixed, row.upper - fixed, row.origin);
  }
  return { lp: sub, cols };
}

/** The full point with the sub-model's values written back. */
export function mergeSubPoint(point: Float64Array, sub: SubModel, values: ArrayLike<number>): Float64Array {
  const merged = Float64Array.from(point);
  sub.cols.forEach((c, i) => (merged[c] = values[i]));
  return merged;
}
