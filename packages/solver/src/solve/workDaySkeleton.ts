import type { Engine } from '../engines/index.js';
import type { LinearModel, Term } from '../model/linear.js';
import type { RotaModel } from '../model/rotaModel.js';
import { coverTargets } from '../rules/coverTargets.js';
import { officerDays, type OfficerDay } from './assignmentDive.js';
import { generateColumns } from './colgen.js';
import { solveInSupport } from './fixingsMip.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import type { Pricer } from './pricer.js';
import { extendFixings, type AssignmentFixings, type BlockFixings } from './pricing.js';
import { workDayCandidates } from './workDayBranching.js';
import { roundedByLp } from './skeletonRounding.js';

/** A weekend skeleton: which capped weekend days each officer works, as dive fixings. */
export interface WorkDaySkeleton {
  /** Per officer (block): the weekend days worked (a work day each) and those off (fixed at 0). */
  fixings: AssignmentFixings;
  /** The skeleton master's objective (cover on other days counted per day, not per shift). */
  objective: number;
  /** Weekend officer-days decided, and how many of them worked. */
  decided: number;
  worked: number;
}

/** Most seconds the engine gets to choose the skeleton (it proved one optimal in 3.4–5.5 s). */
const SKELETON_SECONDS = 6;
/** Most seconds generation gets under the skeleton (it came within the gap in 3.7–4.9 s). */
const SKELETON_GENERATION_SECONDS = 8;
/** Generation under the skeleton stops once the master is within this share of its bound. */
const SKELETON_GAP = 0.001;
/** A roster's value counts as nonzero above this. */
const VALUE_EPSILON = 1e-6;
/**
 * The skeleton is set aside (the caller dives) when its master's LP, with other days' cover
 * summed, costs less than the master LP by more than this share: cover by shift on those days is
 * then much of the cost, and no weekend pattern settles it. Curtois Instance8: its integer
 * skeleton 831 summed against a master at 1299.9 (its optimum is 1300); landed there, it gave
 * 1326, 1420 and 1424 (1305–1323 diving). Instance12: summed LP 4061.3 against a master at
 * 4065.7. Checked on the LP, before the engine runs, so Instance8 loses no time to it.
 */
const LOOSE_SUMMED = 0.02;
/** Most seconds the engine gets in the master LP's support. */
const SUPPORT_SECONDS = 8;

/**
 * A rota landed on a weekend skeleton, for an unconverged master where a dive drifts: the
 * skeleton chosen (workDaySkeleton), generation under it, then the compact model in the support
 * of the master LP under it (solveInSupport). Returns the full point, or null. On Curtois
 * Instance12 after 24 s of generation, in four harness runs: 4058, 4056, 4059 and 4057 about 12
 * s later (the bar there is 4120), where the dive from the same master landed 4293–4491 after
 * 17–19 s, and a dive under the skeleton 4157.
 */
export async function skeletonLanding(model: RotaModel, engine: Engine, lns: LnsContext, pool: PatternPool, pricer: Pricer, masterValue: number, betweenRounds?: () => Promise<void>): Promise<Float64Array | null> {
  const skeleton = await workDaySkeleton(model, engine, lns, pool, SKELETON_SECONDS, masterValue);
  if (!skeleton) return null;
  const under = await generateColumns(model, lns, pool, pricer, SKELETON_GENERATION_SECONDS, { betweenRounds, fixings: skeleton.fixings, stopGap: SKELETON_GAP });
  if (!under.lpValues || lns.remaining() <= 0.3) return null;
  lns.log.push(`master under the weekend skeleton: ${under.masterValue?.toFixed(2)} after ${under.rounds} rounds`);
  return solveInSupport(model, engine, lns, pool, under.lpValues, Math.min(SUPPORT_SECONDS, lns.remaining()));
}

/**
 * Which weekend days each officer with capped weekends works, chosen once, before the first
 * dive of an unconverged master: the integer master over the pooled rosters, one each, with
 * the staffing targets of every other day summed per day (heads that day, whatever the shift).
 *
 * Why: where weekends are capped and cover is short at weekends, the weekend pattern is the
 * rota's hard core (see workDayCandidates). Curtois Instance12's master never converges within
 * the minute and its dives decided shifts on a drifting LP: they landed 4290–4574 against a
 * master near 4067, with one to four heads more short at weekends than the optimum (4040). The
 * pooled rosters hold good weekend patterns but not rosters that fit each other on weekdays,
 * so the integer master over every row found only 4590–5250 in 3 s. Summed per day, weekdays
 * only ask for heads, which re-generation under the chosen weekends then places on shifts:
 * measured from generation after 20, 24 and 28 s, the master under the skeleton was 4061.7,
 * 4057.0 and 4046.0 (the published roster's weekends give 4046.3, a stuck 4278 rota's 4163),
 * where every weekday row kept gave 4084 and 4078.7, dropped altogether 4065 and 4173.7, and the
 * LP's own weekend weights rounded 4259 and 4263.
 * Null, with a line in the log, when the summed LP is looser than `masterValue` (the master LP's
 * value) by more than `LOOSE_SUMMED`; null too when the LP or the engine finds no skeleton.
 */
export async function workDaySkeleton(model: RotaModel, engine: Engine, lns: LnsContext, pool: PatternPool, seconds: number, masterValue: number): Promise<WorkDaySkeleton | null> {
  const [capped] = workDayCandidates(model, officerDays(model, pool));
  if (!capped || seconds <= 0.1) return null;
  const started = performance.now();
  const keep = new Set(capped.map((d) => d.day));
  // Checked before the incumbent's rosters join the pool: where the skeleton is set aside, the
  // dive that follows sees the pool as generation left it.
  const summed = await relaxationValue(engine, lns, skeletonMaster(model, pool, keep, false));
  if (summed === null) return null;
  if (summed > masterValue + LOOSE_SUMMED * Math.max(1, Math.abs(masterValue))) {
    lns.log.push(`weekend skeleton set aside: summed cover ${summed.toFixed(1)} in the LP against the master's ${masterValue.toFixed(1)}`);
    return null;
  }
  const best = lns.getBest();
  if (best) pool.addPoint(best.values);
  const rounding = await roundedByLp(engine, lns, pool, capped, skeletonMaster(model, pool, keep, false));
  const rounded = rounding?.values ?? null;
  const session = await engine.open(skeletonMaster(model, pool, keep, true));
  try {
    const left = seconds - (performance.now() - started) / 1000;
    const partialStart = rounded ? new Map(pool.patterns.map((_, k) => [k, rounded[k] > 0.5 ? 1 : 0] as [number, number])) : undefined;
    const run = session.run({ timeLimitSeconds: Math.max(0.1, Math.min(left, lns.remaining())), gapTolerance: lns.tolerance, partialStart, shouldStop: lns.stop, onTick: lns.tick });
    const values = run.values ?? rounded;
    if (!values) return null;
    const chosen = new Map<number, Float64Array>();
    pool.patterns.forEach((p, k) => values[k] > 0.5 && chosen.set(p.block, p.values));
    const fixings = skeletonFixings(capped, chosen);
    if (!fixings) return null;
    const worked = capped.filter((d) => d.cols.some((i) => chosen.get(d.block)![i] > 0.5)).length;
    const objective = run.objective ?? -Infinity;
    lns.log.push(`weekend skeleton: ${worked} of ${capped.length} officer-days worked, ${run.status} in ${((performance.now() - started) / 1000).toFixed(1)} s, ${objective.toFixed(1)} with other days' cover summed (LP ${rounding?.lpObjective.toFixed(1)}, rounded ${rounding?.objective.toFixed(1)})`);
    return { fixings, objective, decided: capped.length, worked };
  } finally {
    session.dispose();
  }
}

/** A relaxation's optimal value, or null. */
async function relaxationValue(engine: Engine, lns: LnsContext, relaxation: LinearModel): Promise<number | null> {
  const session = await engine.open(relaxation);
  try {
    const run = session.run({ timeLimitSeconds: Math.max(0.1, lns.remaining()), shouldStop: lns.stop });
    return run.status === 'optimal' ? (run.objective ?? null) : null;
  } finally {
    session.dispose();
  }
}

/**
 * The pooled rosters' master with the staffing targets of days outside `keep` summed per day
 * (see sumCoverOutside). Rosters that break a hard rule (pooled from early rotas, such as a
 * construction's part-built ones) are left out.
 */
export function skeletonMaster(model: RotaModel, pool: PatternPool, keep: ReadonlySet<number>, integer: boolean): LinearModel {
  const master = pool.master(integer);
  sumCoverOutside(model, master, keep);
  const penalty = model.ctx.policy.hardViolationPenalty;
  const breaks = pool.patterns.map((p) => {
    const cols = pool.split.blocks[p.block].cols;
    return p.values.some((v, i) => v > VALUE_EPSILON && model.lp.cost[cols[i]] <= -penalty);
  });
  // An officer with no lawful roster pooled keeps the others (the master needs one each).
  const lawful = new Set(pool.patterns.filter((_, k) => !breaks[k]).map((p) => p.block));
  pool.patterns.forEach((p, k) => breaks[k] && lawful.has(p.block) && master.fix(k, 0));
  return master;
}

/** The chosen rosters' weekend days as fixings; null when some officer has no roster chosen. */
function skeletonFixings(days: readonly OfficerDay[], chosen: ReadonlyMap<number, Float64Array>): AssignmentFixings | null {
  const fixings = new Map<number, BlockFixings>();
  for (const day of days) {
    const values = chosen.get(day.block);
    if (!values) return null;
    const works = day.cols.some((i) => values[i] > 0.5);
    const fixes = fixings.get(day.block);
    fixings.set(day.block, works ? extendFixings(fixes, [], day.cols) : extendFixings(fixes, day.cols.map((i) => [i, 0] as const)));
  }
  return fixings;
}

/**
 * Replaces the staffing-target rows of every day outside `keep` by their sums per day and kind
 * (short, over): a relaxation, since each sum is implied by its rows, that counts heads per day
 * whatever the shift. Each kept row's own slack stays in its sum, so a head short still costs
 * the target's weight.
 */
function sumCoverOutside(model: RotaModel, master: LinearModel, keep: ReadonlySet<number>): void {
  const sums = new Map<string, { terms: Term[]; lower: number }>();
  for (const row of master.rows) {
    if (row.origin?.ruleId !== coverTargets.id || !row.origin.shiftId) continue;
    const day = model.ctx.shiftById.get(row.origin.shiftId)?.dayIndex;
    if (day === undefined || keep.has(day) || row.upper !== Infinity) continue;
    const key = `${row.name.split(':')[0]}@${day}`;
    const sum = sums.get(key) ?? { terms: [], lower: 0 };
    sum.terms.push(...row.terms);
    sum.lower += row.lower;
    sums.set(key, sum);
    row.lower = -Infinity;
  }
  for (const [key, { terms, lower }] of sums) master.addRow(`summed ${key}`, terms, lower, Infinity);
}
