import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { decompose } from '../../src/solve/decompose.js';
import { diveAround, diveForRota } from '../../src/solve/dive.js';
import { searchState } from '../../src/solve/lns.js';
import { PatternPool } from '../../src/solve/master.js';
import { Pricer } from '../../src/solve/pricer.js';
import { TINY } from '../benchmark/nrpFixtures.js';

async function converged() {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(TINY, 'Tiny'))));
  const split = decompose(model);
  const pool = new PatternPool(model.lp, split);
  const pricer = new Pricer(highsEngine, split);
  const { lns, setDeadline } = searchState(model, 1e-6, () => false);
  setDeadline(30);
  const optimum = (await highsEngine.open(model.lp)).run({ timeLimitSeconds: 5 }).values!;
  pool.addPoint(optimum);
  await generateColumns(model, lns, pool, pricer, 15);
  return { model, pool, pricer, lns, optimum };
}

describe('dives through the column-generation master', () => {
  it('fixes every officer to a pooled roster that keeps their rules', async () => {
    const { model, pool, pricer, lns } = await converged();
    const choice = (await diveForRota(model, lns, pool, pricer, 10))!;
    pricer.dispose();
    expect(choice.map((k) => pool.patterns[k].block)).toEqual([0, 1]);
    const point = pool.pointOfChoice(choice)!;
    // The master's own columns (cover slack) are not set by a choice: only officers' rows are checked.
    for (const block of pool.split.blocks) expect(block.lp.check(block.cols.map((c) => point[c])).maxViolation).toBeLessThan(1e-6);
    expect(lns.log.at(-1)).toMatch(/^dive: \d+ steps, 2 of 2 officers fixed/);
  });

  it('keeps the officers outside the neighbourhood at the incumbent’s rosters', async () => {
    const { model, pool, pricer, lns, optimum } = await converged();
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
});
