import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallScenario, startServer, waitForJob, type TestServer } from './helpers.js';

/** Cancellation paths, with a fake solver thread so the timing is deterministic. */
let t: TestServer;
beforeAll(async () => {
  t = await startServer({ pool: { size: 1, queueLimit: 4, cancelGraceSeconds: 0.5, slackSeconds: 1, workerModule: new URL('./fixtures/fakeSolver.ts', import.meta.url) } });
  await t.http.post('/v1/scenarios').send({ ...smallScenario(), id: 'coop' }).expect(201);
  await t.http.post('/v1/scenarios').send({ ...smallScenario(), id: 'stuck', name: 'stuck' }).expect(201);
});
afterAll(() => t.close());

const runningJob = async (scenarioId: string, timeLimitSeconds = 60) => {
  const started = await t.http.post(`/v1/scenarios/${scenarioId}/solves`).send({ timeLimitSeconds }).expect(202);
  for (let i = 0; i < 100; i++) {
    const job = await t.http.get(`/v1/solves/${started.body.id}`).expect(200);
    if (job.body.progress) return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no progress');
};

describe('solver pool cancellation', () => {
  it('shows progress: objective, bound and gap so far', async () => {
    const job = await runningJob('coop');
    expect(job).toMatchObject({ status: 'running', progress: { objective: 1, bound: 10, gap: 0.9 } });
    await t.http.delete(`/v1/solves/${job.id}`).expect(200);
  });

  it('a cooperative cancel returns the best rota so far', async () => {
    const job = await runningJob('coop');
    const res = await t.http.delete(`/v1/solves/${job.id}`).expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', rotaId: expect.stringMatching(/^rota_/) });
    const rota = await t.http.get(`/v1/rotas/${res.body.rotaId}`).expect(200);
    expect(rota.body.rota.assignments).toEqual([{ officerId: 'sm-01', shiftId: 'Early@2026-03-23' }]);
  });

  it('a thread that ignores cancel is terminated and its last incumbent kept', async () => {
    const job = await runningJob('stuck');
    const before = Date.now();
    const res = await t.http.delete(`/v1/solves/${job.id}`).expect(200);
    expect(Date.now() - before).toBeLessThan(5000);
    expect(res.body).toMatchObject({ status: 'cancelled', rotaId: expect.stringMatching(/^rota_/), result: { status: 'timeLimit' } });
    // The evaluator re-checked the kept rota against the scenario.
    const rota = await t.http.get(`/v1/rotas/${res.body.rotaId}`).expect(200);
    expect(rota.body.evaluation.coverage.length).toBeGreaterThan(0);
    // The pool replaced the thread: the next job runs.
    const next = await runningJob('coop');
    await t.http.delete(`/v1/solves/${next.id}`).expect(200);
  });

  it('the watchdog stops a solve that overruns its time limit', async () => {
    const job = await runningJob('stuck', 1);
    const done = await waitForJob(t.http, job.id, 10_000);
    expect(done).toMatchObject({ status: 'completed', result: { status: 'timeLimit' }, rotaId: expect.stringMatching(/^rota_/) });
  });

  it('keeps the API responsive while a thread is blocked', async () => {
    const job = await runningJob('stuck', 30);
    const started = performance.now();
    for (let i = 0; i < 20; i++) await t.http.get('/health').expect(200);
    expect((performance.now() - started) / 20).toBeLessThan(100);
    await t.http.delete(`/v1/solves/${job.id}`).expect(200);
  });
});
