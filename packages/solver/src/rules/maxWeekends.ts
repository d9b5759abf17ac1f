import type { ScenarioContext } from '../domain/context.js';
import { finding, officerLabel, type Rule, dayLabel, verdictOf } from './rule.js';

/**
 * The horizon's weekends as lists of day indexes: the Saturday and Sunday of one calendar week
 * form one weekend, and a weekend cut by the horizon keeps the day inside it.
 */
export function weekendsOf(ctx: ScenarioContext): number[][] {
  const bySaturday = new Map<number, number[]>();
  ctx.weekdays.forEach((weekday, d) => {
    if (weekday < 6) return;
    const saturday = d - (weekday - 6);
    bySaturday.set(saturday, [...(bySaturday.get(saturday) ?? []), d]);
  });
  return [...bySaturday.values()];
}

/** A cap on weekends worked over the horizon (policy-wide or an officer's own). */
export const maxWeekends: Rule = {
  id: 'maxWeekends',
  title: 'No officer works more weekends than the policy (or their own limit) allows; working Saturday, Sunday or both counts as one weekend.',
  kind: 'hard',
  modelling:
    'Per officer with a limit and weekend k: a binary weekend:<officer>@<k> ≥ Σ_s assign(o,s@d) for each of its days d (strict), and Σ_k weekend:<officer>@<k> ≤ maxWeekends.',
  shape(model, ctx) {
    const weekends = weekendsOf(ctx);
    for (const officer of ctx.officers) {
      const max = ctx.limit(officer, 'maxWeekends');
      if (max === undefined || weekends.length <= max) continue;
      const flags = weekends.map((days, k) => {
        const y = model.variable(this.id, `weekend:${officer.id}@${k}`, { type: 'binary' });
        // Linking rows stay strict even when the rule is soft: only the cap may be bought off.
        for (const d of days) model.lp.addRow(`weekendDay:${officer.id}@${d}`, [...model.workTerms(officer.id, d), [y, -1]], -Infinity, 0, { ruleId: this.id, officerId: officer.id, date: ctx.dates[d] });
        return [y, 1] as [number, number];
      });
      model.constrain(this.id, this.kind, `weekends:${officer.id}`, flags, -Infinity, max, { officerId: officer.id, unit: 'weekends' });
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const weekends = weekendsOf(ctx);
    const findings = ctx.officers.flatMap((officer) => {
      const max = ctx.limit(officer, 'maxWeekends');
      if (max === undefined) return [];
      const worked = weekends.filter((days) => days.some((d) => view.worksOnDay(officer.id, d)));
      const over = worked.length - max;
      if (over <= 0) return [];
      return [
        finding(this, setting.hard ? 'hard' : 'soft', {
          officerId: officer.id,
          amount: over,
          unit: 'weekends',
          penalty: setting.hard ? 0 : -setting.weight * over,
          message: `${officerLabel(ctx, officer.id)} works ${worked.length} weekend${worked.length === 1 ? '' : 's'} (${worked.map((days) => dayLabel(ctx, days[0])).join(', ')}); the limit is ${max}.`,
        }),
      ];
    });
    return verdictOf(findings);
  },
};
