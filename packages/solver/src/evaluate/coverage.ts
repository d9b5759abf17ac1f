import type { CoverageRow } from '../solve/types.js';
import { coveredHarm } from '../rules/harmCoverage.js';
import type { RotaView } from './view.js';

/**
 * Coverage per hotspot and shift. A period's harm is shared between the shifts on duty in it in
 * proportion to their length in it (equal shares), and its covered harm in proportion to each
 * shift's share of the officers present, so rows add up to the hotspot totals.
 */
export function coverageRows(view: RotaView): CoverageRow[] {
  const { ctx } = view;
  const covered = coveredHarm(view);
  const rows = new Map<string, CoverageRow>();
  for (const h of ctx.hotspots) {
    const harm = ctx.harmByPeriod.get(h.id)!;
    for (const s of ctx.shifts) {
      rows.set(`${h.id}|${s.id}`, { hotspotId: h.id, shiftId: s.id, officerHours: view.deployment(h.id, s.id), expectedHarm: 0, coveredHarm: 0, unmetHarm: 0 });
    }
    for (const p of ctx.periods) {
      const presence = p.shiftIds.map((id) => view.deployment(h.id, id) / (ctx.shiftById.get(id)!.minutes / 60));
      const total = presence.reduce((a, b) => a + b, 0);
      p.shiftIds.forEach((id, i) => {
        const row = rows.get(`${h.id}|${id}`)!;
        row.expectedHarm += harm[p.index] / p.shiftIds.length;
        row.coveredHarm += total > 0 ? (covered.get(h.id)![p.index] * presence[i]) / total : 0;
      });
    }
  }
  return [...rows.values()].map((r) => ({ ...r, unmetHarm: Math.max(0, r.expectedHarm - r.coveredHarm) }));
}
