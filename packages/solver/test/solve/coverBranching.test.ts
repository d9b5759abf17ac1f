import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { buildModel } from '../../src/model/build.js';
import { coverBranch, wholeMasterColumns } from '../../src/solve/coverBranching.js';
import { decompose } from '../../src/solve/decompose.js';
import { PatternPool } from '../../src/solve/master.js';
import { MasterLp } from '../../src/solve/masterLp.js';
import { Pricer } from '../../src/solve/pricer.js';
import { TINY } from '../benchmark/nrpFixtures.js';

function tiny() {
  const model = buildModel(buildContext(nrpToScenario(parseNrp(TINY, 'Tiny'))));
  const split = decompose(model);
  return { model, split };
}

describe('cover branching', () => {
  it('finds every cover shortfall and excess among the master columns, and nothing else', () => {
    const { model, split } = tiny();
    const found = wholeMasterColumns(model.lp, split).map((i) => model.lp.names[split.masterCols[i]]);
    const covers = split.masterCols.map((c) => model.lp.names[c]).filter((name) => /cover(Under|Over)/.test(name));
    expect(covers.length).toBeGreaterThan(0);
    expect(found.sort()).toEqual(covers.sort());
  });

  it('branches on the column furthest from whole, nearer side first, within its own bounds', () => {
    const { model, split } = tiny();
    const columns = wholeMasterColumns(model.lp, split);
    const [a, b] = columns;
    // Two patterns' weights first, then the master columns.
    const values = new Float64Array(2 + split.masterCols.length);
    values[2 + a] = 1.2;
    values[2 + b] = 2.6;
    const branch = coverBranch(model.lp, split, columns, values, new Map())!;
    expect(branch.column).toBe(b);
    expect(branch.sides).toEqual([[3, model.lp.upper[split.masterCols[b]]], [model.lp.lower[split.masterCols[b]], 2]]);
    // Bounds set on the way down stay in the children.
    const bounded = coverBranch(model.lp, split, columns, values, new Map([[b, [1, 5] as const]]))!;
    expect(bounded.sides).toEqual([[3, 5], [1, 2]]);
    values[2 + b] = 3;
    values[2 + a] = 1;
    expect(coverBranch(model.lp, split, columns, values, new Map())).toBeNull();
  });

  it('keeps the master feasible under a cap the pooled rosters cannot meet, far below any rota, and undoes it', async () => {
    const { model, split } = tiny();
    const pool = new PatternPool(model.lp, split);
    const pricer = new Pricer(highsEngine, split);
    for (let b = 0; b < split.blocks.length; b++) pool.add(b, pricer.seedByLabels(model, b, false)!);
    const master = new MasterLp(highsEngine, pool);
    const none = new Map<number, number>();
    const free = await master.solve(none, 5, () => false);
    // The shortfall the seeds leave largest, capped at zero: no pooled roster can close it.
    const columns = wholeMasterColumns(model.lp, split);
    const offset = pool.patterns.length;
    const short = columns.filter((i) => model.lp.names[split.masterCols[i]].includes('coverUnder')).sort((x, y) => free.values![offset + y] - free.values![offset + x])[0];
    expect(free.values![offset + short]).toBeGreaterThan(0.5);
    const capped = await master.solve(none, 5, () => false, undefined, new Map([[short, [0, 0] as const]]));
    expect(capped.status).toBe('optimal');
    expect(capped.values![offset + short]).toBeCloseTo(0, 6);
    expect(capped.objective!).toBeLessThan(free.objective! - 1e5);
    // Released, the master is the one before.
    expect((await master.solve(none, 5, () => false)).objective).toBeCloseTo(free.objective!, 6);
    master.dispose();
    pricer.dispose();
  });
});
