import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { BestResponse } from '../../src/solve/bestResponse.js';
import { decompose } from '../../src/solve/decompose.js';
import { PatternPool } from '../../src/solve/master.js';
import { Pricer } from '../../src/solve/pricer.js';
import { section, TINY, week } from '../benchmark/nrpFixtures.js';
import { tinyScenario } from '../fixtures.js';

/**
 * One week of D only, cover 1 a day (10 a head short, 1 a head over). A works at most 4 shifts,
 * B at most 3: together exactly the week, so the optimum is 0 — but only if they never overlap.
 */
const SHARED_WEEK = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,'),
  section('STAFF', 'A,D=7,1920,0,7,1,1,2', 'B,D=7,1440,0,7,1,1,2'),
  section('COVER', ...week('D', 10)),
].join('');

function setup(text: string) {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(text, 'Fixture'))));
  const split = decompose(model);
  const pricer = new Pricer(highsEngine, split);
  return { model, split, pricer, response: BestResponse.build(model, new PatternPool(model.lp, split), pricer) };
}

describe('BestResponse', () => {
  it('moves an officer off the days a colleague already covers', () => {
    const { model, split, pricer, response } = setup(SHARED_WEEK);
    expect(response).not.toBeNull();
    // Start: both officers work as early in the week as they can (days 0–3 covered twice).
    const point = new Float64Array(model.lp.names.length);
    split.blocks.forEach((block, b) => {
      const early = block.lp.names.map((name) => (/^assign:.*@2024-01-0[1-4]$/.test(name) ? 1 : name.startsWith('assign:') ? -1 : 0));
      const roster = pricer.labeling(model, b)!.solve(early, { cutoff: -Infinity }).rosters[0];
      block.cols.forEach((c, i) => (point[c] = roster.values[i]));
    });
    // Days 4–6 uncovered, days 0–2 covered twice (the slack is filled in by `improve`).
    const start = point.slice();
    response!.improve(start, 0);
    expect(model.lp.objectiveOf(start)).toBeCloseTo(-33, 6);
    const changed = response!.improve(point, 10);
    expect(changed).toBeGreaterThan(0);
    expect(model.lp.check(point).maxViolation).toBeLessThan(1e-6);
    expect(model.lp.objectiveOf(point)).toBeCloseTo(0, 6);
  });

  it('reaches the hand-derived optimum of a fixture whose officers do not interact, and then stays put', () => {
    const { model, response } = setup(TINY);
    const point = new Float64Array(model.lp.names.length);
    response!.improve(point, 10);
    expect(model.lp.check(point).maxViolation).toBeLessThan(1e-6);
    expect(model.lp.objectiveOf(point)).toBeCloseTo(-60, 6);
    const again = point.slice();
    expect(response!.improve(again, 10)).toBe(0);
    expect(Array.from(again)).toEqual(Array.from(point));
  });

  it('does not apply where officers share more than cover slack (patrol deployments)', () => {
    const model = buildModel(buildContext(tinyScenario()));
    const split = decompose(model);
    expect(BestResponse.build(model, new PatternPool(model.lp, split), new Pricer(highsEngine, split))).toBeNull();
  });
});
