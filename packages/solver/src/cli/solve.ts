import { buildContext } from '../domain/context.js';
import { validateScenario } from '../domain/validate.js';
import { solve } from '../solve/solve.js';
import type { EngineName } from '../solve/types.js';
import { fail, numberFlag, parseArgs, readScenario } from './args.js';
import { summarise } from './summary.js';

const usage = 'usage: pnpm solve <scenario.json> [--engine highs|jsls] [--time-limit <seconds>] [--gap <fraction>] [--json]';
const { positional, flags } = parseArgs(process.argv.slice(2), ['json']);
const scenario = readScenario(positional[0], usage);
const engine = String(flags.get('engine') ?? 'highs');
if (engine !== 'highs' && engine !== 'jsls') fail(`--engine must be highs or jsls, got "${engine}"`);
const issues = validateScenario(scenario);
if (issues.length > 0) fail(`invalid scenario:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
let ctx;
try {
  ctx = buildContext(scenario);
} catch (error) {
  fail(`invalid scenario: ${error instanceof Error ? error.message : String(error)}`);
}
const result = await solve(scenario, { engine: engine as EngineName, timeLimitSeconds: numberFlag(flags, 'time-limit', 30), gapTolerance: numberFlag(flags, 'gap', 1e-4) });
if (flags.get('json')) {
  const { evaluation, ...rest } = result;
  process.stdout.write(
    `${JSON.stringify({ ...rest, hardViolations: evaluation.hardViolations, findings: evaluation.findings, coverage: evaluation.coverage, objectiveByRule: evaluation.objectiveByRule, harmCovered: evaluation.harmCovered, harmTotal: evaluation.harmTotal })}\n`,
  );
} else {
  process.stdout.write(`${summarise(ctx, result)}\n`);
}
