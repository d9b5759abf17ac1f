import { describe, expect, it } from 'vitest';
import { fairness } from '../../src/rules/fairness.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

const week = (o: string, types: string[]): [string, string][] => types.map((t, i) => [o, `${t}@2026-03-0${i + 2}`] as [string, string]).filter(([, s]) => !s.startsWith('-'));

/** a: 3 nights and both weekend days (40 h); b: one early (8 h); c: five earlies (40 h). */
const uneven = rotaOf([...week('a', ['N', 'N', 'N', '-', '-', 'E', 'E']), ...week('b', ['E']), ...week('c', ['E', 'E', 'E', 'E', 'E'])]);

describe(`rule ${fairness.id}`, () => {
  it('is registered', () => expect(RULES).toContain(fairness));

  it('has no penalty when nights, weekends and hours are even', () => {
    const same = ['E', 'E', 'E', 'N', '-', 'E', '-'];
    const v = explain(fairness, tinyScenario(), rotaOf([...week('a', same), ...week('b', same), ...week('c', same)]));
    expect(v.findings).toEqual([]);
    expect(v.objective).toBe(0);
  });

  it('costs the spread of each dimension and names who has most and least', () => {
    const v = explain(fairness, tinyScenario(), uneven);
    expect(v.findings.map((f) => [f.unit, f.amount])).toEqual([['nights', 3], ['weekend days', 2], ['hours', 32]]);
    expect(v.findings[0]).toMatchObject({ ruleId: 'fairness', kind: 'soft', violation: false });
    expect(v.findings[0].message).toBe('Night shifts range from 0 (PC B) to 3 (PC A) across 3 officers: a spread of 3 nights.');
    expect(v.findings[2].message).toContain('from -32 h (PC B) to 0 h (PC A)');
    expect(v.objective).toBeCloseTo(-(0.2 * 3 + 0.2 * 2 + 0.01 * 32));
  });

  it('leaves out officers without a contract or abstracted all horizon', () => {
    const scenario = tinyScenario({
      officers: [officer('a'), officer('b'), officer('c'), officer('v', { contractMinutesPerWeek: 0 }), officer('l', { abstractions: [{ kind: 'leave', start: '2026-03-01', end: '2026-03-10' }] })],
    });
    expect(explain(fairness, scenario, uneven).objective).toBeCloseTo(-(0.2 * 3 + 0.2 * 2 + 0.01 * 32));
  });

  it('does not compare nights with an officer who may never work them', () => {
    const scenario = tinyScenario({ officers: [officer('a', { skills: ['taser'] }), officer('b')] });
    scenario.shiftTypes = scenario.shiftTypes.map((t) => (t.id === 'N' ? { ...t, requiredSkills: ['taser'] } : t));
    const v = explain(fairness, scenario, rotaOf(week('a', ['N', 'N', 'E', 'E', 'E'])));
    expect(v.findings.map((f) => f.unit)).toEqual(['hours']);
  });

  it('takes its weights from the policy and the rule setting', () => {
    const policy: Scenario['policy'] = { fairnessWeightPerNight: 1, fairnessWeightPerWeekend: 0, fairnessWeightPerHour: 0, rules: { fairness: { weight: 2 } } };
    expect(explain(fairness, tinyScenario({ policy }), uneven).objective).toBeCloseTo(-6);
  });

  it('agrees with the model: the solver shares the nights a cover rule demands', async () => {
    const scenario = tinyScenario({ officers: [officer('a'), officer('b')], policy: { fairnessWeightPerNight: 10, coverRules: [{ id: 'night', shiftTypeIds: ['N'], minOfficers: 1 }] } });
    const result = await solve(scenario, { timeLimitSeconds: 10 });
    expect(result.log.join('\n')).not.toMatch(/differs/);
    const nights = (o: string) => result.rota.assignments.filter((a) => a.officerId === o && a.shiftId.startsWith('N@')).length;
    expect(nights('a')).toBe(nights('b'));
    expect(result.evaluation.findings.filter((f) => f.ruleId === 'fairness' && f.unit === 'nights')).toEqual([]);
  }, 30_000);
});
