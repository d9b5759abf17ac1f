import type { LinearModel } from '../model/linear.js';
import type { Decomposition } from './decompose.js';

/** Bounds on master columns (index into `Decomposition.masterCols` → [lower, upper]). */
export type MasterBounds = ReadonlyMap<number, readonly [number, number]>;

/**
 * The master's own columns that some best rota has whole: a penalised slack alone with
 * coefficient 1 in one row whose other terms are whole coefficients on whole variables, with
 * whole limits (a cover shortfall or excess). Given the rest of a rota, its cheapest value is
 * whole, so branching on it (≤ floor or ≥ ceiling) loses no rota worth having.
 */
export function wholeMasterColumns(lp: LinearModel, split: Decomposition): number[] {
  // The rows each master column stands in (the only columns asked about).
  const rowsOf = new Map<number, number[]>(split.masterCols.map((c) => [c, []]));
  lp.rows.forEach((row, r) => row.terms.forEach(([v]) => rowsOf.get(v)?.push(r)));
  const whole = (x: number) => !Number.isFinite(x) || Number.isInteger(x);
  const found: number[] = [];
  split.masterCols.forEach((c, i) => {
    const rows = rowsOf.get(c) ?? [];
    if (rows.length !== 1 || lp.cost[c] >= 0 || !whole(lp.lower[c]) || !whole(lp.upper[c])) return;
    const row = lp.rows[rows[0]];
    const ok = whole(row.lower) && whole(row.upper) && row.terms.every(([v, coefficient]) => (v === c ? coefficient === 1 : Number.isInteger(coefficient) && lp.types[v] !== 'continuous'));
    if (ok) found.push(i);
  });
  return found;
}

/**
 * The whole master column the LP leaves furthest from a whole value, with the two branches'
 * bounds, nearer side first; null when the LP has every one whole. `lpValues` holds pattern
 * weights, then the master columns (their offset is read from its length: the pool may have
 * grown since that LP).
 */
export function coverBranch(lp: LinearModel, split: Decomposition, columns: readonly number[], lpValues: Float64Array, bounds: MasterBounds): { column: number; sides: [number, number][] } | null {
  const offset = lpValues.length - split.masterCols.length;
  let pick = -1;
  let furthest = 1e-6;
  for (const i of columns) {
    const v = lpValues[offset + i];
    const off = Math.abs(v - Math.round(v));
    if (off > furthest) [furthest, pick] = [off, i];
  }
  if (pick < 0) return null;
  const v = lpValues[offset + pick];
  const c = split.masterCols[pick];
  const [lower, upper] = bounds.get(pick) ?? [lp.lower[c], lp.upper[c]];
  const down: [number, number] = [lower, Math.floor(v)];
  const up: [number, number] = [Math.ceil(v), upper];
  return { column: pick, sides: v - Math.floor(v) < 0.5 ? [down, up] : [up, down] };
}
