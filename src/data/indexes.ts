import { MongoServerError, type Collection, type Db, type IndexDescription } from 'mongodb';
import { CUSTOMERS_COLLECTION } from './customer-document.js';
import { WEBHOOK_INDEXES } from './webhook-store.js';

/**
 * Indexes of the `customers` collection: guide §2.2.1, minus its `$text` index (replaced by the
 * `searchKeys` multikey index, see domain/search-keys.ts), plus the compound indexes that back every
 * filter/sort combination of the list with a stable `_id` tiebreak.
 */
export const CUSTOMER_INDEXES: IndexDescription[] = [
  { key: { email: 1 }, name: 'email' },
  { key: { customerStatus: 1 }, name: 'customerStatus' },
  { key: { customerType: 1 }, name: 'customerType' },
  { key: { customerStatus: 1, customerType: 1 }, name: 'status_type' },
  { key: { searchKeys: 1 }, name: 'searchKeys' },
  { key: { customerSince: -1 }, name: 'customerSince' },
  // list: sort by each field with the _id tiebreak, alone and under the status/type filters
  // (these also serve the guide's single-field lastOrderDate / totalOrderValue / createdAt indexes)
  ...(['totalOrders', 'totalOrderValue', 'lastOrderDate', 'createdAt'] as const).flatMap((field) => [
    { key: { [field]: -1, _id: -1 }, name: `sort_${field}` },
    { key: { customerStatus: 1, [field]: -1, _id: -1 }, name: `status_sort_${field}` },
    { key: { customerType: 1, [field]: -1, _id: -1 }, name: `type_sort_${field}` },
    { key: { customerStatus: 1, customerType: 1, [field]: -1, _id: -1 }, name: `status_type_sort_${field}` },
  ]),
  { key: { openComplaints: -1 }, name: 'openComplaints' },
  // list/export filter `tags` (any of): multikey
  { key: { tags: 1 }, name: 'tags' },
  // the Auth-sync outbox (data/auth-sync-outbox.ts): the pending entries, by equality on a top-level field
  { key: { authSyncPending: 1, 'authSync.nextAttemptAt': 1 }, name: 'authSyncPending' },
  // the records below the current schema version (data/customer-upgrade.ts): counted at start-up, by
  // readiness and /metrics, and found by the migration, with an $in on this field
  { key: { schemaVersion: 1 }, name: 'schemaVersion' },
  // the records CRMS created for administrators: counted by equality to leave them out of list totals
  { key: { isAdministrator: 1 }, name: 'isAdministrator' },
];

/**
 * The fields CRMS looks documents up by equality, in any collection. FerretDB v1 pushes such a filter
 * down to PostgreSQL as a JSONB containment its own btree indexes cannot serve; `scripts/db.sh start`
 * gives every collection table of the local database a GIN index per field here (a test keeps its
 * list equal to this one). MongoDB serves them from `_id_`, `userId_unique`, `authSyncPending`,
 * `isAdministrator`, `hasPendingEvents` and the deliveries' `due` index.
 */
export const EQUALITY_LOOKUP_FIELDS = ['_id', 'userId', 'authSyncPending', 'isAdministrator', 'hasPendingEvents', 'status'] as const;

/** The index of the Auth-sync outbox before the pending state became a top-level field (dropped by migration 0002). */
export const LEGACY_AUTH_SYNC_INDEX = 'authSync_pending';

/**
 * One record per Auth user: unique `userId`. Where partial indexes exist (MongoDB) only non-empty
 * string user ids are indexed, so legacy records without one (missing, null or empty) can coexist;
 * `$gt: ''` rather than `$type: 'string'` because MongoDB's planner uses a partial index only for
 * queries it can prove lie inside the filter, and it proves `{userId: 'x'}` inside `$gt: ''` but not
 * inside a `$type` filter (ADR 0007). FerretDB v1 has no partial indexes (NotImplemented): there the
 * plain unique index, under which records without the field coexist too, while a second null or ''
 * would collide (CRMS writes neither: the upgrade removes a null one and never writes '').
 */
export const USER_ID_INDEX_PARTIAL: IndexDescription = {
  key: { userId: 1 },
  name: 'userId_unique_nonempty',
  unique: true,
  partialFilterExpression: { userId: { $gt: '' } },
};
export const USER_ID_INDEX_PLAIN: IndexDescription = { key: { userId: 1 }, name: 'userId_unique', unique: true };

export const IDEMPOTENCY_INDEXES: IndexDescription[] = [{ key: { expiresAt: 1 }, name: 'expiresAt' }];

/**
 * Creates the indexes that do not exist yet (by name); run at start-up and by the test harness.
 * Only the missing ones are sent: FerretDB v1.24 drops the connection (a server-side panic) when
 * `createIndexes` names indexes that already exist, so a restart over existing data must not resend them.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  await ensureUserIdIndex(db.collection(CUSTOMERS_COLLECTION));
  await createMissing(db.collection(CUSTOMERS_COLLECTION), CUSTOMER_INDEXES);
  await createMissing(db.collection('idempotency_keys'), IDEMPOTENCY_INDEXES);
  await createMissing(db.collection(CUSTOMERS_COLLECTION), WEBHOOK_INDEXES.customers);
  await createMissing(db.collection('events'), WEBHOOK_INDEXES.events);
  await createMissing(db.collection('webhook_deliveries'), WEBHOOK_INDEXES.deliveries);
}

const indexNames = async (collection: Collection): Promise<Set<string>> =>
  new Set(
    (
      await collection
        .listIndexes()
        .toArray()
        .catch(() => [])
    ).map((index) => String(index['name'])),
  );

/** The database cannot build a partial index (FerretDB v1 answers NotImplemented, code 238). */
const partialUnsupported = (err: unknown): boolean =>
  err instanceof MongoServerError && (err.code === 238 || err.codeName === 'NotImplemented' || /partialFilterExpression/.test(err.message));

/**
 * The unique `userId` index, partial where the database supports it (feature-detected by creating
 * it). A database that has the plain index from an earlier release gets the partial one and then
 * loses the plain one, which would still refuse a second record without a user id.
 */
async function ensureUserIdIndex(collection: Collection): Promise<void> {
  const existing = await indexNames(collection);
  const partialName = USER_ID_INDEX_PARTIAL.name ?? '';
  const plainName = USER_ID_INDEX_PLAIN.name ?? '';
  if (!existing.has(partialName)) {
    try {
      await collection.createIndexes([USER_ID_INDEX_PARTIAL]);
    } catch (err) {
      if (partialUnsupported(err)) {
        if (!existing.has(plainName)) await collection.createIndexes([USER_ID_INDEX_PLAIN]);
        return;
      }
      // a server that refuses two indexes on one key pattern (IndexOptionsConflict 85, IndexKeySpecsConflict 86)
      if (!(err instanceof MongoServerError && (err.code === 85 || err.code === 86) && existing.has(plainName))) throw err;
      await collection.dropIndex(plainName);
      await collection.createIndexes([USER_ID_INDEX_PARTIAL]);
      return;
    }
  }
  if (existing.has(plainName)) await collection.dropIndex(plainName);
}

async function createMissing(collection: Collection, indexes: IndexDescription[]): Promise<void> {
  const existing = await indexNames(collection);
  const missing = indexes.filter((index) => !existing.has(index.name ?? ''));
  if (missing.length > 0) await collection.createIndexes(missing);
}
