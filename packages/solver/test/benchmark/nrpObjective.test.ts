import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { evaluateNrp, rosterToRota, rotaToRoster, type NrpRoster } from '../../src/benchmark/nrpObjective.js';
import { buildContext } from '../../src/domain/context.js';
import { evaluateWith } from '../../src/evaluate/evaluate.js';

/**
 * Two weeks (weekends: days 5–6 and 12–13), shifts E and L (no E the day after an L), two staff.
 * B may work as little as one shift, so single runs at the borders can be tested on B.
 */
const TEXT = [
  'SECTION_HORIZON', '14', '',
  'SECTION_SHIFTS', 'E,480,', 'L,480,E', '',
  'SECTION_STAFF', 'A,E=10|L=2,4800,1440,4,2,2,1', 'B,E=10|L=3,4800,480,4,2,2,1', '',
  'SECTION_DAYS_OFF', 'A,8', 'B,0', '',
  'SECTION_SHIFT_ON_REQUESTS', 'A,1,E,2', 'A,5,E,4', 'B,0,L,5', '',
  'SECTION_SHIFT_OFF_REQUESTS', 'A,6,L,3', 'B,13,E,1', '',
  'SECTION_COVER', '0,E,2,10,1', '5,L,1,10,1', '10,E,1,10,3', '3,E,1,7,1', '',
].join('\r\n');
const instance = parseNrp(TEXT, 'Two');

const _ = null;
/** A: E 0–2, L 5–6, E 9–11; B: E E L L on days 10–13. No hard rule broken. */
const A = ['E', 'E', 'E', _, _, 'L', 'L', _, _, 'E', 'E', 'E', _, _];
const B = [_, _, _, _, _, _, _, _, _, _, 'E', 'E', 'L', 'L'];
const roster = (a: (string | null)[] = A, b: (string | null)[] = B): NrpRoster => new Map([['A', a], ['B', b]]);
const edit = (row: (string | null)[], changes: Record<number, string | null>) => row.map((c, d) => (d in changes ? changes[d] : c));
const rules = (r: NrpRoster, inst = instance) => [...new Set(evaluateNrp(inst, r).violations.map((v) => v.rule))].sort();

describe('nrpObjective', () => {
  it('scores requests and cover exactly as the benchmark states them', () => {
    // Cover: day 0 E one short ×10, day 10 E one over ×3, day 3 E one short ×7; on: A day 5
    // (works L) 4 + B day 0 5; off: A works the L it asked off on day 6, 3.
    const r = evaluateNrp(instance, roster());
    expect(r.violations).toEqual([]);
    expect(r.breakdown).toEqual({ onRequests: 9, offRequests: 3, coverUnder: 17, coverOver: 3 });
    expect(r.objective).toBe(32);
  });

  it('flags two shifts on a day (rule 1)', () => {
    expect(rules(roster(A, edit(B, { 11: 'E+L' })))).toEqual([1]);
  });

  it('flags a forbidden succession inside the horizon (rule 2)', () => {
    expect(rules(roster(edit(A, { 6: 'E' })))).toEqual([2]);
    expect(rules(roster(edit(A, { 5: 'E', 6: 'L' })))).toEqual([]);
  });

  it('flags too many shifts of a type (rule 3) and total minutes out of range (rule 4)', () => {
    expect(rules(roster(edit(A, { 11: 'L' })))).toEqual([3]);
    expect(rules(roster(edit(A, { 0: _, 1: _, 2: _, 5: _, 6: _, 11: _ })))).toEqual([4]);
    const tight = parseNrp(TEXT.replace('A,E=10|L=2,4800', 'A,E=10|L=2,3360'));
    expect(evaluateNrp(tight, roster()).violations.map((v) => [v.rule, v.message])).toEqual([[4, 'A: 3840 minutes, max 3360']]);
  });

  it('flags runs of work too long (rule 5) or too short inside the horizon (rule 6)', () => {
    expect(rules(roster(edit(A, { 3: 'E', 4: 'E' })))).toEqual([5]);
    expect(rules(roster(edit(A, { 6: _ })))).toEqual([6]);
    // A single day touching day 0 or day 13 may be the end of a longer run outside the horizon.
    expect(rules(roster(A, edit(B, { 10: _, 11: _, 12: _, 13: 'E' })))).toEqual([]);
    expect(rules(roster(A, [_, 'E', _, _, _, _, _, _, _, _, _, _, _, _]))).toEqual([6]);
    expect(rules(roster(A, ['E', _, _, _, _, _, _, _, _, _, _, _, _, _]))).toEqual([9]);
    expect(rules(roster(edit(A, { 1: _, 2: _ })))).toEqual([]);
  });

  it('flags a run of days off too short inside the horizon (rule 7), not at its ends', () => {
    expect(rules(roster(edit(A, { 4: 'E' })))).toEqual([7]);
    expect(rules(roster(A, [_, 'E', 'E', 'E', _, _, _, _, _, _, _, _, _, _]))).toEqual([]);
    expect(rules(roster(A, edit(B, { 13: _ })))).toEqual([]);
  });

  it('counts Saturday and Sunday of one week as one weekend (rule 8)', () => {
    expect(rules(roster(edit(A, { 9: _, 10: _, 12: 'E', 13: 'E' })))).toEqual([8]);
    expect(evaluateNrp(instance, roster(edit(A, { 9: _, 10: _, 12: 'E', 13: 'E' }))).violations[0].message).toBe('A: 2 weekends, max 1');
  });

  it('flags work on a listed day off (rule 9) and malformed rosters (rule 0)', () => {
    expect(rules(roster(A, edit(B, { 0: 'E' })))).toEqual([9]);
    expect(rules(roster(edit(A, { 0: 'X' })))).toContain(0);
    expect(rules(roster(A.slice(1)))).toContain(0);
    expect(rules(new Map([...roster(), ['Z', A]]))).toEqual([0]);
  });

  it('converts rosters to rotas and back', () => {
    const r = roster(edit(A, { 0: 'E+L' }));
    const rota = rosterToRota(instance, r);
    expect(rota.assignments.slice(0, 3)).toEqual([
      { officerId: 'A', shiftId: 'E@2024-01-01' },
      { officerId: 'A', shiftId: 'L@2024-01-01' },
      { officerId: 'A', shiftId: 'E@2024-01-02' },
    ]);
    expect(rotaToRoster(instance, rota)).toEqual(r);
    expect(() => rotaToRoster(instance, { scenarioId: 'x', deployments: [], assignments: [{ officerId: 'A', shiftId: 'E@2024-02-01' }] })).toThrow(/not a shift of Two/);
  });

  it('agrees with our evaluator: objective = −benchmark objective, hard findings iff violations', () => {
    const ctx = buildContext(nrpToScenario(instance));
    const cell = fc.constantFrom<string | null>(null, null, null, 'E', 'L', 'E', 'E+L');
    const row = fc.array(cell, { minLength: 14, maxLength: 14 });
    fc.assert(
      fc.property(row, row, (a, b) => {
        const r = roster(a, b);
        const bench = evaluateNrp(instance, r);
        const ours = evaluateWith(ctx, rosterToRota(instance, r));
        expect(ours.objective).toBe(-bench.objective);
        expect(ours.hardViolations > 0).toBe(bench.violations.length > 0);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(evaluateWith(ctx, rosterToRota(instance, roster())).objective).toBe(-32);
  });
});
