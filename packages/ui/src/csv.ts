/** CSV import of Officers and forecasts into a draft Scenario (validated later by the API). */
import type { DemandForecast, Officer, Rank, Scenario } from './types.js';
import { RANK_LIST } from './types.js';
import { weekdayOf } from './model.js';

export interface CsvError {
  line: number;
  message: string;
}

/** RFC 4180-ish: commas, double-quoted fields with "" escapes, CRLF or LF. Returns rows with their line numbers. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells: cells.map((c) => c.trim()) });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells: cells.map((c) => c.trim()) });
  return rows;
}

function columns(header: string[]): Map<string, number> {
  return new Map(header.map((h, i) => [h.toLowerCase().replace(/[^a-z]/g, ''), i]));
}

/** `id,name,rank,skills,contractHoursPerWeek,team`; skills separated by `;` or `|`. */
export function officersFromCsv(text: string): { officers: Officer[]; errors: CsvError[] } {
  const [head, ...rows] = parseCsv(text);
  const errors: CsvError[] = [];
  if (!head) return { officers: [], errors: [{ line: 1, message: 'The file is empty.' }] };
  const col = columns(head.cells);
  const missing = ['id', 'name', 'rank'].filter((c) => !col.has(c));
  if (missing.length) return { officers: [], errors: [{ line: head.line, message: `Missing column(s): ${missing.join(', ')}.` }] };
  const hoursCol = col.get('contracthoursperweek') ?? col.get('contracthours') ?? col.get('hours');
  const minutesCol = col.get('contractminutesperweek');
  const get = (cells: string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
  const officers: Officer[] = [];
  for (const { line, cells } of rows) {
    const rank = get(cells, col.get('rank')) as Rank;
    if (!RANK_LIST.includes(rank)) errors.push({ line, message: `rank "${rank}" is not one of ${RANK_LIST.join(', ')}.` });
    const hours = get(cells, hoursCol);
    const minutes = minutesCol !== undefined ? Number(get(cells, minutesCol)) : hours === '' ? 40 * 60 : Math.round(Number(hours) * 60);
    if (!Number.isFinite(minutes) || minutes <= 0) errors.push({ line, message: `contract hours "${hours || get(cells, minutesCol)}" is not a positive number.` });
    const id = get(cells, col.get('id'));
    if (!id) errors.push({ line, message: 'id is empty.' });
    const skills = get(cells, col.get('skills')).split(/[;|,]/).map((s) => s.trim()).filter(Boolean);
    const team = get(cells, col.get('team'));
    officers.push({ id, name: get(cells, col.get('name')), rank, skills, contractMinutesPerWeek: minutes, abstractions: [], requests: [], ...(team ? { team } : {}) });
  }
  return { officers, errors };
}

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * `hotspotId,hour,harm` (hour = index from the horizon's first midnight) or
 * `hotspotId,weekday,hour,harm` (a typical week, weekday 1–7 or Mon–Sun, hour 0–23; repeats weekly).
 */
export function forecastFromCsv(text: string, scenario: Pick<Scenario, 'startDate' | 'hotspots' | 'forecast'>, unit: string): { forecast: DemandForecast; errors: CsvError[] } {
  const [head, ...rows] = parseCsv(text);
  const base: DemandForecast = { unit, hotspots: [...(scenario.forecast?.hotspots ?? [])] };
  if (!head) return { forecast: base, errors: [{ line: 1, message: 'The file is empty.' }] };
  const col = columns(head.cells);
  const hotspotCol = col.get('hotspotid') ?? col.get('hotspot');
  const missing = [hotspotCol === undefined ? 'hotspotId' : '', col.has('hour') ? '' : 'hour', col.has('harm') ? '' : 'harm'].filter(Boolean);
  if (missing.length) return { forecast: base, errors: [{ line: head.line, message: `Missing column(s): ${missing.join(', ')}.` }] };
  const weekly = col.has('weekday');
  const offset = weekdayOf(scenario.startDate) - 1;
  const known = new Set(scenario.hotspots.map((h) => h.id));
  const series = new Map<string, number[]>();
  const errors: CsvError[] = [];
  for (const { line, cells } of rows) {
    const hotspotId = cells[hotspotCol!] ?? '';
    const hour = Number(cells[col.get('hour')!]);
    const harm = Number(cells[col.get('harm')!]);
    if (!known.has(hotspotId)) errors.push({ line, message: `unknown hotspot "${hotspotId}".` });
    if (!Number.isInteger(hour) || hour < 0 || (weekly && hour > 23)) errors.push({ line, message: `hour "${cells[col.get('hour')!]}" is not valid.` });
    if (!Number.isFinite(harm) || harm < 0) errors.push({ line, message: `harm "${cells[col.get('harm')!]}" is not a number ≥ 0.` });
    let index = hour;
    if (weekly) {
      const raw = (cells[col.get('weekday')!] ?? '').toLowerCase();
      const wd = /^\d$/.test(raw) ? Number(raw) : WEEKDAY_NAMES.indexOf(raw.slice(0, 3)) + 1;
      if (wd < 1 || wd > 7) errors.push({ line, message: `weekday "${raw}" is not 1–7 or Mon–Sun.` });
      index = (((wd - 1 - offset + 7) % 7) * 24) + hour;
    }
    const list = series.get(hotspotId) ?? (weekly ? new Array(168).fill(0) : []);
    while (list.length <= index) list.push(0);
    list[index] = harm;
    series.set(hotspotId, list);
  }
  const kept = base.hotspots.filter((h) => !series.has(h.hotspotId));
  return { forecast: { unit, hotspots: [...kept, ...[...series].map(([hotspotId, hourlyHarm]) => ({ hotspotId, hourlyHarm }))] }, errors };
}
