import { parseInputDate } from '../domain/dates.js';
import { userOf } from '../http/context.js';
import { respond } from '../http/respond.js';
import type { Services } from '../services/index.js';
import { toDelivery, toSubscription } from './presenters/webhook.js';
import type { HandlerMap } from './types.js';

type WebhookOperation =
  | 'listWebhookSubscriptions'
  | 'createWebhookSubscription'
  | 'getWebhookSubscription'
  | 'updateWebhookSubscription'
  | 'deleteWebhookSubscription'
  | 'rotateWebhookSecret'
  | 'listWebhookDeliveries'
  | 'redeliverWebhookEvents'
  | 'sendWebhookTestEvent';

/** Webhooks tag: event subscriptions, their delivery log, redelivery and test events. */
export function webhookHandlers(services: Services): HandlerMap<WebhookOperation> {
  const { webhooks } = services;
  return {
    async listWebhookSubscriptions(_req, res) {
      respond(res, 200, 'Subscriptions retrieved successfully', { subscriptions: (await webhooks.list()).map(toSubscription) });
    },
    async createWebhookSubscription(req, res) {
      const { subscription, secret } = await webhooks.create(req.body);
      respond(res, 201, 'Subscription created successfully', { subscription: toSubscription(subscription), secret });
    },
    async getWebhookSubscription(req, res) {
      respond(res, 200, 'Subscription retrieved successfully', toSubscription(await webhooks.get(req.params.subscriptionId)));
    },
    async updateWebhookSubscription(req, res) {
      const updated = await webhooks.update(req.params.subscriptionId, req.body);
      respond(res, 200, 'Subscription updated successfully', toSubscription(updated));
    },
    async deleteWebhookSubscription(req, res) {
      await webhooks.delete(req.params.subscriptionId);
      respond(res, 200, 'Subscription deleted successfully', { subscriptionId: req.params.subscriptionId });
    },
    async rotateWebhookSecret(req, res) {
      const { subscription, secret } = await webhooks.rotateSecret(req.params.subscriptionId);
      respond(res, 200, 'Secret rotated successfully', { subscription: toSubscription(subscription), secret });
    },
    async listWebhookDeliveries(req, res) {
      const deliveries = await webhooks.deliveries(req.params.subscriptionId, req.query.limit ?? 20);
      respond(res, 200, 'Deliveries retrieved successfully', { deliveries: deliveries.map(toDelivery) });
    },
    async redeliverWebhookEvents(req, res) {
      const body = req.body;
      const which = body.eventId !== undefined ? { eventId: body.eventId } : { since: parseInputDate(body.since ?? '', 'since') };
      respond(res, 202, 'Redelivery scheduled', { scheduled: await webhooks.redeliver(req.params.subscriptionId, which) });
    },
    async sendWebhookTestEvent(req, res) {
      respond(res, 202, 'Test event queued', { eventId: await webhooks.sendTest(req.params.subscriptionId, userOf(req).userId) });
    },
  };
}
