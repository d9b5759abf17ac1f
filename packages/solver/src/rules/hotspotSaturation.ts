import { fmt, finding, shiftLabel, type Rule } from './rule.js';

/** Past a hotspot's saturation more officers only stand around. */
export const hotspotSaturation: Rule = {
  id: 'hotspotSaturation',
  title: 'No hotspot gets more officers at once than its saturation cap.',
  kind: 'hard',
  modelling: 'Upper bound deploy(h,s) ≤ saturationOfficers(h) × hours(s).',
  shape(model, ctx) {
    for (const h of ctx.hotspots) {
      for (const s of ctx.shifts) {
        const v = model.deploy(h.id, s.id);
        model.lp.upper[v] = Math.min(model.lp.upper[v], h.saturationOfficers * (s.minutes / 60));
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const findings = ctx.hotspots.flatMap((h) =>
      ctx.shifts.flatMap((s) => {
        const cap = h.saturationOfficers * (s.minutes / 60);
        const got = view.deployment(h.id, s.id);
        return got > cap + 1e-6
          ? [finding(this, 'hard', { hotspotId: h.id, shiftId: s.id, date: s.date, amount: got - cap, unit: 'officer-hours', penalty: 0, message: `${h.name} gets ${fmt(got)} officer-hours on ${shiftLabel(ctx, s.id)}; its cap of ${h.saturationOfficers} officers allows ${fmt(cap)}.` })]
          : [];
      }),
    );
    return { findings, objective: 0 };
  },
};
