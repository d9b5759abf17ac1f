import { z } from 'zod';
import { components } from '../schemas/common.js';
import type { Operation } from './route.js';

type Json = Record<string, unknown>;

/** A `$ref` to a named component, or the schema inline when it has no name. */
function schemaOf(schema: z.ZodType): Json {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const id = components.get(inner)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  const { $schema: _ignored, ...rest } = z.toJSONSchema(inner, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

const isOptional = (schema: z.ZodType) => schema.safeParse(undefined).success;

function parameters(op: Operation): Json[] {
  const list: Json[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
    for (const [name, prop] of Object.entries(shape)) list.push({ name, in: where, required: where === 'path' || !isOptional(prop), schema: schemaOf(prop) });
  };
  add(op.params, 'path');
  add(op.query, 'query');
  for (const h of op.headers ?? []) list.push({ name: h.name, in: 'header', required: Boolean(h.required), description: h.description, schema: { type: 'string' } });
  return list;
}

function operationObject(op: Operation): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = { description: r.description, ...(r.schema || r.contentType ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema ? schemaOf(r.schema) : { type: 'string' } } } } : {}) };
  }
  const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  if (op.scope) {
    responses['401'] ??= { description: 'No or unknown API key.', ...problem };
    responses['403'] ??= { description: `The key lacks the "${op.scope}" scope.`, ...problem };
  }
  if (op.params || op.query || op.body) responses['400'] ??= { description: 'Invalid request; `issues` lists every path and message.', ...problem };
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: !isOptional(op.body), content: { 'application/json': { schema: schemaOf(op.body) } } } } : {}),
    responses,
    security: op.scope ? [{ bearer: [] }] : [],
    ...(op.scope ? { 'x-scope': op.scope } : {}),
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(ops: Operation[]): Json {
  const generated = z.toJSONSchema(components, { uri: (id) => `#/components/schemas/${id}`, io: 'input', unrepresentable: 'any' }) as { schemas: Record<string, Json> };
  const schemas: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema;
    schemas[id] = rest;
  }
  const paths: Record<string, Json> = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'patrolplan API',
      version: '1.0.0',
      description: 'Police patrol rota optimizer: scenarios, async solve jobs, rotas with findings, pins, re-solve, publish, what-if and exports. Errors are RFC 9457 problem documents with a stable `code`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key> (create one with `pnpm keys create`).' } } },
  };
}
