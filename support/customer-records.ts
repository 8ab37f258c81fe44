import { ObjectId } from 'mongodb';
import type { CustomerDocument } from '../src/data/customer-document.js';
import { CURRENT_SCHEMA_VERSION } from '../src/data/stored-customer.js';
import { buildSearchKeys } from '../src/domain/search-keys.js';

/** The event outbox's fields on a stored customer (src/data/webhook-store.ts). */
interface EventBookkeeping {
  eventSequence: number;
  pendingEvents: unknown[];
}

/**
 * A stored customer record as CRMS writes it on `POST /api/customers/internal/create` (defaults,
 * current schema version, search keys, its drained creation event), for the tests and bench/ that insert records with the driver
 * instead of through the API. `overrides` replace fields (an `undefined` one is left out, as CRMS
 * leaves out absent optional fields); the search keys follow the resulting name, email and phone
 * unless given.
 */
export function customerRecord(overrides: Partial<CustomerDocument> = {}): CustomerDocument & EventBookkeeping {
  const _id = overrides._id ?? new ObjectId();
  const at = overrides.createdAt ?? new Date();
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Partial<CustomerDocument>;
  const record: CustomerDocument & EventBookkeeping = {
    _id,
    userId: _id.toHexString(),
    email: `customer.${_id.toHexString()}@example.com`,
    fullName: 'Test Customer',
    customerStatus: 'Active',
    customerType: 'Regular',
    totalOrders: 0,
    totalOrderValue: 0,
    totalComplaints: 0,
    openComplaints: 0,
    customerSince: at,
    tags: [],
    preferences: { newsletter: false, notifications: true, language: 'en' },
    noteHistory: [],
    statusHistory: [],
    typeHistory: [],
    searchKeys: [],
    version: 1,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: at,
    updatedAt: at,
    // its customer.created event, already drained to the events collection
    eventSequence: 1,
    pendingEvents: [],
    ...given,
  };
  return given.searchKeys
    ? record
    : { ...record, searchKeys: buildSearchKeys({ fullName: record.fullName, email: record.email, contactNumber: record.contactNumber }) };
}
