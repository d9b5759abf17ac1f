import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../ids.js';
import { nowIso, type Db } from './open.js';

/** What a key may do: read everything; plan (scenarios, solves, pins); publish rotas; admin (webhooks). */
export type Scope = 'read' | 'plan' | 'publish' | 'admin';
export const SCOPES: readonly Scope[] = ['read', 'plan', 'publish', 'admin'];

/** A stored key's public face (the key itself is never stored). */
export interface ApiKeyInfo {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
}

interface KeyRow {
  id: string;
  name: string;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

const toInfo = (row: KeyRow): ApiKeyInfo => ({
  id: row.id,
  name: row.name,
  scopes: JSON.parse(row.scopes) as Scope[],
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** API keys, stored as the SHA-256 of 32 random bytes: a leaked database yields no usable key. */
export class KeyStore {
  constructor(private readonly db: Db) {}

  create(name: string, scopes: Scope[]): { info: ApiKeyInfo; key: string } {
    const id = newId('key');
    const key = `pp_${randomBytes(32).toString('base64url')}`;
    this.db.prepare('INSERT INTO api_keys (id, name, hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)').run(id, name, hashKey(key), JSON.stringify(scopes), nowIso());
    return { info: this.get(id)!, key };
  }

  get(id: string): ApiKeyInfo | undefined {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined;
    return row && toInfo(row);
  }

  /** The live key matching `key`, if any. */
  verify(key: string): ApiKeyInfo | undefined {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE hash = ? AND revoked_at IS NULL').get(hashKey(key)) as KeyRow | undefined;
    return row && toInfo(row);
  }

  list(): ApiKeyInfo[] {
    return (this.db.prepare('SELECT * FROM api_keys ORDER BY created_at').all() as KeyRow[]).map(toInfo);
  }

  revoke(id: string): boolean {
    return this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(nowIso(), id).changes === 1;
  }
}
