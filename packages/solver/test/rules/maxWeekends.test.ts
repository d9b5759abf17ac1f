import { describe, expect, it } from 'vitest';
import { maxWeekends } from '../../src/rules/maxWeekends.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Officer a on the early shift on each of the given dates in March 2026. */
const earlies = (dates: number[]) => rotaOf(dates.map((d) => ['a', `E@2026-03-${String(d).padStart(2, '0')}`]));
/** Two weeks from Mon 2 Mar: weekends 7–8 and 14–15 March. */
const twoWeeks = (extra: Parameters<typeof tinyScenario>[0] = {}) => tinyScenario({ days: 14, policy: { maxWeekends: 1 }, ...extra });

describe(`rule ${maxWeekends.id}`, () => {
  it('is registered', () => expect(RULES).toContain(maxWeekends));

  it('counts Saturday and Sunday of one weekend once', () => {
    expect(explain(maxWeekends, twoWeeks(), earlies([6, 7, 8, 9]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags a second weekend', () => {
    const v = explain(maxWeekends, twoWeeks(), earlies([8, 14]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'maxWeekends', officerId: 'a', violation: true, amount: 1, unit: 'weekends', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A works 2 weekends (Sat 7 Mar, Sat 14 Mar); the limit is 1.');
  });

  it('counts weekends cut by the horizon, and has no limit unless one is set', () => {
    // Sun 8 Mar to Sat 14 Mar: a lone Sunday and a lone Saturday are two weekends.
    const s = twoWeeks({ startDate: '2026-03-08', days: 7 });
    expect(explain(maxWeekends, s, earlies([8, 14])).findings.map((f) => f.amount)).toEqual([1]);
    expect(explain(maxWeekends, tinyScenario({ days: 14 }), earlies([7, 8, 14, 15])).findings).toEqual([]);
  });

  it('uses the officer’s own limit over the policy’s', () => {
    const v = explain(maxWeekends, twoWeeks({ officers: [officer('a', { limits: { maxWeekends: 0 } })] }), earlies([7]));
    expect(v.findings.map((f) => [f.amount, f.message])).toEqual([[1, 'PC A works 1 weekend (Sat 7 Mar); the limit is 0.']]);
  });

  it('costs its weight per weekend over when soft', () => {
    const v = explain(maxWeekends, twoWeeks({ policy: { maxWeekends: 0, rules: { maxWeekends: { hard: false, weight: 3 } } } }), earlies([7, 15]));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 2, penalty: -6 });
    expect(v.objective).toBe(-6);
  });

  it('keeps the solver to one weekend in two weeks', async () => {
    const s = twoWeeks({ officers: [officer('a')], policy: { ...OPEN, maxWeekends: 1 } });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === maxWeekends.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(12);
  });
});
