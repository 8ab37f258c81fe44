import { MongoServerError, ObjectId, type Collection, type Db, type Filter, type Sort, type UpdateFilter } from 'mongodb';
import { buildSearchKeys, type SearchableFields } from '../domain/search-keys.js';
import type { CustomerDocument } from './customer-document.js';
import { upgradeRecord } from './customer-upgrade.js';
import { CURRENT_SCHEMA_VERSION, normaliseCustomer } from './stored-customer.js';
import { readTimeLimit } from './mongo.js';
import type { WriteLocks } from './write-lock.js';

/** Raised by {@link CustomerRepository.insert} when the `userId` already has a record. */
export class DuplicateCustomerError extends Error {
  override readonly name = 'DuplicateCustomerError';
}

export type CustomerFilter = Filter<CustomerDocument>;

export interface FindPageOptions {
  filter: CustomerFilter;
  sort: Sort;
  skip: number;
  limit: number;
  /** The field whose stored value each row reports as `sortValue` (for keyset cursors). */
  sortField?: string;
}

/** One row of a page: the customer as served, and the stored value of the sort field (null when absent). */
export interface PageRow {
  customer: CustomerSummaryDocument;
  sortValue: number | Date | null;
}

/** The stored value a keyset cursor continues from: what the database sorted by, not the served value. */
function storedSortValue(raw: Record<string, unknown>, field: string | undefined): number | Date | null {
  if (field === undefined) return null;
  const value = raw[field];
  return typeof value === 'number' || value instanceof Date ? value : null;
}

/** The fields of a list item (guide §4.2) and of a search result (guide §4.3). */
export const SUMMARY_FIELDS = [
  'userId', 'email', 'fullName', 'contactNumber', 'customerStatus', 'customerType', 'totalOrders',
  'totalOrderValue', 'totalComplaints', 'openComplaints', 'lastOrderDate', 'customerSince', 'createdAt',
] as const satisfies readonly (keyof CustomerDocument)[];

const SUMMARY_PROJECTION = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, 1]));

/** What a list or search read returns: the summary fields only. */
export type CustomerSummaryDocument = Pick<CustomerDocument, '_id' | (typeof SUMMARY_FIELDS)[number]>;

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

/** The only code that reads and writes the `customers` collection. */
export class CustomerRepository {
  readonly collection: Collection<CustomerDocument>;
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
  ) {
    this.collection = db.collection<CustomerDocument>('customers');
    this.timeLimit = readTimeLimit(queryTimeoutMs);
  }

  async insert(doc: CustomerDocument): Promise<void> {
    try {
      await this.collection.insertOne(doc);
    } catch (err) {
      if (err instanceof MongoServerError && err.code === 11000) throw new DuplicateCustomerError(doc.userId);
      throw err;
    }
  }

  async findById(id: ObjectId): Promise<CustomerDocument | null> {
    const raw = await this.collection.findOne({ _id: id });
    return raw && normaliseCustomer(raw);
  }

  async findByUserId(userId: string): Promise<CustomerDocument | null> {
    const raw = await this.collection.findOne({ userId });
    return raw && normaliseCustomer(raw);
  }

  async findPage(options: FindPageOptions): Promise<PageRow[]> {
    const rows = await this.collection
      .find(options.filter, {
        sort: options.sort,
        skip: options.skip,
        limit: options.limit,
        projection: SUMMARY_PROJECTION,
        ...this.timeLimit,
      })
      .toArray();
    return rows.map((raw) => ({
      customer: normaliseCustomer(raw),
      sortValue: storedSortValue(raw as unknown as Record<string, unknown>, options.sortField),
    }));
  }

  /** Exact count; with no filter the collection's metadata count (no scan). */
  count(filter: CustomerFilter): Promise<number> {
    return Object.keys(filter).length === 0
      ? this.collection.estimatedDocumentCount(this.timeLimit)
      : this.collection.countDocuments(filter, this.timeLimit);
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
  ): Promise<CustomerDocument | null> {
    assertSearchKeysKept(update);
    const withVersion: UpdateFilter<CustomerDocument> = {
      ...update,
      $inc: { ...(update.$inc ?? {}), version: 1 },
    };
    return this.locks.withLock(`customer:${id.toHexString()}`, async () => {
      const filter = { ...condition, _id: id, schemaVersion: CURRENT_SCHEMA_VERSION } as CustomerFilter;
      let after = await this.collection.findOneAndUpdate(filter, withVersion, { returnDocument: 'after' });
      if (!after && (await this.upgrade(id)) === 'upgraded') {
        after = await this.collection.findOneAndUpdate(filter, withVersion, { returnDocument: 'after' });
      }
      return after && normaliseCustomer(after);
    });
  }

  /** Brings one record to the current schema version (see customer-upgrade.ts). */
  async upgrade(id: ObjectId): Promise<'upgraded' | 'current' | 'missing'> {
    return (await upgradeRecord(this.collection as unknown as Collection, id)).outcome;
  }

  /** Runs a read-then-write sequence on one customer without another writer in between. */
  exclusive<T>(id: ObjectId, fn: () => Promise<T>): Promise<T> {
    return this.locks.withLock(`customer:${id.toHexString()}`, fn);
  }

  async deleteById(id: ObjectId): Promise<boolean> {
    const result = await this.locks.withLock(`customer:${id.toHexString()}`, () => this.collection.deleteOne({ _id: id }));
    return result.deletedCount === 1;
  }
}
