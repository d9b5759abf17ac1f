import { DateTime } from 'luxon';
import type { Scenario } from './scenario.js';
import type { Shift, ShiftType } from './types.js';

/** Local midnight starting `date` in `zone`, as a luxon DateTime. */
export function localMidnight(date: string, zone: string): DateTime {
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw new Error(`invalid date "${date}" in zone ${zone}: ${dt.invalidExplanation}`);
  return dt.startOf('day');
}

/** The local dates of the horizon, in order. */
export function horizonDates(scenario: Pick<Scenario, 'startDate' | 'days' | 'timezone'>): string[] {
  const first = localMidnight(scenario.startDate, scenario.timezone);
  return Array.from({ length: scenario.days }, (_, i) => first.plus({ days: i }).toISODate()!);
}

function atLocalTime(date: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  // luxon moves a non-existent local time (spring gap) forward, which is what a rota means.
  return date.set({ hour, minute, second: 0, millisecond: 0 });
}

/**
 * The concrete shift of `type` on `date`: instants in `zone`, so lengths follow the clock change
 * (a 20:00–04:00 night on the last Saturday of October lasts 9 h, in March 7 h).
 */
export function makeShift(type: ShiftType, date: string, dayIndex: number, zone: string): Shift {
  const day = localMidnight(date, zone);
  const start = atLocalTime(day, type.start);
  const crosses = type.end <= type.start;
  const end = atLocalTime(crosses ? day.plus({ days: 1 }) : day, type.end);
  const minutes = Math.round(end.diff(start, 'minutes').minutes);
  return {
    id: `${type.id}@${date}`,
    shiftTypeId: type.id,
    date,
    dayIndex,
    startMs: start.toMillis(),
    endMs: end.toMillis(),
    minutes,
    paidMinutes: type.paidMinutes ?? minutes,
    night: type.night,
  };
}

/** Every shift of the horizon, ordered by start then shift type. */
export function expandShifts(scenario: Pick<Scenario, 'startDate' | 'days' | 'timezone' | 'shiftTypes'>): Shift[] {
  const dates = horizonDates(scenario);
  const shifts: Shift[] = [];
  dates.forEach((date, dayIndex) => {
    const weekday = localMidnight(date, scenario.timezone).weekday;
    for (const type of scenario.shiftTypes) {
      if (type.weekdays.includes(weekday)) shifts.push(makeShift(type, date, dayIndex, scenario.timezone));
    }
  });
  return shifts.sort((a, b) => a.startMs - b.startMs || a.shiftTypeId.localeCompare(b.shiftTypeId));
}

/** Parse an abstraction bound: an ISO instant, or a local date meaning its local midnight. */
export function parseInstant(value: string, zone: string): number {
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dt = isDateOnly ? localMidnight(value, zone) : DateTime.fromISO(value, { zone, setZone: true });
  if (!dt.isValid) throw new Error(`invalid instant "${value}"`);
  return dt.toMillis();
}
