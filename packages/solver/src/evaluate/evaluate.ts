import { buildContext, type ScenarioContext } from '../domain/context.js';
import type { Rota } from '../domain/rota.js';
import type { Scenario } from '../domain/scenario.js';
import { RULES } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';
import type { Evaluation } from '../solve/types.js';
import { coverageRows } from './coverage.js';
import { buildView } from './view.js';

/**
 * Re-check every enabled rule on a rota, independently of any engine: findings (hard rules
 * first), hard-violation count, objective by rule and coverage per hotspot and shift.
 */
export function evaluateWith(ctx: ScenarioContext, rota: Rota, rules: readonly Rule[] = RULES): Evaluation {
  const view = buildView(ctx, rota);
  const objectiveByRule: Record<string, number> = {};
  const findings = rules
    .filter((r) => ctx.setting(r.id, r.kind).enabled)
    .flatMap((rule) => {
      const verdict = rule.explain(view);
      objectiveByRule[rule.id] = verdict.objective;
      return verdict.findings;
    });
  const coverage = coverageRows(view);
  return {
    findings,
    hardViolations: findings.filter((f) => f.violation).length,
    objective: Object.values(objectiveByRule).reduce((a, b) => a + b, 0),
    objectiveByRule,
    coverage,
    harmCovered: coverage.reduce((sum, r) => sum + r.coveredHarm, 0),
    harmTotal: [...ctx.harmByPeriod.values()].flat().reduce((a, b) => a + b, 0),
  };
}

/** Evaluate a rota against its scenario. */
export function evaluate(scenario: Scenario, rota: Rota): Evaluation {
  return evaluateWith(buildContext(scenario), rota);
}
