import { MongoServerError, type Collection, type Db, type ObjectId, type Sort, type UpdateFilter } from 'mongodb';
import type { CustomerCriteria, PagePosition, SortField, SortOrder } from '../domain/customer-criteria.js';
import { SUMMARY_FIELDS, type CustomerSummary } from '../domain/customer-fields.js';
import type { Counter, CustomerChange, CustomerRecord } from '../domain/customer-record.js';
import { buildSearchKeys, type SearchableFields } from '../domain/search-keys.js';
import { CUSTOMERS_COLLECTION, type CustomerDocument } from './customer-document.js';
import { ADMINISTRATOR, filterOf, keysetFilter, type CustomerFilter } from './customer-query.js';
import { storedId, toDocument, toRecord, updateOf } from './customer-records.js';
import { upgradeRecord } from './customer-upgrade.js';
import { CURRENT_SCHEMA_VERSION, normaliseCustomer } from './stored-customer.js';
import { readTimeLimit } from './mongo.js';
import type { WriteLocks } from './write-lock.js';
import { createdEventOf, deletedEventOf, eventsOf, type RecordedEvent } from '../domain/customer-events.js';
import { recordEventsUpdate } from './webhook-store.js';

/** Where the events recorded with a write go next (WebhookStore.drain); none: they wait on the document. */
export interface EventDrain {
  drain(raw: Record<string, unknown>): Promise<void>;
}

/** Raised by {@link CustomerRepository.insert} when the `userId` already has a record. */
export class DuplicateCustomerError extends Error {
  override readonly name = 'DuplicateCustomerError';
}

export type { CustomerFilter } from './customer-query.js';

/** A server-side cursor read batch by batch: iterate it once; `close()` when abandoning it early. */
export interface DocumentStream<T> extends AsyncIterable<T> {
  hasNext(): Promise<boolean>;
  close(): Promise<void>;
}

export interface FindPageOptions {
  criteria: CustomerCriteria;
  /** Order of the page (ties broken by id); none: the order the database finds them in. */
  sort?: { field: SortField; order: SortOrder };
  /** Keyset paging: only the customers after this position in `sort`'s order. */
  after?: PagePosition;
  skip: number;
  limit: number;
}

/** One row of a page: the customer as served, and the stored value of the sort field (null when absent). */
export interface PageRow {
  customer: CustomerSummary;
  sortValue: number | Date | null;
}

/** The stored value a keyset cursor continues from: what the database sorted by, not the served value. */
function storedSortValue(raw: Record<string, unknown>, field: string | undefined): number | Date | null {
  if (field === undefined) return null;
  const value = raw[field];
  return typeof value === 'number' || value instanceof Date ? value : null;
}

const SUMMARY_PROJECTION = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, 1]));

/** The stored fields the search keys are derived from. */
const SEARCHABLE_FIELDS: readonly string[] = ['fullName', 'email', 'contactNumber'] satisfies (keyof SearchableFields)[];

/** New values of searchable fields; `contactNumber: null` removes the number. */
export interface SearchableChanges {
  fullName?: string;
  email?: string;
  contactNumber?: string | null;
}

/**
 * The `$set`/`$unset` parts of a write that changes a customer's name, email or phone number, with
 * `searchKeys` rebuilt from the resulting values (`current` is the document the write applies to).
 * Merge them into the update; {@link CustomerRepository.updateOne} refuses a write that changes
 * these fields without rebuilding the keys.
 */
export function searchableFieldsUpdate(
  current: SearchableFields,
  changes: SearchableChanges,
): { $set: Record<string, unknown>; $unset: Record<string, ''> } {
  const next: SearchableFields = {
    fullName: changes.fullName ?? current.fullName,
    email: changes.email ?? current.email,
    contactNumber: changes.contactNumber === null ? undefined : (changes.contactNumber ?? current.contactNumber),
  };
  const $set: Record<string, unknown> = { searchKeys: buildSearchKeys(next) };
  const $unset: Record<string, ''> = {};
  if (changes.fullName !== undefined) $set['fullName'] = changes.fullName;
  if (changes.email !== undefined) $set['email'] = changes.email;
  if (changes.contactNumber === null) $unset['contactNumber'] = '';
  else if (changes.contactNumber !== undefined) $set['contactNumber'] = changes.contactNumber;
  return { $set, $unset };
}

/** A write that changes a searchable field must carry the rebuilt keys (see searchableFieldsUpdate). */
function assertSearchKeysKept(update: UpdateFilter<CustomerDocument>): void {
  const set = (update.$set ?? {}) as Record<string, unknown>;
  const unset = (update.$unset ?? {}) as Record<string, unknown>;
  const touched = [...Object.keys(set), ...Object.keys(unset)].filter((k) => SEARCHABLE_FIELDS.includes(k));
  if (touched.length > 0 && !('searchKeys' in set)) {
    throw new Error(`update changes ${touched.join(', ')} without rebuilding searchKeys; use searchableFieldsUpdate()`);
  }
}

/**
 * What the services use of {@link CustomerRepository}: records in and out, ids as strings, writes
 * as {@link CustomerChange}s; none of it exposes a driver type.
 */
export type CustomerStore = Pick<
  CustomerRepository,
  | 'insert'
  | 'findById'
  | 'findByUserId'
  | 'findPage'
  | 'count'
  | 'markAdministrator'
  | 'change'
  | 'changeCountersWithin'
  | 'exclusive'
  | 'deleteById'
>;

/**
 * The only code that reads and writes the `customers` collection (the analytics aggregations, the
 * migration and the schema count read it on their own); the Auth-sync outbox and the export stream
 * go through its named methods.
 */
export class CustomerRepository {
  private readonly collection: Collection<CustomerDocument>;
  /** Time limit of the listing and counting reads, the ones whose cost grows with the collection. */
  private readonly timeLimit: { maxTimeMS?: number };

  /**
   * `queryTimeoutMs`: server-side time limit (maxTimeMS) of those reads. Past it the database stops
   * the work and the request answers 503, instead of the work going on after the client has been
   * told it failed.
   */
  constructor(
    db: Db,
    private readonly locks: WriteLocks,
    queryTimeoutMs?: number,
    /** Drains the events a write recorded right after it (ADR 0008); failures leave them for the worker. */
    private readonly events?: EventDrain,
  ) {
    this.collection = db.collection<CustomerDocument>(CUSTOMERS_COLLECTION);
    this.timeLimit = readTimeLimit(queryTimeoutMs);
  }

  async insert(record: CustomerRecord): Promise<void> {
    const recorded = recordEventsUpdate([createdEventOf(record)]);
    // a new document starts with the values the update would add: the stubs, their count, the flag
    const doc = { ...toDocument(record), ...recorded.set, ...recorded.inc, pendingEvents: recorded.push['pendingEvents'].$each };
    try {
      await this.collection.insertOne(doc);
      await this.drainQuietly(doc);
    } catch (err) {
      if (err instanceof MongoServerError && err.code === 11000) throw new DuplicateCustomerError(record.userId);
      throw err;
    }
  }

  /** The customer with this id; null when there is none (an id that is not 24 hex digits has none). */
  async findById(id: string): Promise<CustomerRecord | null> {
    const _id = storedId(id);
    if (!_id) return null;
    const raw = await this.collection.findOne({ _id });
    return raw && toRecord(normaliseCustomer(raw));
  }

  async findByUserId(userId: string): Promise<CustomerRecord | null> {
    const raw = await this.collection.findOne({ userId });
    return raw && toRecord(normaliseCustomer(raw));
  }

  async findPage(options: FindPageOptions): Promise<PageRow[]> {
    const filter = filterOf(options.criteria);
    const { sort: order, after } = options;
    let sort: Sort = {};
    let pageFilter = filter;
    if (order) {
      const direction = order.order === 'asc' ? 1 : -1;
      sort = { [order.field]: direction, _id: direction };
      if (after) pageFilter = { $and: [filter, keysetFilter(order.field, order.order, after)] };
    }
    const rows = await this.collection
      .find(pageFilter, {
        sort,
        skip: options.skip,
        limit: options.limit,
        projection: SUMMARY_PROJECTION,
        ...this.timeLimit,
      })
      .toArray();
    return rows.map((raw) => ({
      customer: toRecord(normaliseCustomer(raw)),
      sortValue: storedSortValue(raw as unknown as Record<string, unknown>, order?.field),
    }));
  }

  /**
   * Exact count. Without other criteria: the collection's metadata count (no scan), less the
   * administrators' records (an equality on the index `isAdministrator`) unless they are included.
   */
  async count(criteria: CustomerCriteria): Promise<number> {
    const filter = filterOf({ ...criteria, includeAdministrators: true });
    if (Object.keys(filter).length > 0) return this.collection.countDocuments(filterOf(criteria), this.timeLimit);
    const [all, administrators] = await Promise.all([
      this.collection.estimatedDocumentCount(this.timeLimit),
      criteria.includeAdministrators ? 0 : this.collection.countDocuments(ADMINISTRATOR, this.timeLimit),
    ]);
    return all - administrators;
  }

  /** Marks the record as one CRMS created for an administrator (see CustomerRecord.isAdministrator). */
  async markAdministrator(id: string): Promise<CustomerRecord | null> {
    return this.change(id, { set: { isAdministrator: true } });
  }

  /**
   * Makes `change` to one customer atomically and returns the record after it; null when there is
   * no such customer or its version is no longer `expectedVersion`.
   */
  async change(id: string, change: CustomerChange, expectedVersion?: number): Promise<CustomerRecord | null> {
    const _id = storedId(id);
    if (!_id) return null;
    const after = await this.updateOne(
      _id,
      updateOf(change),
      expectedVersion === undefined ? {} : { version: expectedVersion },
      eventsOf(change, new Date()),
    );
    return after && toRecord(after);
  }

  /**
   * Makes a statistics change in one atomic write, only if every incremented counter stays within
   * 0..`maximum` and `key` (when given) was not applied yet; null otherwise, or when there is no
   * such customer (read the record to tell which).
   */
  async changeCountersWithin(
    id: string,
    change: CustomerChange,
    maximum: Record<Counter, number>,
    key?: string,
  ): Promise<CustomerRecord | null> {
    const _id = storedId(id);
    if (!_id) return null;
    const guard: Record<string, unknown> = key ? { appliedKeys: { $ne: key } } : {};
    for (const [field, delta] of Object.entries(change.increment ?? {})) {
      if (!delta) continue;
      guard[field] = delta < 0 ? { $gte: -delta } : { $lte: maximum[field as Counter] - delta };
    }
    const after = await this.updateOne(_id, updateOf(change), guard as CustomerFilter, eventsOf(change, new Date()));
    return after && toRecord(after);
  }

  /**
   * Applies `update` to one customer atomically and returns the document after it, or null when no
   * document matches `filter` (unknown id, or a condition such as the expected version failed).
   * Every write bumps `version` and is serialised per customer where the database needs it.
   * A record below the current schema version (written by the previous implementation, not migrated
   * yet) is first upgraded in place (customer-upgrade.ts), so the update applies to the shape it
   * was computed for; the upgrade keeps `version`, so a condition on it still holds.
   */
  async updateOne(
    id: ObjectId,
    update: UpdateFilter<CustomerDocument>,
    condition: CustomerFilter = {},
    events: readonly RecordedEvent[] = [],
  ): Promise<CustomerDocument | null> {
    assertSearchKeysKept(update);
    // the events are recorded by the same single-document write as the change (ADR 0008)
    const recorded = events.length > 0 ? recordEventsUpdate(events) : undefined;
    const withVersion = {
      ...update,
      $inc: { ...(update.$inc ?? {}), version: 1, ...recorded?.inc },
      ...(recorded ? { $push: { ...(update.$push ?? {}), ...recorded.push }, $set: { ...(update.$set ?? {}), ...recorded.set } } : {}),
    } as UpdateFilter<CustomerDocument>;
    const after = await this.locks.withLock(`customer:${id.toHexString()}`, async () => {
      const filter = { ...condition, _id: id, schemaVersion: CURRENT_SCHEMA_VERSION } as CustomerFilter;
      let raw = await this.collection.findOneAndUpdate(filter, withVersion, { returnDocument: 'after' });
      if (!raw && (await this.upgrade(id)) === 'upgraded') {
        raw = await this.collection.findOneAndUpdate(filter, withVersion, { returnDocument: 'after' });
      }
      return raw;
    });
    if (after && recorded) await this.drainQuietly(after);
    return after && normaliseCustomer(after);
  }

  /** The write succeeded and its events are recorded: a failed drain leaves them to the worker. */
  private async drainQuietly(raw: object): Promise<void> {
    await this.events?.drain(raw as Record<string, unknown>).catch(() => undefined);
  }

  /** Brings one record to the current schema version (see customer-upgrade.ts). */
  async upgrade(id: ObjectId): Promise<'upgraded' | 'current' | 'missing'> {
    return (await upgradeRecord(this.collection as unknown as Collection, id)).outcome;
  }

  /**
   * The customers matching `criteria` with only `fields`, in storage order (no sort, so neither
   * MongoDB nor FerretDB materialises the result before the first batch), from a server-side
   * cursor read `batchSize` documents per round trip; each mapped as every read maps a stored record.
   */
  streamMatching<F extends keyof CustomerRecord>(
    criteria: CustomerCriteria,
    fields: readonly F[],
    batchSize: number,
  ): DocumentStream<Pick<CustomerRecord, 'id' | F>> {
    return this.collection
      .find(filterOf(criteria), { batchSize })
      .project(Object.fromEntries(fields.map((f) => [f, 1])))
      .map((raw): Pick<CustomerRecord, 'id' | F> => toRecord(normaliseCustomer(raw)));
  }

  /** Pending Auth-sync entries due at `now` that no live claim holds, the longest due first (see auth-sync-outbox.ts). */
  findDueAuthSync(now: Date, limit: number): Promise<CustomerRecord[]> {
    return this.collection
      .find(
        {
          authSyncPending: true,
          'authSync.status': 'pending',
          'authSync.nextAttemptAt': { $lte: now },
          $or: [{ 'authSync.claimedUntil': { $exists: false } }, { 'authSync.claimedUntil': { $lte: now } }],
        },
        { sort: { 'authSync.nextAttemptAt': 1 }, limit, projection: { searchKeys: 0 } },
      )
      .map((raw) => toRecord(normaliseCustomer(raw)))
      .toArray();
  }

  /** Runs a read-then-write sequence on one customer without another writer in between. */
  exclusive<T>(id: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.withLock(`customer:${id.toLowerCase()}`, fn);
  }

  /**
   * Deletes a customer: the `customer.deleted` event is recorded on the document first (the
   * tombstone), and draining it deletes the document, here at once or, after a crash, by the
   * event worker (ADR 0008).
   */
  async deleteById(id: string, actorId?: string): Promise<boolean> {
    const _id = storedId(id);
    if (!_id) return false;
    const recorded = recordEventsUpdate([deletedEventOf(actorId, new Date())]);
    const raw = await this.locks.withLock(`customer:${_id.toHexString()}`, () =>
      this.collection.findOneAndUpdate(
        { _id },
        { $push: recorded.push, $inc: { ...recorded.inc, version: 1 }, $set: recorded.set } as UpdateFilter<CustomerDocument>,
        { returnDocument: 'after' },
      ),
    );
    if (!raw) return false;
    if (this.events) await this.events.drain(raw as unknown as Record<string, unknown>);
    else await this.locks.withLock(`customer:${_id.toHexString()}`, () => this.collection.deleteOne({ _id }));
    return true;
  }
}
