import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import type { RotaModel } from '../../src/model/rotaModel.js';
import { diveByAssignments } from '../../src/solve/assignmentDive.js';
import { diveAround, neighbourhoodDives } from '../../src/solve/dive.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { patternWeight } from '../../src/solve/masterChoice.js';
import { decompose } from '../../src/solve/decompose.js';
import { searchState } from '../../src/solve/lns.js';
import { PatternPool } from '../../src/solve/master.js';
import { Pricer } from '../../src/solve/pricer.js';
import { keepsFixings, rosterKeeping } from '../../src/solve/pricing.js';
import { solveUnderFixings } from '../../src/solve/fixingsMip.js';
import { section, TINY, week } from '../benchmark/nrpFixtures.js';

/**
 * Three interchangeable officers (both shift types, the same limits) for Tiny's cover: the master
 * LP mixes their rosters, so a dive has officer-days to decide.
 */
const SHARED = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,', 'N,480,D'),
  section('STAFF', ...['A', 'B', 'C'].map((id) => `${id},D=7|N=7,2400,960,3,2,2,1`)),
  section('SHIFT_ON_REQUESTS', 'A,0,D,3', 'B,4,N,2', 'C,2,N,1'),
  section('SHIFT_OFF_REQUESTS', 'A,2,D,5'),
  section('COVER', ...week('D', 10), ...week('N', 10)),
].join('');

/** Column generation converged on `instance`, from the compact optimum's rosters or (`fromOptimum` false) each officer's own best. */
async function generated(instance = TINY, fromOptimum = true) {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(instance, 'Test'))));
  const split = decompose(model);
  const pool = new PatternPool(model.lp, split);
  const pricer = new Pricer(highsEngine, split);
  const { lns, setDeadline } = searchState(model, 1e-6, () => false);
  setDeadline(30);
  const optimum = (await highsEngine.open(model.lp)).run({ timeLimitSeconds: 5 }).values!;
  if (fromOptimum) pool.addPoint(optimum);
  else for (let b = 0; b < split.blocks.length; b++) pool.add(b, pricer.seedByLabels(model, b, false)!);
  const round = await generateColumns(model, lns, pool, pricer, 15);
  return { model, pool, pricer, lns, prices: round.prices!, optimum };
}

/** Officer `officer`'s block column for shift type `type` on `day`. */
function column(model: RotaModel, pool: PatternPool, officer: number, day: number, type: string): number {
  const entry = model.assignEntries().find((e) => e.officerId === model.ctx.officers[officer].id && model.ctx.shiftById.get(e.shiftId)!.dayIndex === day && model.ctx.shiftById.get(e.shiftId)!.shiftTypeId === type)!;
  return pool.split.blocks[officer].cols.indexOf(entry.variable);
}

describe('dives that decide officer-days', () => {
  it('ends with a pooled roster per officer that keeps their rules, every officer-day decided by the LP', async () => {
    const { model, pool, pricer, lns } = await generated();
    const choice = (await diveByAssignments(model, lns, pool, pricer, 10))!;
    pricer.dispose();
    expect(choice.map((k) => pool.patterns[k].block)).toEqual([0, 1]);
    const point = pool.pointOfChoice(choice)!;
    for (const block of pool.split.blocks) expect(block.lp.check(block.cols.map((c) => point[c])).maxViolation).toBeLessThan(1e-6);
    // B's day 1 is a day off (no options): A's 7 days and B's other 6 are the officer-days.
    // (Tiny's LP is integral at once, so nothing needs deciding; fixing is tested below.)
    expect(lns.log.at(-1)).toMatch(/^assignment dive: \d+ steps, \d+ of 13 officer-days decided/);
  });

  it('decides the officer-days a fractional LP leaves open, and ends with the integer master over rosters that keep them', async () => {
    const { model, pool, pricer, lns } = await generated(SHARED, false);
    const admitted: number[][] = [];
    const choice = (await diveByAssignments(model, lns, pool, pricer, 10, { integerMaster: async (_, admit) => admitted.push(pool.patterns.map((_, k) => k).filter(admit)) }))!;
    pricer.dispose();
    expect(lns.log.at(-1)).toMatch(/^assignment dive: \d+ steps, [1-9]\d* of 21 officer-days decided/);
    expect(admitted).toHaveLength(1);
    // Every officer keeps a roster in the integer master, and some rosters are left out.
    expect(new Set(admitted[0].map((k) => pool.patterns[k].block))).toEqual(new Set([0, 1, 2]));
    expect(admitted[0].length).toBeLessThan(pool.patterns.length);
    const point = pool.pointOfChoice(choice)!;
    for (const block of pool.split.blocks) expect(block.lp.check(block.cols.map((c) => point[c])).maxViolation).toBeLessThan(1e-6);
  });

  it('prices rosters that keep the fixings, and none where the fixings break an officer’s rules', async () => {
    const { model, pool, pricer, prices } = await generated();
    // A on D on day 2, which A asked off: a roster keeps it, at the request's price.
    const askedOff = column(model, pool, 0, 2, 'D');
    const forced = new Map<number, 0 | 1>([[askedOff, 1]]);
    const roster = rosterKeeping(model, pool, pricer, 0, prices, forced)!;
    expect(roster[askedOff]).toBe(1);
    expect(pool.split.blocks[0].lp.check(roster).maxViolation).toBeLessThan(1e-6);
    // B on day 1, a day off in the instance: nothing keeps that.
    expect(rosterKeeping(model, pool, pricer, 1, prices, new Map([[column(model, pool, 1, 1, 'N'), 1]]))).toBeNull();
    pricer.dispose();
  });

  it('leaves rosters that disagree with the fixings out of the master', async () => {
    const { model, pool, pricer, lns } = await generated();
    const worksDay0 = column(model, pool, 0, 0, 'D');
    // Whatever the LP chose for A on day 0, fix the opposite.
    const round = await generateColumns(model, lns, pool, pricer, 5);
    const onDay0 = pool.patterns.reduce((s, p, k) => s + (p.block === 0 ? patternWeight(pool, round.lpValues!, k) * p.values[worksDay0] : 0), 0);
    const fixes = new Map<number, 0 | 1>([[worksDay0, onDay0 > 0.5 ? 0 : 1]]);
    const fixed = await generateColumns(model, lns, pool, pricer, 5, { fixings: new Map([[0, fixes]]), maxRounds: 3 });
    pricer.dispose();
    pool.patterns.forEach((p, k) => {
      if (p.block === 0 && !keepsFixings(p.values, fixes)) expect(patternWeight(pool, fixed.lpValues!, k)).toBe(0);
    });
    const weight = pool.patterns.reduce((s, p, k) => s + (p.block === 0 ? patternWeight(pool, fixed.lpValues!, k) : 0), 0);
    expect(weight).toBeCloseTo(1, 6);
    // No bound is claimed for the whole problem under fixings.
    expect(fixed.bound).toBeNull();
  });

  it('keeps the officers outside the neighbourhood at the incumbent’s rosters', async () => {
    const { model, pool, pricer, lns, optimum } = await generated();
    const start = pool.startFor(optimum);
    const optimal = pool.patterns.map((_, k) => k).filter((k) => start[k] > 0.5);
    // An incumbent with A on another pooled roster of A's.
    const other = pool.patterns.findIndex((p, k) => p.block === 0 && !optimal.includes(k));
    expect(other).toBeGreaterThanOrEqual(0);
    const incumbent = optimum.slice();
    pool.split.blocks[0].cols.forEach((c, i) => (incumbent[c] = pool.patterns[other].values[i]));
    // B free, A kept: A's roster is the incumbent's, not the optimal one.
    const keepA = (await diveAround(model, lns, pool, pricer, incumbent, new Set([1]), 10))!;
    expect(keepA[0]).toBe(other);
    // A free, B kept at the incumbent's (optimal) roster.
    const keepB = (await diveAround(model, lns, pool, pricer, incumbent, new Set([0]), 10))!;
    pricer.dispose();
    expect(optimal).toContain(keepB[1]);
    expect(pool.patterns[keepB[0]].block).toBe(0);
  });

  it('neighbourhood dives from the optimum are each given up, and each hands the thread to the next search in turn', async () => {
    const { model, pool, pricer, lns, optimum } = await generated();
    expect(lns.accept(optimum, 'optimum')).toBe(true);
    let turns = 0;
    let settled = 0;
    const ended = await neighbourhoodDives(model, lns, pool, pricer, async () => void settled++, async () => undefined, () => false, { afterAbandoned: async () => void turns++ });
    pricer.dispose();
    // No neighbourhood's LP beats the optimum: three given up in a row, and a turn after each.
    expect(ended).toBe('stalled');
    expect(settled).toBe(0);
    expect(turns).toBe(3);
  });

  it('completes a dive’s fixings on the compact model: the fixings hold and the rest is optimal under them', async () => {
    const { model, pool, pricer, lns, prices, optimum } = await generated();
    // A on D on day 2, which A asked off; B as in the optimum.
    const askedOff = column(model, pool, 0, 2, 'D');
    const fixes = new Map<number, 0 | 1>([[askedOff, 1]]);
    pool.add(0, rosterKeeping(model, pool, pricer, 0, prices, fixes)!);
    const start = pool.startFor(optimum);
    const choice = [pool.patterns.findIndex((p) => p.block === 0 && keepsFixings(p.values, fixes)), pool.patterns.findIndex((p, k) => p.block === 1 && start[k] > 0.5)];
    const point = (await solveUnderFixings(model, highsEngine, lns, pool, new Map([[0, fixes]]), new Map(), choice, 10))!;
    pricer.dispose();
    expect(point[pool.split.blocks[0].cols[askedOff]]).toBe(1);
    expect(model.lp.check(point, 1e-6).maxViolation).toBeLessThan(1e-6);
    // The compact MIP with that one assignment fixed, solved whole, agrees.
    const variable = pool.split.blocks[0].cols[askedOff];
    const session = await highsEngine.open(model.lp);
    session.setBounds([variable], [1], [1]);
    const whole = session.run({ timeLimitSeconds: 10 });
    session.dispose();
    expect(model.lp.objectiveOf(point)).toBeCloseTo(whole.objective!, 6);
    // It costs something: the optimum does not work A on day 2.
    expect(model.lp.objectiveOf(point)).toBeLessThan(model.lp.objectiveOf(optimum));
  });
});
