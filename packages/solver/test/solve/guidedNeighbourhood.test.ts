import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { buildModel } from '../../src/model/build.js';
import { guidedNeighbourhood, weeklyGuidedNeighbourhood } from '../../src/solve/guidedNeighbourhood.js';
import { prng } from '../../src/solve/neighbourhoods.js';
import { section } from '../benchmark/nrpFixtures.js';

/** One week, one shift type, four officers. */
const WEEK = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,'),
  section('STAFF', ...['A', 'B', 'C', 'D'].map((id) => `${id},D=7,4800,0,5,1,1,2`)),
  section('COVER', ...Array.from({ length: 7 }, (_, d) => `${d},D,2,100,1`)),
].join('');

function setUp() {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(WEEK, 'Week'))));
  const cell = (officer: string, day: number) => model.assignEntries().find((e) => e.officerId === officer && model.ctx.shiftById.get(e.shiftId)!.dayIndex === day)!.variable;
  return { model, cell };
}

describe('neighbourhoods guided by an LP relaxation', () => {
  it('frees exactly the assignments where the relaxation disagrees with the incumbent', () => {
    const { model, cell } = setUp();
    const incumbent = new Float64Array(model.lp.names.length);
    const guide = new Float64Array(model.lp.names.length);
    // Agreeing on A's day 0 (both 1); the LP is fractional on B's day 1 and says the opposite of the incumbent on C's day 2.
    incumbent[cell('A', 0)] = guide[cell('A', 0)] = 1;
    guide[cell('B', 1)] = 0.5;
    incumbent[cell('C', 2)] = 1;
    const hood = guidedNeighbourhood(model, guide, incumbent, 100, prng(1))!;
    expect([...hood.free].sort()).toEqual([cell('B', 1), cell('C', 2)].sort());
    expect(hood.kind).toBe('guided');
  });

  it('adds officers until the budget is spent, but never fewer than two', () => {
    const { model, cell } = setUp();
    const incumbent = new Float64Array(model.lp.names.length);
    const guide = new Float64Array(model.lp.names.length);
    // Every officer disagrees on three days.
    for (const officer of ['A', 'B', 'C', 'D']) for (const day of [0, 3, 5]) guide[cell(officer, day)] = 0.5;
    for (let seed = 1; seed <= 10; seed++) {
      expect(guidedNeighbourhood(model, guide, incumbent, 1, prng(seed))!.free.size).toBe(6);
      expect(guidedNeighbourhood(model, guide, incumbent, 9, prng(seed))!.free.size).toBe(9);
      expect(guidedNeighbourhood(model, guide, incumbent, 100, prng(seed))!.free.size).toBe(12);
    }
  });

  it('is null when the incumbent is what the relaxation says', () => {
    const { model, cell } = setUp();
    const incumbent = new Float64Array(model.lp.names.length);
    incumbent[cell('D', 4)] = 1;
    expect(guidedNeighbourhood(model, incumbent.slice(), incumbent, 100, prng(1))).toBeNull();
  });
});

/** Two weeks, one shift type, four officers. */
const FORTNIGHT = [
  section('HORIZON', '14'),
  section('SHIFTS', 'D,480,'),
  section('STAFF', ...['A', 'B', 'C', 'D'].map((id) => `${id},D=14,9600,0,5,1,1,2`)),
  section('COVER', ...Array.from({ length: 14 }, (_, d) => `${d},D,2,100,1`)),
].join('');

describe('weekly neighbourhoods guided by an LP relaxation', () => {
  function fortnight() {
    const model = buildModel(buildContext(nrpToScenario(parseNrp(FORTNIGHT, 'Fortnight'))));
    const cell = (officer: string, day: number) => model.assignEntries().find((e) => e.officerId === officer && model.ctx.shiftById.get(e.shiftId)!.dayIndex === day)!.variable;
    const incumbent = new Float64Array(model.lp.names.length);
    const guide = new Float64Array(model.lp.names.length);
    return { model, cell, incumbent, guide };
  }

  it("frees every officer's disagreements on the same days of every week, a day either side, and no others", () => {
    const { model, cell, incumbent, guide } = fortnight();
    // Around day 5 (a Saturday): days 4–6 and 11–13. Days 0, 2 and 8 are two or three days of the week away.
    for (const day of [4, 6, 11, 13, 0, 2, 8]) guide[cell('A', day)] = 0.5;
    for (const day of [5, 12]) incumbent[cell('B', day)] = 1;
    const hood = weeklyGuidedNeighbourhood(model, guide, incumbent, 6, prng(3), 5)!;
    expect([...hood.free].sort()).toEqual([4, 6, 11, 13].map((d) => cell('A', d)).concat([5, 12].map((d) => cell('B', d))).sort());
    expect(hood.kind).toBe('weekly');
  });

  it('reaches further from the day of the week while every disagreement there fits the budget', () => {
    const { model, cell, incumbent, guide } = fortnight();
    for (const day of [4, 6, 11, 13, 0, 2, 8]) guide[cell('A', day)] = 0.5;
    // Two days either side adds day 0 (a Monday, two from Saturday); three, days 2 and 8 as well.
    expect(weeklyGuidedNeighbourhood(model, guide, incumbent, 4, prng(3), 5)!.free.size).toBe(4);
    expect(weeklyGuidedNeighbourhood(model, guide, incumbent, 5, prng(3), 5)!.free.size).toBe(5);
    expect(weeklyGuidedNeighbourhood(model, guide, incumbent, 6, prng(3), 5)!.free.size).toBe(5);
    expect(weeklyGuidedNeighbourhood(model, guide, incumbent, 100, prng(3), 5)!.free.size).toBe(7);
  });

  it('is null when the incumbent is what the relaxation says on those days', () => {
    const { model, cell, incumbent, guide } = fortnight();
    guide[cell('C', 2)] = 1;
    expect(weeklyGuidedNeighbourhood(model, guide, incumbent, 0, prng(1), 5)).toBeNull();
  });
});
