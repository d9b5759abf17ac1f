/**
 * API responsiveness while solving: /health latency (p50/p95/p99) with the server idle and with
 * two solves running in the worker pool. Target: p99 < 100 ms under load.
 *   pnpm bench:api [--seconds 20] [--time-limit 30] [--scenario examples/southend.json]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, 'time-limit': { type: 'string', default: '30' }, scenario: { type: 'string', default: 'examples/southend.json' } } });
const seconds = Number(values.seconds);
const timeLimit = Number(values['time-limit']);

const db = join(mkdtempSync(join(tmpdir(), 'patrolplan-bench-')), 'bench.db');
const server = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/main.ts'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PATROLPLAN_DB: db, PATROLPLAN_UI_DIST: '/nonexistent', LOG_LEVEL: 'warn', PATROLPLAN_SEED: '/nonexistent' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (chunk) => {
    out += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const call = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  return res.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** Sequential /health requests for `ms` milliseconds; latencies in ms. */
async function sample(ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const started = performance.now();
    const res = await fetch(`${base}/health`);
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const row = (label: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { label, n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s[s.length - 1] };
};

const scenario = JSON.parse(readFileSync(values.scenario!, 'utf8'));
await call('/v1/scenarios', { method: 'POST', body: JSON.stringify({ ...scenario, id: 'bench' }) });
await sample(1000); // warm up
const idle = row('idle', await sample(seconds * 500));

const jobs = await Promise.all([1, 2].map(() => call('/v1/scenarios/bench/solves', { method: 'POST', body: JSON.stringify({ timeLimitSeconds: timeLimit }) })));
while ((await Promise.all(jobs.map((j) => call(`/v1/solves/${j.id}`)))).some((j) => j.status === 'queued')) await new Promise((r) => setTimeout(r, 100));
const loaded = row('2 solves running', await sample(seconds * 1000));
const states = await Promise.all(jobs.map((j) => call(`/v1/solves/${j.id}`)));
await Promise.all(jobs.map((j) => fetch(`${base}/v1/solves/${j.id}`, { method: 'DELETE' })));
server.kill('SIGTERM');

const fmt = (x: number) => x.toFixed(2).padStart(8);
console.log(`\n/health latency (ms), ${scenario.officers.length} officers × ${scenario.days} days, solver threads busy during the second row\n`);
console.log('| phase              | requests |   p50    |   p95    |   p99    |   max    |');
console.log('|--------------------|---------:|---------:|---------:|---------:|---------:|');
for (const r of [idle, loaded]) console.log(`| ${r.label.padEnd(18)} | ${String(r.n).padStart(8)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} |`);
console.log(`\nsolve jobs still running at the end of the sample: ${states.filter((s) => s.status === 'running').length} of 2`);
console.log(`target p99 < 100 ms under load: ${loaded.p99 < 100 ? 'PASS' : 'FAIL'}`);
