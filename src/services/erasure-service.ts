import type { CustomerRecord } from '../domain/customer-record.js';
import { buildSearchKeys } from '../domain/search-keys.js';
import { ConflictError } from '../errors.js';
import type { AdminWrite } from '../domain/actor.js';
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

/** An administrator's request to erase a customer's personal data, with the reason recorded. */
export interface Erasure extends AdminWrite {
  customerId: string;
  reason: string;
}

/** GDPR art. 17: anonymises a customer and deactivates it through the status path (Auth sync included). */
export class ErasureService {
  constructor(private readonly statusChanges: StatusChangeService) {}

  erase(intent: Erasure): Promise<Mutation & { authSync: AuthSyncStatus }> {
    const { reason, admin } = intent;
    const trimmed = reason.trim();
    return this.statusChanges.change({
      ...intent,
      status: 'Inactive',
      reason: `Personal data erased: ${trimmed}`.slice(0, 500),
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
