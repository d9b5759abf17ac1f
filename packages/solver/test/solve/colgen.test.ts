import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { LinearModel } from '../../src/model/linear.js';
import { buildModel } from '../../src/model/build.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { roundedChoice, solveIntegerMaster } from '../../src/solve/masterChoice.js';
import { decompose } from '../../src/solve/decompose.js';
import { searchState } from '../../src/solve/lns.js';
import { PatternPool } from '../../src/solve/master.js';
import { holds, Pricer, seedRoster } from '../../src/solve/pricer.js';
import { constructFromRosters } from '../../src/solve/rosterSeed.js';
import { contextWithoutCover, seedOfficerAlone } from '../../src/solve/officerSeed.js';
import { decomposable, partnerSearch } from '../../src/solve/partner.js';
import { TINY } from '../benchmark/nrpFixtures.js';
import { tinyScenario } from '../fixtures.js';

const tinyModel = () => buildModel(buildContext(nrpToScenario(parseNrp(TINY, 'Tiny'))));

function lnsFor(model: ReturnType<typeof tinyModel>, seconds = 20) {
  const { lns, setDeadline } = searchState(model, 1e-6, () => false);
  setDeadline(seconds);
  return lns;
}

describe('decompose', () => {
  it('splits a benchmark model into one block per officer, tied only by cover rows', () => {
    const model = tinyModel();
    const split = decompose(model);
    expect(split.blocks.map((b) => b.officerId)).toEqual(['A', 'B']);
    for (const e of model.assignEntries()) expect(split.blocks.find((b) => b.officerId === e.officerId)!.cols).toContain(e.variable);
    expect(new Set(split.linkingRows.map((r) => model.lp.rows[r].origin?.ruleId))).toEqual(new Set(['coverTargets']));
    // Every column and row lands in exactly one place.
    const cols = [...split.blocks.flatMap((b) => b.cols), ...split.masterCols].sort((a, b) => a - b);
    const rows = [...split.blocks.flatMap((b) => b.rows), ...split.linkingRows].sort((a, b) => a - b);
    expect(cols).toEqual(model.lp.names.map((_, j) => j));
    expect(rows).toEqual(model.lp.rows.map((_, r) => r));
    expect(decomposable(split)).toBe(true);
  });

  it('keeps patrol deployment and harm in the master of a product scenario', () => {
    const model = buildModel(buildContext(tinyScenario()));
    const split = decompose(model);
    expect(split.blocks).toHaveLength(3);
    const masterNames = split.masterCols.map((c) => model.lp.names[c]);
    expect(masterNames.some((n) => n.startsWith('deploy:'))).toBe(true);
    expect(masterNames.some((n) => n.startsWith('assign:'))).toBe(false);
  });
});

describe('HiGHS row duals', () => {
  it('price basic columns at zero reduced cost: cost − Σ dual × coefficient', async () => {
    const lp = new LinearModel();
    const x = lp.addVar('x', { cost: 3, upper: 10 });
    const y = lp.addVar('y', { cost: 2, upper: 10 });
    lp.addRow('r1', [[x, 1], [y, 1]], -Infinity, 4);
    lp.addRow('r2', [[x, 1], [y, 3]], -Infinity, 6);
    lp.addRow('r3', [[x, 1], [y, -1]], -Infinity, 3);
    const run = (await highsEngine.open(lp, { relax: true })).run({ timeLimitSeconds: 5 });
    expect(run.values![x]).toBeCloseTo(3.5);
    expect(run.values![y]).toBeCloseTo(0.5);
    const reduced = (j: number) => lp.cost[j] - lp.rows.reduce((sum, row, r) => sum + run.rowDuals![r] * (row.terms.find(([v]) => v === j)?.[1] ?? 0), 0);
    expect(reduced(x)).toBeCloseTo(0);
    expect(reduced(y)).toBeCloseTo(0);
  });
});

describe('PatternPool', () => {
  it('turns a point into rosters and back, and prices the master start at the point’s objective', async () => {
    const model = tinyModel();
    const split = decompose(model);
    const pool = new PatternPool(model.lp, split);
    const lns = lnsFor(model);
    const run = (await highsEngine.open(model.lp)).run({ timeLimitSeconds: 10 });
    const point = run.values!;
    expect(pool.addPoint(point)).toBe(2);
    expect(pool.addPoint(point)).toBe(0);
    const master = pool.master(true);
    const start = pool.startFor(point);
    expect(master.check(start).maxViolation).toBeLessThan(1e-9);
    expect(master.objectiveOf(start)).toBeCloseTo(model.lp.objectiveOf(point));
    const back = pool.toPoint(start)!;
    expect(model.lp.check(back).maxViolation).toBeLessThan(1e-9);
    expect(model.lp.objectiveOf(back)).toBeCloseTo(model.lp.objectiveOf(point));
    expect(lns.accept(back, 'test')).toBe(true);
  });
});

describe('column generation', () => {
  it('converges to a bound no lower than the optimum, and the integer master reaches the optimum', async () => {
    const model = tinyModel();
    const split = decompose(model);
    const pool = new PatternPool(model.lp, split);
    const lns = lnsFor(model);
    const pricer = new Pricer(highsEngine, split);
    // Start from the worst sensible roster: nobody works (feasible for the rules of this week
    // only through the elastic hours floor), so every good roster must come from pricing.
    const empty = new Float64Array(model.lp.names.length);
    const idle = (await highsEngine.open(model.lp)).run({ timeLimitSeconds: 5, start: empty });
    pool.addPoint(idle.values!);
    const result = await generateColumns(model, lns, pool, pricer, 15);
    pricer.dispose();
    expect(result.converged).toBe(true);
    expect(result.bound!).toBeGreaterThanOrEqual(-60 - 1e-6);
    expect(result.bound!).toBeCloseTo(result.masterValue!);
    expect(pool.patterns.length).toBeGreaterThan(2);
    // Converged: no pooled roster prices above zero, and each officer's best prices at zero.
    const reduced = pool.patterns.map((_, k) => pool.reducedCost(k, result.prices!));
    expect(Math.max(...reduced)).toBeLessThan(1e-6);
    for (const b of [0, 1]) expect(Math.max(...reduced.filter((_, k) => pool.patterns[k].block === b))).toBeCloseTo(0, 6);
    // The master LP rounded (each officer's heaviest roster) is a rota that keeps every rule.
    const choice = roundedChoice(pool, result.lpValues!);
    expect(choice.map((k) => pool.patterns[k].block)).toEqual([0, 1]);
    await solveIntegerMaster(highsEngine, lns, pool, 5, choice);
    expect(lns.log.at(-1)).toMatch(/^rounded master over \d+ rosters: optimal/);
    expect(model.lp.check(lns.getBest()!.values).maxViolation).toBeLessThan(1e-6);
    await solveIntegerMaster(highsEngine, lns, pool, 10);
    expect(lns.getBest()!.objective).toBeCloseTo(-60);
  });

  it('runs as a partner search: posts a bound and the optimum through its channel', async () => {
    const model = tinyModel();
    const lns = lnsFor(model, 15);
    const bounds: number[] = [];
    const points: Float64Array[] = [];
    await partnerSearch(model, highsEngine, lns, { drain: () => [], postBound: (b) => bounds.push(b), postPoint: (p) => points.push(p), yieldToMessages: async () => undefined });
    expect(bounds.length).toBeGreaterThan(0);
    expect(Math.min(...bounds)).toBeGreaterThanOrEqual(-60 - 1e-6);
    expect(model.lp.objectiveOf(points.at(-1)!)).toBeCloseTo(-60);
    // Proved optimal by its own bound: it stops long before its 15 s.
    expect(lns.remaining()).toBeGreaterThan(10);
  });
});

describe('seed rosters', () => {
  it('gives each officer a roster that keeps their own rules, feasibility first, and puts them side by side', async () => {
    const model = tinyModel();
    const split = decompose(model);
    const lns = lnsFor(model);
    // The partner's roster for officer B, seeded on a model of B alone, arrives by column name
    // before construction starts: it is used as is.
    const fromPartner = await seedOfficerAlone(contextWithoutCover(nrpToScenario(parseNrp(TINY, 'Tiny'))), 1, highsEngine, 5, () => false);
    expect(fromPartner?.officerId).toBe('B');
    expect(fromPartner!.names.every((n) => n.startsWith('assign:B@') || !n.startsWith('assign:'))).toBe(true);
    await constructFromRosters(model, highsEngine, lns, split, [fromPartner!]);
    const best = lns.getBest()!;
    expect(model.lp.check(best.values).maxViolation).toBeLessThan(1e-6);
    const worked = split.blocks[1].cols.filter((c) => best.values[c] !== 0).map((c) => model.lp.names[c]);
    expect(worked.filter((n) => n.startsWith('assign:'))).toEqual(fromPartner!.names.filter((n) => n.startsWith('assign:')));
    expect(lns.log.find((l) => l.startsWith('construction from'))).toMatch(/1 seeded here, 1 seeded before the build, all officers covered/);
    // Feasibility first: no hard rule's elastic slack is used by a seed.
    const slack = model.lp.names.map((n, j) => [n, j] as const).filter(([n]) => /^(short|excess):/.test(n));
    expect(slack.every(([, j]) => best.values[j] === 0)).toBe(true);
  });
});
