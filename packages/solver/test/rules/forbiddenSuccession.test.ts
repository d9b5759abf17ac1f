import { describe, expect, it } from 'vitest';
import { forbiddenSuccession } from '../../src/rules/forbiddenSuccession.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** The tiny scenario where a late may not be worked the day after an early. */
const scenario = (extra: Parameters<typeof tinyScenario>[0] = {}) => {
  const base = tinyScenario(extra);
  base.shiftTypes = base.shiftTypes.map((t) => (t.id === 'E' ? { ...t, cannotFollow: ['L'] } : t));
  return base;
};

describe(`rule ${forbiddenSuccession.id}`, () => {
  it('is registered', () => expect(RULES).toContain(forbiddenSuccession));

  it('passes an early followed by an early, and a late followed by an early', () => {
    const v = explain(forbiddenSuccession, scenario(), rotaOf([['a', 'E@2026-03-02'], ['a', 'E@2026-03-03'], ['b', 'L@2026-03-02'], ['b', 'L@2026-03-04'], ['b', 'E@2026-03-08']]));
    expect(v).toEqual({ findings: [], objective: 0 });
  });

  it('flags a late the day after an early', () => {
    const v = explain(forbiddenSuccession, scenario(), rotaOf([['a', 'E@2026-03-02'], ['a', 'L@2026-03-03']]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'forbiddenSuccession', officerId: 'a', shiftId: 'L@2026-03-03', violation: true, amount: 1, unit: 'successions', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A works Late Tue 3 Mar straight after Early Mon 2 Mar; the policy does not allow that shift the day after.');
  });

  it('costs its weight per succession when the policy makes it soft', () => {
    const v = explain(forbiddenSuccession, scenario({ policy: { rules: { forbiddenSuccession: { hard: false, weight: 3 } } } }), rotaOf([['a', 'E@2026-03-02'], ['a', 'L@2026-03-03']]));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', penalty: -3 });
    expect(v.objective).toBe(-3);
  });

  it('keeps the solver from rostering the forbidden succession', async () => {
    // Monday runs only A, Tuesday only B, and A may not be followed by B: one of the two must go.
    const s = tinyScenario({ days: 2, officers: [officer('a')], policy: OPEN });
    s.shiftTypes = [
      { id: 'A', name: 'Day A', start: '10:00', end: '14:00', weekdays: [1], night: false, cannotFollow: ['B'] },
      { id: 'B', name: 'Day B', start: '10:00', end: '14:00', weekdays: [2], night: false },
    ];
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === forbiddenSuccession.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(1);
  });
});
