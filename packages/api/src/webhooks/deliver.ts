import { createHmac, randomUUID } from 'node:crypto';
import type { Store } from '../db/store.js';
import type { WebhookRecord } from '../db/webhooks.js';
import type { Logger } from '../log.js';
import type { WebhookEventName } from '../schemas/webhook.js';

/** Delivery settings; tests shorten the backoff. */
export interface WebhookOptions {
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`: receivers recompute it with their secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Background delivery of signed events to every subscribed webhook, retried with exponential
 * backoff. Delivery never blocks or fails the request that caused the event.
 */
export class Webhooks {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    options: WebhookOptions = {},
  ) {
    this.attempts = options.attempts ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  emit(event: WebhookEventName, data: unknown): void {
    const body = JSON.stringify({ id: `evt_${randomUUID()}`, type: event, createdAt: new Date().toISOString(), data });
    for (const hook of this.store.webhooks.subscribedTo(event)) {
      const delivery = this.deliver(hook, event, body).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
  }

  /** Resolves when every delivery under way has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(hook: WebhookRecord, event: WebhookEventName, body: string): Promise<void> {
    const headers = { 'content-type': 'application/json', 'x-patrolplan-event': event, 'x-patrolplan-signature': signature(hook.secret, body) };
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        const response = await fetch(hook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
        if (response.ok) {
          this.log.info({ webhookId: hook.id, event, attempt }, 'webhook delivered');
          return;
        }
        this.log.warn({ webhookId: hook.id, event, attempt, status: response.status }, 'webhook refused');
      } catch (error) {
        this.log.warn({ webhookId: hook.id, event, attempt, error: (error as Error).message }, 'webhook unreachable');
      }
      if (attempt < this.attempts) await sleep(this.baseDelayMs * 2 ** (attempt - 1));
    }
    this.log.error({ webhookId: hook.id, event, attempts: this.attempts }, 'webhook delivery abandoned');
  }
}
