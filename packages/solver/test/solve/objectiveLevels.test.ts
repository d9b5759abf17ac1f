import { describe, expect, it } from 'vitest';
import { highsEngine } from '../../src/engines/highs.js';
import { generateColumns } from '../../src/solve/colgen.js';
import type { LnsContext } from '../../src/solve/lns.js';
import type { PatternPool } from '../../src/solve/master.js';
import { levelsBetween, searchByLevels, treeInReach } from '../../src/solve/objectiveLevels.js';
import { CONTESTED, decomposedFixture } from './decomposedFixture.js';

/** Settling a node's choice: the chosen rosters side by side, the cover slack solved for them. */
function settling(pool: PatternPool, lns: LnsContext) {
  return async (choice: number[]) => {
    const master = pool.master(true);
    pool.patterns.forEach((_, k) => master.fix(k, choice.includes(k) ? 1 : 0));
    const run = (await highsEngine.open(master)).run({ timeLimitSeconds: 5 });
    if (run.values) lns.accept(pool.toPoint(run.values), 'node');
  };
}

describe('branch-and-price level by level', () => {
  it('walks down from a bound above the optimum, proving each level empty, and stops at the optimum', async () => {
    const { model, optimum, pool, pricer, lns } = await decomposedFixture(CONTESTED);
    const root = await generateColumns(model, lns, pool, pricer, 10);
    expect(root.converged).toBe(true);
    // This LP is tight (its bound is the optimum), so the walk starts from a looser bound, as
    // an unconverged master's would be: two empty levels above the optimum.
    const optimumValue = optimum.objective!;
    const posted: number[] = [];
    const settle = settling(pool, lns);
    await searchByLevels(model, lns, pool, pricer, optimumValue + 2.5, 20, { settle, postBound: (b) => posted.push(b) });
    pricer.dispose();
    expect(lns.getBest()!.objective).toBeCloseTo(optimumValue, 6);
    // Levels +2 and +1 exhausted, each lowering the bound a step; the optimum reached proves itself.
    expect(posted).toEqual([optimumValue + 1, optimumValue]);
    expect(lns.log.filter((line) => line.startsWith('objective level'))).toEqual([`objective level ${optimumValue + 2}: exhausted`, `objective level ${optimumValue + 1}: exhausted`, `objective level ${optimumValue}: reached`]);
  });

  it('counts the whole levels above the incumbent that the bound leaves open', async () => {
    const { model, pricer } = await decomposedFixture(CONTESTED);
    pricer.dispose();
    expect(levelsBetween(model, -1140.58, -1148)).toBe(7);
    expect(levelsBetween(model, -1949, -1950)).toBe(1);
    expect(levelsBetween(model, -1949, -1949)).toBe(0);
  });

  it('walks from a fractional bound with the incumbent up to twelve levels off; from a whole one, runs the plain tree within three', async () => {
    const { model, pricer } = await decomposedFixture(CONTESTED);
    pricer.dispose();
    expect(treeInReach(model, -1140.58, -1152)).toBe(true);
    expect(treeInReach(model, -1140.58, -1154)).toBe(false);
    expect(treeInReach(model, -1949, -1952)).toBe(true);
    expect(treeInReach(model, -1949, -1953)).toBe(false);
  });

  it('with a whole bound, runs the plain tree from the incumbent at once: no level is searched', async () => {
    const { model, optimum, pool, pricer, lns } = await decomposedFixture(CONTESTED);
    await generateColumns(model, lns, pool, pricer, 10);
    const settle = settling(pool, lns);
    await searchByLevels(model, lns, pool, pricer, optimum.objective! + 2, 20, { settle, postBound: () => undefined });
    pricer.dispose();
    expect(lns.getBest()!.objective).toBeCloseTo(optimum.objective!, 6);
    expect(lns.log.some((line) => line.startsWith('objective level'))).toBe(false);
  });
});
