import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { workingTime } from '../../src/rules/workingTime.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Rest-day and run limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Officer a on the early shift (8 h) on each of the given days after 2 Mar 2026. */
const earlies = (days: number[]) => rotaOf(days.map((d) => ['a', `E@2026-03-${String(2 + d).padStart(2, '0')}`]));

describe(`rule ${workingTime.id}`, () => {
  it('is registered', () => expect(RULES).toContain(workingTime));

  it('passes a 48-hour week', () => {
    expect(explain(workingTime, tinyScenario(), earlies([0, 1, 2, 3, 4, 5]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags a 56-hour week against the 48-hour average', () => {
    const v = explain(workingTime, tinyScenario(), earlies([0, 1, 2, 3, 4, 5, 6]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'workingTime', officerId: 'a', violation: true, amount: 480, unit: 'minutes', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A is paid for 56 h over the 7-day rota, 56 h a week on average; the policy allows 48 h.');
  });

  it('checks every rolling 7 days against the policy’s cap, counting paid minutes', () => {
    const policy = { maxMinutesPer7Days: 50 * 60, maxAverageMinutesPerWeek: 99 * 60 };
    const v = explain(workingTime, tinyScenario({ days: 8, policy }), earlies([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(v.findings.map((f) => [f.date, f.amount])).toEqual([['2026-03-02', 360], ['2026-03-03', 360]]);
    expect(v.findings[0].message).toBe('PC A is paid for 56 h in the 7 days from Mon 2 Mar; the policy allows 50 h.');
    const paidLess = tinyScenario({ days: 8, policy });
    paidLess.shiftTypes = paidLess.shiftTypes.map((t) => ({ ...t, paidMinutes: 7 * 60 }));
    expect(explain(workingTime, paidLess, earlies([0, 1, 2, 3, 4, 5, 6, 7])).findings).toEqual([]);
  });

  it('costs its weight per minute over when soft', () => {
    const v = explain(workingTime, tinyScenario({ policy: { rules: { workingTime: { hard: false, weight: 0.01 } } } }), earlies([0, 1, 2, 3, 4, 5, 6]));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 480 });
    expect(v.objective).toBeCloseTo(-4.8);
  });

  it('keeps the solver within every rolling 7 days', async () => {
    // 24 h per rolling 7 days over 8 days: at most 3 earlies in days 0–6 and in days 1–7, so 4 in all.
    const s = tinyScenario({ days: 8, officers: [officer('a')], policy: { ...OPEN, maxMinutesPer7Days: 24 * 60, maxAverageMinutesPerWeek: 99 * 60 } });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === workingTime.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(4);
  });

  it('keeps the solver within the average week', async () => {
    const s = tinyScenario({ officers: [officer('a')], policy: { ...OPEN, maxAverageMinutesPerWeek: 40 * 60 } });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === workingTime.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(5);
  });
});
