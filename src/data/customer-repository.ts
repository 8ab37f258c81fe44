import { MongoServerError, ObjectId, type Collection, type Db, type Filter, type Sort, type UpdateFilter } from 'mongodb';
import type { CustomerDocument } from './customer-document.js';
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

/** The only code that reads and writes the `customers` collection. */
export class CustomerRepository {
  readonly collection: Collection<CustomerDocument>;

  constructor(db: Db, private readonly locks: WriteLocks) {
    this.collection = db.collection<CustomerDocument>('customers');
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
      })
      .toArray();
  }

  /** Exact count; with no filter the collection's metadata count (no scan). */
  count(filter: CustomerFilter): Promise<number> {
    return Object.keys(filter).length === 0
      ? this.collection.estimatedDocumentCount()
      : this.collection.countDocuments(filter);
  }

  /**
   * Applies `update` to one customer atomically and returns the document after it, or null when no
   * document matches `filter` (unknown id, or a condition such as the expected version failed).
   * Every write bumps `version` and is serialised per customer where the database needs it.
   */
  updateOne(
    id: ObjectId,
    update: UpdateFilter<CustomerDocument>,
    condition: CustomerFilter = {},
  ): Promise<CustomerDocument | null> {
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
