import { expandShifts, type Scenario, type Shift } from '@patrolplan/solver';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { RotaRow } from '../schemas/rota.js';

/** RFC 5545 VTIMEZONE for Europe/London (GMT/BST, EU rules since 1996). */
const LONDON = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/London', 'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0100', 'TZNAME:BST', 'DTSTART:19700329T010000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0000', 'TZNAME:GMT', 'DTSTART:19701025T020000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** Stable per officer and shift, so every rota version updates the same calendar entry. */
export const uid = (officerId: string, shiftId: string) => `${officerId}/${shiftId.replace('@', '/')}@patrolplan`;

/** One duty's history over a rota lineage. */
interface DutyState {
  shiftId: string;
  shift: Shift;
  present: boolean;
  sequence: number;
}

/** A rota of the lineage with the scenario it was solved against. */
export interface LineageStep {
  row: RotaRow;
  scenario: Scenario;
}

/**
 * Walk the lineage oldest first: a duty keeps its UID (officer + shift) for life, its SEQUENCE
 * goes up each time it appears, moves or disappears, and a duty dropped by a later version stays
 * in the feed as CANCELLED so calendar apps remove it instead of keeping a stale copy.
 */
export function dutyStates(officerId: string, lineage: LineageStep[]): DutyState[] {
  const states = new Map<string, DutyState>();
  for (const { row, scenario } of lineage) {
    const shifts = new Map(expandShifts(scenario).map((s) => [s.id, s]));
    const current = new Map<string, Shift>();
    for (const a of (JSON.parse(row.rota) as { assignments: { officerId: string; shiftId: string }[] }).assignments) {
      const shift = shifts.get(a.shiftId);
      if (a.officerId === officerId && shift) current.set(a.shiftId, shift);
    }
    for (const [shiftId, shift] of current) {
      const prev = states.get(shiftId);
      if (!prev) states.set(shiftId, { shiftId, shift, present: true, sequence: 0 });
      else if (!prev.present || prev.shift.startMs !== shift.startMs || prev.shift.endMs !== shift.endMs) {
        states.set(shiftId, { shiftId, shift, present: true, sequence: prev.sequence + 1 });
      }
    }
    for (const prev of states.values()) {
      if (prev.present && !current.has(prev.shiftId)) states.set(prev.shiftId, { ...prev, present: false, sequence: prev.sequence + 1 });
    }
  }
  return [...states.values()].sort((a, b) => a.shift.startMs - b.shift.startMs);
}

/** The officer's duties in the last rota of `lineage` as an iCalendar feed. */
export function dutiesIcs(officerId: string, lineage: LineageStep[]): string {
  const { row, scenario } = lineage[lineage.length - 1];
  const officer = scenario.officers.find((o) => o.id === officerId)!;
  const types = new Map(scenario.shiftTypes.map((t) => [t.id, t]));
  const london = scenario.timezone === 'Europe/London';
  const calendar = ical({
    name: `Duties: ${officer.rank} ${officer.name}`,
    prodId: { company: 'patrolplan', product: 'duties', language: 'EN' },
    ...(london ? { timezone: { name: 'Europe/London', generator: (tz: string) => (tz === 'Europe/London' ? LONDON : null) } } : {}),
  });
  for (const duty of dutyStates(officerId, lineage)) {
    const type = types.get(duty.shift.shiftTypeId);
    calendar.createEvent({
      id: uid(officerId, duty.shiftId),
      sequence: duty.sequence,
      // Luxon instants: given a plain Date, ical-generator writes the server's local wall time.
      start: DateTime.fromMillis(duty.shift.startMs, { zone: scenario.timezone }),
      end: DateTime.fromMillis(duty.shift.endMs, { zone: scenario.timezone }),
      ...(london ? { timezone: 'Europe/London' } : {}),
      stamp: new Date(row.created_at),
      summary: `${type?.name ?? duty.shift.shiftTypeId} shift`,
      description: `Rota ${row.id} (version ${row.version}, ${row.status})`,
      status: duty.present ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    });
  }
  // ical-generator writes DTSTAMP in the calendar's zone; RFC 5545 §3.8.7.2 requires UTC.
  const stamp = new Date(row.created_at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
}
