import { describe, expect, it } from 'vitest';
import { buildContext } from '../src/domain/context.js';
import { expandShifts, makeShift } from '../src/domain/shifts.js';
import { minimumRest } from '../src/rules/minimumRest.js';
import { explain, rotaOf, tinyScenario } from './fixtures.js';

const nte = { id: 'NTE', name: 'NTE', start: '20:00', end: '04:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: true };
const early = { id: 'E', name: 'Early', start: '07:00', end: '15:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: false };
const late = { id: 'L', name: 'Late', start: '14:00', end: '22:00', weekdays: [1, 2, 3, 4, 5, 6, 7], night: false };

describe('shift instants in Europe/London', () => {
  it('a 20:00–04:00 night lasts 9 h when the clocks go back (Sat 24 Oct 2026)', () => {
    expect(makeShift(nte, '2026-10-24', 0, 'Europe/London').minutes).toBe(540);
  });
  it('the same night lasts 7 h when the clocks go forward (Sat 28 Mar 2026)', () => {
    expect(makeShift(nte, '2026-03-28', 0, 'Europe/London').minutes).toBe(420);
  });
  it('an ordinary night lasts 8 h and starts at 20:00 local (19:00 UTC in summer time)', () => {
    const s = makeShift(nte, '2026-07-04', 0, 'Europe/London');
    expect(s.minutes).toBe(480);
    expect(new Date(s.startMs).toISOString()).toBe('2026-07-04T19:00:00.000Z');
  });
  it('paid minutes follow the instants unless the shift type sets them', () => {
    expect(makeShift(nte, '2026-10-24', 0, 'Europe/London').paidMinutes).toBe(540);
    expect(makeShift({ ...nte, paidMinutes: 480 }, '2026-10-24', 0, 'Europe/London').paidMinutes).toBe(480);
  });
  it('expands only the weekdays a shift type runs, with 25 hourly harm values on the long day', () => {
    const scenario = tinyScenario({ startDate: '2026-10-22', days: 4, shiftTypes: [{ ...nte, weekdays: [4, 5, 6] }] });
    expect(expandShifts(scenario).map((s) => s.id)).toEqual(['NTE@2026-10-22', 'NTE@2026-10-23', 'NTE@2026-10-24']);
    const ctx = buildContext({ ...scenario, forecast: { unit: 'h', hotspots: [{ hotspotId: 'hs', hourlyHarm: Array(97).fill(1) }] } });
    // Harm integrates real hours: the 9-hour night carries 9 units.
    const p = ctx.periods.filter((q) => q.shiftIds.includes('NTE@2026-10-24'));
    expect(p.reduce((sum, q) => sum + ctx.harmByPeriod.get('hs')![q.index], 0)).toBeCloseTo(9);
  });
  it('measures rest between actual instants across the clock change', () => {
    const scenario = tinyScenario({ startDate: '2026-10-24', days: 2, shiftTypes: [early, late] });
    // Late Sat 22:00 BST → Early Sun 07:00 GMT is 10 h, not 9 h: still short of 11 h by 60 minutes.
    const verdict = explain(minimumRest, scenario, rotaOf([['a', 'L@2026-10-24'], ['a', 'E@2026-10-25']]));
    expect(verdict.findings[0]).toMatchObject({ amount: 60, unit: 'minutes' });
  });
});
