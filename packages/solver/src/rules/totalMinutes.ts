import { fmt, finding, officerLabel, type Rule, verdictOf } from './rule.js';

/**
 * An officer's own floor and ceiling on paid time over the horizon (part-time contracts, the
 * rostering benchmark's per-staff limits). The floor can clash with leave, so it is elastic.
 */
export const totalMinutes: Rule = {
  id: 'totalMinutes',
  title: 'Officers with their own minimum or maximum total hours are rostered within them over the rota.',
  kind: 'hard',
  modelling:
    'Per officer with limits.minTotalMinutes: Σ paidMinutes(s) × assign(o,s) ≥ min, elastic (a shortfall costs the hard-violation penalty per minute); with limits.maxTotalMinutes: Σ paidMinutes(s) × assign(o,s) ≤ max, strict.',
  shape(model, ctx) {
    for (const officer of ctx.officers) {
      const { minTotalMinutes: min, maxTotalMinutes: max } = officer.limits ?? {};
      const terms = ctx.shifts.map((s) => [model.assign(officer.id, s.id), s.paidMinutes] as [number, number]);
      const origin = { officerId: officer.id, unit: 'minutes' };
      if (min !== undefined && min > 0) model.constrain(this.id, this.kind, `minTotal:${officer.id}`, terms, min, Infinity, origin, true);
      if (max !== undefined) model.constrain(this.id, this.kind, `maxTotal:${officer.id}`, terms, -Infinity, max, origin);
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const kind = setting.hard ? 'hard' : 'soft';
    // The floor is elastic when hard, so its shortfall is paid at the hard-violation penalty.
    const shortCost = setting.hard ? ctx.policy.hardViolationPenalty : setting.weight;
    const tolerance = 1e-6;
    const findings = ctx.officers.flatMap((officer) => {
      const { minTotalMinutes: min, maxTotalMinutes: max } = officer.limits ?? {};
      const total = view.shiftsOf(officer.id).reduce((sum, s) => sum + s.paidMinutes, 0);
      const who = officerLabel(ctx, officer.id);
      const out = [];
      if (min !== undefined && min - total > tolerance)
        out.push(finding(this, kind, { officerId: officer.id, amount: min - total, unit: 'minutes', penalty: -shortCost * (min - total), message: `${who} is rostered for ${fmt(total / 60)} h over the rota; their minimum is ${fmt(min / 60)} h.` }));
      if (max !== undefined && total - max > tolerance)
        out.push(finding(this, kind, { officerId: officer.id, amount: total - max, unit: 'minutes', penalty: setting.hard ? 0 : -setting.weight * (total - max), message: `${who} is rostered for ${fmt(total / 60)} h over the rota; their maximum is ${fmt(max / 60)} h.` }));
      return out;
    });
    return verdictOf(findings);
  },
};
