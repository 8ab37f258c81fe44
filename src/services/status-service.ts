import type { ObjectId } from 'mongodb';
import type { CustomerDocument, CustomerStatus } from '../data/customer-document.js';
import type { Principal } from '../http/context.js';
import type { CustomerService, Mutation } from './customer-service.js';

type Admin = Extract<Principal, { kind: 'user' }>;

/** Propagates a customer's active/inactive state to the Auth Service (see auth-sync). */
export interface AuthSyncPort {
  /** Tries at once with the admin's own bearer; 'pending' leaves the outbox for the background worker. */
  syncNow(customer: CustomerDocument, admin: Admin, requestId: string): Promise<'synced' | 'pending'>;
}

export const desiredAuthState = (status: CustomerStatus): 'active' | 'inactive' =>
  status === 'Active' ? 'active' : 'inactive';

/**
 * Status changes (guide §4.6). The new status, its history entry and the Auth-sync outbox (desired
 * `isActive`, acting admin) are one conditional single-document write, so the admin's decision and
 * the duty to tell the Auth Service are never separated, whatever fails next.
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
  ): Promise<Mutation & { authSync: 'synced' | 'pending' }> {
    const result = await this.customers.mutate(
      id,
      (doc) => {
        if (doc.customerStatus === status) return null;
        const now = new Date();
        return {
          $set: {
            customerStatus: status,
            updatedAt: now,
            updatedBy: admin.userId,
            authSync: {
              status: 'pending',
              desiredState: desiredAuthState(status),
              actingAdminId: admin.userId,
              attempts: 0,
              nextAttemptAt: now,
              updatedAt: now,
            },
          },
          $push: {
            statusHistory: { from: doc.customerStatus, to: status, ...(reason ? { reason } : {}), changedBy: admin.userId, changedAt: now },
          },
        };
      },
      ifMatch,
    );
    if (result.before === result.after) {
      return { ...result, authSync: result.after.authSync?.status ?? 'synced' };
    }
    const authSync = await this.authSync.syncNow(result.after, admin, requestId);
    return { ...result, authSync };
  }
}

/** Until the Auth client is wired, every change stays in the outbox as pending. */
export const outboxOnly: AuthSyncPort = {
  syncNow: async () => 'pending',
};
