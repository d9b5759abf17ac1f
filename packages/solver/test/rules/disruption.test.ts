import { describe, expect, it } from 'vitest';
import { disruption } from '../../src/rules/disruption.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { explain, rotaOf, tinyScenario } from '../fixtures.js';

const published = rotaOf([['a', 'E@2026-03-02'], ['b', 'N@2026-03-03']]).assignments;
const scenario = (extra: Partial<Scenario> = {}) => tinyScenario({ previousAssignments: published, ...extra });

describe(`rule ${disruption.id}`, () => {
  it('is registered', () => expect(RULES).toContain(disruption));

  it('has no cost when the published rota is kept, or without one', () => {
    expect(explain(disruption, scenario(), rotaOf([['a', 'E@2026-03-02'], ['b', 'N@2026-03-03']])).findings).toEqual([]);
    expect(explain(disruption, scenario({ previousAssignments: undefined }), rotaOf([['c', 'E@2026-03-02']])).objective).toBe(0);
  });

  it('costs each duty taken away and each duty added', () => {
    const v = explain(disruption, scenario(), rotaOf([['a', 'L@2026-03-02'], ['b', 'N@2026-03-03']]));
    expect(v.findings).toHaveLength(2);
    expect(v.findings[0]).toMatchObject({ ruleId: 'disruption', officerId: 'a', shiftId: 'E@2026-03-02', amount: 1, unit: 'changes', penalty: -1, violation: false });
    expect(v.findings[0].message).toBe('PC A no longer works Early Mon 2 Mar, a change to the published rota.');
    expect(v.findings[1].message).toBe('PC A now works Late Mon 2 Mar, a change to the published rota.');
    expect(v.objective).toBe(-2);
  });

  it('takes the penalty per change from the policy and the rule setting', () => {
    const policy: Scenario['policy'] = { disruptionPenaltyPerChange: 4, rules: { disruption: { weight: 0.5 } } };
    expect(explain(disruption, scenario({ policy }), rotaOf([])).objective).toBe(-2 * 4 * 0.5);
  });

  it('agrees with the model: the solver keeps the published rota when changes cost more than they buy', async () => {
    const result = await solve(scenario({ previousAssignments: rotaOf([['a', 'E@2026-03-02']]).assignments, policy: { disruptionPenaltyPerChange: 10 } }), { timeLimitSeconds: 10 });
    expect(result.log.join('\n')).not.toMatch(/differs/);
    expect(result.evaluation.objectiveByRule.disruption).toBeCloseTo(0, 6);
    expect(result.rota.assignments.map((a) => `${a.officerId}@${a.shiftId}`)).toEqual(['a@E@2026-03-02']);
  }, 30_000);
});
