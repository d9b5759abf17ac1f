import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import type { Engine } from '../../src/engines/index.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { decompose } from '../../src/solve/decompose.js';
import { PatternPool } from '../../src/solve/master.js';
import { MasterLp } from '../../src/solve/masterLp.js';
import { Pricer } from '../../src/solve/pricer.js';
import { TINY } from '../benchmark/nrpFixtures.js';

function tinyPool() {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(TINY, 'Tiny'))));
  const split = decompose(model);
  const pool = new PatternPool(model.lp, split);
  const pricer = new Pricer(highsEngine, split);
  return { model, split, pool, pricer };
}

/** The same master built afresh: what the kept one must agree with. */
async function freshValue(pool: PatternPool, fixed: ReadonlyMap<number, number>): Promise<number | null> {
  const lp = pool.master(false);
  pool.patterns.forEach((p, k) => fixed.has(p.block) && lp.fix(k, fixed.get(p.block) === k ? 1 : 0));
  const session = await highsEngine.open(lp, { relax: true });
  const run = session.run({ timeLimitSeconds: 5 });
  session.dispose();
  return run.objective;
}

describe('the restricted master LP kept loaded across rounds', () => {
  it('agrees with a master built afresh as rosters are added and officers fixed and freed', async () => {
    const { model, split, pool, pricer } = tinyPool();
    for (let b = 0; b < split.blocks.length; b++) pool.add(b, pricer.seedByLabels(model, b, false)!);
    const master = new MasterLp(highsEngine, pool);
    const none = new Map<number, number>();
    expect((await master.solve(none, 5, () => false)).objective).toBeCloseTo((await freshValue(pool, none))!, 6);
    // The optimal rota's rosters: new columns for the kept master.
    const seeds = pool.patterns.length;
    pool.addPoint((await highsEngine.open(model.lp)).run({ timeLimitSeconds: 5 }).values!);
    expect(pool.patterns.length).toBeGreaterThan(seeds);
    const run = await master.solve(none, 5, () => false);
    expect(run.objective).toBeCloseTo((await freshValue(pool, none))!, 6);
    // No roster prices above zero at the LP's duals: the Lagrangian bound relies on it (a λ ≤ 1
    // bound of its own once let a roster sit at 1 with a positive reduced cost).
    pool.patterns.forEach((_, k) => expect(pool.reducedCost(k, run.rowDuals!)).toBeLessThan(1e-6));
    // Values come in the pool's order: patterns, then the master's own columns.
    expect(run.values!.length).toBe(pool.patterns.length + split.masterCols.length);
    const sums = split.blocks.map((_, b) => pool.patterns.reduce((s, p, k) => s + (p.block === b ? run.values![k] : 0), 0));
    sums.forEach((s) => expect(s).toBeCloseTo(1, 6));
    // Officer 0 on their seed roster (pattern 0), then free again.
    const fixed = new Map([[0, 0]]);
    const pinned = await master.solve(fixed, 5, () => false);
    expect(pinned.values![0]).toBeCloseTo(1, 6);
    expect(pinned.objective).toBeCloseTo((await freshValue(pool, fixed))!, 6);
    expect((await master.solve(none, 5, () => false)).objective).toBeCloseTo(run.objective!, 6);
    master.dispose();
    pricer.dispose();
  });

  it('builds a fresh master each solve on an engine that cannot append columns', async () => {
    const { model, split, pool, pricer } = tinyPool();
    for (let b = 0; b < split.blocks.length; b++) pool.add(b, pricer.seedByLabels(model, b, false)!);
    let opened = 0;
    const plain: Engine = {
      name: 'highs',
      async open(lp, options) {
        opened++;
        const { addColumns: _, ...session } = await highsEngine.open(lp, options);
        return session;
      },
    };
    const master = new MasterLp(plain, pool);
    await master.solve(new Map(), 5, () => false);
    pool.addPoint((await highsEngine.open(model.lp)).run({ timeLimitSeconds: 5 }).values!);
    const run = await master.solve(new Map(), 5, () => false);
    expect(opened).toBe(2);
    expect(run.objective).toBeCloseTo((await freshValue(pool, new Map()))!, 6);
    // Its values are in the pool's order too: one roster's worth per officer.
    const sums = split.blocks.map((_, b) => pool.patterns.reduce((s, p, k) => s + (p.block === b ? run.values![k] : 0), 0));
    sums.forEach((s) => expect(s).toBeCloseTo(1, 6));
    pricer.dispose();
  });
});
