import { randomBytes } from 'node:crypto';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { WebhookEventName } from '../schemas/webhook.js';
import { nowIso, type Db } from './open.js';

/** A webhook with its signing secret (internal; the API shows the secret once). */
export interface WebhookRecord {
  id: string;
  principal: string;
  url: string;
  events: WebhookEventName[];
  secret: string;
  createdAt: string;
}

interface Row {
  id: string;
  principal: string;
  url: string;
  events: string;
  secret: string;
  created_at: string;
}

const toRecord = (r: Row): WebhookRecord => ({
  id: r.id,
  principal: r.principal,
  url: r.url,
  events: JSON.parse(r.events) as WebhookEventName[],
  secret: r.secret,
  createdAt: r.created_at,
});

/** Webhooks belong to the API key that registered them. */
export class WebhookStore {
  constructor(private readonly db: Db) {}

  create(principal: string, url: string, events: WebhookEventName[]): WebhookRecord {
    const id = newId('wh');
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    this.db.prepare('INSERT INTO webhooks (id, principal, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, principal, url, JSON.stringify(events), secret, nowIso());
    return this.listFor(principal).find((w) => w.id === id)!;
  }

  listFor(principal: string): WebhookRecord[] {
    return (this.db.prepare('SELECT * FROM webhooks WHERE principal = ? ORDER BY created_at').all(principal) as Row[]).map(toRecord);
  }

  subscribedTo(event: WebhookEventName): WebhookRecord[] {
    return (this.db.prepare('SELECT * FROM webhooks ORDER BY created_at').all() as Row[]).map(toRecord).filter((w) => w.events.includes(event));
  }

  delete(principal: string, id: string): void {
    if (this.db.prepare('DELETE FROM webhooks WHERE id = ? AND principal = ?').run(id, principal).changes !== 1) throw notFound('webhook', id);
  }
}
