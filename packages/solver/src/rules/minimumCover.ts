import type { ScenarioContext } from '../domain/context.js';
import type { CoverRule, Officer, Shift } from '../domain/types.js';
import { finding, shiftLabel, type Rule, verdictOf } from './rule.js';

/** Shifts a cover rule applies to. */
export function coverShifts(ctx: ScenarioContext, rule: CoverRule): Shift[] {
  return ctx.shifts.filter((s) => (!rule.shiftTypeIds || rule.shiftTypeIds.includes(s.shiftTypeId)) && (!rule.weekdays || rule.weekdays.includes(ctx.weekdays[s.dayIndex])));
}

/** Whether an officer counts towards a cover rule. */
export function countsFor(rule: CoverRule, officer: Officer): boolean {
  return (!rule.ranks || rule.ranks.includes(officer.rank)) && (!rule.skill || officer.skills.includes(rule.skill));
}

function describe(rule: CoverRule): string {
  const who = [rule.ranks?.join('/') ?? 'officer', rule.skill ? `with ${rule.skill}` : ''].filter(Boolean).join(' ');
  return `${rule.minOfficers} ${who}${rule.minOfficers === 1 ? '' : 's'}`;
}

/** Minimum cover by count, rank and skill (e.g. ≥ 1 sergeant on every shift). */
export const minimumCover: Rule = {
  id: 'minimumCover',
  title: 'Every shift has the minimum cover the policy sets, by head count, rank and skill.',
  kind: 'hard',
  modelling:
    'Per cover rule and matching shift Σ_{o counts} assign(o,s) ≥ minOfficers, elastic: a shortfall is allowed only at the hard-violation penalty, so too few officers still yields the best rota and a finding.',
  shape(model, ctx) {
    for (const rule of ctx.policy.coverRules) {
      for (const s of coverShifts(ctx, rule)) {
        const terms = model.onShiftTerms(s.id, (o) => countsFor(rule, ctx.officerById.get(o)!));
        model.constrain(this.id, this.kind, `cover:${rule.id}@${s.id}`, terms, rule.minOfficers, Infinity, { shiftId: s.id, date: s.date, unit: 'officers' }, true);
      }
    }
  },
  explain(view) {
    const { ctx } = view;
    const setting = ctx.setting(this.id, this.kind);
    const perOfficer = setting.hard ? ctx.policy.hardViolationPenalty : setting.weight;
    const findings = ctx.policy.coverRules.flatMap((rule) =>
      coverShifts(ctx, rule).flatMap((s) => {
        const have = view.officersOn(s.id).filter((o) => countsFor(rule, o)).length;
        const short = rule.minOfficers - have;
        if (short <= 0) return [];
        return [
          finding(this, setting.hard ? 'hard' : 'soft', {
            shiftId: s.id,
            date: s.date,
            amount: short,
            unit: 'officers',
            penalty: -perOfficer * short,
            message: `${shiftLabel(ctx, s.id)} has ${have} where cover rule "${rule.id}" asks for ${describe(rule)}; ${short} short.`,
          }),
        ];
      }),
    );
    return verdictOf(findings);
  },
};
