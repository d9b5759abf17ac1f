import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3.1 document covering every route, with resolvable $refs', async () => {
    const doc = (await t.http.get('/openapi.json').expect(200)).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/health', '/v1/scenarios', '/v1/scenarios/{id}', '/v1/scenarios/{id}/solves', '/v1/solves/{jobId}', '/v1/rotas/{rotaId}', '/v1/rotas/{rotaId}/pins', '/v1/rotas/{rotaId}/resolve', '/v1/rotas/{rotaId}/publish', '/v1/scenarios/{id}/what-if', '/v1/rotas/{rotaId}/export.csv', '/v1/officers/{officerId}/duties.ics', '/v1/webhooks']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.split('/').pop()!.replace('"', '');
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    const create = doc.paths['/v1/scenarios'].post;
    expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ScenarioInput' });
    expect(create['x-scope']).toBe('plan');
    expect(doc.components.schemas.Officer.properties.rank).toEqual({ $ref: '#/components/schemas/Rank' });
    const view = doc.paths['/v1/rotas/{rotaId}/export.csv'].get.parameters.find((p: { name: string }) => p.name === 'view');
    expect(view).toMatchObject({ in: 'query', required: false, schema: { enum: ['rota', 'hours', 'hotspots'] } });
  });

  it('renders a self-contained HTML docs page', async () => {
    const res = await t.http.get('/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('/v1/scenarios/{id}/solves');
    expect(res.text).toContain('id="schema-Scenario"');
    expect(res.text).toContain('id="problem-precondition_failed"');
    expect(res.text).not.toMatch(/<script|<link|src="http/);
  });

  it('reports health', async () => {
    expect((await t.http.get('/health').expect(200)).body).toEqual({ status: 'ok' });
  });
});

describe('UI static files', () => {
  it('serves the built UI with SPA fallback, never for /v1', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ui-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>rota ui</title>');
    writeFileSync(join(dist, 'app.js'), 'console.log(1)');
    const ui = await startServer({ uiDist: dist });
    try {
      expect((await ui.http.get('/').expect(200)).text).toContain('rota ui');
      expect((await ui.http.get('/rotas/abc').expect(200)).text).toContain('rota ui');
      expect((await ui.http.get('/app.js').expect(200)).text).toContain('console.log');
      expectProblem(await ui.http.get('/v1/unknown'), 404, 'route_not_found');
    } finally {
      await ui.close();
    }
  });

  it('says how to build the UI when it is missing', async () => {
    const ui = await startServer({ uiDist: '/nonexistent/dist' });
    try {
      expect((await ui.http.get('/').expect(200)).text).toContain('pnpm --filter @patrolplan/ui build');
    } finally {
      await ui.close();
    }
  });
});
