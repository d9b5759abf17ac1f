export * from './types.js';
export * from './policy.js';
export * from './scenario.js';
export * from './rota.js';
export * from './finding.js';
export * from './shifts.js';
export * from './context.js';
export * from './validate.js';
