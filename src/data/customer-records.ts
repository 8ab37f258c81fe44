import { ObjectId, type UpdateFilter } from 'mongodb';
import type { CustomerChange, CustomerRecord, NoteEntry } from '../domain/customer-record.js';
import type { CustomerDocument, NoteEntry as StoredNote } from './customer-document.js';

/** Idempotency keys of statistics updates kept on a record. */
export const APPLIED_KEYS_KEPT = 100;

const HEX_ID = /^[0-9a-fA-F]{24}$/;

/**
 * The stored id of `id`; null when it is not 24 hexadecimal digits (no record can have it). HTTP
 * requests were checked against the contract's pattern already; this guard is for the calls that do
 * not come through HTTP (CLI, background work).
 */
export function storedId(id: string): ObjectId | null {
  return HEX_ID.test(id) ? ObjectId.createFromHexString(id) : null;
}

/** A fresh id for a new record or note, as the database would assign it. */
export function newId(): string {
  return new ObjectId().toHexString();
}

const storedNote = (n: NoteEntry): StoredNote => ({ ...n, noteId: ObjectId.createFromHexString(n.noteId) });

/** A stored document (as normaliseCustomer maps it) as the record the services see. */
export function toRecord(doc: CustomerDocument): CustomerRecord {
  const { _id, noteHistory, authSyncPending, ...rest } = doc;
  void authSyncPending;
  return { id: _id.toHexString(), ...rest, noteHistory: noteHistory.map((n) => ({ ...n, noteId: n.noteId.toHexString() })) };
}

/** A new record as the document to insert. */
export function toDocument(record: CustomerRecord): CustomerDocument {
  const { id, noteHistory, ...rest } = record;
  return {
    _id: ObjectId.createFromHexString(id),
    ...rest,
    noteHistory: noteHistory.map(storedNote),
    ...(record.authSync?.status === 'pending' ? { authSyncPending: true as const } : {}),
  };
}

/** The database update that makes `change` (the version bump is added by the repository). */
export function updateOf(change: CustomerChange): UpdateFilter<CustomerDocument> {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  const $inc: Record<string, number> = {};
  const $push: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change.set ?? {})) {
    if (value === undefined) continue;
    $set[key] = key === 'noteHistory' ? (value as NoteEntry[]).map(storedNote) : value;
  }
  for (const [key, value] of Object.entries(change.preferences ?? {})) {
    if (value !== undefined) $set[`preferences.${key}`] = value;
  }
  for (const key of change.remove ?? []) $unset[key] = '';
  // the outbox's top-level lookup key follows the entry's status (auth-sync-outbox.ts)
  const authSync = change.set?.authSync;
  if (authSync?.status === 'pending') $set['authSyncPending'] = true;
  else if (authSync) $unset['authSyncPending'] = '';
  for (const [key, delta] of Object.entries(change.increment ?? {})) {
    if (delta) $inc[key] = delta;
  }
  if (change.claimAuthSync) {
    $set['authSync.claimedBy'] = change.claimAuthSync.claimedBy;
    $set['authSync.claimedUntil'] = change.claimAuthSync.claimedUntil;
  }
  if (change.appendStatusChange) $push['statusHistory'] = change.appendStatusChange;
  if (change.appendTypeChange) $push['typeHistory'] = change.appendTypeChange;
  if (change.appendNote) $push['noteHistory'] = storedNote(change.appendNote);
  if (change.recordAppliedKey) $push['appliedKeys'] = { $each: [change.recordAppliedKey], $slice: -APPLIED_KEYS_KEPT };
  const update: Record<string, unknown> = {};
  if (Object.keys($set).length > 0) update['$set'] = $set;
  if (Object.keys($unset).length > 0) update['$unset'] = $unset;
  if (Object.keys($inc).length > 0) update['$inc'] = $inc;
  if (Object.keys($push).length > 0) update['$push'] = $push;
  return update as UpdateFilter<CustomerDocument>;
}
