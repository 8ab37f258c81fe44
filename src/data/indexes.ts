import type { Db, IndexDescription } from 'mongodb';

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
];

export const IDEMPOTENCY_INDEXES: IndexDescription[] = [{ key: { expiresAt: 1 }, name: 'expiresAt' }];

/** Creates the indexes (idempotent); run at start-up and by the test harness. */
export async function ensureIndexes(db: Db): Promise<void> {
  await db.collection('customers').createIndexes(CUSTOMER_INDEXES);
  await db.collection('idempotency_keys').createIndexes(IDEMPOTENCY_INDEXES);
}
