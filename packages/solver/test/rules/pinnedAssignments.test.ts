import { describe, expect, it } from 'vitest';
import type { Pin } from '../../src/domain/types.js';
import { pinnedAssignments } from '../../src/rules/pinnedAssignments.js';
import { RULES } from '../../src/rules/registry.js';
import { solve } from '../../src/solve/solve.js';
import { explain, officer, rotaOf, tinyScenario } from '../fixtures.js';

/** Working-time limits loose enough that only the rule under test binds in a solve. */
const OPEN = { restDaysPer7Days: 0, maxMinutesPer7Days: 7 * 24 * 60, maxAverageMinutesPerWeek: 7 * 24 * 60, maxConsecutiveWorkingDays: 99, maxConsecutiveNights: 99 };

const pins: Pin[] = [
  { officerId: 'a', shiftId: 'E@2026-03-02', kind: 'on' },
  { officerId: 'b', shiftId: 'L@2026-03-03', kind: 'off' },
];

describe(`rule ${pinnedAssignments.id}`, () => {
  it('is registered', () => expect(RULES).toContain(pinnedAssignments));

  it('passes a rota that keeps every pin', () => {
    expect(explain(pinnedAssignments, tinyScenario({ pins }), rotaOf([['a', 'E@2026-03-02'], ['b', 'E@2026-03-03']]))).toEqual({ findings: [], objective: 0 });
  });

  it('flags broken pins at the hard-violation penalty, as the elastic rows cost', () => {
    const v = explain(pinnedAssignments, tinyScenario({ pins }), rotaOf([['a', 'L@2026-03-02'], ['b', 'L@2026-03-03']]));
    expect(v.findings.map((f) => [f.officerId, f.shiftId, f.violation, f.amount, f.unit, f.penalty])).toEqual([
      ['a', 'E@2026-03-02', true, 1, 'pins', -1000],
      ['b', 'L@2026-03-03', true, 1, 'pins', -1000],
    ]);
    expect(v.findings.map((f) => f.message)).toEqual(['PC A is pinned on Early Mon 2 Mar but not rostered on it.', 'PC B is pinned off Late Tue 3 Mar but rostered on it.']);
  });

  it('uses the policy’s hard-violation penalty, or the weight when soft', () => {
    expect(explain(pinnedAssignments, tinyScenario({ pins, policy: { hardViolationPenalty: 50 } }), rotaOf([])).objective).toBe(-50);
    expect(explain(pinnedAssignments, tinyScenario({ pins, policy: { rules: { pinnedAssignments: { hard: false, weight: 7 } } } }), rotaOf([])).findings[0]).toMatchObject({ kind: 'soft', penalty: -7 });
  });

  it('makes the solver keep pins on and off', async () => {
    // a would rather work every shift it can; the pins move its Monday to the late and keep its Tuesday early off.
    const s = tinyScenario({ days: 2, officers: [officer('a')], policy: OPEN, pins: [{ officerId: 'a', shiftId: 'L@2026-03-02', kind: 'on' }, { officerId: 'a', shiftId: 'E@2026-03-03', kind: 'off' }, { officerId: 'a', shiftId: 'L@2026-03-03', kind: 'off' }] });
    s.shiftTypes = s.shiftTypes.filter((t) => t.id !== 'N');
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.evaluation.findings.filter((f) => f.ruleId === pinnedAssignments.id)).toEqual([]);
    expect(result.rota.assignments.map((x) => x.shiftId)).toEqual(['L@2026-03-02']);
  });

  it('names a pin that clashes with leave instead of failing', async () => {
    const a = officer('a', { abstractions: [{ kind: 'leave', start: '2026-03-02', end: '2026-03-03' }] });
    const s = tinyScenario({ days: 1, officers: [a], policy: OPEN, pins: [{ officerId: 'a', shiftId: 'E@2026-03-02', kind: 'on' }] });
    const result = await solve(s, { timeLimitSeconds: 10 });
    expect(result.rota.assignments).toEqual([]);
    expect(result.evaluation.findings.filter((f) => f.ruleId === pinnedAssignments.id).map((f) => f.shiftId)).toEqual(['E@2026-03-02']);
  });
});
