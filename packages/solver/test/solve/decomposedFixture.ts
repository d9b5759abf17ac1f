import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { decompose } from '../../src/solve/decompose.js';
import { searchState } from '../../src/solve/lns.js';
import { PatternPool } from '../../src/solve/master.js';
import { Pricer } from '../../src/solve/pricer.js';

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
