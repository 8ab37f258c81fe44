import type { ObjectId } from 'mongodb';
import type { CustomerDocument, CustomerStatus } from '../data/customer-document.js';
import type { Principal } from '../http/context.js';
import type { CustomerService, Mutation } from './customer-service.js';

type Admin = Extract<Principal, { kind: 'user' }>;

export type AuthSyncStatus = 'synced' | 'pending';

/** Propagates a customer's active/inactive state to the Auth Service (see auth-sync.ts). */
export interface AuthSyncPort {
  /**
   * The claim written together with a new outbox entry, so the immediate attempt of this request
   * owns the entry and no background worker delivers it at the same time.
   */
  claimForImmediateAttempt(now: Date): { claimedBy: string; claimedUntil: Date };
  /**
   * Tries at once with the admin's own bearer. 'pending' leaves the outbox for the background
   * worker. `customer` is the document after the sync bookkeeping (its version is the new ETag).
   */
  syncNow(customer: CustomerDocument, admin: Admin, requestId: string): Promise<{ state: AuthSyncStatus; customer: CustomerDocument }>;
}

export const desiredAuthState = (status: CustomerStatus): 'active' | 'inactive' =>
  status === 'Active' ? 'active' : 'inactive';

/**
 * Status changes (guide §4.6). The new status, its history entry and the Auth-sync outbox (desired
 * `isActive`, acting admin) are one conditional single-document write, so the admin's decision and
 * the duty to tell the Auth Service are never separated, whatever fails next. A change that keeps
 * the desired Auth state (Inactive ↔ Suspended) leaves the outbox as it is: nothing to tell Auth.
 */
export class StatusChangeService {
  constructor(
    private readonly customers: CustomerService,
    private readonly authSync: AuthSyncPort,
  ) {}

  async change(
    id: ObjectId,
    status: CustomerStatus,
    reason: string | undefined,
    admin: Admin,
    ifMatch: string | undefined,
    requestId = 'unknown',
  ): Promise<Mutation & { authSync: AuthSyncStatus }> {
    let newOutboxEntry = false;
    const result = await this.customers.mutate(
      id,
      (doc) => {
        newOutboxEntry = false;
        if (doc.customerStatus === status) return null;
        const now = new Date();
        const desiredState = desiredAuthState(status);
        const authSyncChanges = desiredState !== desiredAuthState(doc.customerStatus) || doc.authSync === undefined;
        newOutboxEntry = authSyncChanges;
        return {
          $set: {
            customerStatus: status,
            updatedAt: now,
            updatedBy: admin.userId,
            ...(authSyncChanges
              ? {
                  authSync: {
                    status: 'pending',
                    desiredState,
                    actingAdminId: admin.userId,
                    attempts: 0,
                    nextAttemptAt: now,
                    updatedAt: now,
                    ...this.authSync.claimForImmediateAttempt(now),
                  },
                }
              : {}),
          },
          $push: {
            statusHistory: { from: doc.customerStatus, to: status, ...(reason ? { reason } : {}), changedBy: admin.userId, changedAt: now },
          },
        };
      },
      ifMatch,
    );
    if (!newOutboxEntry || result.before === result.after) {
      return { ...result, authSync: result.after.authSync?.status ?? 'synced' };
    }
    const synced = await this.authSync.syncNow(result.after, admin, requestId);
    return { before: result.before, after: synced.customer, authSync: synced.state };
  }
}
