import { describe, expect, it } from 'vitest';
import { officerDays } from '../../src/solve/assignmentDive.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { assignSet } from '../../src/solve/lns.js';
import { lagrangianFixing } from '../../src/solve/lagrangianFixing.js';
import { LABEL_LIMIT, pricingCosts, withFixings } from '../../src/solve/pricing.js';
import { section, week } from '../benchmark/nrpFixtures.js';
import { decomposedFixture } from './decomposedFixture.js';

/** Four officers, a cover they cannot all meet, and requests that make rosters differ in value. */
const INSTANCE = [
  section('HORIZON', '7'),
  section('SHIFTS', 'D,480,', 'N,480,D'),
  section('STAFF', ...['A', 'B', 'C', 'E'].map((id) => `${id},D=7|N=7,2400,960,3,2,2,1`)),
  section('DAYS_OFF', 'E,4'),
  section('SHIFT_ON_REQUESTS', 'C,2,D,3', 'A,1,D,2', 'A,0,N,2', 'B,3,N,3', 'E,0,D,2'),
  section('SHIFT_OFF_REQUESTS', 'B,1,N,3', 'A,6,D,2', 'E,2,N,1'),
  section('COVER', ...week('D', 10), ...week('N', 10)),
].join('');

/** The compact optimum, and the decomposition's master converged at its duals. */
async function converged() {
  const { model, optimum, pool, pricer, lns } = await decomposedFixture(INSTANCE);
  const round = await generateColumns(model, lns, pool, pricer, 10, { exact: true });
  return { model, optimum, pool, pricer, round };
}

describe('lagrangianFixing', () => {
  it('fixes assignments that every rota reaching the cutoff keeps: the optimum keeps them all', async () => {
    const { model, optimum, pool, pricer, round } = await converged();
    expect(round.converged).toBe(true);
    const fixing = lagrangianFixing(model, pool, pricer, round.prices!, round.masterValue!, new Map(), optimum.objective! - 1e-6, Infinity, officerDays(model, pool))!;
    pricer.dispose();
    expect(fixing.gap).toBeGreaterThanOrEqual(0);
    expect(fixing.fixed).toBeGreaterThan(0);
    for (const [b, fixes] of fixing.fixings) for (const [i, value] of fixes) expect(optimum.values![pool.split.blocks[b].cols[i]]).toBeCloseTo(value, 6);
  });

  it('fixes exactly the assignments that no roster within the gap of the best flips, and labels fewer than it checks', async () => {
    const { model, optimum, pool, pricer, round } = await converged();
    // A cutoff a step under the optimum leaves some assignments open and fixes others.
    const cutoff = optimum.objective! - 1 - 1e-6;
    const fixing = lagrangianFixing(model, pool, pricer, round.prices!, round.masterValue!, new Map(), cutoff, Infinity, officerDays(model, pool))!;
    // The reference: each assignment on its own, flipped and labelled exactly, with no shortcuts.
    let checked = 0;
    let expected = 0;
    pool.split.blocks.forEach((block, b) => {
      const labeling = pricer.labeling(model, b)!;
      const costs = pricingCosts(model, pool, b, round.prices!);
      const best = labeling.solve(costs, { cutoff: -Infinity, keep: 1 }).rosters[0];
      block.cols.forEach((c, i) => {
        if (block.lp.upper[i] === block.lp.lower[i] || !assignSet(model).has(c)) return;
        checked++;
        const keep = best.values[i] > 0.5 ? 1 : 0;
        const flipped = withFixings(costs, new Map([[i, (1 - keep) as 0 | 1]]));
        const found = labeling.solve(flipped.costs, { cutoff: best.objective - fixing.gap - 1e-6 + flipped.offset, keep: 1, labelLimit: LABEL_LIMIT });
        const flips = found.rosters.length > 0 && Math.abs(found.rosters[0].values[i] - keep) > 0.5;
        expect(fixing.fixings.get(b)?.get(i)).toBe(flips ? undefined : keep);
        if (!flips) expected++;
      });
    });
    pricer.dispose();
    expect(fixing.fixed).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(checked);
    expect(fixing.labelings).toBeLessThan(checked);
  });

  it('fixes nothing when the cutoff is far below the bound, and reports a negative gap above it', async () => {
    const { model, pool, pricer, round } = await converged();
    const loose = lagrangianFixing(model, pool, pricer, round.prices!, round.masterValue!, new Map(), round.masterValue! - 1000, Infinity, officerDays(model, pool))!;
    const beyond = lagrangianFixing(model, pool, pricer, round.prices!, round.masterValue!, new Map(), round.masterValue! + 1, Infinity, officerDays(model, pool))!;
    pricer.dispose();
    expect(loose.fixed).toBe(0);
    expect(beyond.gap).toBeLessThan(0);
  });

  it('keeps the node fixings it is given', async () => {
    const { model, optimum, pool, pricer, round } = await converged();
    const column = pool.split.blocks[0].cols.findIndex((c) => model.lp.upper[c] > model.lp.lower[c]);
    const value = optimum.values![pool.split.blocks[0].cols[column]] > 0.5 ? 1 : 0;
    const given = new Map([[0, new Map([[column, value as 0 | 1]])]]);
    const fixing = lagrangianFixing(model, pool, pricer, round.prices!, round.masterValue!, given, optimum.objective! - 1e-6, Infinity, officerDays(model, pool));
    pricer.dispose();
    expect(fixing?.fixings.get(0)?.get(column)).toBe(value);
  });
});
