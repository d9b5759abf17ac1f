import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { IdempotencyStore } from '../db/idempotency.js';
import { ApiError } from '../errors.js';
import type { Principal } from './auth.js';
import type { Reply } from './route.js';

/** Raw request bytes, kept by the JSON parser so "same body" means byte-for-byte the same. */
export const rawBodyOf = (req: Request): Buffer => (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);

/**
 * Idempotency-Key on POST: the first request runs and its 2xx reply is stored; a repeat with the
 * same key and body gets the stored reply; the same key with another request is a 422.
 * Errors are not stored, so a client may retry after fixing its request.
 */
export async function withIdempotency(req: Request, principal: Principal, store: IdempotencyStore, run: () => Promise<Reply>): Promise<Reply> {
  const key = req.get('idempotency-key');
  if (key === undefined) return run();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new ApiError(400, 'validation_failed', 'Idempotency-Key must be 1–255 printable characters', [{ path: 'header.Idempotency-Key', message: 'must be 1–255 printable ASCII characters' }]);
  }
  const hash = createHash('sha256').update(rawBodyOf(req)).digest('hex');
  const path = req.originalUrl.split('?')[0];
  const stored = store.find(principal.id, key);
  if (stored) {
    if (stored.bodyHash !== hash || stored.path !== path || stored.method !== req.method) {
      throw new ApiError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different request; use a new key');
    }
    if (stored.status === null) throw new ApiError(409, 'idempotency_in_progress', 'a request with this Idempotency-Key is still being handled');
    const json = stored.headers['content-type']?.includes('json');
    return { status: stored.status, headers: { ...stored.headers, 'Idempotent-Replayed': 'true' }, body: json ? JSON.parse(stored.body) : stored.body };
  }
  if (!store.reserve(principal.id, key, req.method, path, hash)) throw new ApiError(409, 'idempotency_in_progress', 'a request with this Idempotency-Key is still being handled');
  try {
    const reply = await run();
    const status = reply.status ?? 200;
    if (status >= 200 && status < 300) {
      const isString = typeof reply.body === 'string';
      const headers = { ...reply.headers, 'content-type': isString ? (reply.type ?? 'text/plain') : 'application/json' };
      store.complete(principal.id, key, status, headers, isString ? (reply.body as string) : JSON.stringify(reply.body ?? null));
    } else store.release(principal.id, key);
    return reply;
  } catch (error) {
    store.release(principal.id, key);
    throw error;
  }
}
