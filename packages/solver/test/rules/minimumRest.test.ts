import { describe, expect, it } from 'vitest';
import { minimumRest } from '../../src/rules/minimumRest.js';
import { RULES } from '../../src/rules/registry.js';
import { explain, rotaOf, tinyScenario } from '../fixtures.js';

describe(`rule ${minimumRest.id}`, () => {
  it('is registered', () => expect(RULES).toContain(minimumRest));

  it('passes a late followed by a late (16 h rest)', () => {
    const v = explain(minimumRest, tinyScenario(), rotaOf([['a', 'L@2026-03-02'], ['a', 'L@2026-03-03']]));
    expect(v.findings).toEqual([]);
  });

  it('flags a late followed by an early (9 h rest) with the shortfall in minutes', () => {
    const v = explain(minimumRest, tinyScenario(), rotaOf([['a', 'L@2026-03-02'], ['a', 'E@2026-03-03']]));
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ ruleId: 'minimumRest', officerId: 'a', violation: true, amount: 120, unit: 'minutes' });
    expect(v.findings[0].message).toContain('9 h rest');
  });
});
