import type { NrpRoster } from './nrpObjective.js';

/** A published roster and the objective its authors state for it (null when not stated). */
export interface PublishedRoster {
  roster: NrpRoster;
  statedObjective: number | null;
}

/**
 * turtlesoul25's CSV: header `NurseID,1..H`, one row per staff (empty or blank cell = off), then
 * trailer lines such as "The minimised penalty = V" (some padded with commas). The roster ends at
 * the first line whose id cell is blank or is not an id (trailers contain spaces or colons).
 */
export function readTurtlesoulCsv(text: string): PublishedRoster {
  const lines = text.replace(/\r/g, '').split('\n');
  const header = lines[0]?.split(',') ?? [];
  if (header[0]?.trim() !== 'NurseID') throw new Error('CSV roster: the first line must start with "NurseID"');
  const days = header.slice(1).filter((c) => c.trim() !== '').length;
  const roster: NrpRoster = new Map();
  let k = 1;
  for (; k < lines.length; k++) {
    const cells = lines[k].split(',');
    const id = cells[0].trim();
    if (id === '' || /[\s:=]/.test(id)) break;
    if (roster.has(id)) throw new Error(`CSV roster line ${k + 1}: staff ${id} appears twice`);
    roster.set(id, Array.from({ length: days }, (_, d) => cells[d + 1]?.trim() || null));
  }
  const stated = lines.slice(k).join('\n').match(/minimised penalty\s*=\s*(\d+)/);
  return { roster, statedObjective: stated ? Number(stated[1]) : null };
}

/**
 * PetterS monolith's `.out`: rosters printed as `  ID: ` then two characters a day (a shift id
 * padded with `=`, or ` .` for off), each followed by `Final solution (checked for feasibility): V`.
 * A file may print several rosters as the search improves; the last complete one is returned.
 */
export function readPetterSOut(text: string): PublishedRoster {
  let current: NrpRoster = new Map();
  let last: PublishedRoster | null = null;
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const row = line.match(/^\s*([^\s:]+): (.*)$/);
    const final = line.match(/^Final solution \(checked for feasibility\):\s*(-?\d+)/);
    if (final) {
      last = { roster: current, statedObjective: Number(final[1]) };
      current = new Map();
    } else if (row) {
      // Every cell ends in a non-space (`=`, `.` or the id), so trailing blanks are never a cell.
      const body = row[2].trimEnd();
      if (body.length % 2 !== 0) throw new Error(`PetterS roster: the row of ${row[1]} does not have two characters a day`);
      const cells: (string | null)[] = [];
      for (let i = 0; i < body.length; i += 2) {
        const cell = body.slice(i, i + 2);
        cells.push(cell === ' .' ? null : cell.replace(/=+$/, ''));
      }
      current.set(row[1], cells);
    }
  }
  if (!last) throw new Error('PetterS roster: no "Final solution (checked for feasibility): V" line');
  return last;
}
