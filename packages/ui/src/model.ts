/**
 * Pure helpers that turn API records into what the views draw: horizon days, the shifts of each
 * day (ids `<shiftTypeId>@<date>`, as the solver names them), and indexes keyed by cell.
 */
import type { Abstraction, CoverageRow, Finding, Officer, Pin, Rota, Scenario, ShiftType } from './types.js';

const DAY_MS = 86_400_000;
const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const toUtc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}
/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;
}
export function dayLabel(date: string): string {
  return `${WEEKDAY[weekdayOf(date) - 1]} ${+date.slice(8, 10)}`;
}
export function longDate(date: string): string {
  return `${WEEKDAY[weekdayOf(date) - 1]} ${+date.slice(8, 10)} ${MONTH[+date.slice(5, 7) - 1]}`;
}
export function horizonDates(s: Pick<Scenario, 'startDate' | 'days'>): string[] {
  return Array.from({ length: s.days }, (_, i) => addDays(s.startDate, i));
}

export interface ShiftRef {
  id: string;
  shiftTypeId: string;
  date: string;
  dayIndex: number;
}
export const shiftId = (shiftTypeId: string, date: string) => `${shiftTypeId}@${date}`;
export function parseShiftId(id: string): { shiftTypeId: string; date: string } {
  const at = id.lastIndexOf('@');
  return { shiftTypeId: id.slice(0, at), date: id.slice(at + 1) };
}

/** Every shift of the horizon, by day then local start time. */
export function horizonShifts(s: Pick<Scenario, 'startDate' | 'days' | 'shiftTypes'>): ShiftRef[] {
  const types = [...s.shiftTypes].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  return horizonDates(s).flatMap((date, dayIndex) =>
    types.filter((t) => t.weekdays.includes(weekdayOf(date))).map((t) => ({ id: shiftId(t.id, date), shiftTypeId: t.id, date, dayIndex })),
  );
}

/** The local dates an abstraction covers (its end is exclusive). */
function abstractionDates(a: Abstraction): [string, string] {
  const start = a.start.slice(0, 10);
  const endDate = a.end.slice(0, 10);
  const endsAtMidnight = a.end.length <= 10 || /T00:00(:00(\.0+)?)?/.test(a.end);
  return [start, endsAtMidnight ? endDate : addDays(endDate, 1)];
}
/** The abstraction (if any) that keeps the officer off duty on `date`. */
export function abstractionOn(officer: Officer, date: string): Abstraction | undefined {
  return officer.abstractions.find((a) => {
    const [from, to] = abstractionDates(a);
    return from <= date && date < to;
  });
}

export const cellKey = (officerId: string, date: string) => `${officerId}|${date}`;
export const pinKey = (officerId: string, shiftIdValue: string) => `${officerId}|${shiftIdValue}`;

export interface CellShift {
  shiftId: string;
  shiftTypeId: string;
  pinned: boolean;
}
/** Assignments grouped by officer and day. */
export function assignmentsByCell(rota: Rota | null): Map<string, CellShift[]> {
  const map = new Map<string, CellShift[]>();
  for (const a of rota?.assignments ?? []) {
    const { shiftTypeId, date } = parseShiftId(a.shiftId);
    const key = cellKey(a.officerId, date);
    map.set(key, [...(map.get(key) ?? []), { shiftId: a.shiftId, shiftTypeId, pinned: !!a.pinned }]);
  }
  return map;
}
export function pinsByKey(pins: Pin[] | undefined): Map<string, Pin> {
  return new Map((pins ?? []).map((p) => [pinKey(p.officerId, p.shiftId), p]));
}
export function coverageByKey(rows: CoverageRow[] | undefined): Map<string, CoverageRow> {
  return new Map((rows ?? []).map((r) => [`${r.hotspotId}|${r.shiftId}`, r]));
}
export function shiftTypeById(types: ShiftType[]): Map<string, ShiftType> {
  return new Map(types.map((t) => [t.id, t]));
}

/** What a selected Finding lights up in the views. */
export interface Highlight {
  officers: Set<string>;
  cells: Set<string>;
  shifts: Set<string>;
  hotspots: Set<string>;
}
export const emptyHighlight = (): Highlight => ({ officers: new Set(), cells: new Set(), shifts: new Set(), hotspots: new Set() });

export function highlightOf(finding: Finding | null): Highlight {
  const h = emptyHighlight();
  if (!finding) return h;
  const date = finding.date ?? (finding.shiftId ? parseShiftId(finding.shiftId).date : undefined);
  if (finding.officerId && date) h.cells.add(cellKey(finding.officerId, date));
  else if (finding.officerId) h.officers.add(finding.officerId);
  if (finding.shiftId) h.shifts.add(finding.shiftId);
  if (finding.hotspotId) h.hotspots.add(finding.hotspotId);
  return h;
}
/** Is the officer's day lit by the highlight (the cell itself, the row, or a lit shift that day)? */
export function isCellLit(h: Highlight, officerId: string, date: string, shiftIds: string[]): boolean {
  return h.cells.has(cellKey(officerId, date)) || h.officers.has(officerId) || (h.officers.size === 0 && h.cells.size === 0 && shiftIds.some((s) => h.shifts.has(s)));
}

export function fmt(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
export function pct(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : `${fmt(n * 100, digits)} %`;
}
/** Human title of a rule id: `minimumRest` → `Minimum rest`. */
export function ruleTitle(ruleId: string): string {
  const words = ruleId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Short chip labels for shift types: initials of the name (`Early` → `E`), longer if they clash. */
export function shiftAbbrevs(types: ShiftType[]): Map<string, string> {
  const initials = (t: ShiftType) => t.name.split(/\s+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('').slice(0, 3) || t.id.slice(0, 2);
  const first = types.map(initials);
  return new Map(
    types.map((t, i) => {
      const clash = first.filter((x) => x === first[i]).length > 1;
      return [t.id, clash ? t.name.replace(/\s+/g, '').slice(0, 3) : first[i]!];
    }),
  );
}
/** Black or white text for a chip of this background (hex colours; white otherwise). */
export function textOn(colour: string | undefined): string {
  const m = colour?.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (!m) return '#fff';
  const hex = m[1]!.length === 3 ? m[1]!.split('').map((x) => x + x).join('') : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lum = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return lum > 0.55 ? '#111' : '#fff';
}
export const DEFAULT_SHIFT_COLOURS = ['#2b6cb0', '#b7791f', '#553c9a', '#2f855a', '#c53030', '#2c7a7b'];
export function shiftColour(types: ShiftType[], id: string): string {
  const i = types.findIndex((t) => t.id === id);
  return types[i]?.colour ?? DEFAULT_SHIFT_COLOURS[Math.max(0, i) % DEFAULT_SHIFT_COLOURS.length]!;
}
export function officerLabel(o: Pick<Officer, 'rank' | 'name'>): string {
  return o.name.startsWith(`${o.rank} `) ? o.name : `${o.rank} ${o.name}`;
}
