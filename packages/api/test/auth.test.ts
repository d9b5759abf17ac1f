import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open.js';
import { Store } from '../src/db/store.js';
import { authenticate, isLoopback } from '../src/http/auth.js';
import { expectProblem, smallScenario, startServer, tempDb, type TestServer } from './helpers.js';

let t: TestServer;
const keys: Record<string, string> = {};
beforeAll(async () => {
  t = await startServer({ auth: 'keys' });
  keys.read = t.api.store.keys.create('reader', ['read']).key;
  keys.plan = t.api.store.keys.create('planner', ['read', 'plan']).key;
  keys.all = t.api.store.keys.create('admin', ['read', 'plan', 'publish', 'admin']).key;
});
afterAll(() => t.close());

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('API keys (PATROLPLAN_AUTH=keys)', () => {
  it('requires a key, even from loopback', async () => {
    const res = await t.http.get('/v1/scenarios');
    expectProblem(res, 401, 'authentication_required');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expectProblem(await t.http.get('/v1/scenarios').set(bearer('pp_wrong')), 401, 'invalid_api_key');
    expectProblem(await t.http.get('/v1/scenarios').set('Authorization', 'Basic abc'), 401, 'invalid_api_key');
    await t.http.get('/health').expect(200);
    await t.http.get('/openapi.json').expect(200);
  });

  it('enforces scopes', async () => {
    await t.http.get('/v1/scenarios').set(bearer(keys.read)).expect(200);
    expectProblem(await t.http.post('/v1/scenarios').set(bearer(keys.read)).send(smallScenario()), 403, 'insufficient_scope');
    await t.http.post('/v1/scenarios').set(bearer(keys.plan)).send({ ...smallScenario(), id: 'k1' }).expect(201);
    expectProblem(await t.http.post('/v1/rotas/rota_x/publish').set(bearer(keys.plan)), 403, 'insufficient_scope');
    expectProblem(await t.http.post('/v1/webhooks').set(bearer(keys.plan)).send({ url: 'http://127.0.0.1:1/x', events: ['rota.published'] }), 403, 'insufficient_scope');
    expectProblem(await t.http.post('/v1/rotas/rota_x/publish').set(bearer(keys.all)), 404, 'rota_not_found');
  });

  it('stores only the SHA-256 of a key and honours revocation', async () => {
    const { info, key } = t.api.store.keys.create('temp', ['read']);
    expect(key).toMatch(/^pp_[A-Za-z0-9_-]{43}$/);
    const row = t.api.store.db.prepare('SELECT hash FROM api_keys WHERE id = ?').get(info.id) as { hash: string };
    expect(row.hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(t.api.store.db.prepare('SELECT * FROM api_keys').all())).not.toContain(key);
    await t.http.get('/v1/scenarios').set(bearer(key)).expect(200);
    t.api.store.keys.revoke(info.id);
    expectProblem(await t.http.get('/v1/scenarios').set(bearer(key)), 401, 'invalid_api_key');
  });
});

describe('local single-user mode', () => {
  it('lets loopback callers in without a key but still checks a key that is sent', async () => {
    const local = await startServer({ auth: 'local' });
    try {
      await local.http.post('/v1/scenarios').send({ ...smallScenario(), id: 'loc' }).expect(201);
      expectProblem(await local.http.get('/v1/scenarios').set(bearer('pp_wrong')), 401, 'invalid_api_key');
    } finally {
      await local.close();
    }
  });

  it('requires a key from other addresses', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    const store = new Store(openDatabase(':memory:'));
    const req = { get: () => undefined, socket: { remoteAddress: '192.168.1.20' } };
    expect(() => authenticate('local', store.keys)(req as never, { locals: {} } as never, () => undefined)).toThrow(/Bearer/);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the limit', async () => {
    const limited = await startServer({ rateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) await limited.http.get('/v1/scenarios').expect(200);
      const res = await limited.http.get('/v1/scenarios');
      expectProblem(res, 429, 'rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      await limited.http.get('/health').expect(200);
    } finally {
      await limited.close();
    }
  });
});

describe('pnpm keys', () => {
  const cli = new URL('../src/cli/keys.ts', import.meta.url).pathname;
  const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;

  it('creates a key and prints it as the last line', () => {
    const db = tempDb();
    const out = execFileSync(tsx, [cli, 'create', '--scopes', 'read,plan,publish,admin', '--name', 'rostering', '--db', db], { encoding: 'utf8' });
    const key = out.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^pp_/);
    const store = new Store(openDatabase(db));
    expect(store.keys.verify(key)).toMatchObject({ name: 'rostering', scopes: ['read', 'plan', 'publish', 'admin'] });
    store.db.close();
  });

  it('refuses unknown scopes', () => {
    const res = spawnSync(tsx, [cli, 'create', '--scopes', 'read,root', '--db', tempDb()], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('unknown scope(s): root');
  });
});
