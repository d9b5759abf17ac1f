import type { RotaModel } from '../model/rotaModel.js';

/** Deterministic PRNG (mulberry32) so the same input explores the same neighbourhoods. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The assignment variables a neighbourhood frees (everything else is fixed to the incumbent). */
export interface Neighbourhood {
  name: string;
  free: Set<number>;
}

/**
 * Neighbourhoods for fix-and-optimise over officers and weeks, sized to about `budget` free
 * binaries: a random group of officers over the whole horizon; officers of one rank (they swap
 * duties with each other); or every officer over a window of days (cover and rest interactions
 * across the team).
 */
export function pickNeighbourhood(model: RotaModel, iteration: number, budget: number, random: () => number, officerFocus = false): Neighbourhood {
  const { ctx } = model;
  const entries = model.assignEntries();
  const perOfficer = ctx.shifts.length;
  // Day windows over the whole team reshape cover quickly; officer groups fix rosters' shape,
  // and dominate when officers have horizon-wide floors (minimum hours, minimum runs).
  const kind = (officerFocus ? [0, 0, 2] : [2, 0, 2, 1])[iteration % (officerFocus ? 3 : 4)];
  if (kind === 2) {
    const perDay = Math.max(1, ctx.officers.length * (ctx.shifts.length / ctx.dates.length));
    const width = Math.max(3, Math.min(ctx.dates.length, Math.floor(budget / perDay)));
    const from = Math.floor(random() * Math.max(1, ctx.dates.length - width + 1));
    const days = new Set(ctx.shifts.filter((s) => s.dayIndex >= from && s.dayIndex < from + width).map((s) => s.id));
    return { name: `days ${from}–${from + width - 1}`, free: new Set(entries.filter((e) => days.has(e.shiftId)).map((e) => e.variable)) };
  }
  const count = Math.max(2, Math.min(ctx.officers.length, Math.floor(budget / perOfficer)));
  let pool = ctx.officers.map((o) => o.id);
  if (kind === 1) {
    const rank = ctx.officers[Math.floor(random() * ctx.officers.length)].rank;
    const same = ctx.officers.filter((o) => o.rank === rank).map((o) => o.id);
    if (same.length >= 2) pool = same;
  }
  const shuffled = pool.map((id) => ({ id, key: random() })).sort((a, b) => a.key - b.key).slice(0, count);
  const chosen = new Set(shuffled.map((x) => x.id));
  return { name: `${chosen.size} officers`, free: new Set(entries.filter((e) => chosen.has(e.officerId)).map((e) => e.variable)) };
}

/** Elastic rows (a hard rule relaxed at the violation penalty) with their slack variables. */
export function elasticRows(model: RotaModel): { slack: number; vars: number[] }[] {
  const isSlack = (v: number) => /^(short|excess):/.test(model.lp.names[v]);
  return model.lp.rows.flatMap((row) => {
    const slack = row.terms.find(([v]) => isSlack(v));
    return slack ? [{ slack: slack[0], vars: row.terms.filter(([v]) => !isSlack(v)).map(([v]) => v) }] : [];
  });
}

/**
 * A neighbourhood aimed at hard-rule breaches in the incumbent: every officer who appears in a
 * breached elastic row (e.g. all sergeants for a sergeant-cover shortfall) is freed over the
 * horizon, so the engine can rearrange exactly the people who can mend it. Null when none.
 */
export function repairNeighbourhood(model: RotaModel, rows: ReturnType<typeof elasticRows>, values: ArrayLike<number>, budget: number, random: () => number): Neighbourhood | null {
  const ownerOf = new Map(model.assignEntries().map((e) => [e.variable, e.officerId]));
  const breached = rows.filter((r) => values[r.slack] > 1e-6);
  if (breached.length === 0) return null;
  const row = breached[Math.floor(random() * breached.length)];
  const officers = new Set(row.vars.map((v) => ownerOf.get(v)).filter((o): o is string => o !== undefined));
  const entries = model.assignEntries().filter((e) => officers.has(e.officerId));
  const free = entries.length <= budget * 2 ? entries : entries.filter(() => random() < (budget * 2) / entries.length);
  return { name: `repair ${officers.size} officers`, free: new Set(free.map((e) => e.variable)) };
}
