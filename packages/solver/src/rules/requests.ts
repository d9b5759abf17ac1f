import type { ScenarioContext } from '../domain/context.js';
import type { Officer, Shift, ShiftRequest } from '../domain/types.js';
import type { Term } from '../model/linear.js';
import { finding, officerLabel, type Rule, dateLabel, verdictOf } from './rule.js';

/** "Mon 2 Mar" for sentences. */

/** A request with the shifts it is about: the named shift, or every shift of the day. */
interface Wish {
  officer: Officer;
  request: ShiftRequest;
  index: number;
  shifts: Shift[];
}

/**
 * Requests resolved against the horizon. A date outside the horizon, or a shift type that does
 * not run that day, leaves `shifts` empty: an on-request is then unmet whatever the rota (as in
 * the rostering benchmark) and an off-request is met.
 */
function wishes(ctx: ScenarioContext): Wish[] {
  return ctx.officers.flatMap((officer) =>
    officer.requests.map((request, index) => {
      const d = ctx.dates.indexOf(request.date);
      const day = d < 0 ? [] : ctx.shiftsByDay[d];
      return { officer, request, index, shifts: day.filter((s) => !request.shiftTypeId || s.shiftTypeId === request.shiftTypeId) };
    }),
  );
}

function describe(ctx: ScenarioContext, r: ShiftRequest): string {
  const type = r.shiftTypeId ? ctx.shiftTypeById.get(r.shiftTypeId)?.name ?? r.shiftTypeId : undefined;
  return `${r.kind === 'on' ? 'to work' : 'to be off'} ${type ? `the ${type} on ` : ''}${dateLabel(r.date)}`;
}

/** Officers' on/off wishes, each weighted by the officer's own weight. */
export const requests: Rule = {
  id: 'requests',
  title: 'Officers get the shifts and days they ask to work or to have off, as far as the rota allows.',
  kind: 'soft',
  modelling:
    'An on-request costs weight × (1 − worked) (objective offset −weight, reward +weight × worked), an off-request weight × worked; worked is assign(o,s) for a shift request, and for a day request request:<officer>#k ≤ min(1, Σ_s assign(o,s)) when on, ≥ each assign(o,s) when off.',
  shape(model, ctx) {
    const multiplier = ctx.setting(this.id, this.kind).weight;
    for (const { officer, request, index, shifts } of wishes(ctx)) {
      const weight = request.weight * multiplier;
      const terms: Term[] = shifts.map((s) => [model.assign(officer.id, s.id), 1]);
      const name = `request:${officer.id}#${index}`;
      if (request.kind === 'on') model.lp.offset -= weight;
      if (terms.length === 0) continue;
      if (terms.length === 1) {
        model.reward(this.id, terms, request.kind === 'on' ? weight : -weight);
      } else if (request.kind === 'on') {
        // Two shifts on the requested day still honour the request once.
        const worked = model.variable(this.id, name, { upper: 1, cost: weight });
        model.lp.addRow(name, [[worked, 1], ...terms.map(([v]) => [v, -1] as Term)], -Infinity, 0, { ruleId: this.id, officerId: officer.id, date: request.date });
      } else {
        const worked = model.variable(this.id, name, { upper: 1, cost: -weight });
        terms.forEach(([v], k) => model.lp.addRow(`${name}:${k}`, [[worked, 1], [v, -1]], 0, Infinity, { ruleId: this.id, officerId: officer.id, date: request.date }));
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const multiplier = ctx.setting(this.id, this.kind).weight;
    const findings = wishes(ctx).flatMap(({ officer, request, shifts }) => {
      const worked = shifts.filter((s) => view.isOn(officer.id, s.id));
      if ((request.kind === 'on') === worked.length > 0) return [];
      return [
        finding(this, 'soft', {
          officerId: officer.id,
          shiftId: worked[0]?.id ?? shifts[0]?.id,
          date: request.date,
          violation: false,
          amount: 1,
          unit: 'requests',
          penalty: -request.weight * multiplier,
          message: `${officerLabel(ctx, officer.id)} asked ${describe(ctx, request)}${request.kind === 'on' && shifts.length === 0 ? ', but no such shift runs in this rota' : ''}; the request is not met.`,
        }),
      ];
    });
    return verdictOf(findings);
  },
};
