import { z } from 'zod';
import { Id, named, Timestamp } from './common.js';

export const WebhookEvent = z.enum(['solve.completed', 'rota.published']);
/** Events a webhook can subscribe to. */
export type WebhookEventName = z.infer<typeof WebhookEvent>;

export const WebhookInput = named(
  'WebhookInput',
  z.strictObject({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    events: z.array(WebhookEvent).min(1).max(2),
  }),
);

export const Webhook = named(
  'Webhook',
  z.object({ id: Id, url: z.string(), events: z.array(WebhookEvent), createdAt: Timestamp }),
);

export const WebhookCreated = named(
  'WebhookCreated',
  z.object({ id: Id, url: z.string(), events: z.array(WebhookEvent), createdAt: Timestamp, secret: z.string() }),
  'The new webhook and its signing secret (shown once): X-Patrolplan-Signature = sha256=HMAC-SHA256(secret, body) in hex.',
);

export const WebhookList = named('WebhookList', z.object({ items: z.array(Webhook) }));
