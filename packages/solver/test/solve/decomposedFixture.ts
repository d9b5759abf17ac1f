import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { decompose } from '../../src/solve/decompose.js';
import { searchState } from '../../src/solve/lns.js';
import { PatternPool } from '../../src/solve/master.js';
import { Pricer } from '../../src/solve/pricer.js';
import { section, week } from '../benchmark/nrpFixtures.js';

/**
 * Three interchangeable officers for a cover they cannot all meet, with requests that pull
 * their rosters apart: the decomposition's LP is fractional, so the tree has to branch.
 */
export const CONTESTED = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,', 'N,480,D'),
  section('STAFF', ...['A', 'B', 'C'].map((id) => `${id},D=7|N=7,2400,960,3,2,2,1`)),
  section('SHIFT_ON_REQUESTS', 'C,2,D,3', 'A,1,D,2', 'A,0,N,2', 'B,3,N,3'),
  section('SHIFT_OFF_REQUESTS', 'B,1,N,3', 'A,6,D,2'),
  section('COVER', ...week('D', 10), ...week('N', 10)),
].join('');

/**
 * Two weeks (from a Monday), three officers with one weekend each of the two, and weekend cover
 * they cannot all meet: who works which weekend day is contested, as on Curtois Instance7.
 * C's weekend cap is the horizon's own (2), so only A's and B's weekend days are first-tier.
 */
export const WEEKENDS = [
  section('HORIZON', '14'),
  section('SHIFTS', 'D,480,', 'N,480,D'),
  section('STAFF', 'A,D=14|N=14,4800,2880,4,2,2,1', 'B,D=14|N=14,4800,2880,4,2,2,1', 'C,D=14|N=14,4800,2880,4,2,2,2'),
  section('SHIFT_ON_REQUESTS', 'A,5,D,3', 'B,12,N,2', 'C,13,D,1'),
  section('SHIFT_OFF_REQUESTS', 'A,12,D,2', 'B,6,N,3'),
  section('COVER', ...Array.from({ length: 14 }, (_, d) => [`${d},D,${d % 7 >= 5 ? 2 : 1},10,1`, `${d},N,1,10,1`]).flat()),
].join('');

/**
 * A small benchmark-format instance, its compact optimum (HiGHS), and its decomposition by
 * officer with each officer's own best roster pooled: what tree and fixing tests start from.
 */
export async function decomposedFixture(instance: string) {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(instance, 'Test'))));
  const optimum = (await highsEngine.open(model.lp)).run({ timeLimitSeconds: 10, gapTolerance: 1e-9 });
  const split = decompose(model);
  const pool = new PatternPool(model.lp, split);
  const pricer = new Pricer(highsEngine, split);
  const { lns, setDeadline } = searchState(model, 1e-9, () => false);
  setDeadline(30);
  for (let b = 0; b < split.blocks.length; b++) pool.add(b, pricer.seedByLabels(model, b, false)!);
  return { model, optimum, pool, pricer, lns };
}
