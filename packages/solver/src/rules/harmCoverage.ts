import type { ScenarioContext } from '../domain/context.js';
import type { RotaView } from '../evaluate/view.js';
import { coveredFraction, curveSegments } from './curve.js';
import { fmt, finding, type Rule } from './rule.js';

/** Average officers present at a hotspot in each period, from a rota's deployments. */
export function presenceByPeriod(view: RotaView, hotspotId: string): number[] {
  const { ctx } = view;
  return ctx.periods.map((p) => p.shiftIds.reduce((sum, id) => sum + view.deployment(hotspotId, id) / (ctx.shiftById.get(id)!.minutes / 60), 0));
}

/** Harm covered per hotspot and period under the policy's curve. */
export function coveredHarm(view: RotaView): Map<string, number[]> {
  const { ctx } = view;
  const segments = curveSegments(ctx.policy);
  return new Map(
    ctx.hotspots.map((h) => {
      const harm = ctx.harmByPeriod.get(h.id)!;
      const presence = presenceByPeriod(view, h.id);
      return [h.id, harm.map((x, q) => x * coveredFraction(segments, Math.min(presence[q], h.saturationOfficers)))];
    }),
  );
}

function shape(this: Rule, model: Parameters<Rule['shape']>[0], ctx: ScenarioContext): void {
  const weight = ctx.setting(this.id, this.kind).weight;
  const segments = curveSegments(ctx.policy);
  for (const h of ctx.hotspots) {
    const harm = ctx.harmByPeriod.get(h.id)!;
    for (const p of ctx.periods) {
      if (harm[p.index] <= 0) continue;
      const presence = p.shiftIds.map((id) => [model.deploy(h.id, id), -1 / (ctx.shiftById.get(id)!.minutes / 60)] as [number, number]);
      let capacity = h.saturationOfficers;
      const pieces = segments.flatMap((s, k) => {
        const width = Math.min(s.widthOfficers, capacity);
        capacity -= width;
        if (width <= 0) return [];
        const v = model.variable(this.id, `cover:${h.id}@p${p.index}#${k}`, { upper: width });
        model.reward(this.id, [[v, 1]], weight * harm[p.index] * s.slope);
        return [[v, 1] as [number, number]];
      });
      model.lp.addRow(`coverage:${h.id}@p${p.index}`, [...pieces, ...presence], -Infinity, 0, { ruleId: this.id, hotspotId: h.id });
    }
  }
}

/** The objective: harm-weighted coverage with diminishing returns. */
export const harmCoverage: Rule = {
  id: 'harmCoverage',
  title: 'Patrol hours go where forecast harm is, each extra officer-hour at a hotspot buying less than the one before.',
  kind: 'soft',
  modelling:
    'Per hotspot and period, the average officers present (Σ deploy/shift hours) fills the pieces cover:<hotspot>@p<period>#k of the concave policy curve (capped at saturation), each worth harm × slope.',
  shape,
  explain(view) {
    const { ctx } = view;
    const weight = ctx.setting(this.id, this.kind).weight;
    const covered = coveredHarm(view);
    let objective = 0;
    const findings = ctx.hotspots.map((h) => {
      const harm = ctx.harmByPeriod.get(h.id)!.reduce((a, b) => a + b, 0);
      const got = covered.get(h.id)!.reduce((a, b) => a + b, 0);
      objective += weight * got;
      const share = harm > 0 ? (100 * got) / harm : 100;
      return finding(this, 'soft', {
        hotspotId: h.id,
        violation: false,
        amount: harm - got,
        unit: `${ctx.harmUnit} unmet`,
        penalty: weight * got,
        message: `${h.name}: ${fmt(got)} of ${fmt(harm)} ${ctx.harmUnit} of forecast harm covered (${fmt(share, 0)} %), ${fmt(harm - got)} unmet.`,
      });
    });
    return { findings, objective };
  },
};
