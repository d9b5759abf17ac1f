import type { ScenarioContext } from '../domain/context.js';
import type { Finding, RuleKind } from '../domain/finding.js';
import type { RotaView } from '../evaluate/view.js';
import type { RotaModel } from '../model/rotaModel.js';

/** What a rule says about a rota: its findings and its exact contribution to the objective. */
export interface RuleVerdict {
  findings: Finding[];
  /** Objective contribution in objective units (harm covered is positive, penalties negative). */
  objective: number;
}

/**
 * One rota rule (modelled on Timefold's named constraints with justifications). A rule shapes
 * the MIP and, independently, explains any rota. `shape` and `explain` must agree: for a rota the
 * model admits, the model's objective share equals `explain(...).objective`.
 */
export interface Rule {
  /** Stable id used in RotaPolicy.rules, findings and the API. */
  id: string;
  /** One sentence a sergeant understands. */
  title: string;
  /** Default; RotaPolicy.rules[id].hard can switch it. */
  kind: RuleKind;
  /** How the rule shapes the model, for documentation. */
  modelling: string;
  shape(model: RotaModel, ctx: ScenarioContext): void;
  explain(view: RotaView): RuleVerdict;
}

/** A verdict whose objective is the sum of its findings' penalties (most penalty rules). */
export function verdictOf(findings: Finding[]): RuleVerdict {
  return { findings, objective: findings.reduce((sum, f) => sum + f.penalty, 0) };
}

/** Helper for rules: a finding of this rule with its kind filled in. */
export function finding(rule: Pick<Rule, 'id'>, kind: RuleKind, f: Omit<Finding, 'ruleId' | 'kind' | 'violation'> & { violation?: boolean }): Finding {
  return { ruleId: rule.id, kind, violation: f.violation ?? kind === 'hard', ...f };
}

/** Display name for sentences: "PC Khan". */
export function officerLabel(ctx: ScenarioContext, officerId: string): string {
  const o = ctx.officerById.get(officerId);
  return o ? `${o.rank} ${o.name}` : officerId;
}

/** Readable date for sentences: "Sat 24 Oct". */
export function dateLabel(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Readable horizon day for sentences. */
export const dayLabel = (ctx: ScenarioContext, dayIndex: number) => dateLabel(ctx.dates[dayIndex]);

/** Readable shift label for sentences: "Night Sat 25 Oct". */
export function shiftLabel(ctx: ScenarioContext, shiftId: string): string {
  const s = ctx.shiftById.get(shiftId);
  if (!s) return shiftId;
  const type = ctx.shiftTypeById.get(s.shiftTypeId);
  return `${type?.name ?? s.shiftTypeId} ${dateLabel(s.date)}`;
}

/** Round for sentences. */
export const fmt = (x: number, digits = 1) => Number(x.toFixed(digits)).toString();

