import type { ObjectId } from 'mongodb';
import type { CustomerRecord, NoteEntry as RecordNoteEntry } from '../domain/customer-record.js';

export type { AuthSyncState, ChangeEntry, CustomerStatus, CustomerType } from '../domain/customer-record.js';

/** The collection of the customer records ({@link CustomerDocument}). */
export const CUSTOMERS_COLLECTION = 'customers';

/** A note as stored: its id is an ObjectId. */
export interface NoteEntry extends Omit<RecordNoteEntry, 'noteId'> {
  noteId: ObjectId;
}

/**
 * One document of the `customers` collection as stored: the CustomerRecord (domain/customer-record.ts)
 * with ObjectIds for its id and its notes' ids (mapped in customer-records.ts).
 */
export interface CustomerDocument extends Omit<CustomerRecord, 'id' | 'noteHistory'> {
  _id: ObjectId;
  noteHistory: NoteEntry[];
  /**
   * Stored while `authSync.status` is `pending`, absent otherwise: the Auth-sync outbox's lookup key
   * (auth-sync-outbox.ts). Not part of the record the services see.
   */
  authSyncPending?: true;
}
