import type { Schemas } from '../api-types.js';
import type { CustomerRecord } from '../domain/customer-record.js';

/**
 * The answer of a statistics update, built by the service rather than a presenter (the exception to
 * the rule in handlers/presenters/customer.ts): an idempotent retry is answered with the stored first
 * answer, verbatim.
 */
export function toStatisticsUpdate(doc: CustomerRecord): Schemas['StatisticsUpdate'] {
  return {
    customerId: doc.id,
    totalOrders: doc.totalOrders,
    totalOrderValue: doc.totalOrderValue,
    totalComplaints: doc.totalComplaints,
    openComplaints: doc.openComplaints,
    ...(doc.lastOrderDate ? { lastOrderDate: doc.lastOrderDate.toISOString() } : {}),
    ...(doc.lastComplaintDate ? { lastComplaintDate: doc.lastComplaintDate.toISOString() } : {}),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
