import type { CustomerChange, CustomerStatus } from '../domain/customer-record.js';

/**
 * The change that records a status with its history entry and nothing else: no Auth-sync outbox
 * entry (services/status-service.ts writes one). Only for demo data (`crms seed`), whose users
 * exist in no Auth Service.
 */
export function demoStatusChange(
  from: CustomerStatus,
  to: CustomerStatus,
  reason: string | undefined,
  changedBy: string,
  changedAt: Date,
): CustomerChange {
  return {
    set: { customerStatus: to, updatedAt: changedAt, updatedBy: changedBy },
    appendStatusChange: { from, to, ...(reason ? { reason } : {}), changedBy, changedAt },
  };
}
