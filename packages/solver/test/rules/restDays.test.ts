import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { restDays } from '../../src/rules/restDays.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Officer a on the early shift on each of the given days after 2 Mar 2026. */
const earlies = (days: number[]) => rotaOf(days.map((d) => ['a', `E@2026-03-${String(2 + d).padStart(2, '0')}`]));

describe(`rule ${restDays.id}`, () => {
  it('is registered', () => expect(RULES).toContain(restDays));

  it('passes five duties and two rest days in a week', () => {
    expect(explain(restDays, tinyScenario(), earlies([0, 1, 2, 3, 4]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags a week with one rest day', () => {
    const v = explain(restDays, tinyScenario(), earlies([0, 1, 2, 3, 4, 5]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'restDays', officerId: 'a', date: '2026-03-02', violation: true, amount: 1, unit: 'days', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A gets 1 rest day from Mon 2 Mar to Sun 8 Mar; the policy asks for 2.');
  });

  it('uses the policy’s rest days per week', () => {
    const policy = { restDaysPer7Days: 1 };
    expect(explain(restDays, tinyScenario({ policy }), earlies([0, 1, 2, 3, 4, 5])).findings).toEqual([]);
    expect(explain(restDays, tinyScenario({ policy }), earlies([0, 1, 2, 3, 4, 5, 6])).findings[0]).toMatchObject({ amount: 1 });
  });

  it('asks a short last block for rest pro rata, rounded down', () => {
    // Days 7–9 (3 days): ⌊2 × 3/7⌋ = 0 rest days; days 7–10 (4 days): ⌊8/7⌋ = 1.
    expect(explain(restDays, tinyScenario({ days: 10 }), earlies([7, 8, 9])).findings).toEqual([]);
    const v = explain(restDays, tinyScenario({ days: 11 }), earlies([7, 8, 9, 10]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ date: '2026-03-09', amount: 1 });
  });

  it('costs its weight per missing rest day when soft', () => {
    const v = explain(restDays, tinyScenario({ policy: { rules: { restDays: { hard: false, weight: 2 } } } }), earlies([0, 1, 2, 3, 4, 5, 6]));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 2, penalty: -4 });
    expect(v.objective).toBe(-4);
  });

  it('leaves the solver’s rota two rest days a week', async () => {
    const s = tinyScenario({ officers: [officer('a')], policy: OPEN });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === restDays.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(5);
  });
});
