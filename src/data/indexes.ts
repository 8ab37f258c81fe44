import type { Collection, Db, IndexDescription } from 'mongodb';
import { WEBHOOK_INDEXES } from './webhook-store.js';

/**
 * Indexes of the `customers` collection: guide §2.2.1, minus its `$text` index (replaced by the
 * `searchKeys` multikey index, see domain/search-keys.ts), plus the compound indexes that back every
 * filter/sort combination of the list with a stable `_id` tiebreak.
 */
export const CUSTOMER_INDEXES: IndexDescription[] = [
  { key: { userId: 1 }, name: 'userId_unique', unique: true },
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
  { key: { 'authSync.status': 1, 'authSync.nextAttemptAt': 1 }, name: 'authSync_pending' },
  // the records below the current schema version (data/customer-upgrade.ts): counted at start-up, by
  // readiness and /metrics, and found by the migration, with an $in on this field
  { key: { schemaVersion: 1 }, name: 'schemaVersion' },
];

export const IDEMPOTENCY_INDEXES: IndexDescription[] = [{ key: { expiresAt: 1 }, name: 'expiresAt' }];

/**
 * Creates the indexes that do not exist yet (by name); run at start-up and by the test harness.
 * Only the missing ones are sent: FerretDB v1.24 drops the connection (a server-side panic) when
 * `createIndexes` names indexes that already exist, so a restart over existing data must not resend them.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  await createMissing(db.collection('customers'), CUSTOMER_INDEXES);
  await createMissing(db.collection('idempotency_keys'), IDEMPOTENCY_INDEXES);
  await createMissing(db.collection('customers'), WEBHOOK_INDEXES.customers);
  await createMissing(db.collection('events'), WEBHOOK_INDEXES.events);
  await createMissing(db.collection('webhook_deliveries'), WEBHOOK_INDEXES.deliveries);
}

async function createMissing(collection: Collection, indexes: IndexDescription[]): Promise<void> {
  const existing = new Set(
    (
      await collection
        .listIndexes()
        .toArray()
        .catch(() => [])
    ).map((index) => String(index['name'])),
  );
  const missing = indexes.filter((index) => !existing.has(index.name ?? ''));
  if (missing.length > 0) await collection.createIndexes(missing);
}
