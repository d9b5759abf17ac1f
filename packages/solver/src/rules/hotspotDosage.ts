import { fmt, finding, type Rule, dateLabel, verdictOf } from './rule.js';

/** "Mon 2 Mar" for sentences. */

/** Hotspots with a daily dosage target, with the target in officer-hours. */
function targets(ctx: Parameters<Rule['shape']>[1]) {
  return ctx.hotspots.filter((h) => (h.dosageMinutesPerDay ?? 0) > 0).map((h) => ({ hotspot: h, hours: h.dosageMinutesPerDay! / 60 }));
}

/** Koper-style dosage: each hotspot gets its daily patrol minutes. */
export const hotspotDosage: Rule = {
  id: 'hotspotDosage',
  title: 'Every hotspot with a dosage target gets at least its target of patrol minutes each day.',
  kind: 'soft',
  modelling:
    'Per hotspot with a target and day, dosageShort:<hotspot>@<date> ≥ target/60 − Σ deploy(h,s) over shifts starting that day, costing dosageWeightPerHour × weight per hour short.',
  shape(model, ctx) {
    const perHour = ctx.policy.dosageWeightPerHour * ctx.setting(this.id, this.kind).weight;
    for (const { hotspot, hours } of targets(ctx)) {
      ctx.shiftsByDay.forEach((shifts, d) => {
        const date = ctx.dates[d];
        const short = model.variable(this.id, `dosageShort:${hotspot.id}@${date}`, { upper: hours, cost: -perHour });
        const deploys = shifts.map((s) => [model.deploy(hotspot.id, s.id), 1] as [number, number]);
        model.lp.addRow(`dosage:${hotspot.id}@${date}`, [[short, 1], ...deploys], hours, Infinity, { ruleId: this.id, hotspotId: hotspot.id, date, unit: 'hours' });
      });
    }
  },
  explain(view) {
    const { ctx } = view;
    const perHour = ctx.policy.dosageWeightPerHour * ctx.setting(this.id, this.kind).weight;
    const findings = targets(ctx).flatMap(({ hotspot, hours }) =>
      ctx.shiftsByDay.flatMap((shifts, d) => {
        const got = shifts.reduce((sum, s) => sum + view.deployment(hotspot.id, s.id), 0);
        const short = hours - got;
        // Deployments are continuous, so ignore rounding dust from the engine.
        if (short <= 1e-6) return [];
        return [
          finding(this, 'soft', {
            hotspotId: hotspot.id,
            date: ctx.dates[d],
            violation: false,
            amount: short,
            unit: 'hours',
            penalty: -perHour * short,
            message: `${hotspot.name} gets ${fmt(got * 60, 0)} patrol minutes on ${dateLabel(ctx.dates[d])}; its dosage target is ${fmt(hours * 60, 0)} minutes, ${fmt(short * 60, 0)} short.`,
          }),
        ];
      }),
    );
    return verdictOf(findings);
  },
};
