import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { totalMinutes } from '../../src/rules/totalMinutes.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Officer a on the early shift (8 h) on each of the given days after 2 Mar 2026. */
const earlies = (days: number[]) => rotaOf(days.map((d) => ['a', `E@2026-03-${String(2 + d).padStart(2, '0')}`]));
/** a may work 16–24 h over the rota. */
const limited = (policy = {}) => tinyScenario({ policy, officers: [officer('a', { limits: { minTotalMinutes: 16 * 60, maxTotalMinutes: 24 * 60 } })] });

describe(`rule ${totalMinutes.id}`, () => {
  it('is registered', () => expect(RULES).toContain(totalMinutes));

  it('passes hours within the officer’s limits, and ignores officers without limits', () => {
    expect(explain(totalMinutes, limited(), earlies([0, 1]))).toEqual({ findings: [], objective: 0 });
    expect(explain(totalMinutes, tinyScenario(), earlies([0, 1, 2, 3, 4, 5, 6])).findings).toEqual([]);
  });

  it('flags hours above the maximum', () => {
    const v = explain(totalMinutes, limited(), earlies([0, 1, 2, 3]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'totalMinutes', officerId: 'a', violation: true, amount: 480, unit: 'minutes', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A is rostered for 32 h over the rota; their maximum is 24 h.');
  });

  it('flags hours below the minimum at the hard-violation penalty, as the elastic row costs', () => {
    const v = explain(totalMinutes, limited({ hardViolationPenalty: 10 }), earlies([0]));
    expect(v.findings[0]).toMatchObject({ violation: true, amount: 480, penalty: -4800 });
    expect(v.findings[0].message).toBe('PC A is rostered for 8 h over the rota; their minimum is 16 h.');
    expect(v.objective).toBe(-4800);
  });

  it('costs its weight per minute either way when soft', () => {
    const policy = { rules: { totalMinutes: { hard: false, weight: 0.5 } } };
    expect(explain(totalMinutes, limited(policy), earlies([0])).objective).toBe(-240);
    expect(explain(totalMinutes, limited(policy), earlies([0, 1, 2, 3])).objective).toBe(-240);
  });

  it('keeps the solver under the officer’s maximum', async () => {
    const s = tinyScenario({ officers: [officer('a', { limits: { maxTotalMinutes: 24 * 60 } })], policy: OPEN });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === totalMinutes.id)).toEqual([]);
    expect(result.rota.assignments).toHaveLength(3);
  });

  it('names the shortfall when leave leaves too few hours to reach the minimum', async () => {
    const a = officer('a', { limits: { minTotalMinutes: 16 * 60 }, abstractions: [{ kind: 'leave', start: '2026-03-03', end: '2026-03-09' }] });
    const s = tinyScenario({ officers: [a], policy: OPEN });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'E');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.rota.assignments.map((x) => x.shiftId)).toEqual(['E@2026-03-02']);
    expect(result.evaluation.findings.filter((f) => f.ruleId === totalMinutes.id).map((f) => f.amount)).toEqual([480]);
  });
});
