import type { Collection, Db, Document, Filter, ObjectId } from 'mongodb';
import { CUSTOMERS_COLLECTION } from './customer-document.js';
import { RECORD_FIELDS } from '../domain/customer-fields.js';
import { COUNTERS } from '../domain/customer-record.js';
import { buildSearchKeys } from '../domain/search-keys.js';
import { CURRENT_SCHEMA_VERSION, LIFTED_METADATA_KEYS, normaliseCustomer, numberOf } from './stored-customer.js';

/**
 * Upgrading one stored customer to the shape this CRMS writes (schema version
 * {@link CURRENT_SCHEMA_VERSION}): the document {@link normaliseCustomer} serves, with rebuilt search
 * keys and `schemaVersion`, written back by one conditional replacement that matches only the exact
 * state it was computed from. A concurrent write (by CRMS or by the previous implementation) makes it
 * match nothing; the record is then read again and upgraded from its new state, so no write is ever
 * overwritten. Used by the migration (src/data/migrations/) and, before any write, by the repository.
 */

/** What an upgrade changes in a record, as counted by the migration report. */
export const UPGRADE_KINDS = {
  searchKeys: 'search keys backfilled',
  version: 'ETag version backfilled',
  notesArray: 'notes array turned into noteHistory (last note kept as notes)',
  metadataTimestamps: 'metadata.createdAt/lastModifiedAt lifted to createdAt/updatedAt',
  softDeleted: 'soft-deleted record: deletion recorded in statusHistory',
  nulls: 'null or empty optional values removed',
  numbers: 'numbers stored as CRMS stores them (integers, non-negative)',
  defaults: 'missing fields set (tags, preferences, histories, dates)',
  schemaVersion: 'schemaVersion recorded',
} as const;
export type UpgradeKind = keyof typeof UPGRADE_KINDS;

/** Every top-level field CRMS writes: the record's fields and the outbox's lookup key. */
const STORED_FIELDS: readonly string[] = [...RECORD_FIELDS, 'authSyncPending'];

const DEFAULTED_FIELDS = ['tags', 'preferences', 'noteHistory', 'statusHistory', 'typeHistory', 'customerSince'] as const;
const NUMBERS = [...COUNTERS, 'version'] as const;

/** Matches the records below the current schema version (`null` also matches a missing field): an `$in` on the indexed field. */
export function belowCurrentSchemaFilter(): Filter<Document> {
  const older = Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1);
  return { schemaVersion: { $in: [null, 0, ...older] } };
}

/** How many records are below the current schema version: an index-served count (index `schemaVersion`). */
export function countBelowCurrentSchema(db: Db, maxTimeMS?: number): Promise<number> {
  return db.collection(CUSTOMERS_COLLECTION).countDocuments(belowCurrentSchemaFilter(), maxTimeMS === undefined ? {} : { maxTimeMS });
}

export interface UpgradePlan {
  id: ObjectId;
  /** The replacement document (without `_id`). */
  next: Document;
  kinds: UpgradeKind[];
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const bsonType = (v: unknown): string | undefined =>
  typeof v === 'number'
    ? Number.isInteger(v) && Math.abs(v) < 2 ** 31
      ? 'Int32'
      : 'Double'
    : isObject(v) && typeof v['_bsontype'] === 'string'
      ? v['_bsontype']
      : undefined;
/** What the driver stores a JS number as. */
const storedTypeOf = (n: number): string => (Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 ? 'Int32' : 'Double');

/**
 * The upgrade of one stored record, read with `promoteValues: false` (so the stored number types are
 * visible), or null when it is at the current schema version already.
 */
export function planUpgrade(raw: Document): UpgradePlan | null {
  const r = raw as Raw;
  if (numberOf(r['schemaVersion']) === CURRENT_SCHEMA_VERSION) return null;
  const doc = normaliseCustomer(raw);
  const metadata = isObject(r['metadata']) ? r['metadata'] : undefined;

  const next: Document = {};
  // fields this CRMS does not know are kept as they are
  for (const [key, value] of Object.entries(r)) {
    if (key !== '_id' && !STORED_FIELDS.includes(key)) next[key] = value;
  }
  const { _id, metadata: activity, ...fields } = doc;
  Object.assign(next, fields, {
    // the outbox's lookup key follows the entry's status (auth-sync-outbox.ts)
    ...(doc.authSync?.status === 'pending' ? { authSyncPending: true } : {}),
    searchKeys: buildSearchKeys({ fullName: doc.fullName, email: doc.email, contactNumber: doc.contactNumber }),
    schemaVersion: CURRENT_SCHEMA_VERSION,
  });
  if (metadata) {
    // the activity fields as CRMS stores them, other keys of the previous implementation's metadata kept
    const kept = Object.fromEntries(
      Object.entries(metadata).filter(
        ([k, v]) =>
          v !== null &&
          !(LIFTED_METADATA_KEYS as readonly string[]).includes(k) &&
          !['lastLoginDate', 'loginCount', 'lastActivityDate'].includes(k),
      ),
    );
    next['metadata'] = { ...kept, ...activity };
  }

  const kinds = new Set<UpgradeKind>(['schemaVersion']);
  const storedKeys = Array.isArray(r['searchKeys']) ? (r['searchKeys'] as unknown[]) : undefined;
  const keys = next['searchKeys'] as string[];
  if (!storedKeys || storedKeys.length !== keys.length || storedKeys.some((k, i) => k !== keys[i])) kinds.add('searchKeys');
  if (numberOf(r['version']) === undefined) kinds.add('version');
  if (Array.isArray(r['notes'])) kinds.add('notesArray');
  if (
    metadata &&
    (metadata['createdAt'] !== undefined || metadata['lastModifiedAt'] !== undefined) &&
    (r['createdAt'] === undefined || r['updatedAt'] === undefined)
  ) {
    kinds.add('metadataTimestamps');
  }
  if (metadata && metadata['deletedAt'] !== undefined && metadata['deletedAt'] !== null) kinds.add('softDeleted');
  const emptyOptional = (v: unknown) => v === null || v === '';
  if (
    Object.entries(r).some(
      ([k, v]) => v === null || (emptyOptional(v) && ['contactNumber', 'notes', 'createdBy', 'updatedBy'].includes(k)),
    ) ||
    (metadata && Object.values(metadata).some((v) => v === null))
  ) {
    kinds.add('nulls');
  }
  const numbers: [unknown, number | undefined][] = NUMBERS.filter((f) => r[f] !== undefined && r[f] !== null).map((f) => [
    r[f],
    next[f] as number,
  ]);
  if (metadata?.['loginCount'] !== undefined && metadata['loginCount'] !== null)
    numbers.push([metadata['loginCount'], activity?.loginCount]);
  if (numbers.some(([stored, value]) => value === undefined || numberOf(stored) !== value || bsonType(stored) !== storedTypeOf(value)))
    kinds.add('numbers');
  if (
    DEFAULTED_FIELDS.some((f) => r[f] === undefined) ||
    (r['createdAt'] === undefined && !metadata?.['createdAt']) ||
    (r['updatedAt'] === undefined && !metadata?.['lastModifiedAt'])
  ) {
    kinds.add('defaults');
  }
  return { id: doc._id, next, kinds: [...kinds] };
}

/**
 * Matches the record only in exactly the state `raw` shows: every stored top-level field equal, and
 * every field either implementation writes that `raw` lacks still absent.
 */
export function stateFilter(raw: Document): Filter<Document> {
  const filter: Document = { _id: raw['_id'] };
  for (const [key, value] of Object.entries(raw)) if (key !== '_id') filter[key] = value;
  for (const key of STORED_FIELDS) if (!(key in raw)) filter[key] = { $exists: false };
  return filter;
}

export type UpgradeOutcome = 'upgraded' | 'current' | 'missing';

const MAX_ATTEMPTS = 10;

/**
 * Upgrades the record `id` from whatever state it is in now. `raw` is a state already read (the
 * migration's batch); `beforeWrite` runs between the read and the conditional write (tests use it
 * to write concurrently). Returns what happened and how many conditional writes lost to another writer.
 */
export async function upgradeRecord(
  collection: Collection<Document>,
  id: ObjectId,
  raw?: Document | null,
  beforeWrite?: (id: ObjectId) => Promise<void>,
): Promise<{ outcome: UpgradeOutcome; conflicts: number }> {
  let state = raw;
  let conflicts = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    state ??= await collection.findOne({ _id: id }, { promoteValues: false });
    if (!state) return { outcome: 'missing', conflicts };
    const plan = planUpgrade(state);
    if (!plan) return { outcome: 'current', conflicts };
    if (attempt === 0) await beforeWrite?.(id);
    const result = await collection.replaceOne(stateFilter(state), plan.next);
    if (result.matchedCount === 1) return { outcome: 'upgraded', conflicts };
    conflicts++;
    state = null;
  }
  throw new Error(`customer ${id.toHexString()} kept changing while it was being upgraded (${MAX_ATTEMPTS} attempts)`);
}
