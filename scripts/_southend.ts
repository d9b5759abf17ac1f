import { readFileSync } from 'node:fs';
import { runSolve } from '../packages/solver/src/solve/core.js';
const file = process.argv[2] ?? 'examples/southend.json';
const scenario = JSON.parse(readFileSync(file, 'utf8'));
const trace: string[] = [];
const r = await runSolve(scenario, { timeLimitSeconds: Number(process.argv[3] ?? 30), onProgress: (p) => { if (p.phase !== 'searching' && p.phase !== 'done') trace.push(`${p.seconds.toFixed(1)}:${p.objective?.toFixed(0)}/${p.bound?.toFixed(0)}(${p.phase.slice(0, 14)})`); } });
for (const l of r.log) if (!/^(lns|days|\d+ officers)/.test(l)) console.log(l.slice(0, 200));
console.log(trace.slice(-12).join(' '));
console.log(file, r.status, r.objective.toFixed(1), 'bound', r.bound?.toFixed(1), 'gap', ((r.gap ?? 0) * 100).toFixed(2) + '%', 'hard', r.evaluation.hardViolations);
