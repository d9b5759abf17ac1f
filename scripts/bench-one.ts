// One benchmark case in its own process so peak memory (maxRSS) belongs to that case alone.
import { readFileSync } from 'node:fs';
import { solve } from '../packages/solver/src/index.js';
import type { EngineName, Scenario } from '../packages/solver/src/index.js';

const [file, engine, limit] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
const result = await solve(scenario, { engine: engine as EngineName, timeLimitSeconds: Number(limit) });
const { maxRSS } = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ status: result.status, objective: result.objective, bound: result.bound, gap: result.gap, seconds: result.seconds, hardViolations: result.evaluation.hardViolations, assignments: result.rota.assignments.length, peakMemoryMB: maxRSS / 1024 })}\n`,
);
