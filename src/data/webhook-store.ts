import { randomBytes } from 'node:crypto';
import { MongoBulkWriteError, MongoServerError, ObjectId, type Collection, type Db, type Document, type IndexDescription } from 'mongodb';
import type { CustomerRecord } from '../domain/customer-record.js';
import { systemClock, type Clock } from '../domain/clock.js';
import {
  eventIdOf,
  redactedSnapshot,
  type EventActor,
  type SubscriptionStatus,
  type EventChange,
  type EventType,
  type RecordedEvent,
} from '../domain/customer-events.js';
import { CUSTOMERS_COLLECTION } from './customer-document.js';
import { toRecord } from './customer-records.js';
import { normaliseCustomer } from './stored-customer.js';
import type { WriteLocks } from './write-lock.js';

/** An event recorded on the customer document by the write that made the change (see ADR 0008). */
export interface PendingEvent extends RecordedEvent {
  /** Unique per stub: what the drain removes by. */
  key: string;
}

export interface SubscriptionRecord {
  id: string;
  url: string;
  eventTypes: EventType[];
  description?: string;
  status: SubscriptionStatus;
  disabledReason?: string;
  secret: string;
  previousSecret?: string;
  previousSecretExpiresAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** One event as delivered: the envelope's parts; `customer` is the state after the change. */
export interface EventRecord {
  id: string;
  type: EventType | 'webhook.test';
  customerId: string;
  sequence: number;
  at: Date;
  actor: EventActor;
  change: EventChange;
  customer?: CustomerRecord;
  version?: number;
}

export interface AttemptRecord {
  at: Date;
  outcome: 'delivered' | 'failed';
  statusCode?: number;
  durationMs: number;
  error?: string;
  responseBody?: string;
}

export interface DeliveryRecord {
  id: string;
  subscriptionId: string;
  eventId: string;
  type: string;
  customerId: string;
  sequence: number;
  status: 'pending' | 'delivered';
  attempts: number;
  nextAttemptAt: Date;
  /** When the current run of failures began (cleared by a success); drives the disabling. */
  failingSince?: Date;
  claimedBy?: string;
  claimedUntil?: Date;
  deliveredAt?: Date;
  createdAt: Date;
  log: AttemptRecord[];
}

type SubscriptionDocument = Omit<SubscriptionRecord, 'id'> & { _id: ObjectId };
/** `fannedOut`: the deliveries of the subscriptions at its first drain exist. */
type EventDocument = Omit<EventRecord, 'id'> & { _id: string; fannedOut?: boolean };
type DeliveryDocument = Omit<DeliveryRecord, 'id'> & { _id: string };

const ATTEMPTS_LOGGED = 10;

const isDuplicate = (err: unknown) =>
  (err instanceof MongoServerError && err.code === 11000) ||
  (err instanceof MongoBulkWriteError && err.writeErrors instanceof Array && err.writeErrors.every((e) => e.code === 11000)) ||
  (err instanceof MongoBulkWriteError && !Array.isArray(err.writeErrors) && err.code === 11000);

/** A fresh Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const toSubscription = ({ _id, ...rest }: SubscriptionDocument): SubscriptionRecord => ({ id: _id.toHexString(), ...rest });
const toEvent = ({ _id, fannedOut: _f, ...rest }: EventDocument): EventRecord => ({ id: _id, ...rest });
const toDelivery = ({ _id, ...rest }: DeliveryDocument): DeliveryRecord => ({ id: _id, ...rest, log: rest.log ?? [] });

/** The parts of an update that record `events` with the change (pushed stubs, sequence, flag). */
export function recordEventsUpdate(events: readonly RecordedEvent[]): { push: Document; inc: Document; set: Document } {
  const stubs: PendingEvent[] = events.map((e) => ({ ...e, key: new ObjectId().toHexString() }));
  return { push: { pendingEvents: { $each: stubs } }, inc: { eventSequence: stubs.length }, set: { hasPendingEvents: true } };
}

/**
 * The event outbox, the subscriptions and the deliveries (collections `events`, `webhook_subscriptions`,
 * `webhook_deliveries`). Events reach it from the customer documents' `pendingEvents` (drain); every
 * write is idempotent by key (event id, subscription + event id), so a drain repeated after a crash
 * neither loses nor doubles anything.
 */
export class WebhookStore {
  readonly customers: Collection;
  readonly events: Collection<EventDocument>;
  readonly subscriptions: Collection<SubscriptionDocument>;
  readonly deliveries: Collection<DeliveryDocument>;

  constructor(
    db: Db,
    private readonly locks: WriteLocks,
    /** The deliveries' schedule (due times, claims) runs on this clock. */
    private readonly clock: Clock = systemClock,
  ) {
    this.customers = db.collection(CUSTOMERS_COLLECTION);
    this.events = db.collection<EventDocument>('events');
    this.subscriptions = db.collection<SubscriptionDocument>('webhook_subscriptions');
    this.deliveries = db.collection<DeliveryDocument>('webhook_deliveries');
  }

  // ---- the outbox -------------------------------------------------------------------------------

  /**
   * Moves the events recorded on one customer document (`raw`, as read or as returned by the write)
   * into `events` and the matching subscriptions' deliveries, then removes them from the document.
   * Their sequence numbers follow from their position: the last stub has `eventSequence`. A drained
   * `customer.deleted` completes the deletion.
   */
  async drain(raw: Document): Promise<void> {
    const pending = Array.isArray(raw['pendingEvents']) ? (raw['pendingEvents'] as PendingEvent[]) : [];
    if (pending.length === 0) return;
    const _id = raw['_id'] as ObjectId;
    const customerId = _id.toHexString();
    const last = Number(raw['eventSequence'] ?? pending.length);
    const first = last - pending.length + 1;
    const { searchKeys: _k, appliedKeys: _a, authSync: _s, ...customer } = toRecord(normaliseCustomer(raw));
    let deleted = false;
    for (const [index, stub] of pending.entries()) {
      const sequence = first + index;
      const event: EventDocument = {
        _id: eventIdOf(customerId, sequence),
        type: stub.type,
        customerId,
        sequence,
        at: stub.at,
        actor: stub.actor,
        change: stub.change,
        ...(stub.type === 'customer.deleted' ? {} : { customer: customer as CustomerRecord, version: Number(raw['version']) }),
      };
      await this.insertEvent(event);
      if (stub.type === 'customer.erased') await this.redactEarlierEvents(customerId, sequence, customer as CustomerRecord);
      deleted ||= stub.type === 'customer.deleted';
    }
    if (deleted) {
      await this.locks.withLock(`customer:${customerId}`, () => this.customers.deleteOne({ _id }));
      return;
    }
    // the drained stubs are the head of the array (new ones are pushed at the end): each is popped
    // only while it is still the head, so a concurrent drain never makes this one pop a newer stub
    // (FerretDB v1 ignores a $pull with a condition; a conditional $pop works on both)
    await this.locks.withLock(`customer:${customerId}`, async () => {
      for (const stub of pending) await this.customers.updateOne({ _id, 'pendingEvents.0.key': stub.key }, { $pop: { pendingEvents: -1 } });
      await this.customers.updateOne({ _id, pendingEvents: { $size: 0 } }, { $unset: { hasPendingEvents: '' } });
    });
  }

  /**
   * An erasure reaches the events recorded before it: their snapshots of the customer get the erased
   * personal data (ErasureService's placeholders), so neither a delivery still to come nor a
   * redelivery sends what was erased. Repeated after a crash, it changes nothing more.
   */
  private async redactEarlierEvents(customerId: string, erasedAt: number, erased: CustomerRecord): Promise<void> {
    const earlier = this.events.find(
      { customerId, sequence: { $lt: erasedAt }, customer: { $exists: true } },
      { projection: { customer: 1 } },
    );
    for await (const event of earlier) {
      if (!event.customer) continue;
      await this.events.updateOne({ _id: event._id }, { $set: { customer: redactedSnapshot(event.customer, erased) } });
    }
  }

  /** Customer documents with events still to drain (left by a crash or a failed drain). */
  async findUndrained(limit: number): Promise<Document[]> {
    return this.customers.find({ hasPendingEvents: true }, { limit, projection: { searchKeys: 0 } }).toArray();
  }

  /** Records one event (once: its id is its key) and a delivery for every subscription to its type. */
  private async insertEvent(event: EventDocument): Promise<void> {
    try {
      await this.events.insertOne(event);
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      // drained before: its deliveries exist unless that drain stopped between the two steps
      const existing = await this.events.findOne({ _id: event._id }, { projection: { fannedOut: 1 } });
      if (existing?.fannedOut) return;
    }
    const subscriptions = await this.subscriptions.find({ eventTypes: event.type as EventType }, { projection: { _id: 1 } }).toArray();
    await this.insertDeliveries(
      event,
      subscriptions.map((s) => s._id.toHexString()),
    );
    await this.events.updateOne({ _id: event._id }, { $set: { fannedOut: true } });
  }

  private async insertDeliveries(event: EventDocument, subscriptionIds: string[]): Promise<void> {
    if (subscriptionIds.length === 0) return;
    const now = this.clock.now();
    const docs: DeliveryDocument[] = subscriptionIds.map((subscriptionId) => ({
      _id: `${subscriptionId}:${event._id}`,
      subscriptionId,
      eventId: event._id,
      type: event.type,
      customerId: event.customerId,
      sequence: event.sequence,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      log: [],
    }));
    try {
      await this.deliveries.insertMany(docs, { ordered: false });
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
  }

  /** A `webhook.test` event for one subscription only. */
  async insertTestEvent(subscriptionId: string, actor: EventActor, at: Date): Promise<string> {
    const event: EventDocument = {
      _id: eventIdOf(new ObjectId().toHexString(), 0),
      type: 'webhook.test',
      customerId: '000000000000000000000000',
      sequence: 0,
      at,
      actor,
      change: {},
    };
    await this.events.insertOne(event);
    await this.insertDeliveries(event, [subscriptionId]);
    return event._id;
  }

  async findEvent(id: string): Promise<EventRecord | null> {
    const doc = await this.events.findOne({ _id: id });
    return doc && toEvent(doc);
  }

  // ---- subscriptions ----------------------------------------------------------------------------

  async createSubscription(fields: Omit<SubscriptionRecord, 'id'>): Promise<SubscriptionRecord> {
    const doc: SubscriptionDocument = { _id: new ObjectId(), ...fields };
    await this.subscriptions.insertOne(doc);
    return toSubscription(doc);
  }

  async listSubscriptions(): Promise<SubscriptionRecord[]> {
    return (await this.subscriptions.find({}, { sort: { _id: 1 } }).toArray()).map(toSubscription);
  }

  async findSubscription(id: string): Promise<SubscriptionRecord | null> {
    if (!ObjectId.isValid(id) || id.length !== 24) return null;
    const doc = await this.subscriptions.findOne({ _id: ObjectId.createFromHexString(id) });
    return doc && toSubscription(doc);
  }

  async updateSubscription(
    id: string,
    set: Partial<Omit<SubscriptionRecord, 'id'>>,
    unset: (keyof SubscriptionRecord)[] = [],
  ): Promise<SubscriptionRecord | null> {
    if (!ObjectId.isValid(id) || id.length !== 24) return null;
    const _id = ObjectId.createFromHexString(id);
    const update: Document = { $set: set };
    if (unset.length > 0) update['$unset'] = Object.fromEntries(unset.map((k) => [k, '']));
    const doc = await this.locks.withLock(`subscription:${id}`, () =>
      this.subscriptions.findOneAndUpdate({ _id }, update, { returnDocument: 'after' }),
    );
    return doc && toSubscription(doc);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    if (!ObjectId.isValid(id) || id.length !== 24) return false;
    const result = await this.subscriptions.deleteOne({ _id: ObjectId.createFromHexString(id) });
    await this.deliveries.deleteMany({ subscriptionId: id });
    return result.deletedCount === 1;
  }

  // ---- deliveries -------------------------------------------------------------------------------

  /** Pending deliveries of these subscriptions that are due and not claimed, oldest first. */
  async findDue(now: Date, limit: number, subscriptionIds: readonly string[]): Promise<DeliveryRecord[]> {
    if (subscriptionIds.length === 0) return [];
    const docs = await this.deliveries
      .find(
        {
          subscriptionId: { $in: [...subscriptionIds] },
          status: 'pending',
          nextAttemptAt: { $lte: now },
          $or: [{ claimedUntil: { $exists: false } }, { claimedUntil: { $lte: now } }],
        },
        { sort: { nextAttemptAt: 1 }, limit },
      )
      .toArray();
    return docs.map(toDelivery);
  }

  /**
   * The latest due time among the earlier events of the same customer still undelivered to the same
   * subscription (the delivery must wait for them); null when there is none.
   */
  async earlierPendingDue(delivery: DeliveryRecord): Promise<Date | null> {
    if (delivery.sequence === 0) return null;
    const earlier = await this.deliveries.findOne(
      { subscriptionId: delivery.subscriptionId, customerId: delivery.customerId, status: 'pending', sequence: { $lt: delivery.sequence } },
      { sort: { nextAttemptAt: -1 }, projection: { nextAttemptAt: 1 } },
    );
    return earlier ? earlier.nextAttemptAt : null;
  }

  /** Moves an unclaimed pending delivery's due time to `until` unless it is later already. */
  async postpone(id: string, until: Date): Promise<void> {
    await this.locks.withLock(`delivery:${id}`, () =>
      this.deliveries.updateOne({ _id: id, status: 'pending', claimedBy: { $exists: false } }, { $max: { nextAttemptAt: until } }),
    );
  }

  /** Takes a due delivery for one attempt; null when another instance holds it or it is done. */
  async claim(id: string, owner: string, now: Date, until: Date): Promise<DeliveryRecord | null> {
    const doc = await this.locks.withLock(`delivery:${id}`, () =>
      this.deliveries.findOneAndUpdate(
        { _id: id, status: 'pending', $or: [{ claimedUntil: { $exists: false } }, { claimedUntil: { $lte: now } }] },
        { $set: { claimedBy: owner, claimedUntil: until } },
        { returnDocument: 'after' },
      ),
    );
    return doc && doc.claimedBy === owner ? toDelivery(doc) : null;
  }

  /** Records an attempt's outcome, only while this owner's claim holds. */
  async finish(
    id: string,
    owner: string,
    attempt: AttemptRecord,
    next: { delivered: true } | { delivered: false; nextAttemptAt: Date; failingSince: Date },
  ): Promise<void> {
    const set: Document = next.delivered
      ? { status: 'delivered', deliveredAt: attempt.at }
      : { nextAttemptAt: next.nextAttemptAt, failingSince: next.failingSince };
    const update: Document = {
      $set: set,
      $inc: { attempts: 1 },
      $push: { log: { $each: [attempt], $slice: -ATTEMPTS_LOGGED } },
      $unset: { claimedBy: '', claimedUntil: '', ...(next.delivered ? { failingSince: '' } : {}) },
    };
    await this.locks.withLock(`delivery:${id}`, () => this.deliveries.updateOne({ _id: id, claimedBy: owner }, update));
  }

  async listDeliveries(subscriptionId: string, limit: number): Promise<DeliveryRecord[]> {
    const docs = await this.deliveries.find({ subscriptionId }, { sort: { createdAt: -1, sequence: -1 }, limit }).toArray();
    return docs.map(toDelivery);
  }

  /** Makes deliveries due again now (one event, or all created since a time); returns how many. */
  async redeliver(subscriptionId: string, which: { eventId: string } | { since: Date }, now: Date): Promise<number> {
    const filter: Document =
      'eventId' in which ? { _id: `${subscriptionId}:${which.eventId}` } : { subscriptionId, createdAt: { $gte: which.since } };
    // dropping the claim too: an attempt in flight then records nothing, and the delivery is sent again
    return this.updateEach(filter, {
      $set: { status: 'pending', nextAttemptAt: now },
      $unset: { deliveredAt: '', failingSince: '', claimedBy: '', claimedUntil: '' },
    });
  }

  /**
   * After `delivery` went out, the later events of its customer that were postponed behind it are
   * due again now.
   */
  async releaseFollowers(delivery: DeliveryRecord, now: Date): Promise<void> {
    await this.updateEach(
      {
        subscriptionId: delivery.subscriptionId,
        customerId: delivery.customerId,
        status: 'pending',
        sequence: { $gt: delivery.sequence },
        nextAttemptAt: { $gt: now },
        claimedBy: { $exists: false },
      },
      { $set: { nextAttemptAt: now } },
    );
  }

  /** Forgets the subscription's run of failures (it was resumed): the disabling clock starts again. */
  async clearFailures(subscriptionId: string): Promise<void> {
    await this.updateEach({ subscriptionId, status: 'pending' }, { $unset: { failingSince: '' } });
  }

  /**
   * Applies `update` to each matching delivery under its lock, as claim and finish write it: where the
   * database updates by read-modify-write (FerretDB), an unguarded write could otherwise be overwritten
   * by an attempt's outcome recorded at the same moment (a redelivery lost). Returns how many matched.
   */
  private async updateEach(filter: Document, update: Document): Promise<number> {
    const ids = (await this.deliveries.find(filter, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    let matched = 0;
    for (const id of ids) {
      const result = await this.locks.withLock(`delivery:${id}`, () => this.deliveries.updateOne({ ...filter, _id: id }, update));
      matched += result.matchedCount;
    }
    return matched;
  }

  /**
   * Deletes the events recorded before `cutoff` and their deliveries, except events with a delivery
   * still pending (a paused or failing subscription gets them when it recovers). Returns how many
   * events were deleted.
   */
  async prune(cutoff: Date): Promise<number> {
    let pruned = 0;
    let after = '';
    for (;;) {
      const batch = await this.events
        .find({ at: { $lt: cutoff }, _id: { $gt: after } }, { sort: { _id: 1 }, limit: 500, projection: { _id: 1 } })
        .toArray();
      const ids = batch.map((e) => e._id);
      const last = ids.at(-1);
      if (last === undefined) return pruned;
      after = last;
      const waiting = await this.deliveries.find({ eventId: { $in: ids }, status: 'pending' }, { projection: { eventId: 1 } }).toArray();
      const kept = new Set(waiting.map((d) => d.eventId));
      const settled = ids.filter((id) => !kept.has(id));
      if (settled.length === 0) continue;
      await this.deliveries.deleteMany({ eventId: { $in: settled }, status: 'delivered' });
      pruned += (await this.events.deleteMany({ _id: { $in: settled } })).deletedCount;
    }
  }

  /** Undelivered deliveries and the creation time of the oldest, for /metrics. */
  async backlog(): Promise<{ count: number; oldest: Date | null }> {
    const count = await this.deliveries.countDocuments({ status: 'pending' }, { maxTimeMS: 1000 });
    const oldest =
      count === 0 ? null : await this.deliveries.findOne({ status: 'pending' }, { sort: { createdAt: 1 }, projection: { createdAt: 1 } });
    return { count, oldest: oldest?.createdAt ?? null };
  }
}

export const WEBHOOK_INDEXES: Record<'customers' | 'events' | 'deliveries', IndexDescription[]> = {
  customers: [{ key: { hasPendingEvents: 1 }, name: 'hasPendingEvents' }],
  events: [
    { key: { customerId: 1, sequence: 1 }, name: 'customer_sequence' },
    { key: { at: 1 }, name: 'retention' },
  ],
  deliveries: [
    { key: { status: 1, nextAttemptAt: 1 }, name: 'due' },
    { key: { subscriptionId: 1, customerId: 1, sequence: 1 }, name: 'subscription_customer_sequence' },
    { key: { subscriptionId: 1, createdAt: -1 }, name: 'subscription_log' },
    { key: { eventId: 1 }, name: 'event' },
  ],
};
