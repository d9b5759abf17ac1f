import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate/evaluate.js';
import { RULES } from '../src/rules/registry.js';
import { rotaOf, tinyScenario } from './fixtures.js';

describe('evaluate', () => {
  const scenario = tinyScenario({ policy: { coverRules: [{ id: 'one', minOfficers: 1, shiftTypeIds: ['N'] }] } });

  it('lists every rule hard first and breaks the objective down by rule', () => {
    const kinds = RULES.map((r) => r.kind);
    expect(kinds.indexOf('soft')).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf('soft')).every((k) => k === 'soft')).toBe(true);
    const ev = evaluate(scenario, rotaOf([['a', 'E@2026-03-02']]));
    expect(Object.keys(ev.objectiveByRule)).toEqual(RULES.map((r) => r.id));
    expect(ev.objective).toBeCloseTo(Object.values(ev.objectiveByRule).reduce((a, b) => a + b, 0), 9);
  });

  it('counts hard violations with who, when and how much, and prices them', () => {
    const ev = evaluate(scenario, rotaOf([['a', 'L@2026-03-02'], ['a', 'E@2026-03-03']]));
    const rest = ev.findings.find((f) => f.ruleId === 'minimumRest')!;
    expect(rest).toMatchObject({ officerId: 'a', shiftId: 'E@2026-03-03', amount: 120, unit: 'minutes', violation: true });
    const cover = ev.findings.filter((f) => f.ruleId === 'minimumCover');
    expect(cover).toHaveLength(7);
    expect(ev.hardViolations).toBe(8);
    expect(ev.objectiveByRule.minimumCover).toBe(-7000);
  });

  it('values deployments on the concave curve and reports coverage rows that add up', () => {
    const deployments = [{ hotspotId: 'hs', shiftId: 'E@2026-03-02', officerHours: 2 }];
    const ev = evaluate(scenario, rotaOf([['a', 'E@2026-03-02']], deployments));
    // 2 officer-hours over an 8-hour shift = 0.25 officers present → 40 % of the shift's harm.
    const row = ev.coverage.find((r) => r.shiftId === 'E@2026-03-02')!;
    expect(row.officerHours).toBe(2);
    expect(ev.harmCovered).toBeCloseTo(ev.coverage.reduce((s, r) => s + r.coveredHarm, 0), 9);
    expect(ev.objectiveByRule.harmCoverage).toBeCloseTo(ev.harmCovered, 9);
    expect(ev.harmCovered).toBeCloseTo(0.4 * 8, 6);
    expect(ev.hardViolations).toBe(7); // only the night cover rule
  });

  it('flags patrol hours that the officers on duty cannot give', () => {
    const ev = evaluate(scenario, rotaOf([['a', 'E@2026-03-02']], [{ hotspotId: 'hs', shiftId: 'E@2026-03-02', officerHours: 6 }]));
    expect(ev.findings.find((f) => f.ruleId === 'patrolCapacity')).toMatchObject({ amount: 2, unit: 'officer-hours' });
  });

  it('rejects a rota naming an unknown officer', () => {
    expect(() => evaluate(scenario, rotaOf([['zz', 'E@2026-03-02']]))).toThrow(/unknown officer/);
  });
});
