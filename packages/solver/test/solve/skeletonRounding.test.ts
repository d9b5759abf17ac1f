import { describe, expect, it } from 'vitest';
import { highsEngine } from '../../src/engines/highs.js';
import { officerDays } from '../../src/solve/assignmentDive.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { roundedByLp } from '../../src/solve/skeletonRounding.js';
import { workDayCandidates } from '../../src/solve/workDayBranching.js';
import { skeletonMaster } from '../../src/solve/workDaySkeleton.js';
import { WEEKENDS, decomposedFixture } from './decomposedFixture.js';

describe('rounding the skeleton master', () => {
  it('gives each officer exactly one pooled roster, at no better than the LP it started from', async () => {
    const { model, pool, pricer, lns } = await decomposedFixture(WEEKENDS);
    await generateColumns(model, lns, pool, pricer, 10);
    pricer.dispose();
    const [capped] = workDayCandidates(model, officerDays(model, pool));
    const keep = new Set(capped.map((d) => d.day));
    const rounding = (await roundedByLp(highsEngine, lns, pool, capped, skeletonMaster(model, pool, keep, false)))!;
    expect(rounding).not.toBeNull();
    const chosen = pool.split.blocks.map(() => 0);
    pool.patterns.forEach((p, k) => {
      const v = rounding.values[k];
      expect(v < 1e-6 || v > 1 - 1e-6).toBe(true);
      if (v > 0.5) chosen[p.block]++;
    });
    expect(chosen.every((n) => n === 1)).toBe(true);
    // Fixing only narrows the LP: the rounded rota is worth at most the relaxation (maximised).
    expect(rounding.objective).toBeLessThanOrEqual(rounding.lpObjective + 1e-6);
  });
});
