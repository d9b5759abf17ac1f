import { DateTime } from 'luxon';
import { resolvePolicy } from './policy.js';
import type { Scenario } from './scenario.js';
import { RANKS } from './types.js';

/** A problem with a scenario, at a JSON path such as `officers[3].abstractions[0].end`. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid;
const isInstant = (s: unknown) => typeof s === 'string' && (isDate(s) || DateTime.fromISO(s, { setZone: true }).isValid);

/**
 * Check what the types cannot: references between parts of a scenario, times, dates and the
 * policy's curve. Returns every issue (empty when the scenario can be solved), never throws.
 */
export function validateScenario(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!DateTime.local().setZone(s.timezone).isValid) add('timezone', `unknown IANA timezone "${s.timezone}"`);
  if (!isDate(s.startDate)) add('startDate', 'must be a date YYYY-MM-DD');
  if (!Number.isInteger(s.days) || s.days < 1 || s.days > 366) add('days', 'must be a whole number of days from 1 to 366');
  const shiftTypeIds = new Set(s.shiftTypes.map((t) => t.id));
  const officerIds = new Set<string>();
  s.officers.forEach((o, i) => {
    if (officerIds.has(o.id)) add(`officers[${i}].id`, `duplicate officer id "${o.id}"`);
    officerIds.add(o.id);
    if (!RANKS.includes(o.rank)) add(`officers[${i}].rank`, `must be one of ${RANKS.join(', ')}`);
    if (!(o.contractMinutesPerWeek >= 0)) add(`officers[${i}].contractMinutesPerWeek`, 'must be zero or more');
    o.abstractions.forEach((a, k) => {
      if (!isInstant(a.start)) add(`officers[${i}].abstractions[${k}].start`, 'must be a date or an ISO instant');
      if (!isInstant(a.end)) add(`officers[${i}].abstractions[${k}].end`, 'must be a date or an ISO instant');
      else if (isInstant(a.start) && a.end <= a.start && isDate(a.end) === isDate(a.start)) add(`officers[${i}].abstractions[${k}].end`, 'must be after start');
    });
    o.requests.forEach((r, k) => {
      if (!isDate(r.date)) add(`officers[${i}].requests[${k}].date`, 'must be a date YYYY-MM-DD');
      if (r.shiftTypeId && !shiftTypeIds.has(r.shiftTypeId)) add(`officers[${i}].requests[${k}].shiftTypeId`, `unknown shift type "${r.shiftTypeId}"`);
    });
  });
  s.shiftTypes.forEach((t, i) => {
    if (!TIME.test(t.start)) add(`shiftTypes[${i}].start`, 'must be a local time HH:mm');
    if (!TIME.test(t.end)) add(`shiftTypes[${i}].end`, 'must be a local time HH:mm');
    if (t.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) add(`shiftTypes[${i}].weekdays`, 'weekdays are 1 (Monday) to 7 (Sunday)');
    (t.cannotFollow ?? []).forEach((id, k) => shiftTypeIds.has(id) || add(`shiftTypes[${i}].cannotFollow[${k}]`, `unknown shift type "${id}"`));
  });
  const hotspotIds = new Set(s.hotspots.map((h) => h.id));
  s.hotspots.forEach((h, i) => {
    if (!(h.saturationOfficers > 0)) add(`hotspots[${i}].saturationOfficers`, 'must be more than zero');
  });
  s.forecast?.hotspots.forEach((f, i) => {
    if (!hotspotIds.has(f.hotspotId)) add(`forecast.hotspots[${i}].hotspotId`, `unknown hotspot "${f.hotspotId}"`);
    if (f.hourlyHarm.some((x) => !(x >= 0))) add(`forecast.hotspots[${i}].hourlyHarm`, 'harm must be zero or more');
  });
  (s.pins ?? []).forEach((p, i) => {
    if (!officerIds.has(p.officerId)) add(`pins[${i}].officerId`, `unknown officer "${p.officerId}"`);
    const [type, date] = p.shiftId.split('@');
    if (!shiftTypeIds.has(type) || !isDate(date)) add(`pins[${i}].shiftId`, `"${p.shiftId}" is not <shiftTypeId>@<date> of a known shift type`);
  });
  (s.previousAssignments ?? []).forEach((a, i) => officerIds.has(a.officerId) || add(`previousAssignments[${i}].officerId`, `unknown officer "${a.officerId}"`));
  const policy = resolvePolicy(s.policy);
  policy.coverRules.forEach((r, i) => (r.shiftTypeIds ?? []).forEach((id, k) => shiftTypeIds.has(id) || add(`policy.coverRules[${i}].shiftTypeIds[${k}]`, `unknown shift type "${id}"`)));
  const curve = [{ officersPresent: 0, coveredFraction: 0 }, ...policy.harmCoverageCurve.filter((p) => p.officersPresent > 0)].sort((a, b) => a.officersPresent - b.officersPresent);
  const slopes = curve.slice(1).map((p, k) => (p.coveredFraction - curve[k].coveredFraction) / Math.max(1e-12, p.officersPresent - curve[k].officersPresent));
  if (slopes.some((x, k) => k > 0 && x > slopes[k - 1] + 1e-12)) add('policy.harmCoverageCurve', 'must be concave: each piece may not be steeper than the one before');
  return issues;
}
