import type { CustomerRecord, Precondition } from '../domain/customer-record.js';
import { buildSearchKeys } from '../domain/search-keys.js';
import { ConflictError } from '../errors.js';
import type { Actor } from '../domain/actor.js';
import type { Mutation } from './customer-service.js';
import type { AlongsideChanges, AuthSyncStatus, StatusChangeService } from './status-service.js';

export const ERASED_FULL_NAME = 'Erased Customer';
export const ERASED_NOTE = '[erased]';

/** The unique, non-routable placeholder address of an erased customer (`.invalid`: RFC 2606). */
export const erasedEmail = (id: string) => `erased-${id.toLowerCase()}@erased.invalid`;

/**
 * What an erasure writes besides the status: personal data replaced or removed, search keys rebuilt
 * from the placeholders only (no former name, address or number stays findable), the erasure recorded.
 * Statistics, ids, dates, preferences, activity metadata and the status/type audit trail are kept.
 */
export function anonymisation(doc: CustomerRecord, adminId: string, reason: string, now: Date): AlongsideChanges {
  const email = erasedEmail(doc.id);
  return {
    set: {
      email,
      fullName: ERASED_FULL_NAME,
      tags: [],
      noteHistory: (doc.noteHistory ?? []).map((entry) => ({ ...entry, note: ERASED_NOTE })),
      searchKeys: buildSearchKeys({ fullName: ERASED_FULL_NAME, email }),
      erasedAt: now,
      erasedBy: adminId,
      erasureReason: reason,
    },
    remove: ['contactNumber', 'notes'],
  };
}

/** GDPR art. 17: anonymises a customer and deactivates it through the status path (Auth sync included). */
export class ErasureService {
  constructor(private readonly statusChanges: StatusChangeService) {}

  erase(
    id: string,
    reason: string,
    admin: Actor,
    ifMatch: Precondition | undefined,
    requestId: string,
  ): Promise<Mutation & { authSync: AuthSyncStatus }> {
    const trimmed = reason.trim();
    return this.statusChanges.apply(id, 'Inactive', admin, {
      reason: `Personal data erased: ${trimmed}`.slice(0, 500),
      ifMatch,
      requestId,
      alongside: (doc, now) => {
        if (doc.erasedAt) {
          throw new ConflictError('Customer already erased', [
            { field: 'customerId', message: `The personal data of this customer was erased on ${doc.erasedAt.toISOString()}` },
          ]);
        }
        return anonymisation(doc, admin.userId, trimmed, now);
      },
    });
  }
}
