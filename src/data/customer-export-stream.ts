import type { CustomerCriteria } from '../domain/customer-criteria.js';
import type { CustomerRecord } from '../domain/customer-record.js';
import type { CustomerRepository } from './customer-repository.js';
import { filterOf } from './customer-query.js';
import { toRecord } from './customer-records.js';
import { normaliseCustomer } from './stored-customer.js';

/** The fields of a CSV export row (services/export-service.ts). */
export const EXPORT_ROW_FIELDS = [
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
  'lastComplaintDate',
  'customerSince',
  'tags',
  'createdAt',
  'updatedAt',
  'erasedAt',
] as const satisfies readonly (keyof CustomerRecord)[];

export type CustomerExportRow = Pick<CustomerRecord, 'id' | (typeof EXPORT_ROW_FIELDS)[number]>;

/** A server-side cursor read batch by batch: iterate it once; `close()` when abandoning it early. */
export interface DocumentStream<T> extends AsyncIterable<T> {
  hasNext(): Promise<boolean>;
  close(): Promise<void>;
}

/** Documents per round trip: large enough to stream fast, small enough to keep memory flat. */
const EXPORT_BATCH_SIZE = 1000;
// `metadata`: the timestamps of records written by the previous implementation (stored-customer.ts)
const EXPORT_PROJECTION = Object.fromEntries([...EXPORT_ROW_FIELDS, 'metadata'].map((f) => [f, 1]));

/**
 * Reads the customers of an export: the matching ones in storage order (no sort, so neither MongoDB
 * nor FerretDB materialises the result before the first batch), from a server-side cursor fetched
 * batch by batch, with only the fields of a row, each mapped as every read maps a stored record.
 * Read-only; writes stay with {@link CustomerRepository}.
 */
export class CustomerExportReader {
  constructor(private readonly repo: CustomerRepository) {}

  stream(criteria: CustomerCriteria): DocumentStream<CustomerExportRow> {
    return this.repo.collection
      .find(filterOf(criteria), { batchSize: EXPORT_BATCH_SIZE })
      .project(EXPORT_PROJECTION)
      .map((raw): CustomerExportRow => toRecord(normaliseCustomer(raw)));
  }
}
