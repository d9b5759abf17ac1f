import { LinearModel } from '../model/linear.js';
import type { RotaModel } from '../model/rotaModel.js';

/** One officer's part of the rota model: the columns only their rows use, and those rows. */
export interface OfficerBlock {
  officerId: string;
  /** Full-model columns owned by the officer (assignments and the auxiliaries of their rules). */
  cols: number[];
  /** Full-model rows that mention only this officer's columns (rest, runs, hours, weekends…). */
  rows: number[];
  /** The block as a model of its own, columns in `cols` order, full-model costs (built lazily). */
  readonly lp: LinearModel;
}

/**
 * The model split Dantzig–Wolfe style: per-officer blocks, and what ties officers together —
 * linking rows (cover, patrol capacity, fairness) with the columns only they use (cover slack,
 * deployments). Every column and row is in exactly one place.
 */
export interface Decomposition {
  blocks: OfficerBlock[];
  linkingRows: number[];
  /** Columns that are no officer's own (deployments, cover slack), kept in the master. */
  masterCols: number[];
}

/**
 * Split a rota model by officer. An auxiliary column belongs to an officer when every row it
 * appears in mentions that officer's assignments and nobody else's; a row is the officer's when
 * all its columns are. Derived from the rows alone, so any rule set decomposes the same way.
 */
export function decompose(model: RotaModel): Decomposition {
  const { lp } = model;
  const owner: (string | null | undefined)[] = lp.names.map(() => undefined);
  for (const e of model.assignEntries()) owner[e.variable] = e.officerId;
  // Officers each row mentions through assignments.
  const rowOfficers = lp.rows.map((row) => new Set(row.terms.map(([v]) => owner[v]).filter((o): o is string => typeof o === 'string')));
  const colRows: number[][] = lp.names.map(() => []);
  lp.rows.forEach((row, r) => row.terms.forEach(([v]) => colRows[v].push(r)));
  for (let v = 0; v < lp.names.length; v++) {
    if (owner[v] !== undefined) continue;
    const officers = new Set(colRows[v].flatMap((r) => [...rowOfficers[r]]));
    owner[v] = officers.size === 1 ? [...officers][0] : null;
  }
  const byOfficer = new Map<string, { cols: number[]; rows: number[] }>(model.ctx.officers.map((o) => [o.id, { cols: [], rows: [] }]));
  const masterCols: number[] = [];
  owner.forEach((o, v) => (o ? byOfficer.get(o)!.cols.push(v) : masterCols.push(v)));
  const linkingRows: number[] = [];
  lp.rows.forEach((row, r) => {
    const first = row.terms.length > 0 ? owner[row.terms[0][0]] : null;
    if (first && row.terms.every(([v]) => owner[v] === first)) byOfficer.get(first)!.rows.push(r);
    else linkingRows.push(r);
  });
  // Block models are built on first use: deciding whether a model splits needs none of them.
  const blocks = [...byOfficer].map(([officerId, part]): OfficerBlock => {
    let built: LinearModel | null = null;
    return {
      officerId,
      ...part,
      get lp() {
        return (built ??= blockModel(lp, part.cols, part.rows));
      },
    };
  });
  return { blocks, linkingRows, masterCols };
}

function blockModel(lp: LinearModel, cols: number[], rows: number[]): LinearModel {
  const local = new Map(cols.map((c, i) => [c, i]));
  const block = new LinearModel();
  for (const c of cols) block.addVar(lp.names[c], { lower: lp.lower[c], upper: lp.upper[c], cost: lp.cost[c], type: lp.types[c] });
  for (const r of rows) {
    const row = lp.rows[r];
    // Columns fixed at zero (days off, types never worked) add nothing to a row: leaving them out
    // makes year-long blocks much lighter to load and solve.
    const terms = row.terms.filter(([v]) => lp.lower[v] !== 0 || lp.upper[v] !== 0);
    block.addRow(row.name, terms.map(([v, c]) => [local.get(v)!, c]), row.lower, row.upper, row.origin);
  }
  return block;
}
