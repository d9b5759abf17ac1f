import { describe, expect, it } from 'vitest';
import { NRP_RULES, nrpDate, nrpToScenario, parseNrp } from '../../src/benchmark/nrpImport.js';
import { buildContext } from '../../src/domain/context.js';
import { RULES } from '../../src/rules/registry.js';

/** The file layout of the public instances: comments, CRLF, blank lines between sections. */
const TEXT = [
  '# This is a comment. Comments start with #',
  'SECTION_HORIZON',
  '# All instances start on a Monday',
  '7',
  '',
  'SECTION_SHIFTS',
  '# ShiftID, Length in mins, Shifts which cannot follow this shift | separated',
  'D,480,',
  'N,600,D|E',
  'E,1440,',
  '',
  'SECTION_STAFF',
  'D,D=5|N=0,2400,960,3,2,2,1',
  'X,,1440,0,7,1,1,0',
  '',
  'SECTION_DAYS_OFF',
  '# EmployeeID, DayIndexes (start at zero)',
  'D,0,6',
  '',
  'SECTION_SHIFT_ON_REQUESTS',
  'D,2,D,3',
  '',
  'SECTION_SHIFT_OFF_REQUESTS',
  'X,4,N,2',
  '',
  'SECTION_COVER',
  '# Day, ShiftID, Requirement, Weight for under, Weight for over',
  '0,D,2,100,1',
  '3,N,1,50,2',
  '',
].join('\r\n');

describe('parseNrp', () => {
  it('reads every section of the file', () => {
    const inst = parseNrp(TEXT, 'Tiny');
    expect(inst.horizon).toBe(7);
    expect(inst.shifts).toEqual([
      { id: 'D', minutes: 480, cannotFollow: [] },
      { id: 'N', minutes: 600, cannotFollow: ['D', 'E'] },
      { id: 'E', minutes: 1440, cannotFollow: [] },
    ]);
    expect(inst.staff[0]).toEqual({ id: 'D', maxShifts: { D: 5, N: 0 }, maxTotalMinutes: 2400, minTotalMinutes: 960, maxConsecutiveShifts: 3, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1 });
    expect(inst.staff[1].maxShifts).toEqual({});
    expect(inst.daysOff).toEqual(new Map([['D', [0, 6]]]));
    expect(inst.onRequests).toEqual([{ staffId: 'D', day: 2, shiftId: 'D', weight: 3 }]);
    expect(inst.offRequests).toEqual([{ staffId: 'X', day: 4, shiftId: 'N', weight: 2 }]);
    expect(inst.cover).toEqual([
      { day: 0, shiftId: 'D', requirement: 2, weightUnder: 100, weightOver: 1 },
      { day: 3, shiftId: 'N', requirement: 1, weightUnder: 50, weightOver: 2 },
    ]);
  });

  it('names the section and row of bad input', () => {
    expect(() => parseNrp(TEXT.replace('N,600,D|E', 'N,ten,D|E'))).toThrow('SECTION_SHIFTS row 2 LengthMinutes: expected an integer, got "ten"');
    expect(() => parseNrp(TEXT.replace('D,0,6', 'D,0,7'))).toThrow('SECTION_DAYS_OFF row 1: day 7 is outside 0..6');
    expect(() => parseNrp(TEXT.replace('X,4,N,2', 'Q,4,N,2'))).toThrow('SECTION_SHIFT_OFF_REQUESTS row 1: unknown staff "Q"');
    expect(() => parseNrp(TEXT.replace('3,N,1,50,2', '3,Z,1,50,2'))).toThrow('SECTION_COVER row 2: unknown shift "Z"');
    expect(() => parseNrp(TEXT.replace('D=5|N=0', 'D=5|Q=0'))).toThrow('SECTION_STAFF row 1 MaxShifts: unknown shift "Q"');
    expect(() => parseNrp('SECTION_SHIFTS\r\nD,480,\r\n')).toThrow('SECTION_HORIZON: missing');
  });
});

describe('nrpToScenario', () => {
  const scenario = nrpToScenario(parseNrp(TEXT, 'Tiny'));

  it('starts on Monday 2024-01-01 in UTC, shifts lasting their length inside their day', () => {
    expect(nrpDate(0)).toBe('2024-01-01');
    expect(nrpDate(6)).toBe('2024-01-07');
    expect([scenario.startDate, scenario.timezone, scenario.days]).toEqual(['2024-01-01', 'UTC', 7]);
    expect(scenario.shiftTypes.map((t) => [t.id, t.start, t.end, t.paidMinutes, t.night, t.cannotFollow, t.weekdays.length])).toEqual([
      ['D', '00:00', '08:00', 480, false, [], 7],
      ['N', '00:00', '10:00', 600, false, ['D', 'E'], 7],
      ['E', '00:00', '00:00', 1440, false, [], 7],
    ]);
    const ctx = buildContext(scenario);
    expect(ctx.shiftById.get('E@2024-01-03')!.minutes).toBe(1440);
    expect(ctx.weekdays[0]).toBe(1);
  });

  it('turns staff into officers with their limits, days off and requests', () => {
    const [d] = scenario.officers;
    expect(d).toMatchObject({ id: 'D', rank: 'PC', contractMinutesPerWeek: 0 });
    expect(d.limits).toEqual({ maxShiftsByType: { D: 5, N: 0 }, maxTotalMinutes: 2400, minTotalMinutes: 960, maxConsecutiveWorkingDays: 3, minConsecutiveWorkingDays: 2, minConsecutiveDaysOff: 2, maxWeekends: 1 });
    expect(d.abstractions.map((a) => [a.start, a.end])).toEqual([
      ['2024-01-01', '2024-01-02'],
      ['2024-01-07', '2024-01-08'],
    ]);
    expect(d.requests).toEqual([{ kind: 'on', date: '2024-01-03', shiftTypeId: 'D', weight: 3 }]);
    expect(scenario.officers[1].requests).toEqual([{ kind: 'off', date: '2024-01-05', shiftTypeId: 'N', weight: 2 }]);
    expect(scenario.coverTargets).toEqual([
      { shiftId: 'D@2024-01-01', requiredOfficers: 2, weightUnder: 100, weightOver: 1 },
      { shiftId: 'N@2024-01-04', requiredOfficers: 1, weightUnder: 50, weightOver: 2 },
    ]);
    expect(scenario.hotspots).toEqual([]);
  });

  it('switches off every rule the benchmark does not state, keeping its hard rules hard', () => {
    const ctx = buildContext(scenario);
    const enabled = RULES.filter((r) => ctx.setting(r.id, r.kind).enabled).map((r) => r.id);
    expect(enabled.sort()).toEqual([...NRP_RULES].sort());
    for (const id of ['minimumRest', 'restDays', 'workingTime', 'maxConsecutiveNights', 'fairness', 'overtime', 'minimumCover']) expect(ctx.setting(id, 'hard').enabled).toBe(false);
    const hard = RULES.filter((r) => ctx.setting(r.id, r.kind).enabled && ctx.setting(r.id, r.kind).hard).map((r) => r.id);
    expect(hard.sort()).toEqual(NRP_RULES.filter((id) => id !== 'coverTargets' && id !== 'requests').sort());
    expect([ctx.setting('coverTargets', 'soft').weight, ctx.setting('requests', 'soft').weight]).toEqual([1, 1]);
  });
});
