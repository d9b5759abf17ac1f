import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { smallScenario, tempDb } from './helpers.js';

const root = new URL('../../../', import.meta.url).pathname;
const children: ChildProcess[] = [];
afterEach(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** Start `main.ts` on a random loopback port; resolves with its base URL once it listens. */
function startMain(db: string): Promise<{ child: ChildProcess; url: string }> {
  // One process (node with the tsx loader, not the tsx CLI's wrapper) so SIGKILL kills the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PATROLPLAN_DB: db, PATROLPLAN_UI_DIST: '/nonexistent', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

const json = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('kill and restart', () => {
  it('loses no scenario or rota, and marks the interrupted job failed', async () => {
    const db = tempDb();
    const first = await startMain(db);
    const seeded = await json(`${first.url}/v1/scenarios`);
    expect(seeded.body.items.map((s: { id: string }) => s.id)).toEqual(['southend-tct-2026-10']);

    expect((await json(`${first.url}/v1/scenarios`, { method: 'POST', body: JSON.stringify({ ...smallScenario(), id: 'kept' }) })).status).toBe(201);
    const quick = await json(`${first.url}/v1/scenarios/kept/solves`, { method: 'POST', body: JSON.stringify({ timeLimitSeconds: 20 }) });
    const done = await until('the quick solve', async () => {
      const job = await json(`${first.url}/v1/solves/${quick.body.id}`);
      return job.body.status === 'completed' ? job.body : undefined;
    });
    const long = await json(`${first.url}/v1/scenarios/southend-tct-2026-10/solves`, { method: 'POST', body: JSON.stringify({ timeLimitSeconds: 300 }) });
    await until('the long solve to run', async () => ((await json(`${first.url}/v1/solves/${long.body.id}`)).body.status === 'running' ? true : undefined));

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startMain(db);
    const after = await json(`${second.url}/v1/scenarios`);
    expect(after.body.items.map((s: { id: string }) => s.id).sort()).toEqual(['kept', 'southend-tct-2026-10']);
    expect((await json(`${second.url}/v1/rotas/${done.rotaId}`)).status).toBe(200);
    const job = await json(`${second.url}/v1/solves/${long.body.id}`);
    expect(job.body).toMatchObject({ status: 'failed', error: 'interrupted by restart' });
    // The API works normally after the restart.
    expect((await json(`${second.url}/health`)).body).toEqual({ status: 'ok' });
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }, 120_000);
});
