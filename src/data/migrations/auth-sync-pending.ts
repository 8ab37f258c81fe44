import type { Db } from 'mongodb';
import { CUSTOMERS_COLLECTION } from '../customer-document.js';
import { LEGACY_AUTH_SYNC_INDEX } from '../indexes.js';

/**
 * Gives the pending Auth-sync entries written before the outbox's top-level lookup key existed their
 * `authSyncPending: true` (auth-sync-outbox.ts), and drops the index their dotted filter used. Each
 * write is conditional on the entry still being pending and unmarked, so it is safe to run again and
 * while CRMS serves traffic (it changes no field the API shows, so the ETag version stays). Finding
 * them reads the whole collection on FerretDB, once. Returns how many entries it marked.
 */
export async function markPendingAuthSync(db: Db): Promise<number> {
  const customers = db.collection(CUSTOMERS_COLLECTION);
  const unmarked = { 'authSync.status': 'pending', authSyncPending: { $exists: false } };
  let marked = 0;
  for await (const doc of customers.find(unmarked, { projection: { _id: 1 } })) {
    marked += (await customers.updateOne({ _id: doc._id, ...unmarked }, { $set: { authSyncPending: true } })).modifiedCount;
  }
  const indexes = await customers
    .listIndexes()
    .toArray()
    .catch(() => []);
  if (indexes.some((index) => index['name'] === LEGACY_AUTH_SYNC_INDEX)) await customers.dropIndex(LEGACY_AUTH_SYNC_INDEX);
  return marked;
}
