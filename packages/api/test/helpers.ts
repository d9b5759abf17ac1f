import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '@patrolplan/solver';
import request from 'supertest';
import { createApp, type App, type AppDeps } from '../src/app.js';
import { createLogger } from '../src/log.js';

/** The small example (6 officers, 7 days): solves optimally in about a second. */
export function smallScenario(): Scenario {
  return JSON.parse(readFileSync(new URL('../../../examples/small.json', import.meta.url), 'utf8')) as Scenario;
}

export const tempDb = () => join(mkdtempSync(join(tmpdir(), 'patrolplan-api-')), 'test.db');

/** A test server: the app listening on 127.0.0.1 only, with a supertest client bound to it. */
export interface TestServer {
  api: App;
  server: Server;
  http: ReturnType<typeof request>;
  url: string;
  close(): Promise<void>;
}

export async function startServer(deps: AppDeps = {}): Promise<TestServer> {
  const api = createApp({ logger: createLogger('silent'), uiDist: null, pool: { size: 2, ...deps.pool }, ...deps });
  const server = await new Promise<Server>((resolve) => {
    const s = api.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    api,
    server,
    http: request(server),
    url,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

/** Poll a job until it ends. */
export async function waitForJob(http: TestServer['http'], jobId: string, timeoutMs = 60_000): Promise<Record<string, any>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await http.get(`/v1/solves/${jobId}`).expect(200);
    if (!['queued', 'running'].includes(res.body.status)) return res.body;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Assert an RFC 9457 problem document with the given status and code. */
export function expectProblem(res: request.Response, status: number, code?: string): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) throw new Error(`not a problem document: ${res.headers['content-type']}`);
  const body = JSON.parse(res.text);
  if (body.status !== status || typeof body.code !== 'string' || typeof body.title !== 'string') throw new Error(`bad problem: ${res.text}`);
  if (code && body.code !== code) throw new Error(`expected code ${code}, got ${body.code}: ${body.detail}`);
}
