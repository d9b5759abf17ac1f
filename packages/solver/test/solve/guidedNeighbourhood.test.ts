import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { buildModel } from '../../src/model/build.js';
import { guidedNeighbourhood } from '../../src/solve/guidedNeighbourhood.js';
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
