import type { ObjectId } from 'mongodb';
import type { AuthSyncState, ChangeEntry, CustomerStatus, CustomerType } from '../domain/customer-record.js';

export type { AuthSyncState, ChangeEntry, CustomerStatus, CustomerType } from '../domain/customer-record.js';

/** A note as stored: its id is an ObjectId. */
export interface NoteEntry {
  noteId: ObjectId;
  note: string;
  addedBy: string;
  addedAt: Date;
}

/**
 * One document of the `customers` collection as stored (guide §2.2.1 plus the fields later issues
 * need); outside src/data/ it is a CustomerRecord (domain/customer-record.ts, mapped in customer-records.ts).
 */
export interface CustomerDocument {
  _id: ObjectId;
  userId: string;
  email: string;
  fullName: string;
  contactNumber?: string;
  customerStatus: CustomerStatus;
  customerType: CustomerType;
  totalOrders: number;
  totalOrderValue: number;
  totalComplaints: number;
  openComplaints: number;
  lastOrderDate?: Date;
  lastComplaintDate?: Date;
  customerSince: Date;
  notes?: string;
  tags: string[];
  preferences: { newsletter?: boolean; notifications?: boolean; language?: string };
  metadata?: { lastLoginDate?: Date; loginCount?: number; lastActivityDate?: Date };
  noteHistory: NoteEntry[];
  statusHistory: ChangeEntry<CustomerStatus>[];
  typeHistory: ChangeEntry<CustomerType>[];
  /** Normalised keys for search (see domain/search-keys.ts); never leaves the service. */
  searchKeys: string[];
  /** Incremented by every write; the source of the ETag. */
  version: number;
  /** Shape version of the stored record (stored-customer.ts CURRENT_SCHEMA_VERSION); absent on records of the previous implementation. */
  schemaVersion?: number;
  /** Idempotency keys of the last statistics updates applied to this document (bounded). */
  appliedKeys?: string[];
  authSync?: AuthSyncState;
  /** Set once by a GDPR erasure (see services/erasure-service.ts). */
  erasedAt?: Date;
  erasedBy?: string;
  erasureReason?: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy?: string;
  updatedBy?: string;
}
