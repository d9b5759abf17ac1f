import { describe, expect, it } from 'vitest';
import { maxShiftsPerType } from '../../src/rules/maxShiftsPerType.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Officer a on `type` on each of the given days after 2 Mar 2026. */
const on = (type: string, days: number[]): [string, string][] => days.map((d) => ['a', `${type}@2026-03-${String(2 + d).padStart(2, '0')}`]);
/** a may work at most 2 nights and no lates. */
const limited = (policy = {}) => tinyScenario({ policy, officers: [officer('a', { limits: { maxShiftsByType: { N: 2, L: 0 } } }), officer('b')] });

describe(`rule ${maxShiftsPerType.id}`, () => {
  it('is registered', () => expect(RULES).toContain(maxShiftsPerType));

  it('passes shifts within the officer’s per-type limits, and officers without limits', () => {
    const rota = rotaOf([...on('N', [0, 1]), ...on('E', [3, 4, 5]), ['b', 'L@2026-03-02'], ['b', 'L@2026-03-03'], ['b', 'L@2026-03-04']]);
    expect(explain(maxShiftsPerType, limited(), rota)).toEqual({ findings: [], objective: 0 });
  });

  it('flags a third night and any late', () => {
    const v = explain(maxShiftsPerType, limited(), rotaOf([...on('N', [0, 1, 2]), ...on('L', [5])]));
    expect(v.findings.map((f) => [f.officerId, f.amount, f.unit, f.violation, f.penalty])).toEqual([['a', 1, 'shifts', true, 0], ['a', 1, 'shifts', true, 0]]);
    expect(v.findings.map((f) => f.message)).toEqual(['PC A works 3 Night shifts; their limit is 2.', 'PC A works 1 Late shift; their limit is 0.']);
  });

  it('costs its weight per shift over when soft', () => {
    const v = explain(maxShiftsPerType, limited({ rules: { maxShiftsPerType: { hard: false, weight: 2 } } }), rotaOf(on('L', [0, 2])));
    expect(v.findings[0]).toMatchObject({ kind: 'soft', amount: 2, penalty: -4 });
    expect(v.objective).toBe(-4);
  });

  it('keeps the solver within per-type limits, never rostering a type limited to 0', async () => {
    // Earlies and nights only: a may work no earlies and one night, so one duty in three days.
    const s = tinyScenario({ days: 3, officers: [officer('a', { limits: { maxShiftsByType: { N: 1, E: 0 } } })], policy: OPEN });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id !== 'L');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === maxShiftsPerType.id)).toEqual([]);
    expect(result.rota.assignments.map((x) => x.shiftId.split('@')[0])).toEqual(['N']);
  });
});
