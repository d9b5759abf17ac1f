import { DateTime } from 'luxon';
import type { RuleSetting } from '../domain/policy.js';
import type { Scenario } from '../domain/scenario.js';
import type { Officer, ShiftType } from '../domain/types.js';
import { RULES } from '../rules/registry.js';

// The employee shift scheduling benchmark of Curtois & Qu (schedulingbenchmarks.org, "NRP
// instances"): the `.txt` format parsed as is, then mapped onto our Scenario so the ordinary
// solver, rules and evaluator run on it. Format: /work/shared/data/curtois/FORMAT.md.

/** A shift type: its length and the shift types that may not be worked on the day after it. */
export interface NrpShift {
  id: string;
  minutes: number;
  cannotFollow: string[];
}

/** A staff row: caps per shift type (a type not listed is unlimited) and the staff's limits. */
export interface NrpStaff {
  id: string;
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

/** An on- or off-request: staff, day, shift type and the penalty for not meeting it. */
export interface NrpRequest {
  staffId: string;
  day: number;
  shiftId: string;
  weight: number;
}

/** A cover row: staff wanted on a shift on a day, and the weight per head short or over. */
export interface NrpCover {
  day: number;
  shiftId: string;
  requirement: number;
  weightUnder: number;
  weightOver: number;
}

/** One benchmark instance exactly as the file states it. */
export interface NrpInstance {
  name: string;
  horizon: number;
  shifts: NrpShift[];
  staff: NrpStaff[];
  /** Staff id → days they must not work. */
  daysOff: Map<string, number[]>;
  onRequests: NrpRequest[];
  offRequests: NrpRequest[];
  cover: NrpCover[];
}

/** Day 0 of every instance is a Monday; 2024-01-01 is one, and UTC keeps every day 24 h long. */
export const NRP_START_DATE = '2024-01-01';
export const NRP_TIMEZONE = 'UTC';

/** nrpDate by day (luxon is slow, and an instance asks for the same few hundred days ~10⁴ times). */
const nrpDates: string[] = [];

/** Local date of benchmark day `d`. */
export function nrpDate(day: number): string {
  const cached = Number.isInteger(day) && day >= 0 && day < 100_000 ? nrpDates[day] : undefined;
  if (cached !== undefined) return cached;
  const date = DateTime.fromISO(NRP_START_DATE, { zone: 'utc' }).plus({ days: day }).toISODate()!;
  if (Number.isInteger(day) && day >= 0 && day < 100_000) nrpDates[day] = date;
  return date;
}

/** Our shift id (`<shiftTypeId>@<date>`) for a benchmark shift on day `d`. */
export function nrpShiftId(shiftId: string, day: number): string {
  return `${shiftId}@${nrpDate(day)}`;
}

function int(value: string | undefined, where: string): number {
  const n = Number(value?.trim());
  if (value === undefined || value.trim() === '' || !Number.isInteger(n)) throw new Error(`${where}: expected an integer, got "${value ?? ''}"`);
  return n;
}

/** Split the file into its sections: name → data lines (comments and `\r` stripped). */
function sections(text: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) result.set(line, (current = []));
    else if (line === '') current = null;
    else if (current) current.push(line);
    else throw new Error(`line "${line}" is outside any SECTION_`);
  }
  return result;
}

/** Parse a benchmark `.txt` file; errors name the section and line at fault. */
export function parseNrp(text: string, name = 'instance'): NrpInstance {
  const s = sections(text);
  const rows = (section: string) => (s.get(`SECTION_${section}`) ?? []).map((line, i) => ({ cells: line.split(',').map((c) => c.trim()), at: `SECTION_${section} row ${i + 1}` }));
  const horizonRow = rows('HORIZON')[0];
  if (!horizonRow) throw new Error('SECTION_HORIZON: missing');
  const horizon = int(horizonRow.cells[0], horizonRow.at);
  if (horizon < 1) throw new Error(`${horizonRow.at}: horizon must be at least 1 day`);
  const shifts = rows('SHIFTS').map(({ cells, at }) => {
    if (!cells[0] || cells[0].includes('+')) throw new Error(`${at}: bad shift id "${cells[0] ?? ''}"`);
    const minutes = int(cells[1], `${at} LengthMinutes`);
    if (minutes < 1 || minutes > 1440) throw new Error(`${at} LengthMinutes: ${minutes} is not within 1..1440`);
    return { id: cells[0], minutes, cannotFollow: (cells[2] ?? '').split('|').filter(Boolean) };
  });
  const shiftIds = new Set(shifts.map((x) => x.id));
  const day = (value: string | undefined, at: string) => {
    const d = int(value, at);
    if (d < 0 || d >= horizon) throw new Error(`${at}: day ${d} is outside 0..${horizon - 1}`);
    return d;
  };
  const staff = rows('STAFF').map(({ cells, at }) => {
    const maxShifts: Record<string, number> = {};
    for (const pair of (cells[1] ?? '').split('|').filter(Boolean)) {
      const [id, n] = pair.split('=');
      if (!shiftIds.has(id)) throw new Error(`${at} MaxShifts: unknown shift "${id}"`);
      maxShifts[id] = int(n, `${at} MaxShifts ${id}`);
    }
    const [maxTotalMinutes, minTotalMinutes, maxConsecutiveShifts, minConsecutiveShifts, minConsecutiveDaysOff, maxWeekends] = cells.slice(2, 8).map((c, k) => int(c, `${at} field ${k + 3}`));
    if (maxWeekends === undefined) throw new Error(`${at}: expected 8 fields`);
    return { id: cells[0], maxShifts, maxTotalMinutes, minTotalMinutes, maxConsecutiveShifts, minConsecutiveShifts, minConsecutiveDaysOff, maxWeekends };
  });
  const staffIds = new Set(staff.map((x) => x.id));
  const knownStaff = (id: string, at: string) => {
    if (!staffIds.has(id)) throw new Error(`${at}: unknown staff "${id}"`);
    return id;
  };
  const daysOff = new Map<string, number[]>();
  for (const { cells, at } of rows('DAYS_OFF')) {
    const id = knownStaff(cells[0], at);
    daysOff.set(id, [...(daysOff.get(id) ?? []), ...cells.slice(1).filter(Boolean).map((c) => day(c, at))]);
  }
  // A request for a shift type the file does not define can never be met; keep it as stated.
  const requests = (section: string) =>
    rows(section).map(({ cells, at }) => ({ staffId: knownStaff(cells[0], at), day: day(cells[1], at), shiftId: cells[2], weight: int(cells[3], `${at} Weight`) }));
  const cover = rows('COVER').map(({ cells, at }) => {
    if (!shiftIds.has(cells[1])) throw new Error(`${at}: unknown shift "${cells[1]}"`);
    return { day: day(cells[0], at), shiftId: cells[1], requirement: int(cells[2], at), weightUnder: int(cells[3], at), weightOver: int(cells[4], at) };
  });
  return { name, horizon, shifts, staff, daysOff, onRequests: requests('SHIFT_ON_REQUESTS'), offRequests: requests('SHIFT_OFF_REQUESTS'), cover };
}

/** Rules that state the benchmark; every other rule is switched off for it. */
export const NRP_RULES: readonly string[] = [
  'availability', 'oneShiftPerDay', 'forbiddenSuccession', 'maxShiftsPerType', 'totalMinutes', 'maxConsecutiveDays',
  'minConsecutiveDays', 'minConsecutiveDaysOff', 'maxWeekends', 'coverTargets', 'requests',
];

/**
 * The instance as a Scenario for the ordinary solver: staff become officers whose `limits` carry
 * the per-staff rules, days off become abstractions, requests and cover rows keep their weights.
 * Policy: only NRP_RULES apply (hard ones hard, soft weights 1), so our objective = −benchmark's.
 */
export function nrpToScenario(instance: NrpInstance): Scenario {
  // Shifts start at midnight so even a 24 h shift stays inside its own day (days off are whole days).
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const everyDay = [1, 2, 3, 4, 5, 6, 7];
  const shiftTypes: ShiftType[] = instance.shifts.map((x) => ({ id: x.id, name: x.id, start: '00:00', end: clock(x.minutes), weekdays: everyDay, paidMinutes: x.minutes, night: false, cannotFollow: x.cannotFollow }));
  const request = (kind: 'on' | 'off') => (r: NrpRequest) => ({ kind, date: nrpDate(r.day), shiftTypeId: r.shiftId, weight: r.weight });
  const byStaff = (list: NrpRequest[]) => {
    const result = new Map<string, NrpRequest[]>();
    for (const r of list) {
      const mine = result.get(r.staffId);
      if (mine) mine.push(r);
      else result.set(r.staffId, [r]);
    }
    return result;
  };
  const [onByStaff, offByStaff] = [byStaff(instance.onRequests), byStaff(instance.offRequests)];
  const officers: Officer[] = instance.staff.map((x) => ({
    id: x.id,
    name: x.id,
    rank: 'PC',
    skills: [],
    contractMinutesPerWeek: 0,
    abstractions: (instance.daysOff.get(x.id) ?? []).map((d) => ({ kind: 'other' as const, start: nrpDate(d), end: nrpDate(d + 1), note: 'benchmark day off' })),
    requests: [...(onByStaff.get(x.id) ?? []).map(request('on')), ...(offByStaff.get(x.id) ?? []).map(request('off'))],
    limits: {
      maxShiftsByType: { ...x.maxShifts }, maxTotalMinutes: x.maxTotalMinutes, minTotalMinutes: x.minTotalMinutes, maxWeekends: x.maxWeekends,
      maxConsecutiveWorkingDays: x.maxConsecutiveShifts, minConsecutiveWorkingDays: x.minConsecutiveShifts, minConsecutiveDaysOff: x.minConsecutiveDaysOff,
    },
  }));
  const keep = new Set(NRP_RULES);
  const rules: Record<string, RuleSetting> = Object.fromEntries(RULES.map((r) => [r.id, keep.has(r.id) ? {} : { enabled: false }]));
  rules.coverTargets = { enabled: true, hard: false, weight: 1 };
  rules.requests = { enabled: true, hard: false, weight: 1 };
  return {
    id: `nrp-${instance.name}`,
    name: `Curtois & Qu ${instance.name}`,
    timezone: NRP_TIMEZONE,
    startDate: NRP_START_DATE,
    days: instance.horizon,
    officers,
    shiftTypes,
    hotspots: [],
    policy: { rules, maxShiftsPerDay: 1, coverRules: [] },
    coverTargets: instance.cover.map((c) => ({ shiftId: nrpShiftId(c.shiftId, c.day), requiredOfficers: c.requirement, weightUnder: c.weightUnder, weightOver: c.weightOver })),
  };
}
