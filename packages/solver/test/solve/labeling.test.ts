import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { highsEngine } from '../../src/engines/highs.js';
import { LinearModel } from '../../src/model/linear.js';
import { buildModel } from '../../src/model/build.js';
import { decompose } from '../../src/solve/decompose.js';
import { RosterLabeling } from '../../src/solve/labeling.js';
import { planLabeling } from '../../src/solve/labelingPlan.js';
import { Pricer } from '../../src/solve/pricer.js';
import { TINY } from '../benchmark/nrpFixtures.js';

/**
 * Four days, shifts E and L each day (binaries e0..e3, l0..l3), at most one a day, no L followed
 * by E, at most 3 shifts in all, at least 2 (elastic: a day short costs 10), and a weekend flag
 * w ≥ e3, w ≥ l3 that is capped at 0 when `noWeekend`.
 */
function smallBlock(noWeekend = false) {
  const lp = new LinearModel();
  const e = [0, 1, 2, 3].map((d) => lp.addVar(`e${d}`, { type: 'binary' }));
  const l = [0, 1, 2, 3].map((d) => lp.addVar(`l${d}`, { type: 'binary' }));
  const w = lp.addVar('w', { type: 'binary' });
  const short = lp.addVar('short', { cost: -10 });
  for (let d = 0; d < 4; d++) lp.addRow(`one${d}`, [[e[d], 1], [l[d], 1]], -Infinity, 1);
  for (let d = 0; d < 3; d++) lp.addRow(`succ${d}`, [[l[d], 1], [e[d + 1], 1]], -Infinity, 1);
  const all = [...e, ...l].map((v) => [v, 1] as [number, number]);
  lp.addRow('max', all, -Infinity, 3);
  lp.addRow('min', [...all, [short, 1]], 2, Infinity);
  lp.addRow('wE', [[e[3], 1], [w, -1]], -Infinity, 0);
  lp.addRow('wL', [[l[3], 1], [w, -1]], -Infinity, 0);
  lp.addRow('cap', [[w, 1]], -Infinity, noWeekend ? 0 : 1);
  const stage = [0, 1, 2, 3, 0, 1, 2, 3, 3, 3];
  return { lp, stage, short };
}

/** A seeded pseudo-random stream in (0, 1), so trials repeat. */
function lcg(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/**
 * The best objective over every roster of `dayCount` days with one of two shifts or none each
 * day (columns: the first shift's days, then the second's) that keeps every row, by brute force.
 */
function bestTwoShiftRoster(lp: LinearModel, dayCount: number, costs: number[]): number {
  let best = -Infinity;
  for (let code = 0; code < 3 ** dayCount; code++) {
    const values = new Array(2 * dayCount).fill(0);
    for (let d = 0, c = code; d < dayCount; d++, c = Math.floor(c / 3)) if (c % 3 > 0) values[c % 3 === 1 ? d : dayCount + d] = 1;
    if (lp.check(values).maxViolation <= 1e-9) best = Math.max(best, values.reduce((sum, v, j) => sum + v * costs[j], 0));
  }
  return best;
}

/** Every 0/1 roster of the small block with its best slack, by brute force. */
function bruteForce(lp: LinearModel, costs: number[], short: number): { values: number[]; objective: number }[] {
  const out: { values: number[]; objective: number }[] = [];
  for (let mask = 0; mask < 1 << 9; mask++) {
    const values = Array.from({ length: 10 }, (_, j) => (j < 9 ? (mask >> j) & 1 : 0));
    const worked = values.slice(0, 8).reduce((a, b) => a + b, 0);
    values[short] = Math.max(0, 2 - worked);
    if (lp.check(values).maxViolation > 1e-9) continue;
    out.push({ values, objective: values.reduce((sum, v, j) => sum + v * costs[j], 0) });
  }
  return out.sort((a, b) => b.objective - a.objective);
}

describe('roster labeling', () => {
  const costs = [5, -1, 4, 6, 7, 3, -2, 2, 0, -10];

  it('finds the same best roster as brute force, with the elastic slack priced', () => {
    const { lp, stage, short } = smallBlock();
    const found = RosterLabeling.build(lp, stage)!.solve(costs, { cutoff: -Infinity });
    const best = bruteForce(lp, costs, short)[0];
    expect(found.exact).toBe(true);
    expect(found.rosters[0].objective).toBeCloseTo(best.objective, 9);
    expect(lp.check(found.rosters[0].values).maxViolation).toBeLessThanOrEqual(1e-9);
  });

  it('charges the slack when a cap forces a short roster', () => {
    // Only e0 pays and only it may be worked: one shift short of the minimum of two costs 10.
    const { lp, stage } = smallBlock(true);
    const lonely = [1, -50, -50, -50, -50, -50, -50, -50, 0, -10];
    const found = RosterLabeling.build(lp, stage)!.solve(lonely, { cutoff: -Infinity });
    expect(found.rosters[0].objective).toBeCloseTo(1 - 10, 9);
    expect(Array.from(found.rosters[0].values)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('reports nothing above a cutoff no roster beats, and says so exactly', () => {
    const { lp, stage, short } = smallBlock();
    const best = bruteForce(lp, costs, short)[0].objective;
    const found = RosterLabeling.build(lp, stage)!.solve(costs, { cutoff: best });
    expect(found.rosters).toEqual([]);
    expect(found.exact).toBe(true);
  });

  it('proves the same without its first beam when told to expect nothing above the cutoff', () => {
    const { lp, stage, short } = smallBlock();
    const labeling = RosterLabeling.build(lp, stage)!;
    const ranked = bruteForce(lp, costs, short);
    const best = ranked[0].objective;
    expect(labeling.solve(costs, { cutoff: best, expectNone: true })).toMatchObject({ rosters: [], exact: true });
    // Below the best, it still finds the best roster, exactly.
    const found = labeling.solve(costs, { cutoff: best - 5, expectNone: true });
    expect(found.exact).toBe(true);
    expect(found.rosters[0].objective).toBeCloseTo(best, 9);
  });

  it('keeps a narrow beam on pace for an elastic minimum that only closes at the end', () => {
    // Six days, one shift each costing 1, at least four shifts (a shift short costs 10).
    const lp = new LinearModel();
    const x = [0, 1, 2, 3, 4, 5].map((d) => lp.addVar(`x${d}`, { type: 'binary', cost: -1 }));
    const short = lp.addVar('short', { cost: -10 });
    lp.addRow('min', [...x.map((v) => [v, 1] as [number, number]), [short, 1]], 4, Infinity);
    const labeling = RosterLabeling.build(lp, [0, 1, 2, 3, 4, 5, 5])!;
    // A one-label beam by cost alone stays off until the last day, when the shortfall shows:
    // one shift and three short.
    const greedy = labeling.solve(lp.cost, { cutoff: -Infinity, labelLimit: 1 });
    expect(greedy.rosters[0].objective).toBeCloseTo(-1 - 30, 9);
    const paced = labeling.solve(lp.cost, { cutoff: -Infinity, labelLimit: 1, pace: true });
    expect(paced.rosters[0].objective).toBeCloseTo(-4, 9);
    expect(lp.check(paced.rosters[0].values).maxViolation).toBeLessThanOrEqual(1e-9);
  });

  it('pairs a minimum and a maximum over the same hours and still finds the best roster exactly', () => {
    // Ten days, an 8-hour or a 6-hour shift or none each day, 40 to 56 hours in all as two
    // one-sided rows over the same terms (compared by equality, not one by one), and three
    // days' work in any four at most: hundreds of labels a day, so the label store grows.
    const lp = new LinearModel();
    const days = Array.from({ length: 10 }, (_, d) => d);
    const long = days.map((d) => lp.addVar(`long${d}`, { type: 'binary' }));
    const short = days.map((d) => lp.addVar(`short${d}`, { type: 'binary' }));
    const hours = days.flatMap((d) => [[long[d], 8], [short[d], 6]] as [number, number][]);
    for (const d of days) lp.addRow(`one${d}`, [[long[d], 1], [short[d], 1]], -Infinity, 1);
    for (const d of days.slice(0, 7)) lp.addRow(`run${d}`, [d, d + 1, d + 2, d + 3].flatMap((e) => [[long[e], 1], [short[e], 1]] as [number, number][]), -Infinity, 3);
    lp.addRow('minHours', hours, 40, Infinity);
    lp.addRow('maxHours', hours, -Infinity, 56);
    const labeling = RosterLabeling.build(lp, [...days, ...days])!;
    const random = lcg(5);
    for (let trial = 0; trial < 4; trial++) {
      const costs = days.flatMap(() => [10 * random() - 3, 10 * random() - 3]);
      const ordered = [...long, ...short].map((_, j) => costs[j < 10 ? 2 * j : 2 * (j - 10) + 1]);
      const best = bestTwoShiftRoster(lp, 10, ordered);
      // Pricing's way (a beam, then every label that can beat it), and one wide walk with no
      // cutoff, which keeps every undominated label.
      const priced = labeling.solve(ordered, { cutoff: -Infinity });
      const found = labeling.solve(ordered, { cutoff: -Infinity, labelLimit: 100_000, pace: true });
      expect(priced.exact).toBe(true);
      expect(priced.rosters[0].objective).toBeCloseTo(best, 9);
      expect(found.exact).toBe(true);
      expect(found.peakLabels).toBeGreaterThan(64);
      expect(found.rosters[0].objective).toBeCloseTo(best, 9);
      for (const roster of [...priced.rosters, ...found.rosters]) expect(lp.check(roster.values).maxViolation).toBeLessThanOrEqual(1e-9);
    }
  });

  it('bounds what later days add to a row by the moves a day allows, and stays exact when rows stop binding', () => {
    // Eight days, shift A or B or none each day; at most 2 working days in any 3 (a window that
    // an off day settles), a working stretch that starts after day 0 lasts 2 days (rows
    // w[d] − w[d−1] − w[d+1] ≤ 0), and at most 5 shifts in all.
    const lp = new LinearModel();
    const days = Array.from({ length: 8 }, (_, d) => d);
    const a = days.map((d) => lp.addVar(`a${d}`, { type: 'binary' }));
    const b = days.map((d) => lp.addVar(`b${d}`, { type: 'binary' }));
    const work = (d: number, c = 1) => [[a[d], c], [b[d], c]] as [number, number][];
    for (const d of days) lp.addRow(`one${d}`, work(d), -Infinity, 1);
    for (const d of days.slice(0, 6)) lp.addRow(`window${d}`, [...work(d), ...work(d + 1), ...work(d + 2)], -Infinity, 2);
    for (const d of days.slice(1, 7)) lp.addRow(`stretch${d}`, [...work(d), ...work(d - 1, -1), ...work(d + 1, -1)], -Infinity, 0);
    lp.addRow('total', days.flatMap((d) => work(d)), -Infinity, 5);
    const stage = [...days, ...days];
    const plan = planLabeling(lp, stage)!;
    // Day 0 opens window0; days 1 and 2 can add one shift each, not one per shift type.
    const window0 = plan.stages[0].rows.find((r) => r.opens && r.upper === 2 && r.restMax > 0)!;
    expect(window0.restMax).toBe(2);
    const labeling = RosterLabeling.build(lp, stage)!;
    const random = lcg(3);
    for (let trial = 0; trial < 5; trial++) {
      const costs = [...a, ...b].map(() => 10 * random() - 4);
      const best = bestTwoShiftRoster(lp, 8, costs);
      const found = labeling.solve(costs, { cutoff: -Infinity });
      expect(found.exact).toBe(true);
      expect(found.rosters[0].objective).toBeCloseTo(best, 9);
      expect(lp.check(found.rosters[0].values).maxViolation).toBeLessThanOrEqual(1e-9);
      // Pricing's question: nothing above the best, and the best itself just above a lower cutoff.
      expect(labeling.solve(costs, { cutoff: best + 1e-6 }).rosters).toEqual([]);
      expect(labeling.solve(costs, { cutoff: best - 1e-3 }).rosters[0].objective).toBeCloseTo(best, 9);
    }
  });

  it('leaves blocks with a free continuous column to the MIP', () => {
    const lp = new LinearModel();
    const x = lp.addVar('x', { type: 'binary' });
    const hours = lp.addVar('hours', { upper: 8 });
    lp.addRow('link', [[x, 8], [hours, -1]], 0, Infinity);
    expect(RosterLabeling.build(lp, [0, 0])).toBeNull();
  });

  it('prices every officer of a benchmark model exactly as the MIP does', async () => {
    const model = buildModel(buildContext(nrpToScenario(parseNrp(TINY, 'Tiny'))));
    const split = decompose(model);
    const pricer = new Pricer(highsEngine, split);
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const [b, block] of split.blocks.entries()) {
      for (let trial = 0; trial < 3; trial++) {
        const priced = block.lp.cost.map((c, i) => c + (block.lp.names[i].startsWith('assign:') ? 30 * random() - 5 : 0));
        const found = pricer.labeling(model, b)!.solve(priced, { cutoff: -Infinity });
        const session = await highsEngine.open(block.lp);
        session.setCosts!(priced.map((_, i) => i), priced);
        const run = session.run({ timeLimitSeconds: 10, gapTolerance: 1e-9 });
        session.dispose();
        expect(found.exact).toBe(true);
        expect(found.rosters[0].objective).toBeCloseTo(run.objective!, 6);
        expect(block.lp.check(found.rosters[0].values).maxViolation).toBeLessThanOrEqual(1e-6);
      }
    }
  });
});
