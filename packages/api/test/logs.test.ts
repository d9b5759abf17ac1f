import pino from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallScenario, startServer, waitForJob, type TestServer } from './helpers.js';

/** Officer names are personal data: logs carry ids and counts only. */
let t: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  t = await startServer({ logger: pino({ level: 'trace' }, sink) });
});
afterAll(() => t.close());

describe('logging', () => {
  it('never logs an officer name through a whole planning session', async () => {
    const scenario = smallScenario();
    await t.http.post('/v1/scenarios').send({ ...scenario, id: 'logs' }).expect(201);
    await t.http.post('/v1/scenarios').send({ ...scenario, id: 'logs', officers: [{ ...scenario.officers[0], rank: 'Chief' }] }).expect(400);
    const job = await waitForJob(t.http, (await t.http.post('/v1/scenarios/logs/solves').send({ timeLimitSeconds: 20 }).expect(202)).body.id);
    await t.http.post('/v1/scenarios/logs/officers/sm-01/abstractions').send({ kind: 'sick', start: '2026-03-24', end: '2026-03-25' }).expect(200);
    await t.http.post(`/v1/rotas/${job.rotaId}/pins`).send({ officerId: 'sm-02', shiftId: 'Early@2026-03-23', kind: 'on' }).expect(200);
    await t.http.get(`/v1/rotas/${job.rotaId}/export.csv`).expect(200);
    await t.http.get(`/v1/officers/sm-01/duties.ics?rota=${job.rotaId}`).expect(200);
    await t.http.post(`/v1/rotas/${job.rotaId}/publish`).expect(200);

    const log = lines.join('');
    expect(log).toContain('"jobId"');
    for (const officer of scenario.officers) {
      expect(log).not.toContain(officer.name);
      for (const part of officer.name.split(' ')) expect(log).not.toContain(part);
    }
  });
});
