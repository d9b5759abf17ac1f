import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/domain/validate.js';
import { officer, tinyScenario } from './fixtures.js';

describe('validateScenario', () => {
  it('accepts the examples', () => {
    for (const name of ['small', 'southend']) {
      const scenario = JSON.parse(readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8'));
      expect(validateScenario(scenario)).toEqual([]);
    }
  });

  it('names the field of every problem', () => {
    const issues = validateScenario(
      tinyScenario({
        timezone: 'Europe/Nowhere',
        officers: [officer('a', { abstractions: [{ kind: 'leave', start: '2026-03-05', end: 'soon' }] }), officer('a')],
        pins: [{ officerId: 'ghost', shiftId: 'E@2026-03-02', kind: 'on' }],
        policy: { harmCoverageCurve: [{ officersPresent: 1, coveredFraction: 0.1 }, { officersPresent: 2, coveredFraction: 0.9 }] },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['timezone', 'officers[0].abstractions[0].end', 'officers[1].id', 'pins[0].officerId', 'policy.harmCoverageCurve']);
  });
});
