import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { pointFor, searchState } from '../../src/solve/lns.js';
import { NeighbourhoodSizing } from '../../src/solve/neighbourhoodSizing.js';
import { penaltyOfficers, penaltyWindow, prng } from '../../src/solve/neighbourhoods.js';
import { section } from '../benchmark/nrpFixtures.js';

/** Two weeks, one shift type; cover wanted on day 11 only, so an empty rota pays there alone. */
const ONE_DAY = [
  section('HORIZON', '14'),
  section('SHIFTS', 'D,480,'),
  section('STAFF', ...['A', 'B', 'C'].map((id) => `${id},D=14,4800,0,5,1,1,2`)),
  section('COVER', ...Array.from({ length: 14 }, (_, d) => `${d},D,${d === 11 ? 2 : 0},100,1`)),
].join('');

describe('neighbourhoods aimed at penalties', () => {
  it('draws its window of days around a day where the rota pays a soft penalty', async () => {
    const model = buildModel(buildContext(nrpToScenario(parseNrp(ONE_DAY, 'OneDay'))));
    const { lns, setDeadline } = searchState(model, 1e-4, () => false);
    setDeadline(10);
    const empty = (await pointFor(model, highsEngine, lns))!;
    const random = prng(7);
    const dayOf = new Map(model.assignEntries().map((e) => [e.variable, model.ctx.shiftById.get(e.shiftId)!.dayIndex]));
    for (let draw = 0; draw < 20; draw++) {
      const hood = penaltyWindow(model, empty, 3 * 4, random)!;
      const days = [...hood.free].map((v) => dayOf.get(v)!);
      expect(Math.min(...days)).toBeLessThanOrEqual(11);
      expect(Math.max(...days)).toBeGreaterThanOrEqual(11);
      // Four days for every officer, as the budget asks (3 officers × 4 days).
      expect(hood.free.size).toBe(12);
    }
  });

  it('frees first the officers who could take the short shift: eligible for it and off that day', async () => {
    // Five officers; only C and E may work D on day 11 (the others have it as a day off), and C
    // works day 11's other shift: E is the one who could fill it, and comes first.
    const instance = [
      section('HORIZON', '14'),
      section('SHIFTS', 'D,480,', 'L,480,'),
      section('STAFF', ...['A', 'B', 'C', 'D', 'E'].map((id) => `${id},D=14|L=14,6720,0,5,1,1,2`)),
      section('DAYS_OFF', 'A,11', 'B,11', 'D,11'),
      section('COVER', ...Array.from({ length: 14 }, (_, d) => [`${d},D,${d === 11 ? 1 : 0},100,1`, `${d},L,${d === 11 ? 1 : 0},100,1`]).flat()),
    ].join('');
    const model = buildModel(buildContext(nrpToScenario(parseNrp(instance, 'Officers'))));
    const { lns, setDeadline } = searchState(model, 1e-4, () => false);
    setDeadline(10);
    const cLate = model.assignEntries().find((e) => e.officerId === 'C' && model.ctx.shiftById.get(e.shiftId)!.dayIndex === 11 && model.ctx.shiftById.get(e.shiftId)!.shiftTypeId === 'L')!;
    const point = (await pointFor(model, highsEngine, lns, new Map([[cLate.variable, 1]])))!;
    const ownerOf = new Map(model.assignEntries().map((e) => [e.variable, e.officerId]));
    for (let draw = 0; draw < 10; draw++) {
      // Two officers' rosters (2 × 28 binaries): E and one other.
      const hood = penaltyOfficers(model, point, 2 * 28, prng(draw))!;
      const officers = new Set([...hood.free].map((v) => ownerOf.get(v)));
      expect(officers.size).toBe(2);
      expect(officers.has('E')).toBe(true);
    }
  });

  it('has nothing to aim at when no placeable penalty is paid', async () => {
    const model = buildModel(buildContext(nrpToScenario(parseNrp(ONE_DAY, 'OneDay'))));
    const { lns, setDeadline } = searchState(model, 1e-4, () => false);
    setDeadline(10);
    const day11 = model.assignEntries().filter((e) => model.ctx.shiftById.get(e.shiftId)!.dayIndex === 11).slice(0, 2);
    const covered = (await pointFor(model, highsEngine, lns, new Map(day11.map((e) => [e.variable, 1]))))!;
    expect(penaltyWindow(model, covered, 12, prng(7))).toBeNull();
  });
});

describe('neighbourhood sizing', () => {
  it('grows a kind the engine closes quickly and shrinks one it cannot, each on its own', () => {
    const sizing = new NeighbourhoodSizing(1000, 5000);
    sizing.record('days', { status: 'optimal', seconds: 0.1 });
    sizing.record('officers', { status: 'timeLimit', seconds: 5 });
    expect(sizing.binaries('days')).toBeGreaterThan(1000);
    expect(sizing.binaries('officers')).toBeLessThan(1000);
    expect(sizing.binaries('rank')).toBe(1000);
  });

  it('never grows past the cap', () => {
    const sizing = new NeighbourhoodSizing(1000, 1200);
    for (let i = 0; i < 5; i++) sizing.record('days', { status: 'optimal', seconds: 0.1 });
    expect(sizing.binaries('days')).toBe(1200);
  });

  it('gives a kind about three times what closing one has taken lately, within 1 to 5 s', () => {
    const sizing = new NeighbourhoodSizing(1000, 5000);
    expect(sizing.seconds('days')).toBeCloseTo(5, 6);
    for (let i = 0; i < 20; i++) sizing.record('days', { status: 'optimal', seconds: 0.05 });
    expect(sizing.seconds('days')).toBe(1);
    for (let i = 0; i < 20; i++) sizing.record('officers', { status: 'optimal', seconds: 1 });
    expect(sizing.seconds('officers')).toBeCloseTo(3, 1);
    // Runs cut short say nothing of what closing takes: the limit stays.
    sizing.record('officers', { status: 'timeLimit', seconds: 3 });
    expect(sizing.seconds('officers')).toBeCloseTo(3, 1);
  });

  it('draws each kind once, then mostly the kind that has gained most per second, never dropping one', () => {
    const sizing = new NeighbourhoodSizing(1000, 5000);
    const random = prng(3);
    const kinds = ['officers', 'days'] as const;
    expect(sizing.pick(kinds, random)).toBe('officers');
    sizing.record('officers', { status: 'optimal', seconds: 1, gain: 0 });
    expect(sizing.pick(kinds, random)).toBe('days');
    sizing.record('days', { status: 'optimal', seconds: 1, gain: 50 });
    const draws = Array.from({ length: 400 }, () => sizing.pick(kinds, random));
    const days = draws.filter((k) => k === 'days').length;
    // 85 % for days, 15 % kept for officers.
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThan(380);
  });
});
