import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { buildModel } from '../../src/model/build.js';
import { officerDays } from '../../src/solve/assignmentDive.js';
import { branchAndPrice } from '../../src/solve/branchAndPrice.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { decompose } from '../../src/solve/decompose.js';
import { PatternPool } from '../../src/solve/master.js';
import { extendFixings, keepsFixings, withFixings } from '../../src/solve/pricing.js';
import { workDayBranch, workDayCandidates } from '../../src/solve/workDayBranching.js';
import { highsEngine } from '../../src/engines/highs.js';
import { CONTESTED, WEEKENDS, decomposedFixture } from './decomposedFixture.js';

function fixture(instance = WEEKENDS) {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(instance, 'Test'))));
  const pool = new PatternPool(model.lp, decompose(model));
  return { model, pool, days: officerDays(model, pool) };
}

describe('work-day branching', () => {
  it('puts capped officers’ weekend days in the first tier and every other officer-day in the second', () => {
    const { model, days } = fixture();
    const [first, second] = workDayCandidates(model, days);
    const id = (b: number) => model.ctx.officers[b].id;
    expect(new Set(first.map((d) => id(d.block)))).toEqual(new Set(['A', 'B']));
    expect(new Set(first.map((d) => d.day))).toEqual(new Set([5, 6, 12, 13]));
    expect(first.length + second.length).toBe(days.length);
    expect(second.some((d) => id(d.block) === 'C' && d.day === 5)).toBe(true);
  });

  it('has no tiers when no officer’s weekends are capped below the horizon’s', () => {
    const { model, days } = fixture(CONTESTED);
    expect(workDayCandidates(model, days)).toEqual([]);
  });

  it('branches on the undecided officer-day nearest one half in the first tier that has one, the LP’s side last', () => {
    const { model, pool, days } = fixture();
    const tiers = workDayCandidates(model, days);
    const weights = pool.split.blocks.map((b) => new Float64Array(b.cols.length));
    const [a, b] = tiers[0];
    weights[a.block][a.cols[0]] = 0.9;
    weights[b.block][b.cols[1]] = 0.3;
    // A second-tier day at exactly one half waits while the first tier has anything open.
    const other = tiers[1][0];
    weights[other.block][other.cols[0]] = 0.5;
    const branch = workDayBranch(tiers, weights, new Map())!;
    expect(branch.block).toBe(b.block);
    const [away, toward] = branch.children;
    // The LP leans to off (0.3 worked): on first, off last.
    expect(away.workDays).toEqual([b.cols]);
    expect([...toward]).toEqual(b.cols.map((i) => [i, 0]));
    // Decided on the way down (here: off), the day is passed over for the next nearest one half.
    const next = workDayBranch(tiers, weights, new Map([[b.block, toward]]))!;
    expect(next.block).toBe(a.block);
    const afterBoth = new Map([[b.block, toward], [a.block, extendFixings(undefined, [], a.cols)]]);
    expect(workDayBranch(tiers, weights, afterBoth)!.block).toBe(other.block);
    expect(workDayBranch(tiers, pool.split.blocks.map((bl) => new Float64Array(bl.cols.length)), new Map())).toBeNull();
  });
});

describe('work-day fixings', () => {
  it('price a bonus once for a roster that works the day, and keep only such rosters', () => {
    const fixes = extendFixings(extendFixings(undefined, [[0, 0]]), [], [1, 2]);
    const { costs, offset } = withFixings([5, 5, 5, 5], fixes);
    expect(costs[0]).toBeLessThan(-1e5);
    expect(costs[1] - 5).toBe(offset);
    expect(costs[2] - 5).toBe(offset);
    expect(costs[3]).toBe(5);
    expect(keepsFixings([0, 0, 1, 0], fixes)).toBe(true);
    expect(keepsFixings([0, 0, 0, 1], fixes)).toBe(false);
    expect(keepsFixings([1, 1, 0, 0], fixes)).toBe(false);
    // Extending keeps the work days.
    expect(extendFixings(fixes, [[3, 1]]).workDays).toEqual([[1, 2]]);
  });

  it('lead a tree with capped weekends to the compact optimum, proved by exhausting it', async () => {
    const { model, optimum, pool, pricer, lns } = await decomposedFixture(WEEKENDS);
    expect(optimum.status).toBe('optimal');
    const settle = async (choice: number[]) => {
      const master = pool.master(true);
      pool.patterns.forEach((_, k) => master.fix(k, choice.includes(k) ? 1 : 0));
      const run = (await highsEngine.open(master)).run({ timeLimitSeconds: 5 });
      if (run.values) lns.accept(pool.toPoint(run.values), 'node');
    };
    await generateColumns(model, lns, pool, pricer, 10);
    const tree = await branchAndPrice(model, lns, pool, pricer, 20, { settle });
    pricer.dispose();
    expect(tree.outcome).toBe('exhausted');
    expect(lns.getBest()!.objective).toBeCloseTo(optimum.objective!, 6);
  });
});
