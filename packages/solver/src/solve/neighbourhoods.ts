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
export function pickNeighbourhood(model: RotaModel, iteration: number, budget: number, random: () => number): Neighbourhood {
  const { ctx } = model;
  const entries = model.assignEntries();
  const perOfficer = ctx.shifts.length;
  // Day windows over the whole team reshape cover quickly; officer groups fix rosters' shape.
  const kind = [2, 0, 2, 1][iteration % 4];
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
