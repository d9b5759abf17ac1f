import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { branchAndPrice, objectiveStep } from '../../src/solve/branchAndPrice.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { CONTESTED, decomposedFixture } from './decomposedFixture.js';


/** The compact optimum (HiGHS), and a tree search over `CONTESTED` started from each officer's own best roster. */
async function setUp() {
  const { model, optimum, pool, pricer, lns } = await decomposedFixture(CONTESTED);
  // Settling a node's choice: the chosen rosters side by side, the cover slack solved for them.
  const settle = async (choice: number[]) => {
    const point = pool.pointOfChoice(choice)!;
    const master = pool.master(true);
    pool.patterns.forEach((_, k) => master.fix(k, choice.includes(k) ? 1 : 0));
    const run = (await highsEngine.open(master)).run({ timeLimitSeconds: 5 });
    lns.accept(run.values ? pool.toPoint(run.values) : point, 'node');
  };
  return { model, optimum, pool, pricer, lns, settle };
}

describe('branch-and-price', () => {
  it('finds the compact optimum from rosters that do not cover, and proves it by exhausting the tree', async () => {
    const { model, optimum, pool, pricer, lns, settle } = await setUp();
    await generateColumns(model, lns, pool, pricer, 10);
    const tree = await branchAndPrice(model, lns, pool, pricer, 20, { settle });
    pricer.dispose();
    expect(tree.outcome).toBe('exhausted');
    // The root LP is fractional: the tree branched.
    expect(tree.nodes).toBeGreaterThan(1);
    expect(lns.getBest()!.objective).toBeCloseTo(optimum.objective!, 6);
    expect(model.lp.check(lns.getBest()!.values).maxViolation).toBeLessThan(1e-6);
  });

  it('prunes every node once the incumbent is optimal: nothing better is accepted', async () => {
    const { model, optimum, pool, pricer, lns, settle } = await setUp();
    expect(lns.accept(optimum.values!, 'compact optimum')).toBe(true);
    const settled: number[][] = [];
    const tree = await branchAndPrice(model, lns, pool, pricer, 20, {
      settle: async (choice) => {
        settled.push(choice);
        await settle(choice);
      },
    });
    pricer.dispose();
    expect(tree.outcome).toBe('exhausted');
    expect(lns.getBest()!.objective).toBe(model.lp.objectiveOf(optimum.values!));
    expect(tree.pruned).toBeGreaterThan(0);
  });

  it('with a target a step beyond the optimum, proves that no rota reaches it', async () => {
    const { model, optimum, pool, pricer, lns, settle } = await setUp();
    await generateColumns(model, lns, pool, pricer, 10);
    const tree = await branchAndPrice(model, lns, pool, pricer, 20, { settle, target: optimum.objective! + 1 });
    pricer.dispose();
    expect(tree.outcome).toBe('exhausted');
    expect(lns.getBest()?.objective ?? -Infinity).toBeLessThan(optimum.objective! + 1);
  });

  it('with the optimum as its target, stops at the first rota that reaches it', async () => {
    const { model, optimum, pool, pricer, lns, settle } = await setUp();
    await generateColumns(model, lns, pool, pricer, 10);
    const tree = await branchAndPrice(model, lns, pool, pricer, 20, { settle, target: optimum.objective! });
    pricer.dispose();
    expect(tree.outcome).toBe('reached');
    expect(lns.getBest()!.objective).toBeCloseTo(optimum.objective!, 6);
  });

  it('stops with the nodes left open when its time is up', async () => {
    const { model, pool, pricer, lns, settle } = await setUp();
    const tree = await branchAndPrice(model, lns, pool, pricer, 0.1, { settle });
    pricer.dispose();
    expect(tree.outcome).toBe('timeLimit');
    expect(lns.log.at(-1)).toMatch(/^branch-and-price: timeLimit, \d+ nodes/);
  });
});

describe('objectiveStep', () => {
  it('is one when every cost is a whole number, else a hair', () => {
    const model = buildModel(buildContext(nrpToScenario(parseNrp(CONTESTED, 'Test'))));
    expect(objectiveStep(model)).toBe(1);
    model.lp.cost[0] = 0.5;
    expect(objectiveStep(model)).toBeLessThan(1e-3);
  });
});
