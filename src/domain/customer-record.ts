/**
 * The customer record as the services and views see it: ids are strings (24 hex digits); the
 * data layer (src/data/) maps it to and from what is stored.
 */

import { enumValues } from '../../generated/src/enums.js';
import type { Schemas } from '../api-types.js';

/** The contract's enums (openapi/components/schemas/CustomerStatus.yaml, CustomerType.yaml). */
export type CustomerStatus = Schemas['CustomerStatus'];
export type CustomerType = Schemas['CustomerType'];

/** Every customer status, in the contract's order (generated from the spec, as the SDK's). */
export const CUSTOMER_STATUSES: readonly CustomerStatus[] = enumValues.CustomerStatus;
/** Every customer type, in the contract's order. */
export const CUSTOMER_TYPES: readonly CustomerType[] = enumValues.CustomerType;

export interface NoteEntry {
  noteId: string;
  note: string;
  addedBy: string;
  addedAt: Date;
}

export interface ChangeEntry<T extends string> {
  from?: T;
  to: T;
  reason?: string;
  changedBy: string;
  changedAt: Date;
}

/** The outbox of the Auth Service sync: the desired `isActive` state, written with the status change. */
export interface AuthSyncState {
  status: 'synced' | 'pending';
  desiredState: 'active' | 'inactive';
  actingAdminId: string;
  attempts: number;
  nextAttemptAt: Date;
  claimedBy?: string;
  claimedUntil?: Date;
  lastError?: string;
  updatedAt: Date;
}

export interface Preferences {
  newsletter?: boolean;
  notifications?: boolean;
  language?: string;
}

/** One customer (guide §2.2.1 plus the fields later issues need). */
export interface CustomerRecord {
  id: string;
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
  preferences: Preferences;
  metadata?: { lastLoginDate?: Date; loginCount?: number; lastActivityDate?: Date };
  noteHistory: NoteEntry[];
  statusHistory: ChangeEntry<CustomerStatus>[];
  typeHistory: ChangeEntry<CustomerType>[];
  /** Normalised keys for search (see domain/search-keys.ts); never leaves the service. */
  searchKeys: string[];
  /** Incremented by every write; the source of the ETag. */
  version: number;
  /** Shape version of the stored record; absent on records of the previous implementation. */
  schemaVersion?: number;
  /** Idempotency keys of the last statistics updates applied to this record (bounded). */
  appliedKeys?: string[];
  authSync?: AuthSyncState;
  /**
   * Set on the record CRMS created for an administrator (healed at an Administrator's `GET /me`):
   * not a customer, so lists, search, export and analytics leave it out unless asked. Absent on
   * every customer's record (and on records stored before it existed), hence `$ne: true` filters.
   */
  isAdministrator?: true;
  /** Set once by a GDPR erasure (see services/erasure-service.ts). */
  erasedAt?: Date;
  erasedBy?: string;
  erasureReason?: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy?: string;
  updatedBy?: string;
}

/** The counters the sibling services keep up to date. */
export const COUNTERS = ['totalOrders', 'totalOrderValue', 'totalComplaints', 'openComplaints'] as const;
export type Counter = (typeof COUNTERS)[number];

/** Fields a change may set to a new value (the rest have their own intent, or are the data layer's). */
export type SettableFields = Partial<
  Pick<
    CustomerRecord,
    | 'email'
    | 'fullName'
    | 'isAdministrator'
    | 'customerStatus'
    | 'customerType'
    | 'notes'
    | 'tags'
    | 'noteHistory'
    | 'searchKeys'
    | 'lastOrderDate'
    | 'lastComplaintDate'
    | 'authSync'
    | 'erasedAt'
    | 'erasedBy'
    | 'erasureReason'
    | 'updatedAt'
    | 'updatedBy'
    | Counter
  >
>;

/**
 * One write to one customer, said as what changes (the data layer turns it into the database's
 * update). Every part is optional; the record's `version` is bumped by every write.
 */
export interface CustomerChange {
  set?: SettableFields;
  /** Preferences given here replace the stored ones of the same name; the others stay. */
  preferences?: Preferences;
  /** Optional fields removed from the record. */
  remove?: readonly ('contactNumber' | 'notes')[];
  /** Added to the counters (negative to subtract). */
  increment?: Partial<Record<Counter, number>>;
  appendStatusChange?: ChangeEntry<CustomerStatus>;
  appendTypeChange?: ChangeEntry<CustomerType>;
  appendNote?: NoteEntry;
  /** Takes over the pending Auth-sync entry for one delivery attempt. */
  claimAuthSync?: { claimedBy: string; claimedUntil: Date };
  /** Records the idempotency key of a statistics update (the last ones are kept). */
  recordAppliedKey?: string;
}

/** A condition on the record's current state, checked before a write (e.g. an HTTP `If-Match`). */
export type Precondition = (current: Pick<CustomerRecord, 'id' | 'version'>) => boolean;
