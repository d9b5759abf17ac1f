/** What labeling reads off a block's rows: day stages, each day's moves, elastic slacks, rows compared by equality. */
import type { LinearModel } from '../model/linear.js';
import type { Move } from './labelingPlan.js';

/** Tolerance for row sums (coefficients are integers or simple fractions). */
export const EPS = 1e-9;

/** Most assignments one stage may have under its own rows; a busier block is left to the MIP. */
const MAX_MOVES = 5000;

/** A row's elastic slack: its column and its coefficient in the row. */
export interface Slack {
  col: number;
  coef: number;
}

export type LocalRow = { row: { lower: number; upper: number }; terms: [number, number][] };

/**
 * Moves of stages alike (the same bounds and local rows by column position), by position: a
 * year-long officer has 364 days alike, and enumerating each day's moves afresh was a fifth of
 * seeding them.
 */
export type MoveCache = Map<string, { positions: number[]; values: number[] }[] | null>;

/** `enumerateMoves`, reusing what `cache` holds for a stage alike. */
export function enumerateMovesCached(lp: LinearModel, cols: number[], local: LocalRow[], cache: MoveCache): Move[] | null {
  const at = new Map(cols.map((j, i) => [j, i]));
  const key = `${cols.map((j) => `${lp.lower[j]}:${lp.upper[j]}`).join(',')}|${local.map((r) => `${r.row.lower}:${r.row.upper}:${r.terms.map(([j, c]) => `${at.get(j)}*${c}`).join(' ')}`).join(';')}`;
  let shapes = cache.get(key);
  if (shapes === undefined) {
    const moves = enumerateMoves(lp, cols, local);
    shapes = moves && moves.map((m) => ({ positions: m.cols.map((j) => at.get(j)!), values: m.values }));
    cache.set(key, shapes);
  }
  return shapes && shapes.map(({ positions, values }) => ({ cols: positions.map((i) => cols[i]), values: [...values] }));
}

/** Every assignment of a stage's columns that keeps the rows wholly inside it (depth-first, pruned). */
export function enumerateMoves(lp: LinearModel, cols: number[], local: LocalRow[]): Move[] | null {
  const at = new Map(cols.map((j, i) => [j, i]));
  // Per column: the local rows it is in, with what the row's later columns can still add.
  const checks: { row: number; coef: number; restMin: number; restMax: number }[][] = cols.map(() => []);
  local.forEach((r, k) => {
    const terms = [...r.terms].sort((a, b) => at.get(a[0])! - at.get(b[0])!);
    let restMin = 0;
    let restMax = 0;
    for (let t = terms.length - 1; t >= 0; t--) {
      const [j, coef] = terms[t];
      checks[at.get(j)!].push({ row: k, coef, restMin, restMax });
      restMin += Math.min(coef * lp.lower[j], coef * lp.upper[j]);
      restMax += Math.max(coef * lp.lower[j], coef * lp.upper[j]);
    }
  });
  const sums = new Float64Array(local.length);
  const moves: Move[] = [];
  const chosen: number[] = [];
  const values: number[] = [];
  const dfs = (i: number): boolean => {
    if (i === cols.length) {
      moves.push({ cols: [...chosen], values: [...values] });
      return moves.length <= MAX_MOVES;
    }
    const j = cols[i];
    for (let v = lp.lower[j]; v <= lp.upper[j]; v++) {
      const ok = checks[i].every((c) => {
        const s = sums[c.row] + c.coef * v;
        return s + c.restMin <= local[c.row].row.upper + EPS && s + c.restMax >= local[c.row].row.lower - EPS;
      });
      if (!ok) continue;
      for (const c of checks[i]) sums[c.row] += c.coef * v;
      if (v !== 0) chosen.push(j), values.push(v);
      const more = dfs(i + 1);
      if (v !== 0) chosen.pop(), values.pop();
      for (const c of checks[i]) sums[c.row] -= c.coef * v;
      if (!more) return false;
    }
    return true;
  };
  return dfs(0) ? moves : null;
}

/**
 * Elastic slacks by row: a continuous column at ≥ 0 with a cost ≤ 0 in exactly one row, so its
 * best value is just what the row lacks once the row's other columns are known.
 */
export function elasticSlacks(lp: LinearModel): Map<number, Slack> {
  const rowsOf: number[][] = lp.names.map(() => []);
  lp.rows.forEach((row, r) => row.terms.forEach(([j]) => rowsOf[j].push(r)));
  const byRow = new Map<number, Slack>();
  lp.names.forEach((_, j) => {
    if (lp.types[j] !== 'continuous' || lp.lower[j] !== 0 || lp.upper[j] !== Infinity || lp.cost[j] > 0 || rowsOf[j].length !== 1) return;
    const r = rowsOf[j][0];
    const row = lp.rows[r];
    const coef = row.terms.find(([k]) => k === j)![1];
    // The slack must relax a finite side, and only one of the row's columns may be a slack.
    if ((coef > 0 ? row.lower : row.upper) === (coef > 0 ? -Infinity : Infinity) || byRow.has(r)) return;
    byRow.set(r, { col: j, coef });
  });
  return byRow;
}

/**
 * Stages for a block's columns: given stages (days) for the assignments, each auxiliary takes
 * the latest stage of the columns it shares rows with, so it is decided once they are known.
 */
export function columnStages(lp: LinearModel, known: (number | undefined)[]): number[] {
  const stage = [...known];
  const last = Math.max(0, ...known.filter((s): s is number => s !== undefined));
  // Assignments first; an auxiliary only tied to other auxiliaries (a cap on weekend flags) takes
  // theirs in later passes. Taking the latest over auxiliaries too would defer every flag to the end.
  for (let pass = 0; pass < 3; pass++) {
    const from = [...stage];
    for (const row of lp.rows) {
      let latest = -1;
      for (const [j] of row.terms) if (from[j] !== undefined) latest = Math.max(latest, from[j]!);
      if (latest < 0) continue;
      for (const [j] of row.terms) if (from[j] === undefined) stage[j] = Math.max(stage[j] ?? -1, latest);
    }
  }
  return stage.map((s) => s ?? last);
}

/**
 * Rows whose sums can only compare by equality: bounded on both sides, or one side of a pair
 * with the same terms (a minimum and a maximum of the same hours). A label beats another on
 * such a pair only with an equal sum, and comparing by equality puts the pair in the grouping
 * key instead of the quadratic check (Curtois 10: a third of pricing went on that check).
 */
export function twoSidedRows<R extends { row: { lower: number; upper: number }; terms: [number, number][] }>(rows: R[]): Set<R> {
  const out = new Set<R>();
  const sides = new Map<string, { lower: R[]; upper: R[] }>();
  for (const r of rows) {
    const { lower, upper } = r.row;
    if (lower > -Infinity && upper < Infinity) {
      out.add(r);
      continue;
    }
    // Year-long rows have thousands of terms: bucket by order-free sums, compare terms only within a bucket.
    let columns = 0;
    let weighted = 0;
    for (const [j, c] of r.terms) {
      columns += j;
      weighted += (j + 1) * c;
    }
    const key = `${r.terms.length}:${columns}:${weighted}`;
    const entry = sides.get(key) ?? { lower: [], upper: [] };
    (lower > -Infinity ? entry.lower : entry.upper).push(r);
    sides.set(key, entry);
  }
  // Only a bucket with both sides needs its rows' exact terms.
  const termsKey = (r: R) => [...r.terms].sort((p, q) => p[0] - q[0]).join(';');
  for (const { lower, upper } of sides.values()) {
    if (lower.length === 0 || upper.length === 0) continue;
    const [lowerKeys, upperKeys] = [lower.map(termsKey), upper.map(termsKey)];
    const [lowerSet, upperSet] = [new Set(lowerKeys), new Set(upperKeys)];
    lower.forEach((r, k) => upperSet.has(lowerKeys[k]) && out.add(r));
    upper.forEach((r, k) => lowerSet.has(upperKeys[k]) && out.add(r));
  }
  return out;
}
