// npx tsx scripts/nrp-synthetic.ts <out.txt> [--shift-types N] [--staff 150] [--blocks 13] [--cover-factor 2.5] [--source Instance12]
//
// A large synthetic Curtois & Qu instance in the benchmark's own .txt format, made by scaling a
// 28-day public instance (Instance12 by default) to `blocks` four-week blocks (364 days) and
// `staff` staff, to approximate Instance24 (150 staff, 32 shift types, 364 days), which we lack:
// - staff are cycled (Instance12's A..BH, then A_1.., A_2..); per-staff MaxShifts (n > 0),
//   Max/MinTotalMinutes and MaxWeekends are × blocks; consecutive-day limits are kept;
// - days off and on/off requests are repeated per block, block b of staff i taking those of the
//   source staff ((i + 7b) mod staff) mod sourceStaff, shifted by 28b days;
// - cover rows are repeated per block with the requirement × cover-factor (rounded);
// - --shift-types N > source count clones the source types (a1, a1_1, a1_2, …; the first types
//   get one clone more when N is not a multiple): a clone has the original's length, staff caps
//   and cannot-follow relations (every clone of a banned type is banned); the scaled cover
//   requirement of a type is split over its clones, and a request for a type names one clone.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNrp, type NrpInstance } from '../packages/solver/src/benchmark/nrpImport.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const out = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
if (!out) {
  console.error('usage: npx tsx scripts/nrp-synthetic.ts <out.txt> [--shift-types N] [--staff 150] [--blocks 13] [--cover-factor 2.5] [--source Instance12]');
  process.exit(2);
}
const sourceName = flag('source', 'Instance12');
const staffCount = Number(flag('staff', '150'));
const blocks = Number(flag('blocks', '13'));
const coverFactor = Number(flag('cover-factor', '2.5'));
const src = parseNrp(readFileSync(resolve(root, `../shared/data/curtois/instances/${sourceName}.txt`), 'utf8'), sourceName);
const typeCount = Number(flag('shift-types', String(src.shifts.length)));
const H0 = src.horizon;
if (typeCount < src.shifts.length) throw new Error(`--shift-types must be at least ${src.shifts.length}`);

// Shift types and their clones.
const clones = new Map<string, string[]>();
src.shifts.forEach((s, t) => {
  const n = Math.floor(typeCount / src.shifts.length) + (t < typeCount % src.shifts.length ? 1 : 0);
  clones.set(s.id, Array.from({ length: n }, (_, k) => (k === 0 ? s.id : `${s.id}_${k}`)));
});
const shifts = src.shifts.flatMap((s) => clones.get(s.id)!.map((id) => ({ id, minutes: s.minutes, cannotFollow: s.cannotFollow.flatMap((u) => clones.get(u) ?? [u]) })));

// Staff.
const staff = Array.from({ length: staffCount }, (_, i) => {
  const base = src.staff[i % src.staff.length];
  const cycle = Math.floor(i / src.staff.length);
  const maxShifts: Record<string, number> = {};
  for (const [id, n] of Object.entries(base.maxShifts)) for (const c of clones.get(id)!) maxShifts[c] = n * blocks;
  return {
    ...base,
    id: cycle === 0 ? base.id : `${base.id}_${cycle}`,
    maxShifts,
    maxTotalMinutes: base.maxTotalMinutes * blocks,
    minTotalMinutes: base.minTotalMinutes * blocks,
    maxWeekends: base.maxWeekends * blocks,
  };
});
/** Source staff whose days off and requests staff i takes in block b. */
const sourceOf = (i: number, b: number) => src.staff[((i + 7 * b) % staffCount) % src.staff.length].id;
const cloneFor = (shiftId: string, i: number, b: number) => {
  const c = clones.get(shiftId);
  return c ? c[(i + b) % c.length] : shiftId;
};

const daysOff = new Map<string, number[]>();
const onRequests: NrpInstance['onRequests'] = [];
const offRequests: NrpInstance['offRequests'] = [];
const groupBy = <T extends { staffId: string }>(xs: T[]) => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(x.staffId, [...(m.get(x.staffId) ?? []), x]);
  return m;
};
const onBy = groupBy(src.onRequests);
const offBy = groupBy(src.offRequests);
staff.forEach((x, i) => {
  const days: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const from = sourceOf(i, b);
    for (const d of src.daysOff.get(from) ?? []) days.push(d + H0 * b);
    for (const r of onBy.get(from) ?? []) onRequests.push({ staffId: x.id, day: r.day + H0 * b, shiftId: cloneFor(r.shiftId, i, b), weight: r.weight });
    for (const r of offBy.get(from) ?? []) offRequests.push({ staffId: x.id, day: r.day + H0 * b, shiftId: cloneFor(r.shiftId, i, b), weight: r.weight });
  }
  if (days.length > 0) daysOff.set(x.id, days);
});
const cover: NrpInstance['cover'] = [];
for (let b = 0; b < blocks; b++) {
  for (const c of src.cover) {
    const ids = clones.get(c.shiftId)!;
    const total = Math.round(c.requirement * coverFactor);
    ids.forEach((id, k) => {
      // Split the scaled requirement over the clones, the remainder rotating with the day.
      const extra = (k - ((c.day + b) % ids.length) + ids.length) % ids.length < total % ids.length ? 1 : 0;
      cover.push({ day: c.day + H0 * b, shiftId: id, requirement: Math.floor(total / ids.length) + extra, weightUnder: c.weightUnder, weightOver: c.weightOver });
    });
  }
}
const typeOrder = new Map(shifts.map((s, k) => [s.id, k]));
cover.sort((a, b) => a.day - b.day || typeOrder.get(a.shiftId)! - typeOrder.get(b.shiftId)!);

const lines: string[] = [];
const section = (name: string, comment: string, rows: string[]) => lines.push(`SECTION_${name}`, `# ${comment}`, ...rows, '');
lines.push(`# Synthetic: ${sourceName} scaled to ${H0 * blocks} days, ${staffCount} staff, ${shifts.length} shift types, cover x ${coverFactor} (scripts/nrp-synthetic.ts)`);
section('HORIZON', 'The horizon length in days:', [String(H0 * blocks)]);
section('SHIFTS', 'ShiftID, Length in mins, Shifts which cannot follow this shift | separated', shifts.map((s) => `${s.id},${s.minutes},${s.cannotFollow.join('|')}`));
section(
  'STAFF',
  'ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends',
  staff.map((x) => [x.id, Object.entries(x.maxShifts).map(([k, v]) => `${k}=${v}`).join('|'), x.maxTotalMinutes, x.minTotalMinutes, x.maxConsecutiveShifts, x.minConsecutiveShifts, x.minConsecutiveDaysOff, x.maxWeekends].join(',')),
);
section('DAYS_OFF', 'EmployeeID, DayIndexes (start at zero)', [...daysOff].map(([id, days]) => [id, ...days].join(',')));
const req = (r: NrpInstance['onRequests'][number]) => `${r.staffId},${r.day},${r.shiftId},${r.weight}`;
section('SHIFT_ON_REQUESTS', 'EmployeeID, Day, ShiftID, Weight', onRequests.map(req));
section('SHIFT_OFF_REQUESTS', 'EmployeeID, Day, ShiftID, Weight', offRequests.map(req));
section('COVER', 'Day, ShiftID, Requirement, Weight for under, Weight for over', cover.map((c) => `${c.day},${c.shiftId},${c.requirement},${c.weightUnder},${c.weightOver}`));
const text = lines.join('\r\n');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);

// Read it back.
const back = parseNrp(text, 'synthetic');
const problems: string[] = [];
if (back.horizon !== H0 * blocks) problems.push('horizon');
if (back.shifts.length !== shifts.length || back.staff.length !== staffCount) problems.push('counts');
if (back.onRequests.length !== onRequests.length || back.offRequests.length !== offRequests.length || back.cover.length !== cover.length) problems.push('rows');
if (JSON.stringify(back.shifts) !== JSON.stringify(shifts)) problems.push('shifts');
if (problems.length) throw new Error(`read back differs: ${problems.join(', ')}`);
const demand = back.cover.reduce((s, c) => s + c.requirement, 0) / back.horizon;
console.log(
  `${out}: ${back.horizon} days, ${back.staff.length} staff, ${back.shifts.length} shift types, ${[...back.daysOff.values()].reduce((s, d) => s + d.length, 0)} days off, ` +
    `${back.onRequests.length} on / ${back.offRequests.length} off requests, ${back.cover.length} cover rows (${demand.toFixed(1)} heads/day); parseNrp reads it back`,
);
