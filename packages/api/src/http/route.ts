import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { Scope } from '../db/keys.js';
import { ApiError } from '../errors.js';
import type { IdempotencyStore } from '../db/idempotency.js';
import { principalOf, requireScope, type Principal } from './auth.js';
import { withIdempotency } from './idempotency.js';
import { validationError } from './problem.js';

/** What a handler answers; the route sends it (and stores it for Idempotency-Key replays). */
export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Content type of a string body (JSON bodies need none). */
  type?: string;
}

/** A documented response of an operation. */
export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** A documented request header. */
export interface HeaderDoc {
  name: string;
  description: string;
  required?: boolean;
}

type Obj = z.ZodType<Record<string, unknown>>;

/**
 * One API operation: its schemas validate the request and generate the OpenAPI document, so
 * what is documented is what is enforced. Handlers get the parsed values only.
 */
export interface Operation<P extends Obj = Obj, Q extends Obj = Obj, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI-style path: `/v1/scenarios/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** null: public. */
  scope: Scope | null;
  params?: P;
  query?: Q;
  body?: B;
  headers?: HeaderDoc[];
  responses: Record<number, ResponseDoc>;
  handler: (input: { params: z.output<P>; query: z.output<Q>; body: z.output<B>; principal: Principal; req: Request; res: Response }) => Reply | Promise<Reply>;
}

/** Declare an operation with its handler typed by its schemas. */
export function operation<P extends Obj, Q extends Obj, B extends z.ZodType>(op: Operation<P, Q, B>): Operation {
  return op as unknown as Operation;
}

export const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: 'body' | 'query' | 'path'): z.output<T> | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

const hasBody = (req: Request) => Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;

export function send(res: Response, reply: Reply): void {
  if (reply.headers) res.set(reply.headers);
  res.status(reply.status ?? 200);
  if (reply.body === undefined) res.end();
  else if (typeof reply.body === 'string') res.type(reply.type ?? 'text/plain').send(reply.body);
  else res.json(reply.body);
}

/** Register operations on a router: scope check, validation, idempotency, then the handler. */
export function mount(router: Router, ops: Operation[], idempotency: IdempotencyStore): void {
  for (const op of ops) {
    router[op.method](expressPath(op.path), async (req, res) => {
      const principal = principalOf(res);
      if (op.scope) requireScope(principal, op.scope);
      const params = parse(op.params, { ...req.params }, 'path');
      const query = parse(op.query, { ...(req.query as object) }, 'query');
      const run = async (): Promise<Reply> => {
        if (op.body && req.body === undefined && hasBody(req)) throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
        const body = parse(op.body, req.body, 'body');
        return op.handler({ params, query, body, principal, req, res } as Parameters<Operation['handler']>[0]);
      };
      const reply = op.method === 'post' ? await withIdempotency(req, principal, idempotency, run) : await run();
      send(res, reply);
    });
  }
}
