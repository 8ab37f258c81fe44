import type { AuthSyncState, CustomerRecord } from '../domain/customer-record.js';
import type { CustomerDocument } from './customer-document.js';
import type { CustomerRepository } from './customer-repository.js';
import { storedId, toRecord } from './customer-records.js';

/** A pending sync this process owns until `claimedUntil` (its `authSync.claimedBy` is set). */
export type ClaimedCustomer = CustomerRecord & { authSync: AuthSyncState & { claimedBy: string } };

/**
 * The Auth-sync outbox kept on the customer documents (`authSync`). While an entry is pending, the
 * document also carries the top-level `authSyncPending: true` (set and removed with the status, see
 * customer-records.ts): the pass and the backlog count look entries up by equality on it, which both
 * databases serve from an index (FerretDB v1 pushes down no dotted field or `$or`, so a filter on
 * `authSync.*` alone reads the whole collection there, every pass). Every write goes through
 * {@link CustomerRepository.updateOne}: conditional, atomic on MongoDB, serialised per customer on
 * FerretDB, so exactly one CRMS instance wins a claim and a late writer never overwrites a newer
 * decision.
 */
export class AuthSyncOutbox {
  constructor(private readonly repo: CustomerRepository) {}

  /** Pending syncs whose next attempt is due and that no live claim holds. */
  findDue(now: Date, limit: number): Promise<CustomerRecord[]> {
    return this.repo.findDueAuthSync(now, limit);
  }

  /** Claims a due entry; null when another instance (or a newer status change) got there first. */
  async claim(doc: CustomerRecord, owner: string, until: Date): Promise<ClaimedCustomer | null> {
    const claimed = await this.update(
      doc.id,
      { $set: { 'authSync.claimedBy': owner, 'authSync.claimedUntil': until } },
      { version: doc.version, 'authSync.status': 'pending' },
    );
    return claimed?.authSync?.claimedBy === owner ? (claimed as ClaimedCustomer) : null;
  }

  /**
   * Marks the entry synced, only while it is still the one that was delivered (same claim, same
   * desired state): a status change made meanwhile replaced the entry and stays pending.
   */
  markSynced(id: string, owner: string, desiredState: AuthSyncState['desiredState'], now: Date): Promise<CustomerRecord | null> {
    return this.update(
      id,
      {
        $set: { 'authSync.status': 'synced', 'authSync.updatedAt': now },
        $unset: { authSyncPending: '', 'authSync.claimedBy': '', 'authSync.claimedUntil': '', 'authSync.lastError': '' },
      },
      { 'authSync.status': 'pending', 'authSync.claimedBy': owner, 'authSync.desiredState': desiredState },
    );
  }

  /** Gives a failed entry back, due again at `nextAttemptAt`. */
  release(
    id: string,
    owner: string,
    failure: { attempts: number; nextAttemptAt: Date; lastError: string },
    now: Date,
  ): Promise<CustomerRecord | null> {
    return this.update(
      id,
      {
        $set: {
          'authSync.attempts': failure.attempts,
          'authSync.nextAttemptAt': failure.nextAttemptAt,
          'authSync.lastError': failure.lastError,
          'authSync.updatedAt': now,
        },
        $unset: { 'authSync.claimedBy': '', 'authSync.claimedUntil': '' },
      },
      { 'authSync.status': 'pending', 'authSync.claimedBy': owner },
    );
  }

  private async update(
    id: string,
    update: Parameters<CustomerRepository['updateOne']>[1],
    condition: Parameters<CustomerRepository['updateOne']>[2],
  ): Promise<CustomerRecord | null> {
    const _id = storedId(id);
    const after: CustomerDocument | null = _id ? await this.repo.updateOne(_id, update, condition) : null;
    return after && toRecord(after);
  }
}
