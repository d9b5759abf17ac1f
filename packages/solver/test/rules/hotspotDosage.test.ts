import { describe, expect, it } from 'vitest';
import { hotspotDosage } from '../../src/rules/hotspotDosage.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import type { Scenario } from '../../src/domain/scenario.js';
import { explain, rotaOf, tinyScenario } from '../fixtures.js';

/** One day; High Street asks for 30 patrol minutes a day. */
const scenario = (extra: Partial<Scenario> = {}) =>
  tinyScenario({ days: 1, hotspots: [{ id: 'hs', name: 'High Street', lat: 51.54, lon: 0.71, saturationOfficers: 2, dosageMinutesPerDay: 30 }], ...extra });

describe(`rule ${hotspotDosage.id}`, () => {
  it('is registered', () => expect(RULES).toContain(hotspotDosage));

  it('has no penalty when the day’s shifts together give the target', () => {
    const rota = rotaOf([['a', 'E@2026-03-02'], ['b', 'N@2026-03-02']], [
      { hotspotId: 'hs', shiftId: 'E@2026-03-02', officerHours: 0.25 },
      { hotspotId: 'hs', shiftId: 'N@2026-03-02', officerHours: 0.25 },
    ]);
    const v = explain(hotspotDosage, scenario(), rota);
    expect(v.findings).toEqual([]);
    expect(v.objective).toBe(0);
  });

  it('costs the shortfall in hours at the policy’s dosage weight', () => {
    const rota = rotaOf([['a', 'E@2026-03-02']], [{ hotspotId: 'hs', shiftId: 'E@2026-03-02', officerHours: 0.2 }]);
    const v = explain(hotspotDosage, scenario(), rota);
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'hotspotDosage', kind: 'soft', violation: false, hotspotId: 'hs', date: '2026-03-02', unit: 'hours' });
    expect(v.findings[0].amount).toBeCloseTo(0.3);
    expect(v.findings[0].penalty).toBeCloseTo(-0.3 * 0.5);
    expect(v.findings[0].message).toContain('High Street gets 12 patrol minutes on Mon 2 Mar; its dosage target is 30 minutes, 18 short');
  });

  it('takes its weight from the policy and the rule setting', () => {
    const v = explain(hotspotDosage, scenario({ policy: { dosageWeightPerHour: 4, rules: { hotspotDosage: { weight: 2 } } } }), rotaOf([]));
    expect(v.objective).toBeCloseTo(-0.5 * 4 * 2);
  });

  it('agrees with the model: with no forecast harm, the solver still patrols to meet the dosage', async () => {
    const result = await solve(scenario({ days: 3, forecast: { unit: 'CHI days', hotspots: [] }, hotspots: [{ id: 'hs', name: 'High Street', lat: 51.54, lon: 0.71, saturationOfficers: 2, dosageMinutesPerDay: 60 }] }), { timeLimitSeconds: 10 });
    expect(result.log.join('\n')).not.toMatch(/differs/);
    expect(result.evaluation.objectiveByRule.hotspotDosage).toBeCloseTo(0, 6);
    expect(result.rota.deployments.reduce((sum, d) => sum + d.officerHours, 0)).toBeGreaterThanOrEqual(3 - 1e-6);
  }, 30_000);
});
