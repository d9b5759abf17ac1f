// npx tsx scripts/nrp-measure.ts <instance.txt> [--stop-after parse|context|model|decompose] [--blocks 5] [--block-limit 5]
//
// Time and memory of each stage of the NRP pipeline on one instance (parse+nrpToScenario,
// buildContext, buildModel, decompose), model size by rule, then HiGHS on a few officer blocks
// alone: time to its first solution and to its first hard-feasible one (elastic slacks zero),
// with the real objective and with the objective zeroed. Run under /usr/bin/time -v for peak RSS.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { nrpToScenario, parseNrp } from '../packages/solver/src/benchmark/nrpImport.js';
import { buildContext } from '../packages/solver/src/domain/context.js';
import { highsEngine } from '../packages/solver/src/engines/highs.js';
import { buildModel } from '../packages/solver/src/model/build.js';
import { LinearModel } from '../packages/solver/src/model/linear.js';
import { decompose } from '../packages/solver/src/solve/decompose.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const file = args[0];
const stopAfter = flag('stop-after', 'all');
const blockCount = Number(flag('blocks', '5'));
const blockLimit = Number(flag('block-limit', '5'));
const mb = (x: number) => (x / 2 ** 20).toFixed(0);
let last = performance.now();
function stage(name: string) {
  const now = performance.now();
  const m = process.memoryUsage();
  console.log(`${name.padEnd(22)} ${((now - last) / 1000).toFixed(2).padStart(7)} s   rss ${mb(m.rss).padStart(5)} MB  heap ${mb(m.heapUsed).padStart(5)} MB  ext+ab ${mb(m.external + m.arrayBuffers).padStart(5)} MB`);
  last = performance.now();
}
const done = (name: string) => {
  if (stopAfter === name) process.exit(0);
};

const inst = parseNrp(readFileSync(file, 'utf8'), basename(file));
const scenario = nrpToScenario(inst);
stage('parse+nrpToScenario');
done('parse');
const ctx = buildContext(scenario);
stage('buildContext');
console.log(`  shifts ${ctx.shifts.length}, periods ${ctx.periods.length}, officers ${ctx.officers.length}`);
done('context');
const model = buildModel(ctx);
stage('buildModel');
const { lp } = model;
const nnz = lp.rows.reduce((s, r) => s + r.terms.length, 0);
const fixed0 = lp.upper.filter((u) => u === 0).length;
console.log(`  variables ${lp.names.length} (integer ${lp.integerCount}, fixed to 0 ${fixed0}), rows ${lp.rows.length}, nonzeros ${nnz}`);
// Nonzeros on columns fixed at 0 (forbidden assignments), which a presolve removes.
let deadNnz = 0;
for (const r of lp.rows) for (const [v] of r.terms) if (lp.upper[v] === 0 && lp.lower[v] === 0) deadNnz++;
console.log(`  nonzeros on columns fixed to 0: ${deadNnz} (${((100 * deadNnz) / nnz).toFixed(0)}%)`);
const byRule = new Map<string, { rows: number; nnz: number; maxLen: number }>();
for (const r of lp.rows) {
  const k = r.origin?.ruleId ?? r.name.split(':')[0];
  const e = byRule.get(k) ?? { rows: 0, nnz: 0, maxLen: 0 };
  e.rows++;
  e.nnz += r.terms.length;
  e.maxLen = Math.max(e.maxLen, r.terms.length);
  byRule.set(k, e);
}
for (const [k, e] of [...byRule].sort((a, b) => b[1].nnz - a[1].nnz)) console.log(`  ${k.padEnd(22)} rows ${String(e.rows).padStart(8)}  nnz ${String(e.nnz).padStart(9)}  max row ${e.maxLen}`);
const byPrefix = new Map<string, number>();
for (const n of lp.names) byPrefix.set(n.split(':')[0], (byPrefix.get(n.split(':')[0]) ?? 0) + 1);
console.log(`  columns by kind: ${[...byPrefix].map(([k, n]) => `${k} ${n}`).join(', ')}`);
done('model');
const split = decompose(model);
stage('decompose');
console.log(`  blocks ${split.blocks.length}, linking rows ${split.linkingRows.length}, master cols ${split.masterCols.length}; block 0: ${split.blocks[0].lp.names.length} cols, ${split.blocks[0].lp.rows.length} rows, ${split.blocks[0].lp.rows.reduce((s, r) => s + r.terms.length, 0)} nnz`);
done('decompose');

/** A hard-feasible point: every row and bound holds and no hard-elastic slack (`short:`/`excess:`) is used. */
function hardFeasible(block: LinearModel, values: Float64Array): boolean {
  const { maxViolation, integral } = block.check(values);
  if (maxViolation > 1e-6 || !integral) return false;
  return block.names.every((n, j) => !(n.startsWith('short:') || n.startsWith('excess:')) || values[j] < 1e-6);
}

// The first HiGHS run of a process pays ~1 s of WebAssembly warm-up: take it on a small block.
{
  const warm = await highsEngine.open(split.blocks[split.blocks.length - 1].lp);
  warm.run({ timeLimitSeconds: 2 });
  warm.dispose();
  stage('HiGHS warm-up');
}
const step = Math.max(1, Math.floor(split.blocks.length / blockCount));
for (let b = 0; b < blockCount && b * step < split.blocks.length; b++) {
  const block = split.blocks[b * step];
  for (const zero of [false, true]) {
    const blp = block.lp;
    // obj=0: a pure feasibility problem, so hard-elastic slacks are fixed at 0 rather than free.
    const saved = blp.cost.slice();
    const savedUpper = blp.upper.slice();
    const slack = blp.names.flatMap((n, j) => (n.startsWith('short:') || n.startsWith('excess:') ? [j] : []));
    if (zero) {
      blp.cost.fill(0);
      for (const j of slack) blp.upper[j] = 0;
    }
    const t0 = performance.now();
    const session = await highsEngine.open(blp);
    const openS = (performance.now() - t0) / 1000;
    // An incumbent worth more than every non-slack penalty at once uses no slack (slack costs 1000/min).
    const worst = blp.cost.reduce((sum, c, j) => sum + (slack.includes(j) ? 0 : Math.min(0, c)), 0);
    let first = null as number | null;
    let firstHard = null as number | null;
    const t1 = performance.now();
    const run = session.run({
      timeLimitSeconds: blockLimit,
      gapTolerance: 1e-4,
      onImprove: (objective) => {
        first ??= (performance.now() - t1) / 1000;
        if (zero || objective >= worst - 1e-6) firstHard ??= (performance.now() - t1) / 1000;
      },
    });
    session.dispose();
    if (zero) saved.forEach((c, j) => ((blp.cost[j] = c), (blp.upper[j] = savedUpper[j])));
    const feasible = run.values ? hardFeasible(blp, run.values) : false;
    const obj = run.values ? blp.objectiveOf(run.values) : null;
    console.log(
      `  block ${block.officerId.padEnd(6)} ${zero ? 'obj=0' : 'obj  '} open ${openS.toFixed(2)} s, first solution ${first === null ? '-' : `${first.toFixed(2)} s`}, first slack-free ${firstHard === null ? '-' : `${firstHard.toFixed(2)} s`}, run ${run.seconds.toFixed(2)} s, ${run.status}, hard-feasible ${feasible}, objective ${obj?.toFixed(0) ?? '-'} bound ${zero ? '-' : run.bound?.toFixed(0) ?? '-'}`,
    );
  }
}
stage('blocks');
