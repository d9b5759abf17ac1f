import type { Term } from '../model/linear.js';
import { fmt, finding, officerLabel, type Rule, dayLabel, verdictOf } from './rule.js';

/** Working Time Regulations: a cap on any rolling 7 days and on the average week (reg 4). */
export const workingTime: Rule = {
  id: 'workingTime',
  title: 'No officer is paid for more than the policy’s hours in any 7 days in a row (60 h by default), nor more than the average working week (48 h) over the rota.',
  kind: 'hard',
  modelling:
    'Per officer and every window of 7 horizon days (the whole horizon when shorter): Σ paidMinutes(s) × assign(o,s) ≤ maxMinutesPer7Days; and over the horizon Σ paidMinutes(s) × assign(o,s) ≤ maxAverageMinutesPerWeek × days / 7. Shifts count on the day they start.',
  shape(model, ctx) {
    const n = ctx.dates.length;
    const width = Math.min(7, n);
    const paid = (officerId: string, d: number): Term[] => ctx.shiftsByDay[d].map((s) => [model.assign(officerId, s.id), s.paidMinutes]);
    // With one shift a day a window can hold at most its days' longest shifts; skip rows that cannot bind.
    const longest = ctx.shiftsByDay.map((shifts) => Math.max(0, ...shifts.map((s) => s.paidMinutes)));
    const cap = (ctx.policy.maxAverageMinutesPerWeek * n) / 7;
    for (const officer of ctx.officers) {
      for (let first = 0; first + width <= n; first++) {
        const days = Array.from({ length: width }, (_, i) => first + i);
        if (days.reduce((sum, d) => sum + longest[d], 0) <= ctx.policy.maxMinutesPer7Days) continue;
        model.constrain(this.id, this.kind, `week:${officer.id}@${first}`, days.flatMap((d) => paid(officer.id, d)), -Infinity, ctx.policy.maxMinutesPer7Days, { officerId: officer.id, date: ctx.dates[first], unit: 'minutes' });
      }
      if (longest.reduce((a, b) => a + b, 0) <= cap) continue;
      model.constrain(this.id, this.kind, `average:${officer.id}`, ctx.dates.flatMap((_, d) => paid(officer.id, d)), -Infinity, cap, { officerId: officer.id, unit: 'minutes' });
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const kind = setting.hard ? 'hard' : 'soft';
    const n = ctx.dates.length;
    const width = Math.min(7, n);
    const cap = (ctx.policy.maxAverageMinutesPerWeek * n) / 7;
    const tolerance = 1e-6;
    const findings = ctx.officers.flatMap((officer) => {
      const daily = ctx.dates.map((_, d) => view.shiftsOnDay(officer.id, d).reduce((sum, s) => sum + s.paidMinutes, 0));
      const who = officerLabel(ctx, officer.id);
      const out = [];
      for (let first = 0; first + width <= n; first++) {
        const minutes = daily.slice(first, first + width).reduce((a, b) => a + b, 0);
        const over = minutes - ctx.policy.maxMinutesPer7Days;
        if (over <= tolerance) continue;
        out.push(finding(this, kind, { officerId: officer.id, date: ctx.dates[first], amount: over, unit: 'minutes', penalty: setting.hard ? 0 : -setting.weight * over, message: `${who} is paid for ${fmt(minutes / 60)} h in the ${width} days from ${dayLabel(ctx, first)}; the policy allows ${fmt(ctx.policy.maxMinutesPer7Days / 60)} h.` }));
      }
      const total = daily.reduce((a, b) => a + b, 0);
      if (total - cap > tolerance) {
        const message = `${who} is paid for ${fmt(total / 60)} h over the ${n}-day rota, ${fmt((total * 7) / n / 60)} h a week on average; the policy allows ${fmt(ctx.policy.maxAverageMinutesPerWeek / 60)} h.`;
        out.push(finding(this, kind, { officerId: officer.id, amount: total - cap, unit: 'minutes', penalty: setting.hard ? 0 : -setting.weight * (total - cap), message }));
      }
      return out;
    });
    return verdictOf(findings);
  },
};
