import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Double, Int32, Long, ObjectId, type Document } from 'mongodb';

/**
 * Customer documents as the previous implementation of the guide stored them, for
 * inserting with the driver: optional values as `null` or empty strings, numbers as int32, double or
 * int64, `notes` as an array of `{note, addedBy, addedAt}`, timestamps under `metadata`, soft-deleted
 * customers (`Inactive` + `metadata.deletedAt/deletedBy`), Auth-format phone numbers, and none of the
 * fields CRMS derives (search keys, version, histories, schema version).
 */

const hexId = () => randomBytes(12).toString('hex');
const day = 24 * 3600 * 1000;
const date = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2026, 0, 1) }).map((ms) => new Date(ms));
const adminId = fc.constantFrom('bbbbbbbbbbbbbbbbbbbbbbbb', '65a1b2c3d4e5f6a7b8c9d0e0', 'admin_1');

/** An integer as int32, double or int64, as the previous implementation's driver stored it. */
const storedInt = (max: number) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.constantFrom('int32', 'double', 'long'))
    .map(([n, type]) => (type === 'int32' ? new Int32(n) : type === 'double' ? new Double(n) : Long.fromNumber(n)));
const storedAmount = fc.oneof(
  storedInt(100_000),
  fc.integer({ min: 0, max: 10_000_000 }).map((cents) => new Double(cents / 100)),
);

/** Absent (undefined: the key is left out), null, or a value. */
const optional = <T>(value: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), fc.constant(null), value);

const legacyNote = fc.record({
  note: fc.oneof(
    fc.constantFrom('Called about a late refund', 'VIP candidate', 'Prefers e-mail'),
    fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !s.includes('\u0000')),
  ),
  addedBy: adminId,
  addedAt: date,
});

const fullName = fc.oneof(
  fc.constant(''),
  fc.constantFrom('Asha Rao', 'Jean-Luc O’Neil', 'Zoë Müller', 'A'),
  fc.string({ minLength: 2, maxLength: 40 }).filter((s) => !s.includes('\u0000')),
);

export interface LegacyShape {
  /** Timestamps at the top level (a CRMS-like record) or only under `metadata` (the previous implementation). */
  timestamps: 'top' | 'metadata';
  softDeleted: boolean;
}

/** One legacy document; `index` makes userId and email unique within a data set. */
export const legacyCustomer = (index: number): fc.Arbitrary<Document> =>
  fc
    .record({
      fullName,
      contactNumber: optional(fc.constantFrom('+91 98765 43210', '9876543211', '', '+1 (555) 010-0199')),
      customerStatus: fc.constantFrom('Active', 'Inactive', 'Suspended'),
      customerType: fc.constantFrom('Regular', 'Premium', 'VIP'),
      totalOrders: storedInt(500),
      totalOrderValue: storedAmount,
      complaints: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })),
      complaintType: fc.constantFrom('int32', 'double'),
      lastOrderDate: optional(date),
      lastComplaintDate: optional(date),
      customerSince: date,
      notes: fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.constant(''),
        fc.constant('Summary written through PUT'),
        fc.array(legacyNote, { minLength: 0, maxLength: 4 }),
      ),
      tags: fc.oneof(fc.constant([]), fc.constant(['vip', 'newsletter'])),
      preferences: fc.oneof(fc.constant({}), fc.constant({ newsletter: true, notifications: false, language: 'en' })),
      createdBy: optional(adminId),
      updatedBy: optional(adminId),
      timestamps: fc.constantFrom<LegacyShape['timestamps']>('top', 'metadata'),
      activity: fc.record(
        {
          lastLoginDate: optional(date),
          loginCount: optional(storedInt(1000)),
          lastActivityDate: optional(date),
        },
        { requiredKeys: [] },
      ),
      softDeleted: fc.boolean(),
      deletedBy: optional(adminId),
    })
    .map((g) => {
      const userId = hexId();
      const [total, open] = g.complaints;
      const totalComplaints = Math.max(total, open);
      const int = (n: number) => (g.complaintType === 'int32' ? new Int32(n) : new Double(n));
      const created = new Date(g.customerSince.getTime() + day);
      const modified = new Date(created.getTime() + day);
      const doc: Document = {
        _id: new ObjectId(),
        userId,
        email: `legacy.${index}.${userId.slice(0, 6)}@example.com`,
        fullName: g.fullName,
        customerStatus: g.softDeleted ? 'Inactive' : g.customerStatus,
        customerType: g.customerType,
        totalOrders: g.totalOrders,
        totalOrderValue: g.totalOrderValue,
        totalComplaints: int(totalComplaints),
        openComplaints: int(open),
        customerSince: g.customerSince,
        tags: g.tags,
        preferences: g.preferences,
      };
      const set = (key: string, value: unknown) => {
        if (value !== undefined) doc[key] = value;
      };
      set('contactNumber', g.contactNumber);
      set('lastOrderDate', g.lastOrderDate);
      set('lastComplaintDate', g.lastComplaintDate);
      set('notes', g.notes);
      set('createdBy', g.createdBy);
      set('updatedBy', g.updatedBy);
      const metadata: Document = {};
      for (const [key, value] of Object.entries(g.activity)) if (value !== undefined) metadata[key] = value;
      if (g.timestamps === 'top') {
        doc['createdAt'] = created;
        doc['updatedAt'] = modified;
      } else {
        Object.assign(metadata, {
          createdAt: created,
          createdBy: g.createdBy ?? null,
          lastModifiedAt: modified,
          lastModifiedBy: g.updatedBy ?? null,
        });
      }
      if (g.softDeleted) {
        metadata['deletedAt'] = new Date(modified.getTime() + day);
        metadata['deletedBy'] = g.deletedBy ?? null;
      }
      if (Object.keys(metadata).length > 0 || g.timestamps === 'metadata') doc['metadata'] = metadata;
      return doc;
    });

/** A counter as the previous implementation may have left it: a string, negative, fractional, or fine. */
const oddCounter = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map((n) => String(n)),
  fc.constantFrom('12.5', ' 7 ', 'n/a', ''),
  fc.integer({ min: -20, max: -1 }).map((n) => new Int32(n)),
  fc.integer({ min: 1, max: 999 }).map((n) => new Double(n / 10)),
  fc.integer({ min: 0, max: 50 }).map((n) => new Int32(n)),
);
// the sort fields (totalOrders, totalOrderValue) never as strings: a keyset cursor cannot continue
// from a string value yet (they are served, and `crms migrate` stores them as numbers)
const oddSortCounter = fc.oneof(
  fc.integer({ min: -20, max: -1 }).map((n) => new Int32(n)),
  fc.integer({ min: 1, max: 999 }).map((n) => new Double(n / 10)),
);
const oddAmount = fc.oneof(
  fc.integer({ min: -10_000, max: -1 }).map((n) => new Double(n / 100)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Double(n / 100)),
);
const manyTags = fc
  .integer({ min: 51, max: 80 })
  .map((n) => [...Array.from({ length: n }, (_, i) => `tag-${i}`), '  spaced  ', 'tag-1', 'x'.repeat(70), 'bell\u0007tag']);

/**
 * The edges of the previous implementation's data: counters as strings, negative or
 * fractional; unknown or differently-cased statuses and types; an e-mail that is empty, not an
 * address or in mixed case; no user id or an invalid one; more than 50 tags, with duplicates,
 * blanks, long ones and control characters.
 */
export const edgeLegacyCustomer = (index: number): fc.Arbitrary<Document> =>
  fc
    .tuple(
      legacyCustomer(index),
      fc.record(
        {
          totalOrders: oddSortCounter,
          totalOrderValue: oddAmount,
          totalComplaints: oddCounter,
          openComplaints: oddCounter,
          customerStatus: fc.constantFrom('active', 'SUSPENDED', 'Banned', null, 42),
          customerType: fc.constantFrom('vip', 'Gold', null),
          email: fc.constantFrom('', '   ', 'not-an-email', ` Mixed.Case.${index}@Example.COM `, null),
          userId: fc.constantFrom('absent', 'null', 'empty', 'invalid'),
          tags: manyTags,
        },
        { requiredKeys: [] },
      ),
    )
    .map(([doc, edges]) => {
      const out: Document = { ...doc };
      for (const [key, value] of Object.entries(edges)) {
        if (key !== 'userId') out[key] = value;
      }
      if (edges.userId === 'absent') delete out['userId'];
      // null and '' at most once per data set: FerretDB's unique index (not partial) lets one record hold each
      else if (edges.userId === 'null') {
        if (index === 0) out['userId'] = null;
        else delete out['userId'];
      } else if (edges.userId === 'empty') out['userId'] = index === 0 ? '' : `legacy.user.${index}`;
      else if (edges.userId === 'invalid') out['userId'] = `legacy.user.${index}`;
      return out;
    });

/** A data set of 1..max legacy documents with unique users. */
export const legacyDataSet = (max: number): fc.Arbitrary<Document[]> =>
  fc.integer({ min: 1, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => legacyCustomer(i))));

/** A data set of 1..max legacy documents with the edges of {@link edgeLegacyCustomer} mixed in. */
export const edgeLegacyDataSet = (max: number): fc.Arbitrary<Document[]> =>
  fc
    .integer({ min: 1, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => fc.oneof(legacyCustomer(i), edgeLegacyCustomer(i)))));

/** The edge records, one per kind, fixed: what reads and analytics must serve. */
export function edgeLegacyRecords(): Record<string, Document> {
  const at = (iso: string) => new Date(iso);
  const base = (email: string): Document => ({
    _id: new ObjectId(),
    userId: hexId(),
    email,
    fullName: 'Edge Case',
    customerStatus: 'Active',
    customerType: 'Regular',
    totalOrders: new Int32(1),
    totalOrderValue: new Double(10),
    totalComplaints: new Int32(0),
    openComplaints: new Int32(0),
    customerSince: at('2024-01-01T00:00:00.000Z'),
    tags: [],
    preferences: {},
    createdAt: at('2024-01-01T00:00:00.000Z'),
    updatedAt: at('2024-01-02T00:00:00.000Z'),
  });
  const withoutUser = (email: string) => {
    const doc = base(email);
    delete doc['userId'];
    return doc;
  };
  return {
    stringNumbers: { ...base('strings@example.com'), totalComplaints: '3', openComplaints: '1' },
    negatives: {
      ...base('negatives@example.com'),
      totalOrders: new Int32(-4),
      totalOrderValue: new Double(-99.5),
      totalComplaints: new Int32(-2),
      openComplaints: new Int32(-1),
    },
    fractions: { ...base('fractions@example.com'), totalComplaints: new Double(294.7), openComplaints: new Double(0.4) },
    unknownStatusAndType: { ...base('unknown@example.com'), customerStatus: 'Banned', customerType: 'Gold' },
    lowerCaseStatusAndType: { ...base('lower@example.com'), customerStatus: 'suspended', customerType: 'vip' },
    emptyEmail: base(''),
    invalidEmail: base('not-an-email'),
    mixedCaseEmail: base('  Mixed.Case@Example.COM '),
    noUserId: withoutUser('no.user.1@example.com'),
    secondNoUserId: withoutUser('no.user.2@example.com'),
    nullUserId: { ...base('null.user@example.com'), userId: null },
    invalidUserId: { ...base('invalid.user@example.com'), userId: 'user.with.dots' },
    manyTags: { ...base('many.tags@example.com'), tags: Array.from({ length: 64 }, (_, i) => `tag-${i}`) },
  };
}

/** Order totals stored as strings: served and counted, but not yet continued from by a keyset cursor (see oddSortCounter). */
export function stringOrderTotalsRecord(): Document {
  const doc = Object.values(edgeLegacyRecords())[0]!;
  return {
    ...doc,
    _id: new ObjectId(),
    userId: hexId(),
    email: 'string.totals@example.com',
    totalOrders: '12',
    totalOrderValue: '1250.50',
  };
}

/** The example records, one per shape, fixed. */
export function exampleLegacyRecords(): Record<string, Document> {
  const at = (iso: string) => new Date(iso);
  return {
    nullsAndEmptyStrings: {
      _id: new ObjectId(),
      userId: hexId(),
      email: 'nulls@example.com',
      fullName: '',
      contactNumber: '',
      customerStatus: 'Active',
      customerType: 'Regular',
      totalOrders: new Int32(3),
      totalOrderValue: new Double(1250.5),
      totalComplaints: new Double(1),
      openComplaints: new Int32(0),
      lastOrderDate: null,
      lastComplaintDate: null,
      customerSince: at('2024-03-01T09:00:00.000Z'),
      notes: null,
      tags: [],
      preferences: {},
      createdBy: null,
      updatedBy: null,
      createdAt: at('2024-03-01T09:00:00.000Z'),
      updatedAt: at('2024-05-01T09:00:00.000Z'),
    },
    notesArrayWithMetadataTimestamps: {
      _id: new ObjectId(),
      userId: hexId(),
      email: 'notes.array@example.com',
      fullName: 'Asha Rao',
      contactNumber: '+91 98765 43210',
      customerStatus: 'Active',
      customerType: 'Premium',
      totalOrders: new Double(12),
      totalOrderValue: new Double(40210.75),
      totalComplaints: new Int32(2),
      openComplaints: new Int32(1),
      lastOrderDate: at('2025-11-02T10:00:00.000Z'),
      customerSince: at('2023-01-15T08:00:00.000Z'),
      notes: [
        { note: 'Asked for a callback', addedBy: 'bbbbbbbbbbbbbbbbbbbbbbbb', addedAt: at('2024-02-01T10:00:00.000Z') },
        { note: 'Upgraded to Premium after review', addedBy: '65a1b2c3d4e5f6a7b8c9d0e0', addedAt: at('2024-06-01T10:00:00.000Z') },
      ],
      tags: ['loyal'],
      preferences: { newsletter: true, notifications: true, language: 'en' },
      metadata: {
        createdAt: at('2023-01-15T08:00:00.000Z'),
        createdBy: null,
        lastModifiedAt: at('2024-06-01T10:00:00.000Z'),
        lastModifiedBy: '65a1b2c3d4e5f6a7b8c9d0e0',
        lastLoginDate: at('2025-11-01T18:00:00.000Z'),
        loginCount: new Double(57),
        lastActivityDate: at('2025-11-02T10:00:00.000Z'),
      },
    },
    softDeleted: {
      _id: new ObjectId(),
      userId: hexId(),
      email: 'soft.deleted@example.com',
      fullName: 'Ravi Kumar',
      contactNumber: '9876543211',
      customerStatus: 'Inactive',
      customerType: 'Regular',
      totalOrders: new Int32(0),
      totalOrderValue: new Int32(0),
      totalComplaints: new Int32(0),
      openComplaints: new Int32(0),
      customerSince: at('2022-07-10T12:00:00.000Z'),
      tags: [],
      preferences: {},
      metadata: {
        createdAt: at('2022-07-10T12:00:00.000Z'),
        lastModifiedAt: at('2024-09-09T09:09:09.000Z'),
        deletedAt: at('2024-09-09T09:09:09.000Z'),
        deletedBy: 'bbbbbbbbbbbbbbbbbbbbbbbb',
      },
    },
  };
}
