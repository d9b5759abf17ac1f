// pnpm bench [--only small,southend] [--engines highs,jsls]: solve the examples with each engine
// and print a table of seconds, objective, bound, gap, hard violations and peak memory.
import { execFileSync } from 'node:child_process';
import { parseArgs } from '../packages/solver/src/cli/args.js';

const { flags } = parseArgs(process.argv.slice(2), []);
const limits: Record<string, number> = { small: 10, southend: 30, county: 120 };
const cases = String(flags.get('only') ?? 'small,southend,county').split(',');
const engines = String(flags.get('engines') ?? 'highs,jsls').split(',');

const rows: string[][] = [];
for (const name of cases) {
  for (const engine of engines) {
    const limit = limits[name] ?? 60;
    let row: string[];
    try {
      const out = execFileSync('npx', ['tsx', 'scripts/bench-one.ts', `examples/${name}.json`, engine, String(limit)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: (limit + 60) * 1000 });
      const r = JSON.parse(out.trim().split('\n').pop()!);
      const f = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
      row = [name, engine, String(limit), r.status, f(r.seconds, 1), f(r.objective), f(r.bound), r.gap === null ? '—' : `${(100 * r.gap).toFixed(2)} %`, String(r.hardViolations), f(r.peakMemoryMB, 0)];
    } catch (error) {
      row = [name, engine, String(limit), 'crashed', '—', '—', '—', '—', '—', '—'];
    }
    rows.push(row);
    console.error(row.join('  '));
  }
}
const header = ['scenario', 'engine', 'limit s', 'status', 'seconds', 'objective', 'bound', 'gap', 'hard', 'peak MB'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
