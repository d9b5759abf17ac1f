export * from './domain/index.js';
export * from './rules/registry.js';
export type { Rule, RuleVerdict } from './rules/rule.js';
