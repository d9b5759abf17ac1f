import { docsPage } from '../http/docs.js';
import { openApiDocument } from '../http/openapi.js';
import { operation, type Operation } from '../http/route.js';
import { Health } from '../schemas/common.js';

/** Public operations: health, the OpenAPI document (covering these and `v1`) and its HTML page. */
export function metaRoutes(v1: Operation[]): Operation[] {
  const meta: Operation[] = [
    operation({
      method: 'get', path: '/health', operationId: 'health', tag: 'Meta', scope: null,
      summary: 'Liveness',
      responses: { 200: { description: 'The server is up.', schema: Health } },
      handler: () => ({ body: { status: 'ok' } }),
    }),
    operation({
      method: 'get', path: '/openapi.json', operationId: 'openapi', tag: 'Meta', scope: null,
      summary: 'This API as an OpenAPI 3.1 document',
      responses: { 200: { description: 'OpenAPI 3.1 JSON.', contentType: 'application/json' } },
      handler: () => ({ body: document() }),
    }),
    operation({
      method: 'get', path: '/docs', operationId: 'docs', tag: 'Meta', scope: null,
      summary: 'This API as a readable HTML page',
      responses: { 200: { description: 'HTML.', contentType: 'text/html' } },
      handler: () => ({ body: docsPage(document()), type: 'text/html; charset=utf-8' }),
    }),
  ];
  let cached: Record<string, unknown> | null = null;
  // Built on first request: the schemas do not change while the process runs.
  const document = () => (cached ??= openApiDocument([...meta, ...v1]));
  return meta;
}
