import type { Db } from 'mongodb';
import { CUSTOMERS_COLLECTION } from './customer-document.js';

/**
 * Customers whose status change has not been delivered to the Auth Service yet (`authSyncPending`,
 * see auth-sync-outbox.ts), for the `crms_auth_sync_backlog` gauge. An equality filter on the top-level
 * field, index-served on both databases (index `authSyncPending`; on FerretDB the GIN index of
 * scripts/db.sh), bounded by `maxTimeMS` so a slow database cannot stall a scrape.
 */
export async function countPendingAuthSync(db: Db, maxTimeMS = 1000): Promise<number> {
  return db.collection(CUSTOMERS_COLLECTION).countDocuments({ authSyncPending: true }, { maxTimeMS });
}
