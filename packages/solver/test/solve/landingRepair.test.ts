import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { LandingRepair } from '../../src/solve/landingRepair.js';
import { pointFor, searchState } from '../../src/solve/lns.js';
import { section, week } from '../benchmark/nrpFixtures.js';

/** Three officers, one day shift of cover 1 (100 a head short), each at most five shifts a week. */
const TEAM = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,'),
  section('STAFF', ...['A', 'B', 'C'].map((id) => `${id},D=5,2400,0,5,1,1,2`)),
  section('SHIFT_ON_REQUESTS', 'A,0,D,1', 'B,3,D,1'),
  section('COVER', ...week('D', 100)),
].join('');

/** The compact optimum, and the same rota with one officer's first shift taken away (a day left short). */
async function setUp() {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(TEAM, 'Test'))));
  const optimum = (await highsEngine.open(model.lp)).run({ timeLimitSeconds: 10, gapTolerance: 1e-9 });
  const { lns, setDeadline } = searchState(model, 1e-9, () => false);
  setDeadline(30);
  const assigns = model.assignEntries().map((e) => e.variable);
  const worked = assigns.filter((v) => optimum.values![v] > 0.5);
  const damaged = new Map(assigns.map((v) => [v, v === worked[0] ? 0 : optimum.values![v]]));
  const landing = (await pointFor(model, highsEngine, lns, damaged))!;
  return { model, optimum: optimum.objective!, lns, landing };
}

describe('landing repair', () => {
  it('mends a rota that leaves a day short back to the optimum, by a neighbourhood around the shortfall', async () => {
    const { model, optimum, lns, landing } = await setUp();
    const before = model.lp.objectiveOf(landing);
    // The damaged rota pays for the day left short.
    expect(before).toBeLessThan(optimum - 50);
    const mended = await new LandingRepair(model, highsEngine, lns, 1).mend(landing, optimum - 1, 5);
    expect(model.lp.objectiveOf(mended)).toBeCloseTo(optimum, 6);
    expect(model.lp.check(mended, 1e-6).maxViolation).toBeLessThan(1e-6);
  });

  it('leaves a rota already above the mark as it is', async () => {
    const { model, lns, landing } = await setUp();
    const mended = await new LandingRepair(model, highsEngine, lns, 1).mend(landing, model.lp.objectiveOf(landing) - 1, 5);
    expect(mended).toBe(landing);
  });
});
