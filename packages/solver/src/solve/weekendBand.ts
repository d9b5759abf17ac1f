import type { RotaModel } from '../model/rotaModel.js';
import { weekendsOf } from '../rules/maxWeekends.js';
import { assignSet } from './lns.js';
import type { Neighbourhood } from './neighbourhoods.js';

/** Days either side of each weekend the band frees with it (Friday and Monday). */
const BAND_REACH_DAYS = 1;

/**
 * Most open assignment columns (not fixed at zero) in a band worth solving whole. Curtois
 * Instance8's band has 1,157 and HiGHS closes it in 0.4–9 s; Instance11's (2,851) and 12's
 * (5,633) are more than one neighbourhood's time allows.
 */
export const WEEKEND_BAND_MAX_OPEN = 2000;

/** Most seconds the engine gets for the band. */
export const WEEKEND_BAND_SECONDS = 10;

const bands = new WeakMap<RotaModel, Neighbourhood | null>();

/**
 * Every officer over every weekend of the horizon and the days next to it (Friday to Monday),
 * all at once, where some officer's weekends are capped below the horizon's. A cap on weekends
 * worked ties the weekends together: giving an officer another weekend means taking one away
 * elsewhere in the horizon, and the officer who takes their place needs the same, so a window of
 * days or a group of officers cannot move weekends between officers; the Friday and Monday
 * are freed too because runs and rest reach over them. Measured on Curtois Instance8 (a bimodal
 * instance: rotas stuck at 1400–1600 are one or two heads short more at a weekend): from five
 * such rotas, HiGHS solved the band to optimality in 3–9 s, at 1311, 1313, 1314, 1315 and 1316
 * from 1400, 1404, 1407, 1501 and 1410 (and 1597 → 1506); with Saturdays and Sundays alone it
 * found nothing, with Saturday to Monday or Friday to Sunday only 1407 → 1322 in six.
 * Null when no officer's weekends are capped or the band is too large to solve whole.
 */
export function weekendBand(model: RotaModel): Neighbourhood | null {
  if (bands.has(model)) return bands.get(model)!;
  const { ctx } = model;
  const weekends = weekendsOf(ctx);
  const capped = new Set(ctx.officers.filter((o) => (ctx.limit(o, 'maxWeekends') ?? Infinity) < weekends.length).map((o) => o.id));
  let band: Neighbourhood | null = null;
  if (capped.size > 0) {
    const days = new Set(weekends.flat().flatMap((d) => Array.from({ length: 2 * BAND_REACH_DAYS + 1 }, (_, k) => d - BAND_REACH_DAYS + k)));
    const free = model.assignEntries().filter((e) => days.has(ctx.shiftById.get(e.shiftId)!.dayIndex));
    const open = free.filter((e) => model.lp.upper[e.variable] > 0).length;
    if (open <= WEEKEND_BAND_MAX_OPEN) band = { name: `every officer over the ${weekends.length} weekends, Friday to Monday`, kind: 'weekends', free: new Set(free.map((e) => e.variable)) };
  }
  bands.set(model, band);
  return band;
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
