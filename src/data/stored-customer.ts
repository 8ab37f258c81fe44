import { createHash } from 'node:crypto';
import { ObjectId, type Document } from 'mongodb';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES, type CustomerStatus, type CustomerType } from '../domain/customer-record.js';
import type { ChangeEntry, CustomerDocument, NoteEntry } from './customer-document.js';

/**
 * The one mapping from a stored `customers` document to {@link CustomerDocument}. Every read of the
 * data layer goes through it, so the services and views see one shape whatever wrote the record:
 * this CRMS, or the previous implementation of the guide, whose records differ in these ways:
 *   - optional values stored as `null`, an empty `contactNumber`, numbers as int32 or double (or Long);
 *   - `notes` as an array of `{note, addedBy, addedAt}` (its "add note" endpoint pushed to it);
 *   - `metadata.createdAt/createdBy/lastModifiedAt/lastModifiedBy` instead of `createdAt`/`updatedAt`;
 *   - soft deletion: `customerStatus: "Inactive"` with `metadata.deletedAt/deletedBy`;
 *   - no search keys, version, histories or schema version.
 * What cannot be shown within the contract is left out (an unusable date, a negative counter is
 * read as 0); the migration (src/data/migrations/) writes the result back, so the stored record and what
 * is served become the same.
 */

/** The schema version of the records this CRMS writes (`schemaVersion`); absent on older records. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Actor recorded when a legacy record names none (or one that is not a valid user id). */
export const UNKNOWN_ACTOR = 'unknown';

/** The reason of the status-history entry that records a soft deletion by the previous implementation. */
export const SOFT_DELETE_REASON = 'Deleted by the previous implementation (soft delete)';

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const NOTE_MAX = 1000;
const REASON_MAX = 500;

/** Legacy `metadata` keys that {@link normaliseCustomer} lifts out of `metadata`. */
export const LIFTED_METADATA_KEYS = ['createdAt', 'createdBy', 'lastModifiedAt', 'lastModifiedBy', 'deletedAt', 'deletedBy'] as const;

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => typeof v === 'string' && a.toLowerCase() === v.trim().toLowerCase());

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * A stored number as a JS number: plain numbers, the driver's Int32/Double/Long/Decimal128 wrappers,
 * and decimal numbers stored as strings (`"12"`, `"40.5"`).
 */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return NUMERIC_TEXT.test(v) ? Number(v) : undefined;
  if (isObject(v) && typeof v['_bsontype'] === 'string') {
    const n = Number((v as { toString(): string }).toString());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A counter as served: a whole number, 0 when negative or unusable. */
export const count = (v: unknown): number => Math.max(0, Math.round(numberOf(v) ?? 0));
/** An amount as served: 0 when negative or unusable. */
export const amount = (v: unknown): number => Math.max(0, numberOf(v) ?? 0);

/** A status as served: the known one it names (any case), else Active. */
export const statusOf = (v: unknown): CustomerStatus => oneOf(v, CUSTOMER_STATUSES) ?? 'Active';
/** A type as served: the known one it names (any case), else Regular. */
export const typeOf = (v: unknown): CustomerType => oneOf(v, CUSTOMER_TYPES) ?? 'Regular';

/** An e-mail address as served: trimmed and lower-case ('' when there is none). */
export const emailOf = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/** A user id as served: a valid one, else '' (the record has none; the presenters leave it out). */
export const userIdOf = (v: unknown): string => {
  const text = typeof v === 'string' ? v : '';
  return USER_ID.test(text) ? text : '';
};

const TAG_MAX = 50;
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Tags as served: strings without control characters, trimmed, at most 50 characters, non-blank, de-duplicated; all of them. */
export function tagsOf(v: unknown): string[] {
  const tags = arrayOf(v)
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(CONTROL, ' ').trim().slice(0, TAG_MAX).trim())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}

function dateOf(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** A non-empty string (an ObjectId as its hex form), else undefined. */
function textOf(v: unknown): string | undefined {
  if (v instanceof ObjectId) return v.toHexString();
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A user id valid in the contract, else undefined. */
function actorOf(v: unknown): string | undefined {
  const text = textOf(v);
  return text !== undefined && USER_ID.test(text) ? text : undefined;
}

/**
 * The id of a note of a legacy `notes` array, which had none: derived from the customer, the
 * note's position and its content, with the note's time as the ObjectId's timestamp, so every read
 * and the migration give the same note the same id.
 */
export function legacyNoteId(customerId: ObjectId, index: number, note: string, addedAt: Date): ObjectId {
  const bytes = Buffer.alloc(12);
  bytes.writeUInt32BE(Math.max(0, Math.min(0xffffffff, Math.floor(addedAt.getTime() / 1000))), 0);
  createHash('sha256').update(`${customerId.toHexString()}|${index}|${note}`).digest().copy(bytes, 4, 0, 8);
  return new ObjectId(bytes);
}

function noteEntry(v: unknown, fallbackAt: Date, legacy?: { customerId: ObjectId; index: number }): NoteEntry | undefined {
  if (!isObject(v)) return undefined;
  const note = typeof v['note'] === 'string' ? v['note'].slice(0, NOTE_MAX) : '';
  if (note.trim() === '') return undefined;
  const addedAt = dateOf(v['addedAt']) ?? fallbackAt;
  const noteId =
    v['noteId'] instanceof ObjectId ? v['noteId'] : legacy ? legacyNoteId(legacy.customerId, legacy.index, note, addedAt) : undefined;
  if (!noteId) return undefined;
  return { noteId, note, addedBy: actorOf(v['addedBy']) ?? UNKNOWN_ACTOR, addedAt };
}

function changeEntry<T extends string>(v: unknown, allowed: readonly T[]): ChangeEntry<T> | undefined {
  if (!isObject(v)) return undefined;
  const to = oneOf(v['to'], allowed);
  const changedAt = dateOf(v['changedAt']);
  if (!to || !changedAt) return undefined;
  const from = oneOf(v['from'], allowed);
  const reason = textOf(v['reason'])?.slice(0, REASON_MAX);
  return { ...(from ? { from } : {}), to, ...(reason ? { reason } : {}), changedBy: actorOf(v['changedBy']) ?? UNKNOWN_ACTOR, changedAt };
}

/** Maps a stored customer document (of any shape above) to the record type; never throws. */
export function normaliseCustomer(raw: Document): CustomerDocument {
  const r = raw as Raw;
  const _id = r['_id'] instanceof ObjectId ? r['_id'] : new ObjectId();
  const metadata = isObject(r['metadata']) ? r['metadata'] : {};
  const customerSinceStored = dateOf(r['customerSince']);
  const createdAt = dateOf(r['createdAt']) ?? dateOf(metadata['createdAt']) ?? customerSinceStored ?? _id.getTimestamp();
  const updatedAt = dateOf(r['updatedAt']) ?? dateOf(metadata['lastModifiedAt']) ?? createdAt;
  const customerStatus = statusOf(r['customerStatus']);

  // legacy `notes` array: oldest first, ahead of the notes this CRMS added
  const legacyNotes = Array.isArray(r['notes'])
    ? r['notes'].flatMap((n, index) => noteEntry(n, createdAt, { customerId: _id, index }) ?? [])
    : [];
  const noteHistory = [...legacyNotes, ...arrayOf(r['noteHistory']).flatMap((n) => noteEntry(n, createdAt) ?? [])];
  const notes = Array.isArray(r['notes']) ? legacyNotes.at(-1)?.note : textOf(r['notes'])?.slice(0, NOTE_MAX);

  const statusHistory = arrayOf(r['statusHistory']).flatMap((c) => changeEntry(c, CUSTOMER_STATUSES) ?? []);
  const deletedAt = dateOf(metadata['deletedAt']);
  if (deletedAt && !statusHistory.some((c) => c.reason === SOFT_DELETE_REASON && c.changedAt.getTime() === deletedAt.getTime())) {
    statusHistory.push({
      to: 'Inactive',
      reason: SOFT_DELETE_REASON,
      changedBy: actorOf(metadata['deletedBy']) ?? UNKNOWN_ACTOR,
      changedAt: deletedAt,
    });
  }

  const preferences: CustomerDocument['preferences'] = {};
  if (isObject(r['preferences'])) {
    const p = r['preferences'];
    if (typeof p['newsletter'] === 'boolean') preferences.newsletter = p['newsletter'];
    if (typeof p['notifications'] === 'boolean') preferences.notifications = p['notifications'];
    if (typeof p['language'] === 'string' && LANGUAGE.test(p['language']) && p['language'].length <= 35)
      preferences.language = p['language'];
  }

  const activity: NonNullable<CustomerDocument['metadata']> = {};
  const lastLoginDate = dateOf(metadata['lastLoginDate']);
  const lastActivityDate = dateOf(metadata['lastActivityDate']);
  const loginCount = numberOf(metadata['loginCount']);
  if (lastLoginDate) activity.lastLoginDate = lastLoginDate;
  if (loginCount !== undefined) activity.loginCount = count(loginCount);
  if (lastActivityDate) activity.lastActivityDate = lastActivityDate;

  const fullName = typeof r['fullName'] === 'string' ? r['fullName'] : '';
  const email = emailOf(r['email']);
  const contactNumber = textOf(r['contactNumber']);
  const tags = tagsOf(r['tags']);
  const version = numberOf(r['version']);
  const schemaVersion = numberOf(r['schemaVersion']);
  const searchKeys = arrayOf(r['searchKeys']).filter((k): k is string => typeof k === 'string');
  const appliedKeys = Array.isArray(r['appliedKeys']) ? r['appliedKeys'].filter((k): k is string => typeof k === 'string') : undefined;
  const authSync =
    isObject(r['authSync']) && typeof r['authSync']['status'] === 'string'
      ? (r['authSync'] as unknown as CustomerDocument['authSync'])
      : undefined;

  const doc: CustomerDocument = {
    _id,
    userId: userIdOf(r['userId']),
    email,
    fullName,
    customerStatus,
    customerType: typeOf(r['customerType']),
    totalOrders: count(r['totalOrders']),
    totalOrderValue: amount(r['totalOrderValue']),
    totalComplaints: count(r['totalComplaints']),
    openComplaints: count(r['openComplaints']),
    customerSince: customerSinceStored ?? createdAt,
    tags,
    preferences,
    noteHistory,
    statusHistory,
    typeHistory: arrayOf(r['typeHistory']).flatMap((c) => changeEntry(c, CUSTOMER_TYPES) ?? []),
    searchKeys,
    version: version !== undefined && version >= 1 ? Math.round(version) : 1,
    createdAt,
    updatedAt,
  };
  const optional: Partial<CustomerDocument> = {
    contactNumber,
    lastOrderDate: dateOf(r['lastOrderDate']),
    lastComplaintDate: dateOf(r['lastComplaintDate']),
    notes: notes && notes.trim() !== '' ? notes : undefined,
    metadata: isObject(r['metadata']) ? activity : undefined,
    appliedKeys,
    authSync,
    isAdministrator: r['isAdministrator'] === true ? (true as const) : undefined,
    erasedAt: dateOf(r['erasedAt']),
    erasedBy: actorOf(r['erasedBy']),
    erasureReason: textOf(r['erasureReason'])?.slice(0, REASON_MAX),
    createdBy: actorOf(r['createdBy']) ?? actorOf(metadata['createdBy']),
    updatedBy: actorOf(r['updatedBy']) ?? actorOf(metadata['lastModifiedBy']),
    schemaVersion,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (doc as unknown as Raw)[key] = value;
  }
  return doc;
}
