import { LinearModel, type Row, type VarType } from '../model/linear.js';

/** A LinearModel as plain data, to pass to another thread (structured clone keeps no methods). */
export interface PlainModel {
  names: string[];
  lower: number[];
  upper: number[];
  cost: number[];
  types: VarType[];
  rows: Pick<Row, 'name' | 'terms' | 'lower' | 'upper'>[];
  offset: number;
}

export function toPlain(lp: LinearModel): PlainModel {
  const { names, lower, upper, cost, types, offset } = lp;
  return { names, lower, upper, cost, types, offset, rows: lp.rows.map(({ name, terms, lower: l, upper: u }) => ({ name, terms, lower: l, upper: u })) };
}

export function fromPlain(plain: PlainModel): LinearModel {
  const lp = new LinearModel();
  plain.names.forEach((name, v) => lp.addVar(name, { lower: plain.lower[v], upper: plain.upper[v], cost: plain.cost[v], type: plain.types[v] }));
  for (const row of plain.rows) lp.addRow(row.name, row.terms, row.lower, row.upper);
  lp.offset = plain.offset;
  return lp;
}
