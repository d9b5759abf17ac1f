import { describe, expect, it } from 'vitest';
import { requests } from '../../src/rules/requests.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import type { ShiftRequest } from '../../src/domain/types.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

const withRequests = (list: ShiftRequest[], policy = {}) => tinyScenario({ officers: [officer('a', { name: 'Khan', requests: list }), officer('b')], policy });

const wishes: ShiftRequest[] = [
  { kind: 'on', date: '2026-03-02', shiftTypeId: 'E', weight: 1 },
  { kind: 'on', date: '2026-03-03', weight: 2 },
  { kind: 'off', date: '2026-03-04', shiftTypeId: 'N', weight: 3 },
  { kind: 'off', date: '2026-03-05', weight: 4 },
];

describe(`rule ${requests.id}`, () => {
  it('is registered', () => expect(RULES).toContain(requests));

  it('has no penalty when every on/off request is met', () => {
    const v = explain(requests, withRequests(wishes), rotaOf([['a', 'E@2026-03-02'], ['a', 'N@2026-03-03'], ['a', 'E@2026-03-04']]));
    expect(v.findings).toEqual([]);
    expect(v.objective).toBe(0);
  });

  it('charges each unmet request its own weight', () => {
    const v = explain(requests, withRequests(wishes), rotaOf([['a', 'L@2026-03-02'], ['a', 'N@2026-03-04'], ['a', 'E@2026-03-05']]));
    expect(v.findings.map((f) => f.penalty)).toEqual([-1, -2, -3, -4]);
    expect(v.findings[0]).toMatchObject({ ruleId: 'requests', kind: 'soft', violation: false, officerId: 'a', date: '2026-03-02', amount: 1, unit: 'requests' });
    expect(v.findings[0].message).toBe('PC Khan asked to work the Early on Mon 2 Mar; the request is not met.');
    expect(v.findings[3].message).toContain('asked to be off Thu 5 Mar');
    expect(v.objective).toBe(-10);
  });

  it('counts an on-request outside the horizon as unmet and an off-request there as met', () => {
    const v = explain(requests, withRequests([{ kind: 'on', date: '2026-04-01', weight: 5 }, { kind: 'off', date: '2026-04-02', weight: 7 }]), rotaOf([]));
    expect(v.objective).toBe(-5);
    expect(v.findings[0].message).toContain('no such shift runs');
  });

  it('scales request weights by the rule setting', () => {
    const v = explain(requests, withRequests(wishes, { rules: { requests: { weight: 3 } } }), rotaOf([]));
    expect(v.objective).toBe(-3 * (1 + 2));
  });

  it('agrees with the model: the solver honours requests it is free to honour', async () => {
    const scenario = tinyScenario({
      days: 3,
      officers: [
        officer('a', { requests: [{ kind: 'on', date: '2026-03-02', shiftTypeId: 'N', weight: 10 }, { kind: 'on', date: '2026-04-01', weight: 1 }] }),
        officer('b', { requests: [{ kind: 'off', date: '2026-03-02', weight: 10 }] }),
        officer('c'),
      ],
    });
    const result = await solve(scenario, { timeLimitSeconds: 10 });
    expect(result.log.join('\n')).not.toMatch(/differs/);
    // Only the request outside the horizon stays unmet.
    expect(result.evaluation.objectiveByRule.requests).toBeCloseTo(-1, 6);
    expect(result.rota.assignments).toContainEqual(expect.objectContaining({ officerId: 'a', shiftId: 'N@2026-03-02' }));
    expect(result.rota.assignments.filter((a) => a.officerId === 'b' && a.shiftId.endsWith('@2026-03-02'))).toEqual([]);
  }, 30_000);
});
