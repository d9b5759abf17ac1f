import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, smallScenario, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
  await t.http.post('/v1/scenarios').send({ ...smallScenario(), id: 'base' }).expect(201);
});
afterAll(() => t.close());

/** Every error is a 4xx problem document: never a 5xx, never HTML. */
function expectClientError(res: { status: number; headers: Record<string, string>; text: string }): void {
  if (res.status >= 500 || res.status < 400) throw new Error(`status ${res.status}: ${res.text.slice(0, 300)}`);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.text);
  expect(body).toMatchObject({ status: res.status, code: expect.any(String), title: expect.any(String) });
  if (body.code === 'validation_failed') {
    for (const issue of body.issues) expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
  }
}

describe('malformed requests', () => {
  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t.http.post('/v1/scenarios').set('content-type', 'application/json').send('{"name": ');
    expectProblem(res, 400, 'malformed_json');
  });

  it('answers a non-JSON body with 415', async () => {
    expectProblem(await t.http.post('/v1/scenarios').set('content-type', 'text/plain').send('hello'), 415, 'unsupported_media_type');
  });

  it('answers a body over 5 MB with 413', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) });
    expectProblem(await t.http.post('/v1/scenarios').set('content-type', 'application/json').send(huge), 413, 'payload_too_large');
  });

  it('answers an unknown route with a 404 problem', async () => {
    expectProblem(await t.http.get('/v1/nothing-here'), 404, 'route_not_found');
    expectProblem(await t.http.get('/v1/solves/job_missing'), 404, 'job_not_found');
    expectProblem(await t.http.get('/v1/rotas/rota_missing'), 404, 'rota_not_found');
  });

  it('lists every issue with its path', async () => {
    const res = await t.http.post('/v1/scenarios').send({ name: '', days: 'many' });
    expectProblem(res, 400, 'validation_failed');
    const paths = res.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'days', 'timezone', 'officers']));
  });

  it('rejects bad path and query parameters', async () => {
    expectProblem(await t.http.get('/v1/scenarios/has%20space'), 400, 'validation_failed');
    expectProblem(await t.http.get('/v1/officers/sm-01/duties.ics'), 400, 'validation_failed');
    expectProblem(await t.http.get('/v1/rotas/r1/export.csv?view=pdf'), 400, 'validation_failed');
    expectProblem(await t.http.get('/v1/rotas/r1/export.csv?view=rota&view=hours'), 400, 'validation_failed');
  });
});

describe('property: arbitrary input never causes a 5xx', () => {
  const bodies = fc.oneof(fc.jsonValue(), fc.anything(), fc.record({ name: fc.anything(), days: fc.anything(), officers: fc.anything() }, { requiredKeys: [] }));
  const send = (method: 'post' | 'put' | 'delete', path: string, body: unknown) => {
    let text: string;
    try {
      text = JSON.stringify(body) ?? 'null';
    } catch {
      text = String(body);
    }
    const req = t.http[method](path).set('content-type', 'application/json');
    return method === 'put' ? req.set('If-Match', '"1"').send(text) : req.send(text);
  };

  it('POST/PUT bodies', async () => {
    const targets: ['post' | 'put' | 'delete', string][] = [
      ['post', '/v1/scenarios'],
      ['put', '/v1/scenarios/base'],
      ['post', '/v1/scenarios/missing/solves'],
      ['post', '/v1/scenarios/missing/what-if'],
      ['post', '/v1/scenarios/base/officers/sm-01/abstractions'],
      ['post', '/v1/rotas/missing/pins'],
      ['delete', '/v1/rotas/missing/pins'],
      ['post', '/v1/webhooks'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), bodies, async ([method, path], body) => {
        const res = await send(method, path, body);
        if (res.status === 200 && path.endsWith('/abstractions')) return; // a valid abstraction is fine
        expectClientError(res);
      }),
      { numRuns: 150 },
    );
  });

  it('raw strings as JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (raw) => {
        expectClientError(await t.http.post('/v1/scenarios').set('content-type', 'application/json').send(raw));
      }),
      { numRuns: 100 },
    );
  });

  it('path and query parameters', async () => {
    const segment = fc.string({ minLength: 1, maxLength: 80 }).map(encodeURIComponent);
    await fc.assert(
      fc.asyncProperty(segment, segment, async (id, query) => {
        for (const path of [`/v1/scenarios/${id}`, `/v1/solves/${id}`, `/v1/rotas/${id}`, `/v1/rotas/${id}/export.csv?view=${query}`, `/v1/officers/${id}/duties.ics?rota=${query}`]) {
          const res = await t.http.get(path);
          if (res.status === 200) continue; // e.g. GET /v1/scenarios/base
          expectClientError(res);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('modified valid scenarios', async () => {
    const base = smallScenario();
    const mutation = fc.record({
      key: fc.constantFrom('days', 'startDate', 'timezone', 'officers', 'shiftTypes', 'hotspots', 'forecast', 'policy', 'pins', 'coverTargets'),
      value: fc.oneof(fc.jsonValue(), fc.constant([{}]), fc.constant(-1), fc.constant('2026-02-30')),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ key, value }) => {
        const res = await t.http.post('/v1/scenarios').send({ ...base, id: undefined, [key]: value });
        if (res.status === 201) return;
        expectClientError(res);
      }),
      { numRuns: 120 },
    );
  });
});
