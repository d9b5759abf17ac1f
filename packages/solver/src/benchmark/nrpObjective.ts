import type { Rota } from '../domain/rota.js';
import { nrpDate, nrpShiftId, type NrpInstance } from './nrpImport.js';

/**
 * A benchmark roster: staff id → one cell per day, the shift id worked or null for a day off.
 * A cell of ids joined by `+` means two shifts on one day (a rota can say that; rule 1 forbids it).
 */
export type NrpRoster = Map<string, (string | null)[]>;

/** Which of FORMAT.md's hard rules a roster breaks (numbered as there; 0 = malformed roster). */
export interface NrpViolation {
  rule: number;
  staffId: string;
  day?: number;
  message: string;
}

export interface NrpEvaluation {
  /** The benchmark's objective (minimised, integer). */
  objective: number;
  breakdown: { onRequests: number; offRequests: number; coverUnder: number; coverOver: number };
  violations: NrpViolation[];
}

/** Maximal runs of days where `pattern[d] === value`. */
function runs(pattern: boolean[], value: boolean): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  for (let d = 0; d < pattern.length; d++) {
    if (pattern[d] !== value) continue;
    const first = d;
    while (d + 1 < pattern.length && pattern[d + 1] === value) d++;
    out.push({ first, last: d });
  }
  return out;
}

/**
 * Score a roster exactly as FORMAT.md states the benchmark, from the parsed instance alone
 * (independent of our rules, so it can check them): objective and every hard-rule violation.
 */
export function evaluateNrp(instance: NrpInstance, roster: NrpRoster): NrpEvaluation {
  const H = instance.horizon;
  const violations: NrpViolation[] = [];
  const shiftById = new Map(instance.shifts.map((s) => [s.id, s]));
  const staffIds = new Set(instance.staff.map((s) => s.id));
  for (const id of roster.keys()) if (!staffIds.has(id)) violations.push({ rule: 0, staffId: id, message: `roster names unknown staff ${id}` });
  // cells[e][d]: the shift ids staff e works on day d (normally zero or one).
  const cells = new Map<string, string[][]>();
  for (const staff of instance.staff) {
    const row = roster.get(staff.id) ?? [];
    if (row.length !== H) violations.push({ rule: 0, staffId: staff.id, message: `${staff.id} has ${row.length} days in the roster, the horizon has ${H}` });
    cells.set(
      staff.id,
      Array.from({ length: H }, (_, d) =>
        (row[d] ?? '').split('+').filter((id) => {
          if (id === '') return false;
          if (shiftById.has(id)) return true;
          violations.push({ rule: 0, staffId: staff.id, day: d, message: `${staff.id} works unknown shift ${id} on day ${d}` });
          return false;
        }),
      ),
    );
  }
  for (const staff of instance.staff) {
    const days = cells.get(staff.id)!;
    const v = (rule: number, message: string, day?: number) => violations.push({ rule, staffId: staff.id, day, message: `${staff.id}: ${message}` });
    days.forEach((ids, d) => ids.length > 1 && v(1, `${ids.length} shifts (${ids.join(', ')}) on day ${d}`, d));
    // Rule 2 looks only inside the horizon: day H−1 has no successor.
    for (let d = 0; d + 1 < H; d++)
      for (const first of days[d]) for (const next of days[d + 1]) if (shiftById.get(first)!.cannotFollow.includes(next)) v(2, `${next} on day ${d + 1} follows ${first}`, d + 1);
    for (const [shiftId, max] of Object.entries(staff.maxShifts)) {
      const n = days.reduce((sum, ids) => sum + ids.filter((id) => id === shiftId).length, 0);
      if (n > max) v(3, `${n} ${shiftId} shifts, max ${max}`);
    }
    const minutes = days.flat().reduce((sum, id) => sum + shiftById.get(id)!.minutes, 0);
    if (minutes > staff.maxTotalMinutes) v(4, `${minutes} minutes, max ${staff.maxTotalMinutes}`);
    if (minutes < staff.minTotalMinutes) v(4, `${minutes} minutes, min ${staff.minTotalMinutes}`);
    const working = days.map((ids) => ids.length > 0);
    // Runs touching either end of the horizon may continue outside it, so minimums skip them.
    const inside = (r: { first: number; last: number }) => r.first > 0 && r.last < H - 1;
    for (const r of runs(working, true)) {
      const length = r.last - r.first + 1;
      if (length > staff.maxConsecutiveShifts) v(5, `${length} working days from day ${r.first}, max ${staff.maxConsecutiveShifts}`, r.first);
      if (length < staff.minConsecutiveShifts && inside(r)) v(6, `${length} working days from day ${r.first}, min ${staff.minConsecutiveShifts}`, r.first);
    }
    for (const r of runs(working, false)) {
      const length = r.last - r.first + 1;
      if (length < staff.minConsecutiveDaysOff && inside(r)) v(7, `${length} days off from day ${r.first}, min ${staff.minConsecutiveDaysOff}`, r.first);
    }
    // Saturday and Sunday of one week count once, whichever (or both) is worked.
    let weekends = 0;
    for (let sat = 5; sat < H; sat += 7) if (working[sat] || (sat + 1 < H && working[sat + 1])) weekends++;
    if (weekends > staff.maxWeekends) v(8, `${weekends} weekends, max ${staff.maxWeekends}`);
    for (const d of instance.daysOff.get(staff.id) ?? []) if (working[d]) v(9, `works day ${d}, a day off`, d);
  }
  const has = (staffId: string, day: number, shiftId: string) => cells.get(staffId)?.[day]?.includes(shiftId) ?? false;
  const breakdown = { onRequests: 0, offRequests: 0, coverUnder: 0, coverOver: 0 };
  for (const r of instance.onRequests) if (!has(r.staffId, r.day, r.shiftId)) breakdown.onRequests += r.weight;
  for (const r of instance.offRequests) if (has(r.staffId, r.day, r.shiftId)) breakdown.offRequests += r.weight;
  for (const c of instance.cover) {
    const n = instance.staff.filter((s) => has(s.id, c.day, c.shiftId)).length;
    if (n < c.requirement) breakdown.coverUnder += (c.requirement - n) * c.weightUnder;
    if (n > c.requirement) breakdown.coverOver += (n - c.requirement) * c.weightOver;
  }
  const objective = breakdown.onRequests + breakdown.offRequests + breakdown.coverUnder + breakdown.coverOver;
  return { objective, breakdown, violations };
}

/** Our rota for a roster (officer = staff id, shift = `<shiftId>@<date>`). */
export function rosterToRota(instance: NrpInstance, roster: NrpRoster): Rota {
  const assignments = [...roster].flatMap(([officerId, row]) =>
    row.flatMap((cell, d) => (cell ?? '').split('+').filter(Boolean).map((id) => ({ officerId, shiftId: nrpShiftId(id, d) }))),
  );
  return { scenarioId: `nrp-${instance.name}`, assignments, deployments: [] };
}

/** The roster of a rota of an imported instance; assignments outside the horizon are an error. */
export function rotaToRoster(instance: NrpInstance, rota: Rota): NrpRoster {
  const dayOf = new Map(Array.from({ length: instance.horizon }, (_, d) => [nrpDate(d), d]));
  const roster: NrpRoster = new Map(instance.staff.map((s) => [s.id, Array<string | null>(instance.horizon).fill(null)]));
  for (const { officerId, shiftId } of rota.assignments) {
    const at = shiftId.lastIndexOf('@');
    const d = dayOf.get(shiftId.slice(at + 1));
    if (at < 0 || d === undefined) throw new Error(`assignment ${officerId}@${shiftId} is not a shift of ${instance.name}`);
    const row = roster.get(officerId) ?? Array<string | null>(instance.horizon).fill(null);
    roster.set(officerId, row);
    const id = shiftId.slice(0, at);
    row[d] = row[d] ? `${row[d]}+${id}` : id;
  }
  return roster;
}
