import type { CustomerCriteria } from '../domain/customer-criteria.js';
import { EXPORT_ROW_FIELDS, type CustomerExportRow } from '../domain/customer-fields.js';
import type { CustomerRepository, DocumentStream } from './customer-repository.js';

export type { DocumentStream } from './customer-repository.js';

/** Documents per round trip: large enough to stream fast, small enough to keep memory flat. */
const EXPORT_BATCH_SIZE = 1000;
// `metadata`: the timestamps of records written by the previous implementation (stored-customer.ts)
const EXPORT_FIELDS = [...EXPORT_ROW_FIELDS, 'metadata'] as const;

/**
 * Reads the customers of an export: the matching ones in storage order, batch by batch, with only
 * the fields of a row (see {@link CustomerRepository.streamMatching}). Read-only.
 */
export class CustomerExportReader {
  constructor(private readonly repo: Pick<CustomerRepository, 'streamMatching'>) {}

  stream(criteria: CustomerCriteria): DocumentStream<CustomerExportRow> {
    return this.repo.streamMatching(criteria, EXPORT_FIELDS, EXPORT_BATCH_SIZE);
  }
}
