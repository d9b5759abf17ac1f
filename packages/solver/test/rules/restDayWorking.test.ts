import { describe, expect, it } from 'vitest';
import { restDayWorking } from '../../src/rules/restDayWorking.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Khan was published on Mon and Tue earlies; the rest of the week were rest days. Planned on 20 Feb. */
const scenario = (extra: Partial<Scenario> = {}) =>
  tinyScenario({
    officers: [officer('k', { name: 'Khan' })],
    previousAssignments: [{ officerId: 'k', shiftId: 'E@2026-03-02' }, { officerId: 'k', shiftId: 'E@2026-03-03' }],
    planningInstant: '2026-02-20T09:00:00Z',
    ...extra,
  });

describe(`rule ${restDayWorking.id}`, () => {
  it('is registered', () => expect(RULES).toContain(restDayWorking));

  it('has no cost when duties stay on published duty days, or without a published rota', () => {
    expect(explain(restDayWorking, scenario(), rotaOf([['k', 'L@2026-03-02'], ['k', 'E@2026-03-03']])).findings).toEqual([]);
    expect(explain(restDayWorking, scenario({ previousAssignments: undefined }), rotaOf([['k', 'E@2026-03-05']])).findings).toEqual([]);
  });

  it('pays a rest day worked at short notice at time and a half', () => {
    const v = explain(restDayWorking, scenario(), rotaOf([['k', 'E@2026-03-04']]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'restDayWorking', officerId: 'k', shiftId: 'E@2026-03-04', amount: 8, unit: 'hours', violation: false });
    expect(v.findings[0].message).toContain('PC Khan works Early Wed 4 Mar, a rest day in the published rota, with less than 15 days’ notice: 8 h at time and a half');
    expect(v.objective).toBeCloseTo(-8 * 1.5 * 0.05);
  });

  it('owes a replacement rest day, at no cost, with enough notice', () => {
    const v = explain(restDayWorking, scenario({ planningInstant: '2026-02-01T09:00:00Z' }), rotaOf([['k', 'E@2026-03-04']]));
    expect(v.findings[0]).toMatchObject({ amount: 1, unit: 'replacement rest days', penalty: 0 });
    expect(v.objective).toBe(0);
  });

  it('takes the minimum paid time, rate and weight from the policy', () => {
    const policy: Scenario['policy'] = { restDayMinimumPaidMinutes: 10 * 60, restDayShortNoticeMultiplier: 2, costWeightPerHour: 1, rules: { restDayWorking: { weight: 3 } } };
    expect(explain(restDayWorking, scenario({ policy }), rotaOf([['k', 'E@2026-03-04']])).objective).toBeCloseTo(-10 * 2 * 3);
  });

  it('agrees with the model: the solver does not buy short-notice rest days it cannot afford', async () => {
    const scenario = tinyScenario({ previousAssignments: [{ officerId: 'a', shiftId: 'E@2026-03-02' }], policy: { costWeightPerHour: 1, rules: { overtime: { enabled: false } } } });
    const result = await solve(scenario, { timeLimitSeconds: 10 });
    expect(result.log.join('\n')).not.toMatch(/differs/);
    expect(result.evaluation.objectiveByRule.restDayWorking).toBeCloseTo(0, 6);
    expect(result.rota.assignments.map((a) => `${a.officerId}@${a.shiftId}`)).toEqual(['a@E@2026-03-02']);
  }, 30_000);
});
