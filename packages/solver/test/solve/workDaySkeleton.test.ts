import { describe, expect, it } from 'vitest';
import { highsEngine } from '../../src/engines/highs.js';
import { officerDays } from '../../src/solve/assignmentDive.js';
import { generateColumns } from '../../src/solve/colgen.js';
import { solveInSupport } from '../../src/solve/fixingsMip.js';
import { assignmentWeights } from '../../src/solve/masterChoice.js';
import { workDayCandidates } from '../../src/solve/workDayBranching.js';
import { skeletonLanding, skeletonMaster, workDaySkeleton } from '../../src/solve/workDaySkeleton.js';
import { WEEKENDS, decomposedFixture } from './decomposedFixture.js';

const WEEKEND_DAYS = new Set([5, 6, 12, 13]);

/** The day of a staffing-target row, from its shift. */
const dayOfRow = (model: Awaited<ReturnType<typeof decomposedFixture>>['model'], shiftId: string) => model.ctx.shiftById.get(shiftId)!.dayIndex;

describe('weekend skeleton master', () => {
  it('keeps weekend staffing targets per shift and sums every other day’s per day and kind', async () => {
    const { model, pool, pricer } = await decomposedFixture(WEEKENDS);
    pricer.dispose();
    const master = skeletonMaster(model, pool, WEEKEND_DAYS, true);
    const targets = master.rows.filter((r) => r.origin?.ruleId === 'coverTargets' && r.origin.shiftId);
    const weekend = targets.filter((r) => WEEKEND_DAYS.has(dayOfRow(model, r.origin!.shiftId!)));
    const weekday = targets.filter((r) => !WEEKEND_DAYS.has(dayOfRow(model, r.origin!.shiftId!)));
    // Two shifts a day, a short and an over row each: 4 weekend days keep their 16 rows.
    expect(weekend).toHaveLength(16);
    expect(weekend.every((r) => r.lower > -Infinity)).toBe(true);
    expect(weekday.every((r) => r.lower === -Infinity)).toBe(true);
    // Ten weekdays, two sums each: D wants 1 and N 1, so 2 heads short at most, 2 over at least −2.
    const sums = master.rows.filter((r) => r.name.startsWith('summed '));
    expect(sums).toHaveLength(20);
    expect(sums.find((r) => r.name === 'summed coverUnder@0')!.lower).toBe(2);
    expect(sums.find((r) => r.name === 'summed coverOver@0')!.lower).toBe(-2);
  });

  it('leaves out a roster that breaks a hard rule unless it is the officer’s only one', async () => {
    const { model, pool, pricer } = await decomposedFixture(WEEKENDS);
    pricer.dispose();
    const block = pool.split.blocks[0];
    // Officer A working nothing at all: short of their minimum minutes (a hard rule, elastic).
    const idle = block.cols.map((c) => (model.lp.names[c].includes('minTotal') ? 2880 : 0));
    pool.add(0, idle);
    const k = pool.patterns.length - 1;
    expect(skeletonMaster(model, pool, WEEKEND_DAYS, true).upper[k]).toBe(0);
    // Officer B's only roster stays in, lawful or not.
    const onlyB = pool.patterns.findIndex((p) => p.block === 1);
    expect(skeletonMaster(model, pool, WEEKEND_DAYS, true).upper[onlyB]).toBe(1);
  });
});

describe('weekend skeleton', () => {
  it('decides every capped officer’s weekend days and no other, within their caps', async () => {
    const { model, pool, pricer, lns } = await decomposedFixture(WEEKENDS);
    const round = await generateColumns(model, lns, pool, pricer, 10);
    pricer.dispose();
    const skeleton = (await workDaySkeleton(model, highsEngine, lns, pool, 5, round.masterValue!))!;
    expect(skeleton).not.toBeNull();
    const [capped] = workDayCandidates(model, officerDays(model, pool));
    expect(skeleton.decided).toBe(capped.length);
    // A and B (one weekend each) are decided; C, capped at the horizon's two, is not.
    expect([...skeleton.fixings.keys()].sort()).toEqual([0, 1]);
    for (const [block, fixes] of skeleton.fixings) {
      const worked = (fixes.workDays ?? []).map((cols) => capped.find((d) => d.block === block && d.cols.join() === cols.join())!.day);
      // One weekend at most: the days worked lie in one week.
      expect(new Set(worked.map((d) => Math.floor(d / 7))).size).toBeLessThanOrEqual(1);
    }
    expect(skeleton.worked).toBeGreaterThan(0);
  });

  it('lands a lawful rota on the skeleton, as good as the compact optimum on this small instance', async () => {
    const { model, optimum, pool, pricer, lns } = await decomposedFixture(WEEKENDS);
    const round = await generateColumns(model, lns, pool, pricer, 10);
    const landed = await skeletonLanding(model, highsEngine, lns, pool, pricer, round.masterValue!);
    pricer.dispose();
    expect(landed).not.toBeNull();
    expect(model.lp.objectiveOf(landed!)).toBeCloseTo(optimum.objective!, 6);
  });

  it('is set aside when other days’ cover, summed, hides much of the master’s cost', async () => {
    const { model, pool, pricer, lns } = await decomposedFixture(WEEKENDS);
    const round = await generateColumns(model, lns, pool, pricer, 10);
    // A master far below what the skeleton's summed cover claims: by shift, those days cost more.
    const landed = await skeletonLanding(model, highsEngine, lns, pool, pricer, round.masterValue! - 1000);
    pricer.dispose();
    expect(landed).toBeNull();
    expect(lns.log.some((line) => line.includes('weekend skeleton set aside'))).toBe(true);
  });
});

describe('the compact model in the master LP’s support', () => {
  it('keeps what every weighted roster makes and makes nothing no weighted roster makes', async () => {
    const { model, pool, pricer, lns } = await decomposedFixture(WEEKENDS);
    const round = await generateColumns(model, lns, pool, pricer, 10);
    pricer.dispose();
    const values = (await solveInSupport(model, highsEngine, lns, pool, round.lpValues!, 5))!;
    expect(values).not.toBeNull();
    const assigns = new Set(model.assignEntries().map((e) => e.variable));
    assignmentWeights(pool, round.lpValues!).forEach((weights, b) =>
      pool.split.blocks[b].cols.forEach((c, i) => {
        if (!assigns.has(c)) return;
        if (weights[i] < 1e-6) expect(values[c]).toBe(0);
        if (weights[i] > 1 - 1e-6) expect(values[c]).toBe(1);
      }),
    );
    // Lawful: no hard rule's slack is paid (cover and requests cost tens here, a breach thousands).
    expect(model.lp.objectiveOf(values)).toBeGreaterThan(-model.ctx.policy.hardViolationPenalty);
  });
});
