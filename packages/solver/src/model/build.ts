import type { ScenarioContext } from '../domain/context.js';
import { RULES } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';
import { RotaModel } from './rotaModel.js';

/** Build the rota MIP: core variables, then every enabled rule's rows and objective terms. */
export function buildModel(ctx: ScenarioContext, rules: readonly Rule[] = RULES): RotaModel {
  const model = new RotaModel(ctx);
  for (const rule of rules) {
    if (ctx.setting(rule.id, rule.kind).enabled) rule.shape(model, ctx);
  }
  return model;
}
