import { describe, expect, it } from 'vitest';
import { maxConsecutiveNights } from '../../src/rules/maxConsecutiveNights.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99 };

/** Officer a on `type` on each of the given days after 2 Mar 2026. */
const on = (type: string, days: number[]): [string, string][] => days.map((d) => ['a', `${type}@2026-03-${String(2 + d).padStart(2, '0')}`]);

describe(`rule ${maxConsecutiveNights.id}`, () => {
  it('is registered', () => expect(RULES).toContain(maxConsecutiveNights));

  it('passes four nights in a row, and days around them', () => {
    expect(explain(maxConsecutiveNights, tinyScenario(), rotaOf([...on('N', [0, 1, 2, 3]), ...on('L', [5, 6])]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags five nights in a row as one night over', () => {
    const v = explain(maxConsecutiveNights, tinyScenario(), rotaOf(on('N', [0, 1, 2, 3, 4])));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'maxConsecutiveNights', officerId: 'a', date: '2026-03-02', violation: true, amount: 1, unit: 'nights', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A works 5 nights in a row from Mon 2 Mar to Fri 6 Mar; the policy allows 4.');
  });

  it('uses the policy’s limit, and a day shift breaks a run of nights', () => {
    const policy = { maxConsecutiveNights: 2 };
    expect(explain(maxConsecutiveNights, tinyScenario({ policy }), rotaOf([...on('N', [0, 1]), ...on('L', [2]), ...on('N', [3, 4])])).findings).toEqual([]);
    expect(explain(maxConsecutiveNights, tinyScenario({ policy }), rotaOf(on('N', [0, 1, 2]))).findings.map((f) => f.amount)).toEqual([1]);
  });

  it('costs its weight per night over when soft', () => {
    const v = explain(maxConsecutiveNights, tinyScenario({ policy: { maxConsecutiveNights: 2, rules: { maxConsecutiveNights: { hard: false, weight: 3 } } } }), rotaOf(on('N', [0, 1, 2, 3])));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 2, penalty: -6 });
    expect(v.objective).toBe(-6);
  });

  it('keeps the solver within the nights limit', async () => {
    // Nights only, limit 2 in 4 days: the best is night, night, off, night.
    const s = tinyScenario({ days: 4, officers: [officer('a')], policy: { ...OPEN, maxConsecutiveNights: 2 } });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'N');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === maxConsecutiveNights.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(3);
  });
});
