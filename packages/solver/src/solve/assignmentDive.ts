import type { RotaModel } from '../model/rotaModel.js';
import { generateColumns } from './colgen.js';
import { assignmentWeights, roundedChoice } from './masterChoice.js';
import type { DiveHooks } from './dive.js';
import { DriftGuard, type StepDecision } from './driftGuard.js';
import type { LnsContext } from './lns.js';
import type { PatternPool } from './master.js';
import { holds, type Pricer } from './pricer.js';
import { keepsFixings, rosterKeeping, type BlockFixings } from './pricing.js';

/**
 * Most column generation rounds per dive step: the LP re-converges around each step's fixings
 * before the next (with 2 rounds and a fifth decided a step, Instance7's dive sank from 1054
 * to 1459).
 */
const STEP_ROUNDS = 8;
/** A step's generation stops once the master is within this share of the step's Lagrangian bound. */
const STEP_GAP = 0.001;

/**
 * Share of the fractional officer-days decided per step (at least one), when time allows.
 * Measured on Curtois 7: 0.2 took the LP from 1054 to 1272 within 14 steps; 0.05 held it
 * near 1055 for 18 steps. A dive short of time decides more per step, up to `MAX_SHARE`.
 */
const DECIDE_SHARE = 0.05;
const MAX_SHARE = 0.5;
/** Officer-days whose heaviest option weighs this much are all decided together in one step. */
const SURE = 0.999;

/**
 * The fixings of the last step whose master stayed within this share of the dive's first LP
 * value are where the dive was still on course. The integer master over the rosters that keep
 * them (a few hundred) ends the dive: on Curtois 5 and 9 it found 1145 and 440 in 0.1–0.2 s
 * where the dive's own rounding gave 1352 and 547 in other runs.
 */
const SNAPSHOT_SLACK = 0.01;
/** Most seconds that integer master gets. */
const SNAPSHOT_MASTER_SECONDS = 3;

/**
 * Share of a neighbourhood dive's time its first step may take. At a share fitted to the dive's
 * steps (0.1–0.3 s) Instance12's first step was one round, whose master was still the incumbent's.
 */
const FIRST_STEP_SHARE = 0.25;

/** An officer-day's option counts as decided by the LP above this weight. */
const INTEGRAL = 1 - 1e-6;

/** One officer-day's options: the block columns of its shifts (off is none of them). */
export interface OfficerDay {
  block: number;
  /** Day index in the horizon. */
  day: number;
  cols: number[];
}

/** Every officer's assignable block columns, grouped by day (a column fixed at zero is no option). */
export function officerDays(model: RotaModel, pool: PatternPool): OfficerDay[] {
  const { blocks } = pool.split;
  const position = new Map<number, [number, number]>();
  blocks.forEach((block, b) => block.cols.forEach((c, i) => position.set(c, [b, i])));
  const byKey = new Map<string, OfficerDay>();
  for (const e of model.assignEntries()) {
    const at = position.get(e.variable);
    if (!at || (model.lp.lower[e.variable] === 0 && model.lp.upper[e.variable] === 0)) continue;
    const dayIndex = model.ctx.shiftById.get(e.shiftId)!.dayIndex;
    const key = `${at[0]}:${dayIndex}`;
    const day = byKey.get(key) ?? { block: at[0], day: dayIndex, cols: [] };
    day.cols.push(at[1]);
    byKey.set(key, day);
  }
  return [...byKey.values()];
}

/** What the LP says of one open officer-day: its heaviest option (a column, or −1 for off) and that weight. */
function heaviestOption(day: OfficerDay, weights: Float64Array): { option: number; weight: number } {
  let on = 0;
  let best = { option: -1, weight: 0 };
  for (const i of day.cols) {
    on += weights[i];
    if (weights[i] > best.weight) best = { option: i, weight: weights[i] };
  }
  return 1 - on > best.weight ? { option: -1, weight: 1 - on } : best;
}

/**
 * A dive that decides single officer-days rather than whole rosters: after column generation
 * re-converges, the officer-days the master LP is surest of but has not settled (a shift, or
 * off) are fixed, pricing keeps to them, and generation goes on, until the LP's rosters agree on
 * every day. An officer whose LP mixes two rosters keeps the days they share open to whatever the
 * others' fixings need. Measured at 60 s against fixing whole rosters (a tenth of the officers a
 * step): Curtois 5 1144–1147 → 1143, 6 1952 → 1950, 9 449–580 → 439, 11 3447–3459 → 3443.
 * A step whose decisions made the master drift is undone and its options barred (DriftGuard).
 * Returns a pattern per officer (the last LP rounded if time ran out), or null; before that,
 * `hooks.integerMaster` is run over the rosters that keep the last on-course fixings, then
 * `hooks.completeFixings` with those fixings and the rounded choice.
 */
export async function diveByAssignments(model: RotaModel, lns: LnsContext, pool: PatternPool, pricer: Pricer, seconds: number, hooks: DiveHooks = {}): Promise<number[] | null> {
  const started = performance.now();
  const left = () => Math.min(lns.remaining(), seconds - (performance.now() - started) / 1000);
  const fixed: ReadonlyMap<number, number> = hooks.fixed ?? new Map();
  const days = officerDays(model, pool).filter((d) => !fixed.has(d.block));
  // Each step gives an officer a new map of fixings, never changing one already set: a copy of
  // the outer map is a snapshot.
  const fixings = new Map<number, ReadonlyMap<number, 0 | 1>>();
  let steps = 0;
  let lastValues: Float64Array | null = null;
  // Steps still to go: deciding a share of what is open each step takes about ln(open) / share.
  const stepsLeft = (open: number, share: number) => (Math.log(Math.max(1, open * share)) + 1) / share;
  let estimate = stepsLeft(days.length / 2, DECIDE_SHARE);
  let stepSeconds = 0;
  const settled = new Set<OfficerDay>();
  let rootValue: number | null = null;
  let snapshot: ReadonlyMap<number, ReadonlyMap<number, 0 | 1>> | null = null;
  const guard = new DriftGuard();
  while (!lns.stop() && left() > 0.3) {
    const stepStarted = performance.now();
    // A neighbourhood is judged by its first step: its LP needs rounds enough to move off the incumbent.
    const budget = steps === 0 && hooks.abandonAt !== undefined ? left() * FIRST_STEP_SHARE : left() / Math.max(1, estimate);
    const round = await generateColumns(model, lns, pool, pricer, Math.max(0.3, budget), { betweenRounds: hooks.betweenRounds, fixed, fixings, maxRounds: STEP_ROUNDS, stopGap: STEP_GAP });
    if (!round.lpValues || !round.prices) break;
    if (steps === 0 && hooks.abandonAt !== undefined && round.masterValue! <= hooks.abandonAt) return null;
    rootValue ??= round.masterValue!;
    const undone = guard.undoIfDrifted(round.masterValue!, rootValue, fixings, settled);
    if (undone > 0) {
      if (process.env.PATROLPLAN_TRACE && !hooks.fixed) lns.log.push(`dive step undone: master ${round.masterValue!.toFixed(2)}, ${undone} decisions`);
      continue;
    }
    if (round.masterValue! >= rootValue - SNAPSHOT_SLACK * Math.max(1, Math.abs(rootValue))) snapshot = new Map(fixings);
    lastValues = round.lpValues;
    steps++;
    const weights = assignmentWeights(pool, round.lpValues);
    const open = guard.allowed(
      days
        .filter((d) => !settled.has(d))
        .map((day) => ({ day, ...heaviestOption(day, weights[day.block]) }))
        .filter((d) => d.weight < INTEGRAL)
        .sort((a, b) => b.weight - a.weight),
    );
    if (open.length === 0) break;
    // A dive short of time decides more per step (the LP rounded part-way is worse than a coarse dive).
    const took = (performance.now() - stepStarted) / 1000;
    stepSeconds = stepSeconds === 0 ? took : 0.7 * stepSeconds + 0.3 * took;
    const affordable = Math.max(1, left() / Math.max(0.05, stepSeconds));
    let share = DECIDE_SHARE;
    while (share < MAX_SHARE && stepsLeft(open.length, share) > affordable) share *= 1.25;
    estimate = stepsLeft(open.length, share);
    const take = Math.max(1, Math.ceil(open.length * share), open.filter((d) => d.weight >= SURE).length);
    if (process.env.PATROLPLAN_TRACE && !hooks.fixed) lns.log.push(`dive step ${steps}: master ${round.masterValue!.toFixed(2)} after ${round.rounds} rounds, ${open.length} open, deciding ${take} (share ${share.toFixed(3)}), step ${took.toFixed(2)} s`);
    const decisions: StepDecision[] = [];
    for (const { day, option } of open.slice(0, take)) {
      const before = fixings.get(day.block);
      const fixes = new Map(before ?? []);
      if (option >= 0) fixes.set(option, 1);
      else for (const i of day.cols) fixes.set(i, 0);
      // Every officer needs a roster that keeps their fixings, or the master has none for them.
      if (!ensureRoster(model, pool, pricer, day.block, round.prices, fixes)) continue;
      fixings.set(day.block, fixes);
      settled.add(day);
      decisions.push({ day, option, before });
    }
    // Nothing could be decided without breaking an officer's rules: the LP as it stands.
    if (decisions.length === 0) break;
    guard.record(round.masterValue!, decisions);
  }
  if (!lastValues) return null;
  if (hooks.integerMaster && snapshot && snapshot.size > 0) {
    const kept = snapshot;
    const admit = (k: number) => {
      const { block, values } = pool.patterns[k];
      return fixed.has(block) ? fixed.get(block) === k : keepsFixings(values, kept.get(block));
    };
    await hooks.integerMaster(SNAPSHOT_MASTER_SECONDS, admit);
  }
  const rounded = roundedChoice(pool, lastValues);
  const choice = rounded.map((k, b) => fixed.get(b) ?? k);
  if (hooks.completeFixings && snapshot && snapshot.size > 0 && choice.every((k) => k >= 0)) await hooks.completeFixings(snapshot, fixed, choice);
  if (!hooks.fixed) lns.log.push(`assignment dive: ${steps} steps, ${settled.size} of ${days.length} officer-days decided`);
  return choice.some((k) => k < 0) ? null : choice;
}

/** Whether officer `b` has a pooled roster keeping `fixes`, pricing one in if not. */
export function ensureRoster(model: RotaModel, pool: PatternPool, pricer: Pricer, b: number, prices: Float64Array, fixes: BlockFixings): boolean {
  if (pool.patterns.some((p) => p.block === b && keepsFixings(p.values, fixes))) return true;
  const values = rosterKeeping(model, pool, pricer, b, prices, fixes);
  if (!values || !holds(pool.split.blocks[b], values)) return false;
  pool.add(b, values);
  return true;
}
