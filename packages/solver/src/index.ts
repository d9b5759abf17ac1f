export * from './domain/index.js';
export * from './rules/registry.js';
export type { Rule, RuleVerdict } from './rules/rule.js';
export * from './solve/types.js';
export { solve } from './solve/solve.js';
export { runSolve } from './solve/core.js';
export { evaluate, evaluateWith } from './evaluate/evaluate.js';
export { whatIf } from './whatif/whatIf.js';
