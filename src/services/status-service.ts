import type { CustomerChange, CustomerRecord, CustomerStatus } from '../domain/customer-record.js';
import type { Actor, AdminWrite } from '../domain/actor.js';
import { systemClock, type Clock } from '../domain/clock.js';
import type { CustomerService, Decision, Mutation } from './customer-service.js';

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
  syncNow(customer: CustomerRecord, admin: Actor, requestId: string): Promise<{ state: AuthSyncStatus; customer: CustomerRecord }>;
}

/** Changes written in the same update as a status change (see {@link StatusChange.alongside}). */
export type AlongsideChanges = Pick<CustomerChange, 'set' | 'remove'>;

/** An administrator's status change (guide §4.6) as the services receive it. */
export interface StatusChange extends AdminWrite {
  customerId: string;
  status: CustomerStatus;
  reason?: string | undefined;
  /**
   * Further changes written in the very same conditional single-document write (the GDPR erasure
   * uses it), also when the status already holds. Called with the record as read (again on a
   * retry); may throw to refuse the whole write.
   */
  alongside?: (doc: CustomerRecord, now: Date) => AlongsideChanges | undefined;
}

/** What deciding a status change found: the Auth Service is to be told now when either holds. */
interface DeliveryFlags {
  /** The change writes a new outbox entry (claimed by this request). */
  newOutboxEntry: boolean;
  /** The status already holds, and its undelivered sync is claimed by this request. */
  retryPending: boolean;
}

export const desiredAuthState = (status: CustomerStatus): 'active' | 'inactive' => (status === 'Active' ? 'active' : 'inactive');

/** A pending sync nobody is delivering right now: no claim, or one that has expired. */
const unclaimedPending = (doc: CustomerRecord, now: Date): boolean =>
  doc.authSync?.status === 'pending' && !(doc.authSync.claimedUntil && doc.authSync.claimedUntil > now);

/**
 * Status changes (guide §4.6). The new status, its history entry and the Auth-sync outbox (desired
 * `isActive`, acting admin) are one conditional single-document write, so the admin's decision and
 * the duty to tell the Auth Service are never separated, whatever fails next. A change that keeps
 * the desired Auth state (Inactive ↔ Suspended) leaves the outbox as it is: nothing to tell Auth.
 * Re-applying the status a customer already has records nothing, but a sync still pending for it
 * (Auth was down) is claimed and tried at once, so the answer says what holds now.
 */
export class StatusChangeService {
  constructor(
    private readonly customers: Pick<CustomerService, 'decide'>,
    private readonly authSync: AuthSyncPort,
    /** Stamps the change and its outbox entry; the Auth-sync worker reads the entry on the same clock. */
    private readonly clock: Clock = systemClock,
  ) {}

  /** Applies `intent` (see {@link StatusChange}); the answer says whether the Auth Service holds the new state yet. */
  async change(intent: StatusChange): Promise<Mutation & { authSync: AuthSyncStatus }> {
    const { customerId, status, reason, admin, ifMatch, requestId, alongside } = intent;
    const result = await this.customers.decide(
      customerId,
      (doc): Decision<DeliveryFlags> => {
        const now = this.clock.now();
        const extra = alongside?.(doc, now);
        const remove = extra?.remove ? { remove: extra.remove } : {};
        if (doc.customerStatus === status) {
          const retryPending = unclaimedPending(doc, now);
          const flags = { newOutboxEntry: false, retryPending };
          const claim = retryPending ? { claimAuthSync: this.authSync.claimForImmediateAttempt(now) } : {};
          if (!extra && !retryPending) return { change: null, flags };
          return {
            change: { set: { ...extra?.set, ...(extra ? { updatedAt: now, updatedBy: admin.userId } : {}) }, ...claim, ...remove },
            flags,
          };
        }
        const desiredState = desiredAuthState(status);
        const authSyncChanges = desiredState !== desiredAuthState(doc.customerStatus) || doc.authSync === undefined;
        return {
          flags: { newOutboxEntry: authSyncChanges, retryPending: false },
          change: {
            set: {
              ...extra?.set,
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
            ...remove,
            appendStatusChange: {
              from: doc.customerStatus,
              to: status,
              ...(reason ? { reason } : {}),
              changedBy: admin.userId,
              changedAt: now,
            },
          },
        };
      },
      ifMatch,
    );
    const { before, after, flags } = result;
    if (!(flags.newOutboxEntry || flags.retryPending) || before === after) {
      return { before, after, authSync: after.authSync?.status ?? 'synced' };
    }
    const synced = await this.authSync.syncNow(after, admin, requestId);
    return { before, after: synced.customer, authSync: synced.state };
  }
}
