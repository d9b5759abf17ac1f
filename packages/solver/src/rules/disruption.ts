import type { ScenarioContext } from '../domain/context.js';
import type { Assignment } from '../domain/rota.js';
import { finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** Published assignments within the horizon keyed `officer|shift` (absent without a published rota). */
function published(ctx: ScenarioContext): Map<string, Assignment> | undefined {
  const previous = ctx.scenario.previousAssignments;
  if (!previous) return undefined;
  return new Map(previous.filter((a) => ctx.officerById.has(a.officerId) && ctx.shiftById.has(a.shiftId)).map((a) => [`${a.officerId}|${a.shiftId}`, a]));
}

/** A re-solve keeps the published rota unless a change is worth its cost. */
export const disruption: Rule = {
  id: 'disruption',
  title: 'On a re-solve, every change to the published rota (a duty added or taken away) costs the policy’s penalty.',
  kind: 'soft',
  modelling:
    'Only with previousAssignments: a published assign(o,s) costs penalty × (1 − assign) (objective offset −penalty, reward +penalty × assign); any other assign(o,s) costs penalty × assign; penalty = disruptionPenaltyPerChange × weight.',
  shape(model, ctx) {
    const before = published(ctx);
    if (!before) return;
    const penalty = ctx.policy.disruptionPenaltyPerChange * ctx.setting(this.id, this.kind).weight;
    for (const { officerId, shiftId, variable } of model.assignEntries()) {
      const was = before.has(`${officerId}|${shiftId}`);
      if (was) model.lp.offset -= penalty;
      model.reward(this.id, [[variable, 1]], was ? penalty : -penalty);
    }
  },
  explain(view) {
    const { ctx } = view;
    const before = published(ctx);
    if (!before) return { findings: [], objective: 0 };
    const penalty = ctx.policy.disruptionPenaltyPerChange * ctx.setting(this.id, this.kind).weight;
    const change = (officerId: string, shiftId: string, added: boolean) =>
      finding(this, 'soft', {
        officerId,
        shiftId,
        date: ctx.shiftById.get(shiftId)!.date,
        violation: false,
        amount: 1,
        unit: 'changes',
        penalty: -penalty,
        message: `${officerLabel(ctx, officerId)} ${added ? 'now works' : 'no longer works'} ${shiftLabel(ctx, shiftId)}, a change to the published rota.`,
      });
    const removed = [...before.values()].filter((a) => !view.isOn(a.officerId, a.shiftId));
    const now = new Map(view.rota.assignments.map((a) => [`${a.officerId}|${a.shiftId}`, a]));
    const added = [...now].filter(([key]) => !before.has(key)).map(([, a]) => a);
    const findings = [...removed.map((a) => change(a.officerId, a.shiftId, false)), ...added.map((a) => change(a.officerId, a.shiftId, true))];
    return verdictOf(findings);
  },
};
