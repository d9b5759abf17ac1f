import type { RequestHandler, Response } from 'express';
import type { KeyStore, Scope } from '../db/keys.js';
import { SCOPES } from '../db/keys.js';
import { ApiError } from '../errors.js';

/** Who is calling: an API key, or the local single user. */
export interface Principal {
  /** `local` or the key id; owns webhooks and idempotency keys. */
  id: string;
  scopes: ReadonlySet<Scope>;
}

/** `local`: loopback callers need no key (single user on their own machine); `keys`: always a key. */
export type AuthMode = 'local' | 'keys';

const LOCAL: Principal = { id: 'local', scopes: new Set(SCOPES) };

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Resolve the caller; a key, when sent, is always checked (even from loopback). */
export function authenticate(mode: AuthMode, keys: KeyStore): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const info = match ? keys.verify(match[1]) : undefined;
      if (!info) throw new ApiError(401, 'invalid_api_key', 'the API key is unknown or revoked', undefined, { 'WWW-Authenticate': 'Bearer' });
      res.locals.principal = { id: info.id, scopes: new Set(info.scopes) } satisfies Principal;
    } else if (mode === 'local' && isLoopback(req.socket.remoteAddress)) {
      res.locals.principal = LOCAL;
    } else {
      throw new ApiError(401, 'authentication_required', 'send Authorization: Bearer <key>', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}

export function requireScope(principal: Principal, scope: Scope): void {
  if (!principal.scopes.has(scope)) throw new ApiError(403, 'insufficient_scope', `this operation needs the "${scope}" scope`);
}
