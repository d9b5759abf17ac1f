import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RotaRecord } from '../src/schemas/rota.js';
import { SolveJob } from '../src/schemas/solve.js';
import { expectProblem, smallScenario, startServer, waitForJob, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
  await t.http.post('/v1/scenarios').send({ ...smallScenario(), id: 'small' }).expect(201);
});
afterAll(() => t.close());

describe('solve jobs', () => {
  it('runs a solve in a thread and stores a rota with coverage, findings and objective by rule', async () => {
    const started = await t.http.post('/v1/scenarios/small/solves').send({ timeLimitSeconds: 20 }).expect(202);
    expect(started.headers.location).toBe(`/v1/solves/${started.body.id}`);
    expect(SolveJob.parse(started.body)).toMatchObject({ status: expect.stringMatching(/queued|running/), scenarioId: 'small', scenarioVersion: 1, kind: 'solve' });

    const job = await waitForJob(t.http, started.body.id);
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ status: expect.stringMatching(/optimal|feasible|timeLimit/), hardViolations: 0 });
    expect(job.progress).toMatchObject({ fraction: 1, phase: 'done' });

    const rota = await t.http.get(`/v1/rotas/${job.rotaId}`).expect(200);
    const record = RotaRecord.parse(rota.body);
    expect(record).toMatchObject({ scenarioId: 'small', scenarioVersion: 1, version: 1, status: 'draft', parentRotaId: null });
    expect(record.rota.assignments.length).toBeGreaterThan(0);
    expect(record.evaluation.coverage.length).toBeGreaterThan(0);
    expect(Object.keys(record.evaluation.objectiveByRule).length).toBeGreaterThan(0);
    expect(Array.isArray(record.evaluation.findings)).toBe(true);

    const list = await t.http.get('/v1/scenarios/small/rotas').expect(200);
    expect(list.body.items[0]).toMatchObject({ id: job.rotaId, assignmentCount: record.rota.assignments.length, hardViolations: 0 });
  });

  it('reports 404 for a missing scenario or base rota', async () => {
    expectProblem(await t.http.post('/v1/scenarios/nope/solves').send({}), 404, 'scenario_not_found');
    expectProblem(await t.http.post('/v1/scenarios/small/solves').send({ baseRotaId: 'rota_nope' }), 404, 'rota_not_found');
    expectProblem(await t.http.post('/v1/scenarios/small/solves').send({ timeLimitSeconds: 0 }), 400, 'validation_failed');
    expectProblem(await t.http.post('/v1/scenarios/small/solves').send({ engine: 'cplex' }), 400, 'validation_failed');
  });

  it('cancels a queued job without a rota and refuses to cancel a finished one', async () => {
    const busy = await startServer({ pool: { size: 1, queueLimit: 1 } });
    try {
      await busy.http.post('/v1/scenarios').send({ ...smallScenario(), id: 'q' }).expect(201);
      const first = await busy.http.post('/v1/scenarios/q/solves').send({ timeLimitSeconds: 3 }).expect(202);
      const second = await busy.http.post('/v1/scenarios/q/solves').send({ timeLimitSeconds: 3 }).expect(202);
      // One thread busy and one job waiting: the queue is full.
      const refused = await busy.http.post('/v1/scenarios/q/solves').send({ timeLimitSeconds: 3 });
      expectProblem(refused, 429, 'queue_full');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);

      const cancelled = await busy.http.delete(`/v1/solves/${second.body.id}`).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', rotaId: null });
      expectProblem(await busy.http.delete(`/v1/solves/${second.body.id}`), 409, 'job_not_active');
      expect((await waitForJob(busy.http, first.body.id)).status).toBe('completed');
    } finally {
      await busy.close();
    }
  });

  it('cancels a running solve promptly, keeping a rota only if the search had found one', async () => {
    // Southend (30 officers, 28 days) cannot finish in a second, so the cancel finds it working.
    // The kept-rota path is covered deterministically with a fake solver in pool.test.ts.
    const southend = JSON.parse(readFileSync(new URL('../../../examples/southend.json', import.meta.url), 'utf8'));
    await t.http.post('/v1/scenarios').send({ ...southend, id: 'big' }).expect(201);
    const started = await t.http.post('/v1/scenarios/big/solves').send({ timeLimitSeconds: 120 }).expect(202);
    let job = started.body;
    while (job.status === 'queued') job = (await t.http.get(`/v1/solves/${started.body.id}`).expect(200)).body;
    await new Promise((r) => setTimeout(r, 1000));
    const before = Date.now();
    const res = await t.http.delete(`/v1/solves/${started.body.id}`).expect(200);
    expect(Date.now() - before).toBeLessThan(15_000);
    expect(res.body.status).toBe('cancelled');
    if (res.body.rotaId) await t.http.get(`/v1/rotas/${res.body.rotaId}`).expect(200);
    else expect(res.body.progress?.objective ?? null).toBeNull();
  });

  it('refuses to delete a scenario while a solve runs', async () => {
    const started = await t.http.post('/v1/scenarios/small/solves').send({ timeLimitSeconds: 2 }).expect(202);
    expectProblem(await t.http.delete('/v1/scenarios/small'), 409, 'scenario_busy');
    await waitForJob(t.http, started.body.id);
  });

  it('runs a what-if job and returns the curve', async () => {
    const started = await t.http
      .post('/v1/scenarios/small/what-if')
      .send({ extraOfficers: 1, profile: { rank: 'PC', skills: ['driver'], contractMinutesPerWeek: 2400 }, timeLimitSeconds: 6 })
      .expect(202);
    expect(started.body.kind).toBe('whatIf');
    const job = await waitForJob(t.http, started.body.id, 120_000);
    expect(job.status).toBe('completed');
    expect(job.whatIf.curve.map((p: { extraOfficers: number }) => p.extraOfficers)).toEqual([0, 1]);
    expect(job.rotaId).toBeNull();
  });
});
