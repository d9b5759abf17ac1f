import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { FixAndOptimise, improve } from '../../src/solve/fixAndOptimise.js';
import { pointFor, searchState, solveNeighbourhood } from '../../src/solve/lns.js';
import { bandDue, dueBand, LARGE_WEEKEND_BAND_SECONDS, WEEKEND_BAND_SECONDS, weekendBands } from '../../src/solve/weekendBand.js';
import { section } from '../benchmark/nrpFixtures.js';
import { WEEKENDS } from './decomposedFixture.js';

const modelOf = (instance: string) => buildModel(buildContext(nrpToScenario(parseNrp(instance, 'Test'))));

/**
 * Two weeks from a Monday, one shift, two officers with one weekend each: each weekend day needs
 * one of them. A asks to work the second Saturday, B the first: who works which weekend is
 * all there is to decide, and moving it means changing both weekends at once.
 */
const SWAP = [
  section('HORIZON', '14'),
  section('SHIFTS', 'D,480,'),
  section('STAFF', 'A,D=14,4800,0,5,1,1,1', 'B,D=14,4800,0,5,1,1,1'),
  section('SHIFT_ON_REQUESTS', 'A,12,D,5', 'B,5,D,5'),
  section('COVER', ...Array.from({ length: 14 }, (_, d) => `${d},D,${d % 7 >= 5 ? 1 : 0},100,1`)),
].join('');

describe('weekendBand', () => {
  it('frees every officer, capped or not, from each Friday to Monday and nowhere else', () => {
    const model = modelOf(WEEKENDS);
    const band = weekendBands(model)[0];
    const dayOf = (v: number) => model.ctx.shiftById.get(model.assignEntries().find((e) => e.variable === v)!.shiftId)!.dayIndex;
    const bandDays = new Set([4, 5, 6, 7, 11, 12, 13]);
    for (const e of model.assignEntries()) expect(band.free.has(e.variable)).toBe(bandDays.has(model.ctx.shiftById.get(e.shiftId)!.dayIndex));
    expect(new Set([...band.free].map(dayOf))).toEqual(bandDays);
    expect(band.kind).toBe('weekends');
  });

  it('cuts each week in two three ways, each pair of blocks covering the horizon once', () => {
    const model = modelOf(WEEKENDS);
    const bands = weekendBands(model);
    const daysOf = (free: Set<number>) => [...new Set(model.assignEntries().filter((e) => free.has(e.variable)).map((e) => model.ctx.shiftById.get(e.shiftId)!.dayIndex))].sort((a, b) => a - b);
    // The fixture starts on a Monday: days 5, 6 and 12, 13 are its weekends.
    expect(bands.map((b) => [b.kind, daysOf(b.free)])).toEqual([
      ['weekends', [4, 5, 6, 7, 11, 12, 13]],
      ['midweek', [0, 1, 2, 3, 8, 9, 10]],
      ['weekends', [3, 4, 5, 6, 10, 11, 12, 13]],
      ['midweek', [0, 1, 2, 7, 8, 9]],
      // No weekend before the first Monday: Saturday to Tuesday leaves it to the days between.
      ['weekends', [5, 6, 7, 8, 12, 13]],
      ['midweek', [0, 1, 2, 3, 4, 9, 10, 11]],
    ]);
    const all = model.assignEntries().length;
    for (let i = 0; i < bands.length; i += 2) {
      expect(bands[i].free.size + bands[i + 1].free.size).toBe(all);
      for (const v of bands[i].free) expect(bands[i + 1].free.has(v)).toBe(false);
    }
  });

  it('is null where no officer has fewer weekends than the horizon', () => {
    // A's and B's one weekend of two becomes two, like C's.
    const uncapped = WEEKENDS.replaceAll('4,2,2,1\r\n', '4,2,2,2\r\n');
    expect(uncapped).not.toBe(WEEKENDS);
    expect(weekendBands(modelOf(uncapped))).toEqual([]);
  });

  /** `count` officers on four shifts over two weeks, one weekend each: 28 open columns each in Friday to Monday. */
  const teamOf = (count: number) => {
    const officers = Array.from({ length: count }, (_, i) => `O${i},E=14|D=14|L=14|N=14,4800,0,5,1,1,1`);
    return [section('HORIZON', '14'), section('SHIFTS', 'E,480,', 'D,480,', 'L,480,', 'N,480,'), section('STAFF', ...officers), section('COVER', '5,D,1,100,1')].join('');
  };

  it('is null when the band is too large to solve whole', () => {
    expect(weekendBands(modelOf(teamOf(80)))).toEqual([]);
  });

  it('is Friday to Monday alone where that band is too large to cut the week three ways', () => {
    // 50 officers: 1,400 open columns from Friday to Monday, above WEEKEND_CUTS_MAX_OPEN.
    const bands = weekendBands(modelOf(teamOf(50)));
    expect(bands.map((b) => b.name)).toEqual(['every officer over the 2 weekends, Friday to Monday']);
    expect(weekendBands(modelOf(teamOf(40))).length).toBe(6);
  });

  it('gives the large Friday-to-Monday band less time than the blocks of a week cut three ways', () => {
    expect(weekendBands(modelOf(teamOf(50))).map((b) => b.seconds)).toEqual([LARGE_WEEKEND_BAND_SECONDS]);
    expect(new Set(weekendBands(modelOf(teamOf(40))).map((b) => b.seconds))).toEqual(new Set([WEEKEND_BAND_SECONDS]));
    expect(LARGE_WEEKEND_BAND_SECONDS).toBeLessThan(WEEKEND_BAND_SECONDS);
  });

  it('moves weekends between officers, which a window over one weekend cannot', async () => {
    const model = modelOf(SWAP);
    const { lns, setDeadline } = searchState(model, 1e-9, () => false);
    setDeadline(30);
    // Against the requests: A works the first weekend, B the second.
    const works = (officerId: string, day: number) => (officerId === 'A' ? day === 5 || day === 6 : day === 12 || day === 13);
    const start = (await pointFor(model, highsEngine, lns, new Map(model.assignEntries().map((e) => [e.variable, works(e.officerId, model.ctx.shiftById.get(e.shiftId)!.dayIndex) ? 1 : 0]))))!;
    const optimum = (await highsEngine.open(model.lp)).run({ timeLimitSeconds: 10, gapTolerance: 1e-9 });
    expect(model.lp.objectiveOf(start)).toBeLessThan(optimum.objective! - 9);

    const firstWeekend = model.assignEntries().filter((e) => model.ctx.shiftById.get(e.shiftId)!.dayIndex <= 8).map((e) => e.variable);
    const window = await solveNeighbourhood(model, highsEngine, lns, firstWeekend, start, 10);
    expect(model.lp.objectiveOf(window.values!)).toBeCloseTo(model.lp.objectiveOf(start), 6);

    const band = await solveNeighbourhood(model, highsEngine, lns, weekendBands(model)[0].free, start, 10);
    expect(model.lp.objectiveOf(band.values!)).toBeCloseTo(optimum.objective!, 6);
  });

  it('is what fix-and-optimise solves first from a new incumbent, and not again from its own', async () => {
    const model = modelOf(SWAP);
    const sources: string[] = [];
    const { lns, setDeadline } = searchState(model, 1e-9, () => false, (_, source) => sources.push(source));
    setDeadline(30);
    const works = (officerId: string, day: number) => (officerId === 'A' ? day === 5 || day === 6 : day === 12 || day === 13);
    const start = (await pointFor(model, highsEngine, lns, new Map(model.assignEntries().map((e) => [e.variable, works(e.officerId, model.ctx.shiftById.get(e.shiftId)!.dayIndex) ? 1 : 0]))))!;
    expect(lns.accept(start, 'start')).toBe(true);
    const state = new FixAndOptimise(model, highsEngine, 7);
    try {
      await improve(model, highsEngine, lns, { state, until: () => state.iteration >= 1 });
      expect(sources).toEqual(['start', 'lns every officer over the 2 weekends, Friday to Monday']);
      const from = state.bandTurns.from[0];
      await improve(model, highsEngine, lns, { state, until: () => state.iteration >= 8 });
      // The band's own rota changed nothing outside it, nor did the other bands after it: it was not solved again.
      expect(state.bandTurns.from[0]).toBe(from);
      expect(state.bandTurns.from.length).toBe(weekendBands(model).length);
    } finally {
      state.dispose();
    }
  });

  it('is due again only when the incumbent changed outside it', () => {
    const model = modelOf(WEEKENDS);
    const band = weekendBands(model)[0];
    const last = new Float64Array(model.lp.names.length);
    const inside = [...band.free][0];
    const outside = model.assignEntries().find((e) => !band.free.has(e.variable))!.variable;
    expect(bandDue(model, band, null, last)).toBe(true);
    expect(bandDue(model, band, last, last.slice())).toBe(false);
    const changedInside = last.slice();
    changedInside[inside] = 1;
    expect(bandDue(model, band, last, changedInside)).toBe(false);
    const changedOutside = last.slice();
    changedOutside[outside] = 1;
    expect(bandDue(model, band, last, changedOutside)).toBe(true);
  });

  it('gives each band its turn, from the one after the last solved, while it is due', () => {
    const model = modelOf(WEEKENDS);
    const bands = weekendBands(model);
    const turns = { from: [] as (Float64Array | null)[], next: 0 };
    const incumbent = new Float64Array(model.lp.names.length);
    const order = bands.map(() => dueBand(model, turns, incumbent));
    expect(order).toEqual(bands);
    expect(dueBand(model, turns, incumbent)).toBeNull();
    // A Friday changed: due again are the blocks without Fridays (Tuesday to Thursday, Monday to Wednesday, Saturday to Tuesday).
    const friday = model.assignEntries().find((e) => model.ctx.shiftById.get(e.shiftId)!.dayIndex === 4)!.variable;
    const changed = incumbent.slice();
    changed[friday] = 1;
    const due = [...bands.keys()].map(() => dueBand(model, turns, changed)).filter((b) => b !== null);
    expect(due.map((b) => b.name)).toEqual([bands[1], bands[3], bands[4]].map((b) => b.name));
    expect(dueBand(model, turns, changed)).toBeNull();
    // Then the second Tuesday: the blocks without Tuesdays, from the one after Saturday to Tuesday (the last solved) round.
    const tuesday = model.assignEntries().find((e) => model.ctx.shiftById.get(e.shiftId)!.dayIndex === 8)!.variable;
    changed[tuesday] = 1;
    expect([0, 1, 2].map(() => dueBand(model, turns, changed)?.name)).toEqual([bands[5], bands[0], bands[2]].map((b) => b.name));
  });
});
