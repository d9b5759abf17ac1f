import { expandShifts, parseInstant, type Scenario } from '@patrolplan/solver';
import type { z } from 'zod';

type Ctx = z.core.$RefinementCtx;
type Path = (string | number)[];

/** The scenario as parsed so far (its id may not be assigned yet). */
type ScenarioShape = Omit<Scenario, 'id'>;

export function isTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function unique(ctx: Ctx, items: { id: string }[], path: string, what: string): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate ${what} id "${item.id}"` });
    seen.add(item.id);
  });
  return seen;
}

function refersTo(ctx: Ctx, known: Set<string>, value: string | undefined, path: Path, what: string): void {
  if (value !== undefined && !known.has(value)) ctx.addIssue({ code: 'custom', path, message: `unknown ${what} "${value}"` });
}

/**
 * Cross-field checks zod's shape cannot express: unique ids, references to known officers,
 * shift types, hotspots and shifts of the horizon, valid timezone and abstraction order.
 * Issues name the offending field so the planner can find it.
 */
export function checkScenario(s: ScenarioShape, ctx: Ctx): void {
  if (!isTimezone(s.timezone)) {
    ctx.addIssue({ code: 'custom', path: ['timezone'], message: `unknown IANA timezone "${s.timezone}"` });
    return;
  }
  const officers = unique(ctx, s.officers, 'officers', 'officer');
  const types = unique(ctx, s.shiftTypes, 'shiftTypes', 'shift type');
  const hotspots = unique(ctx, s.hotspots, 'hotspots', 'hotspot');
  s.shiftTypes.forEach((t, i) => t.cannotFollow?.forEach((id, j) => refersTo(ctx, types, id, ['shiftTypes', i, 'cannotFollow', j], 'shift type')));
  s.forecast?.hotspots.forEach((f, i) => refersTo(ctx, hotspots, f.hotspotId, ['forecast', 'hotspots', i, 'hotspotId'], 'hotspot'));
  s.policy?.coverRules?.forEach((r, i) =>
    r.shiftTypeIds?.forEach((id, j) => refersTo(ctx, types, id, ['policy', 'coverRules', i, 'shiftTypeIds', j], 'shift type')),
  );
  s.officers.forEach((o, i) => {
    o.requests.forEach((r, j) => refersTo(ctx, types, r.shiftTypeId, ['officers', i, 'requests', j, 'shiftTypeId'], 'shift type'));
    o.abstractions.forEach((a, j) => {
      if (parseInstant(a.end, s.timezone) <= parseInstant(a.start, s.timezone)) {
        ctx.addIssue({ code: 'custom', path: ['officers', i, 'abstractions', j, 'end'], message: 'must be after start' });
      }
    });
  });
  let shifts: Set<string>;
  try {
    shifts = new Set(expandShifts(s).map((x) => x.id));
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: (error as Error).message });
    return;
  }
  const shiftRefs: [string, { shiftId: string; officerId?: string }[] | undefined][] = [
    ['coverTargets', s.coverTargets],
    ['pins', s.pins],
    ['previousAssignments', s.previousAssignments],
  ];
  for (const [field, list] of shiftRefs) {
    list?.forEach((item, i) => {
      refersTo(ctx, shifts, item.shiftId, [field, i, 'shiftId'], 'shift (not in the horizon)');
      refersTo(ctx, officers, item.officerId, [field, i, 'officerId'], 'officer');
    });
  }
}
