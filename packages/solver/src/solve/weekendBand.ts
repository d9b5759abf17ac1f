import type { RotaModel } from '../model/rotaModel.js';
import { weekendsOf } from '../rules/maxWeekends.js';
import { assignSet } from './lns.js';
import type { Neighbourhood } from './neighbourhoods.js';

/**
 * Most open assignment columns (not fixed at zero) in a band worth solving whole. Curtois
 * Instance8's Friday-to-Monday band has 1,157 and HiGHS closes it in 0.4–9 s; Instance11's
 * (2,851) and 12's (5,633) are more than one neighbourhood's time allows.
 */
export const WEEKEND_BAND_MAX_OPEN = 2000;

/**
 * Most open columns in the Friday-to-Monday band for the week to be cut the other two ways too.
 * Above it the blocks are slow enough that six of them take the main search's minute: on Curtois
 * Instance9 (1,558) the weekend blocks ran out their 10 s in 5 of 6 solves, 53 s of the minute,
 * and it ended at 440 once in four runs; Instance8's (1,157) close in 0.1–3 s.
 */
export const WEEKEND_CUTS_MAX_OPEN = 1200;

/** Most seconds the engine gets for a band. */
export const WEEKEND_BAND_SECONDS = 10;

/**
 * Most seconds for the band where Friday to Monday is large and alone (see WEEKEND_CUTS_MAX_OPEN).
 * HiGHS closes Curtois Instance9's (1,558 open columns) in 0.9–3.9 s or not in 10 s: with 10 s
 * its time-outs took up to half the main search's minute, and Instance9 missed its optimum 439 in
 * 5 of 31 runs (in none of 33 before the band). With 3 s it was at 439 in 6 of 6 runs alone
 * (reached at 27–39 s) and in every full run. Without the band it was too, but Instance10, whose
 * band closes in 0.5–1.4 s, ended at 4633 in one of four full runs (proved at 4631 in 45 of 47).
 */
export const LARGE_WEEKEND_BAND_SECONDS = 3;

/** A block of the week over every week of the horizon, with the engine's time for it. */
export interface WeekendBand extends Neighbourhood {
  /** Most seconds the engine gets for it. */
  seconds: number;
}

/**
 * The three ways of cutting each week in two, as the weekend's block: its first day's offset
 * from Saturday, its last day's from Sunday, and the two blocks' names. Friday to Monday comes
 * first: it is the one measured alone (see weekendBands).
 */
const CUTS = [
  { fromSaturday: -1, toSunday: 1, weekend: 'Friday to Monday', between: 'Tuesday to Thursday' },
  { fromSaturday: -2, toSunday: 0, weekend: 'Thursday to Sunday', between: 'Monday to Wednesday' },
  { fromSaturday: 0, toSunday: 2, weekend: 'Saturday to Tuesday', between: 'Wednesday to Friday' },
] as const;

const bands = new WeakMap<RotaModel, WeekendBand[]>();

/**
 * Every officer over whole blocks of the week at once, where some officer's weekends are capped
 * below the horizon's: each week cut in two (Friday to Monday and Tuesday to Thursday, say), and
 * each block over every week of the horizon is one band. A cap on weekends worked ties the
 * weekends together: giving an officer another weekend means taking one away elsewhere in the
 * horizon, and the officer who takes their place needs the same, so a window of days or a group
 * of officers cannot move weekends between officers. Solving a week's two blocks in turn is a
 * descent over the whole horizon; three cuts, because a rota none of one cut's blocks improves is
 * often improved by another's. Measured on Curtois Instance8 (bimodal: rotas stuck at 1400–1600
 * are one or two heads short more at a weekend): from five such rotas, the Friday-to-Monday band
 * alone was solved to optimality in 3–9 s, at 1311–1316 (1597 → 1506); Saturdays and Sundays
 * alone found nothing. A rota at 1405 that neither Friday to Monday nor Tuesday to Thursday
 * improved went to 1310 with Thursday to Sunday and 1313 with Saturday to Tuesday; in turn, the
 * six blocks took thirteen of sixteen stuck rotas (1355–1597) to 1300–1318 in 6–25 s.
 * Empty when no officer's weekends are capped or a weekend band is too large to solve whole; a
 * block between the weekends too large is left out, and where Friday to Monday is large (see
 * WEEKEND_CUTS_MAX_OPEN) it is the only band.
 */
export function weekendBands(model: RotaModel): WeekendBand[] {
  if (bands.has(model)) return bands.get(model)!;
  const { ctx } = model;
  const weekends = weekendsOf(ctx);
  const capped = ctx.officers.some((o) => (ctx.limit(o, 'maxWeekends') ?? Infinity) < weekends.length);
  const entries = model.assignEntries();
  const open = (list: typeof entries) => list.filter((e) => model.lp.upper[e.variable] > 0).length;
  const free = (list: typeof entries) => new Set(list.map((e) => e.variable));
  const found: WeekendBand[] = [];
  // Each weekend's Saturday, inside the horizon or not (weekdays run 1–7 from Monday, as in weekendsOf).
  const saturdays = weekends.map((w) => w[0] - (ctx.weekdays[w[0]] - 6));
  for (const [k, cut] of (capped ? CUTS : []).entries()) {
    const days = new Set(saturdays.flatMap((saturday) => rangeOf(saturday + cut.fromSaturday, saturday + 1 + cut.toSunday)));
    const [inside, between] = partition(entries, (e) => days.has(ctx.shiftById.get(e.shiftId)!.dayIndex));
    if (open(inside) > WEEKEND_BAND_MAX_OPEN) return remember(model, []);
    const alone = k === 0 && open(inside) > WEEKEND_CUTS_MAX_OPEN;
    found.push({ name: `every officer over the ${weekends.length} weekends, ${cut.weekend}`, kind: 'weekends', free: free(inside), seconds: alone ? LARGE_WEEKEND_BAND_SECONDS : WEEKEND_BAND_SECONDS });
    if (alone) break;
    if (between.length > 0 && open(between) <= WEEKEND_BAND_MAX_OPEN) found.push({ name: `every officer between the weekends, ${cut.between}`, kind: 'midweek', free: free(between), seconds: WEEKEND_BAND_SECONDS });
  }
  return remember(model, found);
}

const partition = <T>(list: readonly T[], inside: (item: T) => boolean): [T[], T[]] => [list.filter(inside), list.filter((item) => !inside(item))];

const rangeOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function remember(model: RotaModel, found: WeekendBand[]): WeekendBand[] {
  bands.set(model, found);
  return found;
}

/** Where each band was last solved from, and whose turn is next. */
export interface BandTurns {
  from: (Float64Array | null)[];
  next: number;
}

/**
 * The next band due from `incumbent` (see bandDue), in turn from the one after the last solved,
 * so that no band waits behind another that keeps finding gains; `turns` is updated.
 */
export function dueBand(model: RotaModel, turns: BandTurns, incumbent: Float64Array): WeekendBand | null {
  const all = weekendBands(model);
  for (let k = 0; k < all.length; k++) {
    const i = (turns.next + k) % all.length;
    if (!bandDue(model, all[i], turns.from[i] ?? null, incumbent)) continue;
    turns.from[i] = incumbent.slice();
    turns.next = i + 1;
    return all[i];
  }
  return null;
}

/**
 * Whether the band is worth solving from `incumbent`, having last been solved from `last`: only
 * when some assignment outside it differs. With the rest as it was, the band's optimum is what
 * it was, and the incumbent already has it or better (on Curtois Instance8, solving it again
 * after small gains inside it cost 4 s a time).
 */
export function bandDue(model: RotaModel, band: Neighbourhood, last: ArrayLike<number> | null, incumbent: ArrayLike<number>): boolean {
  if (!last) return true;
  for (const v of assignSet(model)) if (!band.free.has(v) && Math.abs(last[v] - incumbent[v]) > 0.5) return true;
  return false;
}
