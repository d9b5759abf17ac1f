import { fmt, finding, shiftLabel, type Rule } from './rule.js';

const hasSkills = (skills: string[], required: string[] = []) => required.every((s) => skills.includes(s));

/** Officers can only patrol for the share of their shift the policy allows. */
export const patrolCapacity: Rule = {
  id: 'patrolCapacity',
  title: 'Patrol hours at hotspots come from officers on duty: at most the policy’s patrol share of each rostered officer’s shift, and only officers with a hotspot’s required skills patrol it.',
  kind: 'hard',
  modelling:
    'Σ_h deploy(h,s) ≤ patrolShare × hours(s) × Σ_o assign(o,s); for a hotspot with required skills, deploy(h,s) ≤ patrolShare × hours(s) × Σ_{o skilled} assign(o,s).',
  shape(model, ctx) {
    if (ctx.hotspots.length === 0) return;
    const share = ctx.policy.patrolShare;
    for (const s of ctx.shifts) {
      const hours = s.minutes / 60;
      const deploys = ctx.hotspots.map((h) => [model.deploy(h.id, s.id), 1] as [number, number]);
      const officers = model.onShiftTerms(s.id).map(([v]) => [v, -share * hours] as [number, number]);
      model.lp.addRow(`capacity:${s.id}`, [...deploys, ...officers], -Infinity, 0, { ruleId: this.id, shiftId: s.id });
      for (const h of ctx.hotspots.filter((x) => (x.requiredSkills ?? []).length > 0)) {
        const skilled = model.onShiftTerms(s.id, (o) => hasSkills(ctx.officerById.get(o)!.skills, h.requiredSkills)).map(([v]) => [v, -share * hours] as [number, number]);
        model.lp.addRow(`capacity:${h.id}@${s.id}`, [[model.deploy(h.id, s.id), 1], ...skilled], -Infinity, 0, { ruleId: this.id, shiftId: s.id, hotspotId: h.id });
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const tolerance = 1e-6;
    const findings = ctx.shifts.flatMap((s) => {
      const hours = s.minutes / 60;
      const officers = view.officersOn(s.id);
      const available = ctx.policy.patrolShare * hours * officers.length;
      const used = ctx.hotspots.reduce((sum, h) => sum + view.deployment(h.id, s.id), 0);
      const out = [];
      if (used > available + tolerance)
        out.push(finding(this, 'hard', { shiftId: s.id, date: s.date, amount: used - available, unit: 'officer-hours', penalty: 0, message: `${shiftLabel(ctx, s.id)} deploys ${fmt(used)} patrol officer-hours but its ${officers.length} officers can give ${fmt(available)}.` }));
      for (const h of ctx.hotspots.filter((x) => (x.requiredSkills ?? []).length > 0)) {
        const skilled = officers.filter((o) => hasSkills(o.skills, h.requiredSkills)).length;
        const cap = ctx.policy.patrolShare * hours * skilled;
        const got = view.deployment(h.id, s.id);
        if (got > cap + tolerance)
          out.push(finding(this, 'hard', { shiftId: s.id, hotspotId: h.id, date: s.date, amount: got - cap, unit: 'officer-hours', penalty: 0, message: `${h.name} gets ${fmt(got)} officer-hours on ${shiftLabel(ctx, s.id)} but only ${skilled} officers on duty hold ${h.requiredSkills!.join(', ')}.` }));
      }
      return out;
    });
    return { findings, objective: 0 };
  },
};
