import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import type { RotaModel } from '../../src/model/rotaModel.js';
import { descendBands } from '../../src/solve/bandDescent.js';
import { GuardedSolver } from '../../src/solve/guardedSolver.js';
import { pointFor, searchState, type LnsContext } from '../../src/solve/lns.js';
import { section } from '../benchmark/nrpFixtures.js';

const modelOf = (instance: string) => buildModel(buildContext(nrpToScenario(parseNrp(instance, 'Test'))));

/**
 * Two weeks from a Monday, one shift, two officers with one weekend each: each weekend day needs
 * one of them. A asks to work the second Saturday, B the first; only a band over both weekends
 * can swap them.
 */
const swapWith = (weekends: number) =>
  [
    section('HORIZON', '14'),
    section('SHIFTS', 'D,480,'),
    section('STAFF', `A,D=14,4800,0,5,1,1,${weekends}`, `B,D=14,4800,0,5,1,1,${weekends}`),
    section('SHIFT_ON_REQUESTS', 'A,12,D,5', 'B,5,D,5'),
    section('COVER', ...Array.from({ length: 14 }, (_, d) => `${d},D,${d % 7 >= 5 ? 1 : 0},100,1`)),
  ].join('');

/** A rota where A works weekend `a` (0 or 1) and B the other. */
async function rotaOf(model: RotaModel, lns: LnsContext, a: number): Promise<Float64Array> {
  const works = (officerId: string, day: number) => Math.floor(day / 7) === (officerId === 'A' ? a : 1 - a) && day % 7 >= 5;
  const assignments = new Map(model.assignEntries().map((e) => [e.variable, works(e.officerId, model.ctx.shiftById.get(e.shiftId)!.dayIndex) ? 1 : 0]));
  return (await pointFor(model, highsEngine, lns, assignments))!;
}

describe('descendBands', () => {
  it('descends from a rota worse than the incumbent, offering only what beats it', async () => {
    const model = modelOf(swapWith(1));
    const sources: string[] = [];
    const { lns, setDeadline } = searchState(model, 1e-9, () => false, (_, source) => sources.push(source));
    setDeadline(30);
    const [against, granted] = [await rotaOf(model, lns, 0), await rotaOf(model, lns, 1)];
    expect(model.lp.objectiveOf(granted)).toBeGreaterThan(model.lp.objectiveOf(against) + 9);
    // The incumbent is the optimum already: the descent's gain is its own, and offered in vain.
    expect(lns.accept(granted, 'incumbent')).toBe(true);
    const improved: Float64Array[] = [];
    const gains = await descendBands(model, highsEngine, lns, against, { turns: { from: [], next: 0 }, onImproved: (v) => improved.push(v) });
    expect(gains).toBe(1);
    expect(improved).toEqual([]);
    expect(sources).toEqual(['incumbent']);
  });

  it('becomes the incumbent when it beats it, and reports each gain', async () => {
    const model = modelOf(swapWith(1));
    const sources: string[] = [];
    const { lns, setDeadline } = searchState(model, 1e-9, () => false, (_, source) => sources.push(source));
    setDeadline(30);
    const against = await rotaOf(model, lns, 0);
    const optimum = model.lp.objectiveOf(await rotaOf(model, lns, 1));
    expect(lns.accept(against, 'incumbent')).toBe(true);
    const improved: Float64Array[] = [];
    const guard = new GuardedSolver();
    try {
      await descendBands(model, highsEngine, lns, against, { turns: { from: [], next: 3 }, guard, onImproved: (v) => improved.push(v) });
    } finally {
      guard.dispose();
    }
    expect(lns.getBest()!.objective).toBeCloseTo(optimum, 6);
    expect(improved.length).toBe(1);
    expect(sources[1]).toMatch(/^band descent every officer/);
  });

  it('follows the incumbent once its own line is the incumbent', async () => {
    const model = modelOf(swapWith(1));
    const { lns, setDeadline } = searchState(model, 1e-9, () => false);
    setDeadline(30);
    const [against, granted] = [await rotaOf(model, lns, 0), await rotaOf(model, lns, 1)];
    expect(lns.accept(against, 'incumbent')).toBe(true);
    const turns = { from: [] as (Float64Array | null)[], next: 0 };
    // Another thread finds the optimum before the first band: every band is solved from it.
    const gains = await descendBands(model, highsEngine, lns, against, { turns, betweenBands: async () => void lns.accept(granted, 'other thread') });
    expect(gains).toBe(0);
    expect(turns.from.length).toBeGreaterThan(0);
    for (const from of turns.from) expect(model.lp.objectiveOf(from!)).toBeCloseTo(model.lp.objectiveOf(granted), 6);
  });

  it('has nothing to descend where no weekends are capped', async () => {
    const model = modelOf(swapWith(2));
    const { lns, setDeadline } = searchState(model, 1e-9, () => false);
    setDeadline(30);
    const against = await rotaOf(model, lns, 0);
    expect(await descendBands(model, highsEngine, lns, against, { turns: { from: [], next: 0 } })).toBe(0);
  });
});
