import { rowsByColumn } from './submodel.js';
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

/**
 * How a neighbourhood is cut: officer groups, officers of one rank, a window of days, around a
 * breach, or where an LP relaxation disagrees with the incumbent, over the horizon or on the
 * same days of every week (see guidedNeighbourhood), or every officer over one block of every week
 * at once, the weekend's or the days between (see weekendBands).
 */
export type NeighbourhoodKind = 'officers' | 'rank' | 'days' | 'repair' | 'guided' | 'weekly' | 'weekends' | 'midweek';

/** The kinds drawn at random, with no incumbent breach, guide or weekend cap to aim them. */
export type DrawnKind = Exclude<NeighbourhoodKind, 'repair' | 'guided' | 'weekly' | 'weekends' | 'midweek'>;

/** The assignment variables a neighbourhood frees (everything else is fixed to the incumbent). */
export interface Neighbourhood {
  name: string;
  kind: NeighbourhoodKind;
  free: Set<number>;
}

/**
 * The kinds fix-and-optimise draws from. Day windows over the whole team reshape cover quickly;
 * officer groups fix rosters' shape, and are what counts when officers have horizon-wide floors
 * (minimum hours, minimum runs); ranks swap duties between officers of a rank.
 */
export function neighbourhoodKinds(officerFocus: boolean): readonly DrawnKind[] {
  return officerFocus ? ['officers', 'days'] : ['days', 'officers', 'rank'];
}

/**
 * A neighbourhood for fix-and-optimise over officers and weeks, sized to about `budget` free
 * binaries: a random group of officers over the whole horizon; officers of one rank (they swap
 * duties with each other); or every officer over a window of days (cover and rest interactions
 * across the team).
 */
export function pickNeighbourhood(model: RotaModel, kind: DrawnKind, budget: number, random: () => number): Neighbourhood {
  const { ctx } = model;
  if (kind === 'days') {
    const width = windowDays(model, budget);
    return dayWindow(model, Math.floor(random() * Math.max(1, ctx.dates.length - width + 1)), width);
  }
  let pool = ctx.officers.map((o) => o.id);
  if (kind === 'rank') {
    const rank = ctx.officers[Math.floor(random() * ctx.officers.length)].rank;
    const same = ctx.officers.filter((o) => o.rank === rank).map((o) => o.id);
    if (same.length >= 2) pool = same;
  }
  const shuffled = pool.map((id) => ({ id, key: random() })).sort((a, b) => a.key - b.key);
  return officerGroup(model, shuffled.map((x) => x.id), budget, kind);
}

/**
 * The first officers of `order`, as many as `budget` free binaries allow (at least two), over
 * the whole horizon.
 */
function officerGroup(model: RotaModel, order: string[], budget: number, kind: NeighbourhoodKind, aim = ''): Neighbourhood {
  const { ctx } = model;
  const count = Math.max(2, Math.min(ctx.officers.length, Math.floor(budget / ctx.shifts.length)));
  const chosen = new Set(order.slice(0, count));
  return { name: `${chosen.size} officers${aim}`, kind, free: new Set(model.assignEntries().filter((e) => chosen.has(e.officerId)).map((e) => e.variable)) };
}

/** Days in a whole-team window of about `budget` free binaries (at least three). */
function windowDays(model: RotaModel, budget: number): number {
  const { ctx } = model;
  const perDay = Math.max(1, ctx.officers.length * (ctx.shifts.length / ctx.dates.length));
  return Math.max(3, Math.min(ctx.dates.length, Math.floor(budget / perDay)));
}

/** Every officer over `width` days from day `from`. */
function dayWindow(model: RotaModel, from: number, width: number): Neighbourhood {
  const days = new Set(model.ctx.shifts.filter((s) => s.dayIndex >= from && s.dayIndex < from + width).map((s) => s.id));
  return { name: `days ${from}–${from + width - 1}`, kind: 'days', free: new Set(model.assignEntries().filter((e) => days.has(e.shiftId)).map((e) => e.variable)) };
}

/** Most days a penalty's rows may span and still be placed on a day (cover: one; hours over the horizon: not placed). */
const PLACEABLE_SPAN_DAYS = 3;

const placedPenalties = new WeakMap<RotaModel, Map<number, number>>();
const owners = new WeakMap<RotaModel, Map<number, string>>();

/** Each assignment column's officer, built once per model (neighbourhoods are drawn many times a second). */
function ownerOf(model: RotaModel): Map<number, string> {
  let owner = owners.get(model);
  if (!owner) owners.set(model, (owner = new Map(model.assignEntries().map((e) => [e.variable, e.officerId]))));
  return owner;
}

/**
 * Soft-penalty columns (negative cost, not assignments) the model can place on a day: the
 * middle day of the assignments in their rows, when those span a few days at most. Built once.
 */
function penaltyDays(model: RotaModel): Map<number, number> {
  let placed = placedPenalties.get(model);
  if (placed) return placed;
  placed = new Map();
  const dayOf = new Map(model.assignEntries().map((e) => [e.variable, model.ctx.shiftById.get(e.shiftId)!.dayIndex]));
  const byColumn = rowsByColumn(model.lp);
  model.lp.cost.forEach((cost, c) => {
    if (cost >= 0 || dayOf.has(c)) return;
    // A loop, not Math.min(...): a horizon-wide row on a year-long rota has 10^5 terms.
    let [first, last] = [Infinity, -Infinity];
    for (const r of byColumn[c]) {
      for (const [v] of model.lp.rows[r].terms) {
        const day = dayOf.get(v);
        if (day === undefined) continue;
        first = Math.min(first, day);
        last = Math.max(last, day);
      }
    }
    if (first <= last && last - first < PLACEABLE_SPAN_DAYS) placed!.set(c, Math.floor((first + last) / 2));
  });
  placedPenalties.set(model, placed);
  return placed;
}

/**
 * Every officer over a window of days around a day where `values` pays a soft penalty (a
 * shift short of its target, say), drawn in proportion to what it pays: random windows mostly
 * land where nothing can be gained. Null when nothing placeable is paid.
 */
export function penaltyWindow(model: RotaModel, values: ArrayLike<number>, budget: number, random: () => number): Neighbourhood | null {
  const drawn = drawPenalty(model, values, random);
  if (!drawn) return null;
  const width = windowDays(model, budget);
  const from = Math.max(0, Math.min(model.ctx.dates.length - width, drawn.day - Math.floor(random() * width)));
  const hood = dayWindow(model, from, width);
  return { ...hood, name: `${hood.name} around a penalty on day ${drawn.day}` };
}

/** A placeable penalty `values` pays, drawn in proportion to what it pays; null when none is paid. */
export function drawPenalty(model: RotaModel, values: ArrayLike<number>, random: () => number): { column: number; day: number } | null {
  const paid: [number, number, number][] = [];
  let total = 0;
  for (const [c, day] of penaltyDays(model)) {
    const amount = -model.lp.cost[c] * values[c];
    if (amount > 1e-9) paid.push([c, day, (total += amount)]);
  }
  if (paid.length === 0) return null;
  const draw = random() * total;
  const [column, day] = paid.find(([, , upTo]) => upTo >= draw) ?? paid[paid.length - 1];
  return { column, day };
}

/**
 * Officers over the whole horizon, first those who could take the shift of a penalty `values`
 * pays (in its rows and off that day), then others at random: filling a shortfall usually means
 * an officer gives up a shift elsewhere, so the rosters to change are those of officers who
 * could take it. Null when nothing placeable is paid.
 */
export function penaltyOfficers(model: RotaModel, values: ArrayLike<number>, budget: number, random: () => number): Neighbourhood | null {
  const drawn = drawPenalty(model, values, random);
  if (!drawn) return null;
  const { ctx } = model;
  const owner = ownerOf(model);
  // Those who could take the shift: in its rows (not ruled out there), and off that day.
  const working = new Set(ctx.shiftsByDay[drawn.day].flatMap((shift) => model.onShiftTerms(shift.id).filter(([v]) => values[v] > 0.5).map(([v]) => owner.get(v)!)));
  const involved = new Set<string>();
  for (const r of rowsByColumn(model.lp)[drawn.column]) {
    for (const [v] of model.lp.rows[r].terms) {
      const officer = owner.get(v);
      if (officer !== undefined && model.lp.upper[v] > 0 && !working.has(officer)) involved.add(officer);
    }
  }
  const order = ctx.officers.map((o) => ({ id: o.id, key: (involved.has(o.id) ? 0 : 1) + random() })).sort((a, b) => a.key - b.key);
  return officerGroup(model, order.map((x) => x.id), budget, 'officers', ` around a penalty on day ${drawn.day}`);
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
  const owner = ownerOf(model);
  const breached = rows.filter((r) => values[r.slack] > 1e-6);
  if (breached.length === 0) return null;
  const row = breached[Math.floor(random() * breached.length)];
  const officers = new Set(row.vars.map((v) => owner.get(v)).filter((o): o is string => o !== undefined));
  const entries = model.assignEntries().filter((e) => officers.has(e.officerId));
  const free = entries.length <= budget * 2 ? entries : entries.filter(() => random() < (budget * 2) / entries.length);
  return { name: `repair ${officers.size} officers`, kind: 'repair', free: new Set(free.map((e) => e.variable)) };
}
