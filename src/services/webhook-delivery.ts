import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import type { WebhookAnswer, WebhookPost } from '../clients/webhook-client.js';
import type { DeliveryRecord, EventRecord, SubscriptionRecord, WebhookStore } from '../data/webhook-store.js';
import type { Clock } from '../domain/clock.js';
import { BackgroundLoop } from './background-loop.js';

/** Deliveries one pass looks at, and how many it sends at the same time. */
const BATCH_SIZE = 50;
const CONCURRENCY = 4;
/** First retry delay and the longest one (exponential in between, half jittered). */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 6 * 3600 * 1000;
/** A claim outlives the attempt it covers by this much before another instance may take it over. */
const CLAIM_GRACE_MS = 5_000;

/** Wait before attempt n+1 after n failed ones. */
export function deliveryRetryDelay(failedAttempts: number, random = Math.random): number {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** Math.min(failedAttempts - 1, 30), MAX_RETRY_MS);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The `webhook-signature` value per Standard Webhooks: one `v1,<base64>` per valid secret (the new
 * and, during a rotation's overlap, the previous one), space-separated.
 */
export function signatureOf(subscription: SubscriptionRecord, id: string, at: Date, body: string, now: Date): string {
  const secrets = [subscription.secret];
  if (subscription.previousSecret && subscription.previousSecretExpiresAt && subscription.previousSecretExpiresAt > now) {
    secrets.push(subscription.previousSecret);
  }
  return secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' ');
}

export interface DeliveryOutcomeObserver {
  /** One attempt ended (`delivered`, `failed` or `refused`). */
  attempt(outcome: 'delivered' | 'failed' | 'refused', seconds: number): void;
}

export interface WebhookDeliveryOptions {
  intervalMs: number;
  timeoutMs: number;
  /** A delivery failing this long disables its subscription. */
  retryHours: number;
  /** Events older than this are deleted with their deliveries, unless a delivery is still pending. */
  retentionDays: number;
}

/** How often a pass also deletes the events past their retention. */
const PRUNE_EVERY_MS = 3600 * 1000;

/**
 * Delivers recorded events to their subscriptions, at least once: every pass drains the events
 * left on customer documents, then claims due deliveries (a lease in the database, so each is sent
 * by one instance at a time and a dead instance's claims expire), sends each in its customer's
 * sequence order per subscription, and records the attempt. Failures are retried with exponential
 * backoff and jitter on the injected clock; a subscription failing for `retryHours` is disabled
 * with the reason, its deliveries kept for when it is resumed.
 */
export class WebhookDelivery {
  private readonly owner = randomUUID();
  private prunedAt: number | undefined;
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly store: WebhookStore,
    private readonly client: { post(request: WebhookPost): Promise<WebhookAnswer> },
    private readonly present: (event: EventRecord) => unknown,
    private readonly options: WebhookDeliveryOptions,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly observer?: DeliveryOutcomeObserver,
  ) {
    this.loop = new BackgroundLoop(
      () => this.runOnce(),
      options.intervalMs,
      (err) => this.logger.warn({ err }, 'event delivery pass failed'),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs a pass soon (something became due now). */
  kick(): void {
    this.loop.kick();
  }

  /**
   * One pass: drain, then deliver what is due to the active subscriptions (and, hourly, prune).
   * True when more is waiting than one pass takes (a full batch drained, or a full batch of due
   * deliveries that made progress): the next pass then starts at once.
   */
  async runOnce(): Promise<boolean> {
    const undrained = await this.store.findUndrained(BATCH_SIZE);
    for (const raw of undrained) {
      await this.store.drain(raw).catch((err: unknown) => this.logger.warn({ err }, 'draining recorded events failed'));
    }
    await this.pruneWhenDue();
    // paused and disabled subscriptions' deliveries wait outside the query: they never fill a batch
    const active = (await this.store.listSubscriptions()).filter((s) => s.status === 'active');
    const due = await this.store.findDue(
      this.clock.now(),
      BATCH_SIZE,
      active.map((s) => s.id),
    );
    const attempts = due.length === 0 ? 0 : await this.deliver(due, active);
    return undrained.length === BATCH_SIZE || (due.length === BATCH_SIZE && attempts > 0);
  }

  /** Sends the due deliveries, CONCURRENCY at a time, each after its customer's earlier events; returns the attempts made. */
  private async deliver(due: DeliveryRecord[], active: SubscriptionRecord[]): Promise<number> {
    const subscriptions = new Map<string, SubscriptionRecord>(active.map((s) => [s.id, s]));
    let attempts = 0;
    const queue = [...due];
    const worker = async () => {
      for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
        const subscription = subscriptions.get(delivery.subscriptionId);
        // disabled by an earlier attempt of this pass
        if (subscription?.status !== 'active') continue;
        const now = this.clock.now();
        const earlier = await this.store.earlierPendingDue(delivery);
        if (earlier) {
          // an earlier event waits for a retry: this one waits with it instead of being looked at
          // (and skipped) by every pass until then
          if (earlier > now) await this.store.postpone(delivery.id, earlier);
          continue;
        }
        const claimed = await this.store.claim(
          delivery.id,
          this.owner,
          now,
          new Date(now.getTime() + this.options.timeoutMs + CLAIM_GRACE_MS),
        );
        if (!claimed) continue;
        attempts++;
        const disabled = await this.attempt(subscription, claimed);
        if (disabled) subscriptions.set(subscription.id, { ...subscription, status: 'disabled' });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return attempts;
  }

  /** Deletes the events past their retention, at most once per PRUNE_EVERY_MS of the clock. */
  private async pruneWhenDue(): Promise<void> {
    const now = this.clock.now().getTime();
    if (this.prunedAt !== undefined && now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    try {
      const pruned = await this.store.prune(new Date(now - this.options.retentionDays * 24 * 3600 * 1000));
      if (pruned > 0) this.logger.info({ pruned, retentionDays: this.options.retentionDays }, 'events past their retention deleted');
    } catch (err) {
      this.logger.warn({ err }, 'deleting the events past their retention failed');
    }
  }

  /** One attempt of a claimed delivery; true when it disabled the subscription. */
  private async attempt(subscription: SubscriptionRecord, delivery: DeliveryRecord): Promise<boolean> {
    const event = await this.store.findEvent(delivery.eventId);
    if (!event) return false;
    const body = JSON.stringify(this.present(event));
    // the signature's timestamp is the real time: the receiver's replay window is about its own clock
    const signedAt = new Date();
    const answer = await this.client.post({
      url: subscription.url,
      body,
      timeoutMs: this.options.timeoutMs,
      headers: {
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
        'webhook-signature': signatureOf(subscription, event.id, signedAt, body, this.clock.now()),
      },
    });
    const now = this.clock.now();
    const delivered = answer.statusCode !== undefined && answer.statusCode >= 200 && answer.statusCode < 300;
    this.observer?.attempt(delivered ? 'delivered' : answer.error?.startsWith('refused') ? 'refused' : 'failed', answer.durationMs / 1000);
    const attempt = {
      at: now,
      outcome: delivered ? ('delivered' as const) : ('failed' as const),
      durationMs: answer.durationMs,
      ...(answer.statusCode !== undefined ? { statusCode: answer.statusCode } : {}),
      ...(answer.error !== undefined ? { error: answer.error } : {}),
      ...(answer.body ? { responseBody: answer.body } : {}),
    };
    if (delivered) {
      await this.store.finish(delivery.id, this.owner, attempt, { delivered: true });
      if (delivery.sequence > 0) await this.store.releaseFollowers(delivery, now);
      return false;
    }
    const failingSince = delivery.failingSince ?? now;
    const nextAttemptAt = new Date(now.getTime() + deliveryRetryDelay(delivery.attempts + 1));
    await this.store.finish(delivery.id, this.owner, attempt, { delivered: false, nextAttemptAt, failingSince });
    if (now.getTime() - failingSince.getTime() >= this.options.retryHours * 3600 * 1000) {
      const reason = `Deliveries failed for ${this.options.retryHours} hours since ${failingSince.toISOString()}; last: ${answer.error ?? `HTTP ${answer.statusCode}`}`;
      await this.store.updateSubscription(subscription.id, { status: 'disabled', disabledReason: reason, updatedAt: now });
      this.logger.warn({ subscriptionId: subscription.id, reason }, 'event subscription disabled');
      return true;
    }
    return false;
  }
}
