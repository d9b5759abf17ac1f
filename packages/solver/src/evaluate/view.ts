import type { ScenarioContext } from '../domain/context.js';
import type { Rota } from '../domain/rota.js';
import type { Officer, Shift } from '../domain/types.js';

/**
 * Read-only indexes over a rota for rule explanations. Built from the rota alone, never from an
 * engine's variables, so the evaluator is independent of how the rota was made.
 */
export interface RotaView {
  ctx: ScenarioContext;
  rota: Rota;
  isOn(officerId: string, shiftId: string): boolean;
  /** The officer's shifts in start order. */
  shiftsOf(officerId: string): Shift[];
  /** Shifts the officer works on a horizon day (normally 0 or 1). */
  shiftsOnDay(officerId: string, dayIndex: number): Shift[];
  worksOnDay(officerId: string, dayIndex: number): boolean;
  officersOn(shiftId: string): Officer[];
  /** Officer-hours deployed to the hotspot from the shift. */
  deployment(hotspotId: string, shiftId: string): number;
}

export function buildView(ctx: ScenarioContext, rota: Rota): RotaView {
  const on = new Set<string>();
  const byOfficer = new Map<string, Shift[]>();
  const byShift = new Map<string, Officer[]>();
  for (const a of rota.assignments) {
    const shift = ctx.shiftById.get(a.shiftId);
    const officer = ctx.officerById.get(a.officerId);
    if (!shift || !officer) throw new Error(`rota names unknown ${shift ? 'officer' : 'shift'} in ${a.officerId}@${a.shiftId}`);
    const key = `${a.officerId}|${a.shiftId}`;
    if (on.has(key)) continue;
    on.add(key);
    byOfficer.set(a.officerId, [...(byOfficer.get(a.officerId) ?? []), shift]);
    byShift.set(a.shiftId, [...(byShift.get(a.shiftId) ?? []), officer]);
  }
  for (const list of byOfficer.values()) list.sort((x, y) => x.startMs - y.startMs);
  const deployments = new Map<string, number>();
  for (const d of rota.deployments) {
    const key = `${d.hotspotId}|${d.shiftId}`;
    deployments.set(key, (deployments.get(key) ?? 0) + d.officerHours);
  }
  const shiftsOnDay = (o: string, d: number) => (byOfficer.get(o) ?? []).filter((s) => s.dayIndex === d);
  return {
    ctx,
    rota,
    isOn: (o, s) => on.has(`${o}|${s}`),
    shiftsOf: (o) => byOfficer.get(o) ?? [],
    shiftsOnDay,
    worksOnDay: (o, d) => shiftsOnDay(o, d).length > 0,
    officersOn: (s) => byShift.get(s) ?? [],
    deployment: (h, s) => deployments.get(`${h}|${s}`) ?? 0,
  };
}
