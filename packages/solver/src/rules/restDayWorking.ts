import { DateTime } from 'luxon';
import type { ScenarioContext } from '../domain/context.js';
import type { Shift } from '../domain/types.js';
import { fmt, finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';
import { payRate } from './overtime.js';

/**
 * Days each officer was off in the published rota (absent without `previousAssignments`, when
 * there is nothing to compare with). Keyed by officer id; values are day indexes.
 */
function publishedDuties(ctx: ScenarioContext): Map<string, Set<number>> | undefined {
  const previous = ctx.scenario.previousAssignments;
  if (!previous) return undefined;
  const days = new Map<string, Set<number>>(ctx.officers.map((o) => [o.id, new Set<number>()]));
  for (const a of previous) {
    const shift = ctx.shiftById.get(a.shiftId);
    if (shift) days.get(a.officerId)?.add(shift.dayIndex);
  }
  return days;
}

/** Cost of working `shift` on a rest day: > 0 at short notice, 0 when a replacement rest day is owed. */
function restDayCost(ctx: ScenarioContext, shift: Shift, multiplier: number): number {
  // Notice counts in calendar days in the scenario's zone, so a clock change does not shift it.
  const noticeEnds = DateTime.fromMillis(ctx.planningMs, { zone: ctx.scenario.timezone }).plus({ days: ctx.policy.restDayNoticeDays }).toMillis();
  if (shift.startMs >= noticeEnds) return 0;
  const hours = Math.max(shift.paidMinutes, ctx.policy.restDayMinimumPaidMinutes) / 60;
  return hours * ctx.policy.restDayShortNoticeMultiplier * ctx.policy.costWeightPerHour * multiplier;
}

/** Police Regulations: a rest day cancelled at short notice is paid at time and a half. */
export const restDayWorking: Rule = {
  id: 'restDayWorking',
  title: 'Turning a published rest day into a duty costs time and a half (at least 4 h) at short notice, and otherwise owes a replacement rest day.',
  kind: 'soft',
  modelling:
    'Only with previousAssignments: for each shift on a day the officer was off in the published rota and starting within restDayNoticeDays of the planning instant, assign(o,s) costs max(paidMinutes, restDayMinimumPaidMinutes)/60 × restDayShortNoticeMultiplier × costWeightPerHour × weight.',
  shape(model, ctx) {
    const duties = publishedDuties(ctx);
    if (!duties) return;
    const multiplier = ctx.setting(this.id, this.kind).weight;
    for (const o of ctx.officers) {
      for (const s of ctx.shifts) {
        if (duties.get(o.id)!.has(s.dayIndex)) continue;
        const cost = restDayCost(ctx, s, multiplier);
        if (cost > 0) model.reward(this.id, [[model.assign(o.id, s.id), 1]], -cost);
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const duties = publishedDuties(ctx);
    if (!duties) return { findings: [], objective: 0 };
    const multiplier = ctx.setting(this.id, this.kind).weight;
    const { restDayShortNoticeMultiplier, restDayMinimumPaidMinutes, restDayNoticeDays } = ctx.policy;
    const findings = ctx.officers.flatMap((o) =>
      view.shiftsOf(o.id).flatMap((s) => {
        if (duties.get(o.id)!.has(s.dayIndex)) return [];
        const cost = restDayCost(ctx, s, multiplier);
        const hours = Math.max(s.paidMinutes, restDayMinimumPaidMinutes) / 60;
        const who = `${officerLabel(ctx, o.id)} works ${shiftLabel(ctx, s.id)}, a rest day in the published rota`;
        return [
          finding(this, 'soft', {
            officerId: o.id,
            shiftId: s.id,
            date: s.date,
            violation: false,
            amount: cost > 0 ? hours : 1,
            unit: cost > 0 ? 'hours' : 'replacement rest days',
            penalty: cost > 0 ? -cost : 0,
            message:
              cost > 0
                ? `${who}, with less than ${restDayNoticeDays} days’ notice: ${fmt(hours)} h at ${payRate(restDayShortNoticeMultiplier)}.`
                : `${who}; with ${restDayNoticeDays} days’ notice or more, a replacement rest day is owed.`,
          }),
        ];
      }),
    );
    return verdictOf(findings);
  },
};
