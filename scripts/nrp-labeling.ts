// npx tsx scripts/nrp-labeling.ts <instance.txt> [--blocks 5]
//
// The roster labeling pricer against HiGHS on a few officer blocks of one instance, with the
// pricing costs column generation would see early on (objective plus a cover price per shift):
// optimum of each, time of each, and the labeling's peak labels.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { nrpToScenario, parseNrp } from '../packages/solver/src/benchmark/nrpImport.js';
import { buildContext } from '../packages/solver/src/domain/context.js';
import { highsEngine } from '../packages/solver/src/engines/highs.js';
import { buildModel } from '../packages/solver/src/model/build.js';
import { decompose } from '../packages/solver/src/solve/decompose.js';
import { Pricer } from '../packages/solver/src/solve/pricer.js';


const args = process.argv.slice(2);
const file = args[0];
const blockCount = Number(args[args.indexOf('--blocks') + 1] || 5);
const ctx = buildContext(nrpToScenario(parseNrp(readFileSync(file, 'utf8'), basename(file))));
const model = buildModel(ctx);
const split = decompose(model);
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
console.log('block  cols rows | highs obj   s     | labeling obj   s     peak  exact');
for (let b = 0; b < Math.min(blockCount, split.blocks.length); b++) {
  const block = split.blocks[b];
  const costs = block.lp.cost.map((c, i) => c + (block.lp.names[i].startsWith('assign:') ? 100 * random() : 0));
  let t = performance.now();
  const labeling = new Pricer(highsEngine, split).labeling(model, b);
  if (!labeling) {
    console.log(`${b}: labeling not applicable`);
    continue;
  }
  const res = labeling.solve(costs, { cutoff: -Infinity });
  const lt = (performance.now() - t) / 1000;
  const session = await highsEngine.open(block.lp);
  session.setCosts!(costs.map((_, i) => i), costs);
  t = performance.now();
  const run = session.run({ timeLimitSeconds: 30, gapTolerance: 1e-9 });
  const ht = (performance.now() - t) / 1000;
  session.dispose();
  const check = res.rosters[0] ? block.lp.check(res.rosters[0].values) : null;
  console.log(`${String(b).padStart(5)} ${String(block.lp.names.length).padStart(5)} ${String(block.lp.rows.length).padStart(4)} | ${run.objective?.toFixed(2).padStart(9)} ${ht.toFixed(3)} | ${res.rosters[0]?.objective.toFixed(2).padStart(9)} ${lt.toFixed(3)} ${String(res.peakLabels).padStart(7)} ${res.exact} viol ${check?.maxViolation}`);
}
