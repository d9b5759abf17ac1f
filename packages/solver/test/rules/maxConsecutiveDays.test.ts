import { describe, expect, it } from 'vitest';
import { maxConsecutiveDays } from '../../src/rules/maxConsecutiveDays.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveNights: 99 };

/** Officer a on the early shift on each of the given days after 2 Mar 2026. */
const earlies = (days: number[]) => rotaOf(days.map((d) => ['a', `E@2026-03-${String(2 + d).padStart(2, '0')}`]));

describe(`rule ${maxConsecutiveDays.id}`, () => {
  it('is registered', () => expect(RULES).toContain(maxConsecutiveDays));

  it('passes six days in a row', () => {
    expect(explain(maxConsecutiveDays, tinyScenario(), earlies([0, 1, 2, 3, 4, 5]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags seven days in a row as one day over', () => {
    const v = explain(maxConsecutiveDays, tinyScenario(), earlies([0, 1, 2, 3, 4, 5, 6]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'maxConsecutiveDays', officerId: 'a', date: '2026-03-02', violation: true, amount: 1, unit: 'days', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A works 7 days in a row from Mon 2 Mar to Sun 8 Mar; the limit is 6.');
  });

  it('uses the officer’s own limit, one finding per run', () => {
    const s = tinyScenario({ days: 10, officers: [officer('a', { limits: { maxConsecutiveWorkingDays: 3 } })] });
    const v = explain(maxConsecutiveDays, s, earlies([0, 1, 2, 3, 5, 6, 7, 8, 9]));
    expect(v.findings.map((f) => [f.date, f.amount])).toEqual([['2026-03-02', 1], ['2026-03-07', 2]]);
  });

  it('costs its weight per day over when soft', () => {
    const v = explain(maxConsecutiveDays, tinyScenario({ policy: { maxConsecutiveWorkingDays: 4, rules: { maxConsecutiveDays: { hard: false, weight: 2 } } } }), earlies([0, 1, 2, 3, 4, 5, 6]));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 3, penalty: -6 });
    expect(v.objective).toBe(-6);
  });

  it('keeps the solver within the officer’s limit', async () => {
    // Limit 2 in 5 days: the best pattern is work, work, off, work, work.
    const s = tinyScenario({ days: 5, officers: [officer('a', { limits: { maxConsecutiveWorkingDays: 2 } })], policy: { ...OPEN, maxConsecutiveWorkingDays: 99 } });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === maxConsecutiveDays.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(4);
  });
});
