import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { skills } from '../../src/rules/skills.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

/** Nights need a taser; a holds none, b holds one. */
const scenario = (extra: Parameters<typeof tinyScenario>[0] = {}) => {
  const base = tinyScenario({ officers: [officer('a'), officer('b', { skills: ['taser'] })], ...extra });
  base.shiftTypes = base.shiftTypes.map((t) => (t.id === 'N' ? { ...t, requiredSkills: ['taser'] } : t));
  return base;
};

describe(`rule ${skills.id}`, () => {
  it('is registered', () => expect(RULES).toContain(skills));

  it('passes officers on shifts whose skills they hold', () => {
    const v = explain(skills, scenario(), rotaOf([['a', 'E@2026-03-02'], ['b', 'N@2026-03-02']]));
    expect(v).toEqual({ findings: [], objective: 0 });
  });

  it('flags an officer without the required skill', () => {
    const v = explain(skills, scenario(), rotaOf([['a', 'N@2026-03-03']]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'skills', officerId: 'a', shiftId: 'N@2026-03-03', violation: true, amount: 1, unit: 'duties', penalty: 0 });
    expect(v.findings[0].message).toBe('PC A is rostered on Night Tue 3 Mar without taser, which that shift requires.');
  });

  it('costs its weight per duty when the policy makes it soft', () => {
    const v = explain(skills, scenario({ policy: { rules: { skills: { hard: false, weight: 5 } } } }), rotaOf([['a', 'N@2026-03-03'], ['a', 'N@2026-03-04']]));
    expect(v.findings.map((f) => [f.kind, f.penalty])).toEqual([['soft', -5], ['soft', -5]]);
    expect(v.objective).toBe(-10);
  });

  it('keeps the solver from rostering an unskilled officer on nights', async () => {
    // Nights only: without the rule both officers would work them for more coverage.
    const s = scenario({ days: 1, policy: OPEN });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id === 'N');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === skills.id)).toEqual([]);
    expect(result.rota.assignments.map((a) => [a.officerId, a.shiftId])).toEqual([['b', 'N@2026-03-02']]);
  });
});
