import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ApiError } from '../errors.js';
import { principalOf } from './auth.js';

/** Requests per minute per API key; the local user and anonymous callers are limited per address. */
export function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const id = principalOf(res)?.id;
      return id && id !== 'local' ? `key:${id}` : `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '')}`;
    },
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      next(new ApiError(429, 'rate_limited', `more than ${perMinute} requests a minute; retry in ${seconds} s`, undefined, { 'Retry-After': String(seconds) }));
    },
  });
}
