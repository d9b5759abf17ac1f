import type { RotaModel } from '../model/rotaModel.js';
import type { Neighbourhood } from './neighbourhoods.js';

/** An assignment's guide weight counts as agreeing with the incumbent within this. */
const AGREE = 1e-6;

/**
 * A neighbourhood guided by an LP solution (RINS, relaxation-induced neighbourhood search):
 * officers in a random order, each adding the assignments where `guide` (a relaxation's value
 * per model column, here the decomposition's master LP) disagrees with the incumbent, until
 * about `budget` are free. Where the relaxation and the incumbent agree the engine need not
 * look, so a neighbourhood of a given size spans far more officers than a group freed whole.
 * Measured from a converged master on Curtois 7 (incumbent 1062): every disagreement freed at
 * once (361 assignments) gave 1058 in 13 s; on Curtois 10 (4634) groups of 11–18 officers'
 * disagreements (290–512 assignments) closed in 0.1–1 s and reached the optimum 4631 in 18 s.
 * Null when the incumbent agrees with the guide everywhere.
 */
export function guidedNeighbourhood(model: RotaModel, guide: ArrayLike<number>, incumbent: ArrayLike<number>, budget: number, random: () => number): Neighbourhood | null {
  const hood = disagreements(model, guide, incumbent, () => true, budget, random);
  return hood && { name: `${hood.officers} officers where the LP disagrees`, kind: 'guided', free: hood.free };
}

/** Fewest days either side of a day of the week that a weekly neighbourhood frees with it. */
const WEEKLY_REACH_DAYS = 1;
const DAYS_PER_WEEK = 7;
/** A day of the week is at most this many days from any other (then the neighbourhood spans every day). */
const FARTHEST_DAYS = Math.floor(DAYS_PER_WEEK / 2);

/**
 * Like guidedNeighbourhood, but only on the days of every week that fall on `day`'s day of the
 * week or near it (all of the horizon's Saturdays, Sundays and Mondays, say), across the whole
 * team: reaching one day either side, or further while every officer's disagreements there fit
 * the budget (the same days again would free the same cells). Weekly rules tie those days
 * together: on Curtois 12 every rota is forty heads short at weekends, and one more short was
 * where the search stuck (4168, 4175). Freed week by week where the master LP disagrees (all 60
 * officers, about 1,400–2,000 columns), HiGHS took that head off in 6 and 3 draws of 20 (0.2 s
 * each), against 1 and 4 in 30 of ~1.3 s for officers over the horizon. Null when the incumbent
 * agrees with the guide on those days.
 */
export function weeklyGuidedNeighbourhood(model: RotaModel, guide: ArrayLike<number>, incumbent: ArrayLike<number>, budget: number, random: () => number, day: number): Neighbourhood | null {
  const apart = new Map(model.ctx.shifts.map((s) => {
    const d = (((s.dayIndex - day) % DAYS_PER_WEEK) + DAYS_PER_WEEK) % DAYS_PER_WEEK;
    return [s.id, Math.min(d, DAYS_PER_WEEK - d)];
  }));
  // Disagreeing cells by how far their day of the week is from `day`'s.
  const within = new Array<number>(FARTHEST_DAYS + 1).fill(0);
  for (const e of model.assignEntries()) if (Math.abs(guide[e.variable] - incumbent[e.variable]) > AGREE) within[apart.get(e.shiftId)!]++;
  let reach = WEEKLY_REACH_DAYS;
  while (reach < FARTHEST_DAYS && within.slice(0, reach + 2).reduce((a, b) => a + b, 0) <= budget) reach++;
  const hood = disagreements(model, guide, incumbent, (e) => apart.get(e.shiftId)! <= reach, budget, random);
  return hood && { name: `${hood.officers} officers on every week's days within ${reach} of day ${day} where the LP disagrees`, kind: 'weekly', free: hood.free };
}

/** Officers in a random order, each adding their assignments `within` where `guide` disagrees with the incumbent, until about `budget` are free. */
function disagreements(model: RotaModel, guide: ArrayLike<number>, incumbent: ArrayLike<number>, within: (e: { shiftId: string }) => boolean, budget: number, random: () => number): { officers: number; free: Set<number> } | null {
  const byOfficer = new Map<string, number[]>();
  for (const e of model.assignEntries()) {
    if (Math.abs(guide[e.variable] - incumbent[e.variable]) <= AGREE || !within(e)) continue;
    const list = byOfficer.get(e.officerId);
    if (list) list.push(e.variable);
    else byOfficer.set(e.officerId, [e.variable]);
  }
  if (byOfficer.size === 0) return null;
  const order = [...byOfficer.keys()].map((id) => ({ id, key: random() })).sort((a, b) => a.key - b.key);
  const free = new Set<number>();
  let officers = 0;
  for (const { id } of order) {
    const cells = byOfficer.get(id)!;
    // Always at least two officers: one alone is a best response the engine needs no LP for.
    if (officers >= 2 && free.size + cells.length > budget) break;
    cells.forEach((v) => free.add(v));
    officers++;
  }
  return { officers, free };
}
