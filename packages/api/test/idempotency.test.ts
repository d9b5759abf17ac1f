import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, smallScenario, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const { id: _id, ...anonymous } = smallScenario();

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key and body', async () => {
    const first = await t.http.post('/v1/scenarios').set('Idempotency-Key', 'k-1').send(anonymous).expect(201);
    const again = await t.http.post('/v1/scenarios').set('Idempotency-Key', 'k-1').send(anonymous).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    const list = await t.http.get('/v1/scenarios').expect(200);
    expect(list.body.items.filter((s: { id: string }) => s.id === first.body.id)).toHaveLength(1);
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses the same key with another body (422) or another route', async () => {
    await t.http.post('/v1/scenarios').set('Idempotency-Key', 'k-2').send(anonymous).expect(201);
    expectProblem(await t.http.post('/v1/scenarios').set('Idempotency-Key', 'k-2').send({ ...anonymous, name: 'Other' }), 422, 'idempotency_key_reused');
    expectProblem(await t.http.post('/v1/webhooks').set('Idempotency-Key', 'k-2').send(anonymous), 422, 'idempotency_key_reused');
  });

  it('does not store failures, so a corrected retry goes through', async () => {
    expectProblem(await t.http.post('/v1/scenarios').set('Idempotency-Key', 'k-3').send({ ...anonymous, days: -1 }), 400, 'validation_failed');
    await t.http.post('/v1/scenarios').set('Idempotency-Key', 'k-3').send(anonymous).expect(201);
  });

  it('replays a started solve instead of starting another', async () => {
    const created = await t.http.post('/v1/scenarios').send({ ...anonymous, id: 'idem' }).expect(201);
    const a = await t.http.post(`/v1/scenarios/${created.body.id}/solves`).set('Idempotency-Key', 'solve-1').send({ timeLimitSeconds: 2 }).expect(202);
    const b = await t.http.post(`/v1/scenarios/${created.body.id}/solves`).set('Idempotency-Key', 'solve-1').send({ timeLimitSeconds: 2 }).expect(202);
    expect(b.body.id).toBe(a.body.id);
    await t.api.jobs.settled(a.body.id);
  });

  it('rejects a malformed key', async () => {
    expectProblem(await t.http.post('/v1/scenarios').set('Idempotency-Key', 'x'.repeat(300)).send(anonymous), 400, 'validation_failed');
  });
});
