import { z } from 'zod';
import type { AppContext } from '../context.js';
import { IDEMPOTENCY_HEADER, problem } from '../http/docs-helpers.js';
import { operation, type Operation } from '../http/route.js';
import { Id } from '../schemas/common.js';
import { WebhookCreated, WebhookInput, WebhookList } from '../schemas/webhook.js';

export function webhookRoutes({ store, log }: AppContext): Operation[] {
  return [
    operation({
      method: 'post', path: '/v1/webhooks', operationId: 'createWebhook', tag: 'Webhooks', scope: 'admin',
      summary: 'Subscribe a URL to solve.completed and/or rota.published',
      description: 'Deliveries are POSTed in the background with X-Patrolplan-Signature: sha256=<hex HMAC-SHA256(secret, raw body)> and retried with exponential backoff.',
      body: WebhookInput,
      headers: [IDEMPOTENCY_HEADER],
      responses: { 201: { description: 'Created; the secret is shown only now.', schema: WebhookCreated }, 400: problem('Invalid URL or event.') },
      handler: ({ body, principal }) => {
        const hook = store.webhooks.create(principal.id, body.url, body.events);
        log.info({ webhookId: hook.id, events: hook.events }, 'webhook created');
        return { status: 201, body: { id: hook.id, url: hook.url, events: hook.events, createdAt: hook.createdAt, secret: hook.secret }, headers: { Location: `/v1/webhooks/${hook.id}` } };
      },
    }),
    operation({
      method: 'get', path: '/v1/webhooks', operationId: 'listWebhooks', tag: 'Webhooks', scope: 'admin',
      summary: "The calling key's webhooks",
      responses: { 200: { description: 'Webhooks (without secrets).', schema: WebhookList } },
      handler: ({ principal }) => ({ body: { items: store.webhooks.listFor(principal.id).map(({ id, url, events, createdAt }) => ({ id, url, events, createdAt })) } }),
    }),
    operation({
      method: 'delete', path: '/v1/webhooks/{webhookId}', operationId: 'deleteWebhook', tag: 'Webhooks', scope: 'admin',
      summary: 'Remove a webhook',
      params: z.strictObject({ webhookId: Id }),
      responses: { 204: { description: 'Removed.' }, 404: problem('No such webhook for this key.') },
      handler: ({ params, principal }) => {
        store.webhooks.delete(principal.id, params.webhookId);
        return { status: 204 };
      },
    }),
  ];
}
