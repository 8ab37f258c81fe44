import { MongoServerError, ObjectId, type Collection, type Db, type Filter, type Sort, type UpdateFilter } from 'mongodb';
import { buildSearchKeys, type SearchableFields } from '../domain/search-keys.js';
import type { CustomerDocument } from './customer-document.js';
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

  findById(id: ObjectId): Promise<CustomerDocument | null> {
    return this.collection.findOne({ _id: id });
  }

  findByUserId(userId: string): Promise<CustomerDocument | null> {
    return this.collection.findOne({ userId });
  }

  findPage(options: FindPageOptions): Promise<CustomerSummaryDocument[]> {
    return this.collection
      .find(options.filter, {
        sort: options.sort,
        skip: options.skip,
        limit: options.limit,
        projection: SUMMARY_PROJECTION,
        ...this.timeLimit,
      })
      .toArray();
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
    return this.locks.withLock(`customer:${id.toHexString()}`, () =>
      this.collection.findOneAndUpdate({ ...condition, _id: id }, withVersion, { returnDocument: 'after' }),
    );
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
