import { describe, expect, it } from 'vitest';
import { minConsecutiveDays } from '../../src/rules/minConsecutiveDays.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Officer a on the early shift on each of the given days after 2 Mar 2026. */
const earlies = (days: number[]) => rotaOf(days.map((d) => ['a', `E@2026-03-${String(2 + d).padStart(2, '0')}`]));
const policy = { minConsecutiveWorkingDays: 3 };

describe(`rule ${minConsecutiveDays.id}`, () => {
  it('is registered', () => expect(RULES).toContain(minConsecutiveDays));

  it('passes long enough stretches, and short ones at the start or end of the rota', () => {
    expect(explain(minConsecutiveDays, tinyScenario({ policy }), earlies([0, 2, 3, 4, 6]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags a single working day between days off', () => {
    const v = explain(minConsecutiveDays, tinyScenario({ policy }), earlies([1, 4, 5, 6]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'minConsecutiveDays', officerId: 'a', date: '2026-03-03', violation: true, amount: 2, unit: 'days', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A works only 1 day in a row from Tue 3 Mar; the minimum is 3.');
  });

  it('uses the officer’s own minimum over the policy’s', () => {
    const s = tinyScenario({ officers: [officer('a', { limits: { minConsecutiveWorkingDays: 2 } })] });
    expect(explain(minConsecutiveDays, s, earlies([2])).findings.map((f) => f.amount)).toEqual([1]);
    expect(explain(minConsecutiveDays, tinyScenario(), earlies([2])).findings).toEqual([]);
  });

  it('costs its weight per missing day when soft', () => {
    const v = explain(minConsecutiveDays, tinyScenario({ policy: { ...policy, rules: { minConsecutiveDays: { hard: false, weight: 4 } } } }), earlies([2]));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 2, penalty: -8 });
    expect(v.objective).toBe(-8);
  });

  it('keeps the solver from a lone working day between two leave days', async () => {
    // Leave on Wed and Fri: Thu alone would be a one-day stretch, so it stays off.
    const a = officer('a', { abstractions: [{ kind: 'leave', start: '2026-03-04', end: '2026-03-05' }, { kind: 'leave', start: '2026-03-06', end: '2026-03-07' }] });
    const s = tinyScenario({ officers: [a], policy: { ...OPEN, minConsecutiveWorkingDays: 2 } });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === minConsecutiveDays.id)).toEqual([]);
    expect(result.rota.assignments.map((x) => x.shiftId).sort()).toEqual(['E@2026-03-02', 'E@2026-03-03', 'E@2026-03-07', 'E@2026-03-08']);
  });
});
