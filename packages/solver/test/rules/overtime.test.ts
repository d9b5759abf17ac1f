import { describe, expect, it } from 'vitest';
import { overtime } from '../../src/rules/overtime.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Khan has a 40 h contract; the week has 7 earlies of 8 paid hours. */
const scenario = (extra: Partial<Scenario> = {}) => tinyScenario({ officers: [officer('k', { name: 'Khan' }), officer('s', { rank: 'Special', contractMinutesPerWeek: 0 })], ...extra });
const earlies = (o: string, n: number): [string, string][] => Array.from({ length: n }, (_, i) => [o, `E@2026-03-0${i + 2}`]);

describe(`rule ${overtime.id}`, () => {
  it('is registered', () => expect(RULES).toContain(overtime));

  it('has no cost within contract, and none for unpaid Specials', () => {
    const v = explain(overtime, scenario(), rotaOf([...earlies('k', 5), ...earlies('s', 7)]));
    expect(v.findings).toEqual([]);
    expect(v.objective).toBe(0);
  });

  it('costs hours over contract at time and a third', () => {
    const v = explain(overtime, scenario(), rotaOf(earlies('k', 7)));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'overtime', officerId: 'k', amount: 16, unit: 'hours', violation: false });
    expect(v.findings[0].message).toContain('PC Khan works 16 h over contract: 21.3 h at time and a third');
    expect(v.findings[0].penalty).toBeCloseTo(-16 * (4 / 3) * 0.05);
  });

  it('adds the public-holiday premium on top', () => {
    const v = explain(overtime, scenario({ publicHolidays: ['2026-03-03'] }), rotaOf(earlies('k', 2)));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ shiftId: 'E@2026-03-03', amount: 8, unit: 'hours' });
    expect(v.findings[0].message).toBe('PC Khan works Early Tue 3 Mar, a public holiday: 8 h at double time.');
    expect(v.objective).toBeCloseTo(-8 * (2 - 1) * 0.05);
  });

  it('takes its rates from the policy and the rule setting', () => {
    const policy: Scenario['policy'] = { costWeightPerHour: 1, overtimeMultiplier: 1.5, rules: { overtime: { weight: 2 } } };
    expect(explain(overtime, scenario({ policy }), rotaOf(earlies('k', 6))).objective).toBeCloseTo(-8 * 1.5 * 2);
  });

  it('agrees with the model: at a high cost per hour the solver leaves the public holiday unworked', async () => {
    const result = await solve(tinyScenario({ days: 3, publicHolidays: ['2026-03-02'], policy: { costWeightPerHour: 1 } }), { timeLimitSeconds: 10 });
    expect(result.log.join('\n')).not.toMatch(/differs/);
    expect(result.evaluation.objectiveByRule.overtime).toBeCloseTo(0, 6);
    expect(result.rota.assignments.filter((a) => a.shiftId.endsWith('@2026-03-02'))).toEqual([]);
  }, 30_000);
});
