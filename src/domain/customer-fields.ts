import type { CustomerRecord } from './customer-record.js';
import { everyOf } from './every-of.js';

/**
 * Which fields of a customer each kind of read carries: one list per concept, used by the
 * repository's projections, the export stream, the upgrade code and the presenters.
 */

/** What every view of a customer shows first: who it is, its status and type, its counters. */
export const CORE_FIELDS = [
  'userId',
  'email',
  'fullName',
  'contactNumber',
  'customerStatus',
  'customerType',
  'totalOrders',
  'totalOrderValue',
  'totalComplaints',
  'openComplaints',
  'lastOrderDate',
] as const satisfies readonly (keyof CustomerRecord)[];

/** Every field of a stored customer besides its id (the compiler checks the list against {@link CustomerRecord}). */
export const RECORD_FIELDS = everyOf<Exclude<keyof CustomerRecord, 'id'>>()([
  ...CORE_FIELDS,
  'lastComplaintDate',
  'customerSince',
  'notes',
  'tags',
  'preferences',
  'metadata',
  'noteHistory',
  'statusHistory',
  'typeHistory',
  'searchKeys',
  'version',
  'schemaVersion',
  'appliedKeys',
  'authSync',
  'isAdministrator',
  'erasedAt',
  'erasedBy',
  'erasureReason',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
]);

/** The fields of a list item (guide §4.2) and of a search result (guide §4.3). */
export const SUMMARY_FIELDS = [...CORE_FIELDS, 'customerSince', 'createdAt'] as const satisfies readonly (keyof CustomerRecord)[];

/** What a list or search read returns: the summary fields only. */
export type CustomerSummary = Pick<CustomerRecord, 'id' | (typeof SUMMARY_FIELDS)[number]>;

/** The fields of a CSV export row, in column order after the customer id. */
export const EXPORT_ROW_FIELDS = [
  ...CORE_FIELDS,
  'lastComplaintDate',
  'customerSince',
  'tags',
  'createdAt',
  'updatedAt',
  'erasedAt',
] as const satisfies readonly (keyof CustomerRecord)[];

/** What the export stream reads per customer. */
export type CustomerExportRow = Pick<CustomerRecord, 'id' | (typeof EXPORT_ROW_FIELDS)[number]>;
