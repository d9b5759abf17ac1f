import { nowIso, type Db } from './open.js';

/** A stored response to replay for a repeated Idempotency-Key. */
export interface StoredResponse {
  method: string;
  path: string;
  bodyHash: string;
  /** null while the first request is still being handled. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

interface Row {
  method: string;
  path: string;
  body_hash: string;
  status: number | null;
  headers: string | null;
  body: string | null;
}

/** Keys are remembered for a day; long enough for any client retry loop. */
const TTL_MS = 24 * 3600 * 1000;

export class IdempotencyStore {
  constructor(private readonly db: Db) {}

  find(principal: string, key: string): StoredResponse | undefined {
    const row = this.db.prepare('SELECT * FROM idempotency WHERE principal = ? AND key = ? AND created_at > ?').get(principal, key, new Date(Date.now() - TTL_MS).toISOString()) as Row | undefined;
    if (!row) return undefined;
    return { method: row.method, path: row.path, bodyHash: row.body_hash, status: row.status, headers: JSON.parse(row.headers ?? '{}') as Record<string, string>, body: row.body ?? '' };
  }

  /** Reserve the key for a request in progress; false if another request holds it. */
  reserve(principal: string, key: string, method: string, path: string, bodyHash: string): boolean {
    this.db.prepare('DELETE FROM idempotency WHERE created_at <= ?').run(new Date(Date.now() - TTL_MS).toISOString());
    const inserted = this.db
      .prepare('INSERT OR IGNORE INTO idempotency (principal, key, method, path, body_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(principal, key, method, path, bodyHash, nowIso()).changes;
    return inserted === 1;
  }

  complete(principal: string, key: string, status: number, headers: Record<string, string>, body: string): void {
    this.db.prepare('UPDATE idempotency SET status = ?, headers = ?, body = ? WHERE principal = ? AND key = ?').run(status, JSON.stringify(headers), body, principal, key);
  }

  release(principal: string, key: string): void {
    this.db.prepare('DELETE FROM idempotency WHERE principal = ? AND key = ? AND status IS NULL').run(principal, key);
  }
}
