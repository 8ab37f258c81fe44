import type { DeliveryRecord, SubscriptionRecord, WebhookStore } from '../data/webhook-store.js';
import { newSecret } from '../data/webhook-store.js';
import type { Clock } from '../domain/clock.js';
import type { EventType } from '../domain/customer-events.js';
import { NotFoundError, ValidationError } from '../errors.js';

/** How long the previous secret still signs after a rotation. */
export const SECRET_OVERLAP_MS = 24 * 3600 * 1000;

/** Says why a URL may not receive events (clients/webhook-client.ts). */
export interface DestinationCheck {
  refusal(url: string): Promise<string | null>;
}

export interface SubscriptionInput {
  url: string;
  eventTypes: EventType[];
  description?: string;
}

export interface SubscriptionChanges {
  url?: string;
  eventTypes?: EventType[];
  description?: string;
  status?: 'active' | 'paused';
}

const subscriptionNotFound = () =>
  new NotFoundError('Subscription not found', [{ field: 'subscriptionId', message: 'No subscription exists with the provided ID' }]);

/** Event subscriptions: who hears about customer changes (the Webhooks operations). */
export class WebhookService {
  constructor(
    private readonly store: WebhookStore,
    private readonly destinations: DestinationCheck,
    private readonly clock: Clock,
    /** Wakes the delivery worker (a test event or a redelivery is due now). */
    private readonly kick: () => void = () => {},
  ) {}

  private async checkUrl(url: string): Promise<void> {
    const refusal = await this.destinations.refusal(url);
    if (refusal) throw new ValidationError([{ field: 'url', message: refusal }]);
  }

  async create(input: SubscriptionInput): Promise<{ subscription: SubscriptionRecord; secret: string }> {
    await this.checkUrl(input.url);
    const now = this.clock.now();
    const secret = newSecret();
    const subscription = await this.store.createSubscription({
      url: input.url,
      eventTypes: [...new Set(input.eventTypes)],
      ...(input.description !== undefined ? { description: input.description } : {}),
      status: 'active',
      secret,
      createdAt: now,
      updatedAt: now,
    });
    return { subscription, secret };
  }

  list(): Promise<SubscriptionRecord[]> {
    return this.store.listSubscriptions();
  }

  async get(id: string): Promise<SubscriptionRecord> {
    const found = await this.store.findSubscription(id);
    if (!found) throw subscriptionNotFound();
    return found;
  }

  async update(id: string, changes: SubscriptionChanges): Promise<SubscriptionRecord> {
    await this.get(id);
    if (changes.url !== undefined) await this.checkUrl(changes.url);
    const set: Partial<SubscriptionRecord> = { updatedAt: this.clock.now() };
    if (changes.url !== undefined) set.url = changes.url;
    if (changes.eventTypes !== undefined) set.eventTypes = [...new Set(changes.eventTypes)];
    if (changes.description !== undefined) set.description = changes.description;
    if (changes.status !== undefined) set.status = changes.status;
    const updated = await this.store.updateSubscription(id, set, changes.status ? ['disabledReason'] : []);
    if (!updated) throw subscriptionNotFound();
    if (changes.status === 'active') {
      await this.store.clearFailures(id);
      this.kick();
    }
    return updated;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.store.deleteSubscription(id))) throw subscriptionNotFound();
  }

  /** A new secret; the previous one keeps signing for {@link SECRET_OVERLAP_MS}. */
  async rotateSecret(id: string): Promise<{ subscription: SubscriptionRecord; secret: string }> {
    const current = await this.get(id);
    const now = this.clock.now();
    const secret = newSecret();
    const subscription = await this.store.updateSubscription(id, {
      secret,
      previousSecret: current.secret,
      previousSecretExpiresAt: new Date(now.getTime() + SECRET_OVERLAP_MS),
      updatedAt: now,
    });
    if (!subscription) throw subscriptionNotFound();
    return { subscription, secret };
  }

  async deliveries(id: string, limit: number): Promise<DeliveryRecord[]> {
    await this.get(id);
    return this.store.listDeliveries(id, limit);
  }

  async redeliver(id: string, which: { eventId: string } | { since: Date }): Promise<number> {
    await this.get(id);
    const scheduled = await this.store.redeliver(id, which, this.clock.now());
    if (scheduled > 0) this.kick();
    return scheduled;
  }

  async sendTest(id: string, adminId: string): Promise<string> {
    await this.get(id);
    const eventId = await this.store.insertTestEvent(id, { type: 'user', id: adminId }, this.clock.now());
    this.kick();
    return eventId;
  }
}
