import { describe, expect, it } from 'vitest';
import { minConsecutiveDaysOff } from '../../src/rules/minConsecutiveDaysOff.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Officer a on the early shift on each of the given days after 2 Mar 2026. */
const earlies = (days: number[]) => rotaOf(days.map((d) => ['a', `E@2026-03-${String(2 + d).padStart(2, '0')}`]));
const policy = { minConsecutiveDaysOff: 2 };

describe(`rule ${minConsecutiveDaysOff.id}`, () => {
  it('is registered', () => expect(RULES).toContain(minConsecutiveDaysOff));

  it('passes two days off together, and single days off at the start or end of the rota', () => {
    expect(explain(minConsecutiveDaysOff, tinyScenario({ policy }), earlies([1, 2, 5]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags a single day off between duties', () => {
    const v = explain(minConsecutiveDaysOff, tinyScenario({ policy }), earlies([0, 2, 3, 4, 5, 6]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'minConsecutiveDaysOff', officerId: 'a', date: '2026-03-03', violation: true, amount: 1, unit: 'days', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A gets only 1 day off in a row from Tue 3 Mar before working again; the minimum is 2.');
  });

  it('uses the officer’s own minimum over the policy’s', () => {
    const s = tinyScenario({ policy, officers: [officer('a', { limits: { minConsecutiveDaysOff: 3 } })] });
    expect(explain(minConsecutiveDaysOff, s, earlies([0, 3, 4, 5, 6])).findings.map((f) => f.amount)).toEqual([1]);
    expect(explain(minConsecutiveDaysOff, tinyScenario({ policy }), earlies([0, 3, 4, 5, 6])).findings).toEqual([]);
  });

  it('costs its weight per day worked too soon when soft', () => {
    const v = explain(minConsecutiveDaysOff, tinyScenario({ policy: { minConsecutiveDaysOff: 3, rules: { minConsecutiveDaysOff: { hard: false, weight: 5 } } } }), earlies([0, 2, 3]));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 2, penalty: -10 });
    expect(v.objective).toBe(-10);
  });

  it('makes the solver stretch a lone leave day to two days off', async () => {
    const a = officer('a', { abstractions: [{ kind: 'leave', start: '2026-03-05', end: '2026-03-06' }] });
    const s = tinyScenario({ officers: [a], policy: { ...OPEN, ...policy } });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === minConsecutiveDaysOff.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(5);
  });
});
