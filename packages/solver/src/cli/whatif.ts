import type { Rank } from '../domain/types.js';
import { RANKS } from '../domain/types.js';
import { whatIf } from '../whatif/whatIf.js';
import { fail, numberFlag, parseArgs, readScenario } from './args.js';

const usage = 'usage: pnpm whatif <scenario.json> --extra <N> [--rank PC] [--skills a,b] [--contract-hours 40] [--time-limit 60] [--json]';
const { positional, flags } = parseArgs(process.argv.slice(2), ['json']);
const scenario = readScenario(positional[0], usage);
const rank = String(flags.get('rank') ?? 'PC') as Rank;
if (!RANKS.includes(rank)) fail(`--rank must be one of ${RANKS.join(', ')}`);
const skills = String(flags.get('skills') ?? '').split(',').filter(Boolean);
const profile = { rank, skills, contractMinutesPerWeek: numberFlag(flags, 'contract-hours', 40) * 60 };
const result = await whatIf(scenario, { extraOfficers: Math.round(numberFlag(flags, 'extra', 5)), profile, timeLimitSeconds: numberFlag(flags, 'time-limit', 60) });
if (flags.get('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const f = (x: number) => x.toFixed(1).padStart(9);
  console.log(`What-if: extra ${profile.rank} officers (${result.seconds.toFixed(1)} s)`);
  console.log(' extra   covered     unmet  overtime-h   objective');
  for (const p of result.curve) console.log(`${String(p.extraOfficers).padStart(6)} ${f(p.harmCovered)} ${f(p.unmetHarm)} ${f(p.overtimeCost)}  ${f(p.objective)}`);
  console.log('\nWhere one more officer buys most (estimated by LP duals, confirmed by re-solving)');
  for (const m of result.marginal) console.log(`  ${m.shiftTypeId.padEnd(8)} ${(m.hotspotId ?? '').padEnd(22)} estimate ${m.estimatedGain.toFixed(1).padStart(7)}  confirmed ${m.confirmedGain === null ? '—' : m.confirmedGain.toFixed(1)}`);
}
