import { describe, expect, it } from 'vitest';
import { coverTargets } from '../../src/rules/coverTargets.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { explain, rotaOf, tinyScenario } from '../fixtures.js';

const scenario = (extra: Partial<Scenario> = {}) =>
  tinyScenario({
    coverTargets: [
      { shiftId: 'E@2026-03-02', requiredOfficers: 2, weightUnder: 5, weightOver: 1 },
      { shiftId: 'N@2026-03-02', requiredOfficers: 1, weightUnder: 5, weightOver: 2 },
    ],
    ...extra,
  });

describe(`rule ${coverTargets.id}`, () => {
  it('is registered', () => expect(RULES).toContain(coverTargets));

  it('has no penalty when each shift has its target', () => {
    const v = explain(coverTargets, scenario(), rotaOf([['a', 'E@2026-03-02'], ['b', 'E@2026-03-02'], ['c', 'N@2026-03-02']]));
    expect(v.findings).toEqual([]);
    expect(v.objective).toBe(0);
  });

  it('costs officers short at weightUnder and officers over at weightOver', () => {
    const v = explain(coverTargets, scenario(), rotaOf([['a', 'E@2026-03-02'], ['b', 'N@2026-03-02'], ['c', 'N@2026-03-02']]));
    expect(v.findings).toHaveLength(2);
    expect(v.findings[0]).toMatchObject({ ruleId: 'coverTargets', shiftId: 'E@2026-03-02', amount: 1, unit: 'officers short', penalty: -5, violation: false });
    expect(v.findings[0].message).toBe('Early Mon 2 Mar has 1 officers against a target of 2; 1 short.');
    expect(v.findings[1]).toMatchObject({ shiftId: 'N@2026-03-02', amount: 1, unit: 'officers over', penalty: -2 });
    expect(v.objective).toBe(-7);
  });

  it('scales the targets’ weights by the rule setting', () => {
    const v = explain(coverTargets, scenario({ policy: { rules: { coverTargets: { weight: 0.5 } } } }), rotaOf([]));
    expect(v.objective).toBe(-0.5 * (2 * 5 + 1 * 5));
  });

  it('agrees with the model: the solver staffs shifts to their targets', async () => {
    const result = await solve(scenario({ days: 3, coverTargets: [{ shiftId: 'E@2026-03-02', requiredOfficers: 2, weightUnder: 10, weightOver: 10 }, { shiftId: 'N@2026-03-02', requiredOfficers: 0, weightUnder: 10, weightOver: 10 }] }), { timeLimitSeconds: 10 });
    expect(result.log.join('\n')).not.toMatch(/differs/);
    expect(result.evaluation.objectiveByRule.coverTargets).toBeCloseTo(0, 6);
    const on = (shiftId: string) => result.rota.assignments.filter((a) => a.shiftId === shiftId).length;
    expect([on('E@2026-03-02'), on('N@2026-03-02')]).toEqual([2, 0]);
  }, 30_000);
});
