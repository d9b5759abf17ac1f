import type { Pin } from '../domain/types.js';
import { finding, officerLabel, shiftLabel, type Rule, verdictOf } from './rule.js';

/** The scenario's pins, each (officer, shift, kind) once: a repeated pin is one decision. */
function uniquePins(pins: Pin[] = []): Pin[] {
  const seen = new Map<string, Pin>();
  for (const p of pins) seen.set(`${p.officerId}|${p.shiftId}|${p.kind}`, p);
  return [...seen.values()];
}

/** A sergeant's fixed decisions survive a re-solve. */
export const pinnedAssignments: Rule = {
  id: 'pinnedAssignments',
  title: 'Pinned assignments are kept: an officer pinned on a shift works it, one pinned off does not.',
  kind: 'hard',
  modelling:
    'Per pin: assign(o,s) ≥ 1 for "on", assign(o,s) ≤ 0 for "off", elastic: a pin that clashes with another hard rule (e.g. later leave) is broken only at the hard-violation penalty and reported.',
  shape(model, ctx) {
    for (const pin of uniquePins(ctx.scenario.pins)) {
      const terms: [number, number][] = [[model.assign(pin.officerId, pin.shiftId), 1]];
      const origin = { officerId: pin.officerId, shiftId: pin.shiftId, date: ctx.shiftById.get(pin.shiftId)?.date, unit: 'pins' };
      const name = `pin:${pin.kind}:${pin.officerId}@${pin.shiftId}`;
      if (pin.kind === 'on') model.constrain(this.id, this.kind, name, terms, 1, Infinity, origin, true);
      else model.constrain(this.id, this.kind, name, terms, -Infinity, 0, origin, true);
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const cost = setting.hard ? ctx.policy.hardViolationPenalty : setting.weight;
    const findings = uniquePins(ctx.scenario.pins).flatMap((pin) => {
      if (view.isOn(pin.officerId, pin.shiftId) === (pin.kind === 'on')) return [];
      const who = officerLabel(ctx, pin.officerId);
      const shift = shiftLabel(ctx, pin.shiftId);
      return [
        finding(this, setting.hard ? 'hard' : 'soft', {
          officerId: pin.officerId,
          shiftId: pin.shiftId,
          date: ctx.shiftById.get(pin.shiftId)?.date,
          amount: 1,
          unit: 'pins',
          penalty: -cost,
          message: pin.kind === 'on' ? `${who} is pinned on ${shift} but not rostered on it.` : `${who} is pinned off ${shift} but rostered on it.`,
        }),
      ];
    });
    return verdictOf(findings);
  },
};
