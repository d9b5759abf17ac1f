import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signature } from '../src/webhooks/deliver.js';
import { expectProblem, smallScenario, startServer, waitForJob, type TestServer } from './helpers.js';

let t: TestServer;
let rotaId: string;
beforeAll(async () => {
  t = await startServer({ webhooks: { attempts: 3, baseDelayMs: 20 } });
  await t.http.post('/v1/scenarios').send({ ...smallScenario(), id: 'small' }).expect(201);
  const started = await t.http.post('/v1/scenarios/small/solves').send({ timeLimitSeconds: 20 }).expect(202);
  rotaId = (await waitForJob(t.http, started.body.id)).rotaId;
});
afterAll(() => t.close());

describe('pins, unavailability and re-solve', () => {
  it('pins and unpins on the rota scenario, validating officer and shift', async () => {
    const pinned = await t.http.post(`/v1/rotas/${rotaId}/pins`).send({ officerId: 'sm-05', shiftId: 'Early@2026-03-23', kind: 'on' }).expect(200);
    expect(pinned.body).toEqual({ pins: [{ officerId: 'sm-05', shiftId: 'Early@2026-03-23', kind: 'on' }], scenarioVersion: 2 });
    // Pinning the same slot again replaces the pin instead of duplicating it.
    const flipped = await t.http.post(`/v1/rotas/${rotaId}/pins`).send({ officerId: 'sm-05', shiftId: 'Early@2026-03-23', kind: 'off' }).expect(200);
    expect(flipped.body.pins).toEqual([{ officerId: 'sm-05', shiftId: 'Early@2026-03-23', kind: 'off' }]);
    const bad = await t.http.post(`/v1/rotas/${rotaId}/pins`).send({ officerId: 'ghost', shiftId: 'Early@2030-01-01', kind: 'on' });
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['officerId', 'shiftId']);
    const unpinned = await t.http.delete(`/v1/rotas/${rotaId}/pins`).send({ officerId: 'sm-05', shiftId: 'Early@2026-03-23' }).expect(200);
    expect(unpinned.body.pins).toEqual([]);
    expectProblem(await t.http.delete(`/v1/rotas/${rotaId}/pins`).send({ officerId: 'sm-05', shiftId: 'Early@2026-03-23' }), 404, 'pin_not_found');
    expectProblem(await t.http.post('/v1/rotas/rota_nope/pins').send({ officerId: 'sm-05', shiftId: 'Early@2026-03-23', kind: 'on' }), 404, 'rota_not_found');
  });

  it('re-solves after a sickness keeping pins, with the diff against the parent', async () => {
    const parent = (await t.http.get(`/v1/rotas/${rotaId}`).expect(200)).body;
    const worked = parent.rota.assignments.find((a: { officerId: string }) => a.officerId === 'sm-02');
    const date = worked.shiftId.split('@')[1];
    const next = new Date(Date.parse(`${date}T12:00:00Z`) + 864e5).toISOString().slice(0, 10);
    await t.http.post('/v1/scenarios/small/officers/sm-02/abstractions').send({ kind: 'sick', start: date, end: next }).expect(200);
    await t.http.post(`/v1/rotas/${rotaId}/pins`).send({ officerId: 'sm-04', shiftId: 'Late@2026-03-29', kind: 'on' }).expect(200);

    const started = await t.http.post(`/v1/rotas/${rotaId}/resolve`).send({ timeLimitSeconds: 20 }).expect(202);
    expect(started.body).toMatchObject({ kind: 'resolve', parentRotaId: rotaId });
    const job = await waitForJob(t.http, started.body.id);
    expect(job.error).toBeNull();
    expect(job.status).toBe('completed');
    const child = (await t.http.get(`/v1/rotas/${job.rotaId}`).expect(200)).body;
    expect(child).toMatchObject({ parentRotaId: rotaId, version: parent.version + 1, scenarioVersion: job.scenarioVersion });
    expect(child.rota.assignments).not.toContainEqual(expect.objectContaining({ officerId: 'sm-02', shiftId: worked.shiftId }));
    expect(child.rota.assignments).toContainEqual(expect.objectContaining({ officerId: 'sm-04', shiftId: 'Late@2026-03-29' }));
    expect(child.diff.removed).toContainEqual(expect.objectContaining({ officerId: 'sm-02', shiftId: worked.shiftId }));
    // Minimal disruption: the diff is small next to the whole rota.
    expect(child.diff.added.length + child.diff.removed.length).toBeLessThan(parent.rota.assignments.length);
  });

  it('resolves with no body, and 404s an unknown rota', async () => {
    const started = await t.http.post(`/v1/rotas/${rotaId}/resolve`).expect(202);
    await waitForJob(t.http, started.body.id);
    expectProblem(await t.http.post('/v1/rotas/rota_nope/resolve').send({}), 404, 'rota_not_found');
  });
});

describe('publish and webhooks', () => {
  it('publishes once, signs and retries webhook deliveries', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let calls = 0;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls++;
        received.push({ headers: req.headers, body });
        res.statusCode = calls === 1 ? 500 : 204; // the first attempt fails: the retry must deliver
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    try {
      const hook = await t.http.post('/v1/webhooks').send({ url: `http://127.0.0.1:${port}/hook`, events: ['rota.published', 'solve.completed'] }).expect(201);
      expect(hook.body.secret).toMatch(/^whsec_/);
      expect((await t.http.get('/v1/webhooks').expect(200)).body.items).toEqual([{ id: hook.body.id, url: hook.body.url, events: hook.body.events, createdAt: hook.body.createdAt }]);

      const published = await t.http.post(`/v1/rotas/${rotaId}/publish`).expect(200);
      expect(published.body).toMatchObject({ id: rotaId, status: 'published', publishedAt: expect.any(String) });
      await t.http.post(`/v1/rotas/${rotaId}/publish`).expect(200);
      await t.api.webhooks.idle();
      expect(received).toHaveLength(2);
      const { headers, body } = received[1];
      expect(headers['x-patrolplan-event']).toBe('rota.published');
      expect(headers['x-patrolplan-signature']).toBe(signature(hook.body.secret, body));
      expect(JSON.parse(body)).toMatchObject({ type: 'rota.published', data: { rota: { id: rotaId, status: 'published' } } });

      // A published rota is immutable: a pin changes the scenario, and a re-solve makes a new rota.
      await t.http.post(`/v1/rotas/${rotaId}/pins`).send({ officerId: 'sm-01', shiftId: 'Early@2026-03-23', kind: 'off' }).expect(200);
      const before = (await t.http.get(`/v1/rotas/${rotaId}`).expect(200)).body;
      const job = await waitForJob(t.http, (await t.http.post(`/v1/rotas/${rotaId}/resolve`).send({ timeLimitSeconds: 20 }).expect(202)).body.id);
      expect(job.rotaId).not.toBe(rotaId);
      expect((await t.http.get(`/v1/rotas/${rotaId}`).expect(200)).body).toEqual(before);
      await t.api.webhooks.idle();
      expect(JSON.parse(received.at(-1)!.body)).toMatchObject({ type: 'solve.completed', data: { job: { id: job.id, rotaId: job.rotaId } } });

      await t.http.delete(`/v1/webhooks/${hook.body.id}`).expect(204);
      expectProblem(await t.http.delete(`/v1/webhooks/${hook.body.id}`), 404, 'webhook_not_found');
      expectProblem(await t.http.post('/v1/webhooks').send({ url: 'ftp://example.org', events: ['rota.published'] }), 400, 'validation_failed');
    } finally {
      receiver.close();
    }
  });
});
