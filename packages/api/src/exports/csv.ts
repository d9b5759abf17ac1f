import { expandShifts, type Scenario } from '@patrolplan/solver';
import { stringify } from 'csv-stringify/sync';
import type { RotaRecordBody } from '../schemas/rota.js';
import { isoWeekday, localDateTime } from './local.js';

/** The three CSV views of a rota. */
export type CsvView = 'rota' | 'hours' | 'hotspots';

type Cell = string | number | boolean | null;

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with ' (CSV injection). */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows], { cast: { string: neutralise, boolean: (b) => (b ? 'true' : 'false') } });
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Render `view` of a rota solved against `scenario`. */
export function rotaCsv(record: RotaRecordBody, scenario: Scenario, view: CsvView): string {
  const shifts = new Map(expandShifts(scenario).map((s) => [s.id, s]));
  const officers = new Map(scenario.officers.map((o) => [o.id, o]));
  const types = new Map(scenario.shiftTypes.map((t) => [t.id, t]));
  const duties = record.rota.assignments
    .map((a) => ({ a, shift: shifts.get(a.shiftId), officer: officers.get(a.officerId) }))
    .filter((d) => d.shift && d.officer)
    .sort((x, y) => x.shift!.startMs - y.shift!.startMs || x.a.officerId.localeCompare(y.a.officerId));

  if (view === 'rota') {
    return toCsv(
      ['officer_id', 'officer_name', 'rank', 'team', 'shift_id', 'shift_type', 'date', 'start', 'end', 'paid_hours', 'night', 'pinned'],
      duties.map(({ a, shift, officer }) => [
        officer!.id, officer!.name, officer!.rank, officer!.team ?? '', shift!.id, types.get(shift!.shiftTypeId)?.name ?? shift!.shiftTypeId,
        shift!.date, localDateTime(shift!.startMs, scenario.timezone), localDateTime(shift!.endMs, scenario.timezone),
        hours(shift!.paidMinutes), shift!.night, Boolean(a.pinned),
      ]),
    );
  }
  if (view === 'hours') {
    const rows = scenario.officers.map((o) => {
      const mine = duties.filter((d) => d.officer === o);
      const paid = mine.reduce((sum, d) => sum + d.shift!.paidMinutes, 0);
      const contract = (o.contractMinutesPerWeek * scenario.days) / 7;
      const weekends = mine.filter((d) => isoWeekday(d.shift!.date) >= 6).length;
      return [o.id, o.name, o.rank, mine.length, hours(paid), mine.filter((d) => d.shift!.night).length, weekends, hours(contract), hours(paid - contract)];
    });
    return toCsv(['officer_id', 'officer_name', 'rank', 'shifts', 'paid_hours', 'nights', 'weekend_shifts', 'contract_hours', 'difference_hours'], rows);
  }
  const hotspots = new Map(scenario.hotspots.map((h) => [h.id, h]));
  const rows = record.evaluation.coverage
    .filter((c) => c.officerHours > 0 || c.expectedHarm > 0)
    .map((c) => [c.hotspotId, hotspots.get(c.hotspotId)?.name ?? '', c.shiftId, shifts.get(c.shiftId)?.date ?? '', round(c.officerHours), round(c.expectedHarm), round(c.coveredHarm), round(c.unmetHarm)]);
  return toCsv(['hotspot_id', 'hotspot_name', 'shift_id', 'date', 'patrol_hours', 'expected_harm', 'covered_harm', 'unmet_harm'], rows);
}
