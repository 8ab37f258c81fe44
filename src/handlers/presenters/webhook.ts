import type { Schemas } from '../../api-types.js';
import type { AttemptRecord, DeliveryRecord, EventRecord, SubscriptionRecord } from '../../data/webhook-store.js';
import { etagOf } from '../../http/etag.js';
import { toProfile } from './customer.js';

/** Subscriptions, deliveries and events → the API's shapes (the secret never leaves except on creation/rotation). */

const iso = (d: Date) => d.toISOString();

export function toSubscription(s: SubscriptionRecord): Schemas['WebhookSubscription'] {
  return {
    subscriptionId: s.id,
    url: s.url,
    eventTypes: s.eventTypes,
    ...(s.description !== undefined ? { description: s.description } : {}),
    status: s.status,
    ...(s.status === 'disabled' && s.disabledReason ? { disabledReason: s.disabledReason } : {}),
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    ...(s.previousSecretExpiresAt && s.previousSecretExpiresAt > new Date()
      ? { previousSecretExpiresAt: iso(s.previousSecretExpiresAt) }
      : {}),
  };
}

function toAttempt(a: AttemptRecord): Schemas['WebhookAttempt'] {
  return {
    at: iso(a.at),
    outcome: a.outcome,
    durationMs: a.durationMs,
    ...(a.statusCode !== undefined ? { statusCode: a.statusCode } : {}),
    ...(a.error !== undefined ? { error: a.error } : {}),
    ...(a.responseBody !== undefined ? { responseBody: a.responseBody } : {}),
  };
}

export function toDelivery(d: DeliveryRecord): Schemas['WebhookDelivery'] {
  return {
    eventId: d.eventId,
    type: d.type,
    customerId: d.customerId,
    sequence: d.sequence,
    status: d.status,
    attempts: d.attempts,
    ...(d.status === 'pending' ? { nextAttemptAt: iso(d.nextAttemptAt) } : {}),
    ...(d.deliveredAt ? { deliveredAt: iso(d.deliveredAt) } : {}),
    createdAt: iso(d.createdAt),
    log: [...d.log].reverse().map(toAttempt),
  };
}

/** The body of a delivery (the spec's `WebhookEvent`). */
export function toWebhookEvent(e: EventRecord): Schemas['WebhookEvent'] {
  const data: Schemas['WebhookEventData'] = {};
  if (e.customer && e.version !== undefined) {
    data.customer = toProfile(e.customer);
    data.version = e.version;
    data.etag = etagOf({ id: e.customerId, version: e.version });
  }
  if (Object.keys(e.change).length > 0) data.change = e.change as Schemas['WebhookEventChange'];
  return {
    id: e.id,
    type: e.type,
    timestamp: iso(e.at),
    customerId: e.customerId,
    sequence: e.sequence,
    actor: e.actor,
    data,
  };
}
