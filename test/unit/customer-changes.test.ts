import { ObjectId } from 'mongodb';
import { filterOf } from '../../src/data/customer-query.js';
import { APPLIED_KEYS_KEPT, storedId, toDocument, toRecord, updateOf } from '../../src/data/customer-records.js';
import type { CustomerRecord } from '../../src/domain/customer-record.js';
import { etagOf, ifMatchOf } from '../../src/http/etag.js';
import { normaliseCustomerId } from '../../src/http/path-params.js';

const hex = 'aabbccddeeff001122334455';

describe('When the data layer turns intents into MongoDB updates', () => {
  test('when a change sets fields, preferences, removes, increments and appends, then each becomes its operator', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const update = updateOf({
      set: { customerStatus: 'Suspended', updatedAt: at, updatedBy: 'admin1' },
      preferences: { language: 'hi', newsletter: undefined },
      remove: ['contactNumber'],
      increment: { totalOrders: 2, openComplaints: 0 },
      appendStatusChange: { from: 'Active', to: 'Suspended', changedBy: 'admin1', changedAt: at },
      appendNote: { noteId: hex, note: 'n', addedBy: 'admin1', addedAt: at },
      claimAuthSync: { claimedBy: 'w', claimedUntil: at },
      recordAppliedKey: 'k1',
    });
    expect(update).toEqual({
      $set: {
        customerStatus: 'Suspended',
        updatedAt: at,
        updatedBy: 'admin1',
        'preferences.language': 'hi',
        'authSync.claimedBy': 'w',
        'authSync.claimedUntil': at,
      },
      $unset: { contactNumber: '' },
      $inc: { totalOrders: 2 },
      $push: {
        statusHistory: { from: 'Active', to: 'Suspended', changedBy: 'admin1', changedAt: at },
        noteHistory: { noteId: new ObjectId(hex), note: 'n', addedBy: 'admin1', addedAt: at },
        appliedKeys: { $each: ['k1'], $slice: -APPLIED_KEYS_KEPT },
      },
    });
  });

  test('when a change writes a pending Auth-sync entry, then the top-level lookup key is set; when it writes a synced one, removed', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const entry = { desiredState: 'inactive', actingAdminId: 'a1', attempts: 0, nextAttemptAt: at, updatedAt: at } as const;
    expect(updateOf({ set: { authSync: { status: 'pending', ...entry } } })).toEqual({
      $set: { authSync: { status: 'pending', ...entry }, authSyncPending: true },
    });
    expect(updateOf({ set: { authSync: { status: 'synced', ...entry } } })).toEqual({
      $set: { authSync: { status: 'synced', ...entry } },
      $unset: { authSyncPending: '' },
    });
    // a claim alone leaves the entry (and its key) as it is
    expect(updateOf({ claimAuthSync: { claimedBy: 'w', claimedUntil: at } })).toEqual({
      $set: { 'authSync.claimedBy': 'w', 'authSync.claimedUntil': at },
    });
  });

  test('when a change is empty, then the update is empty (the repository adds only the version bump)', () => {
    expect(updateOf({})).toEqual({});
  });

  test('when criteria name every filter, then the filter has one clause per indexed field and anchored search prefixes', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(
      filterOf({
        status: 'Active',
        type: 'VIP',
        anyTag: ['a', 'b'],
        customerSince: { from },
        totalOrderValue: { from: 1, to: 9 },
        hasOpenComplaints: false,
        searchPrefixes: ['jo', 'a.b'],
      }),
    ).toEqual({
      customerStatus: 'Active',
      customerType: 'VIP',
      tags: { $in: ['a', 'b'] },
      customerSince: { $gte: from },
      totalOrderValue: { $gte: 1, $lte: 9 },
      openComplaints: 0,
      isAdministrator: { $ne: true },
      $and: [{ searchKeys: { $regex: '^jo' } }, { searchKeys: { $regex: '^a\\.b' } }],
    });
    expect(filterOf({})).toEqual({ isAdministrator: { $ne: true } });
    expect(filterOf({ includeAdministrators: true })).toEqual({});
  });
});

describe('When ids cross the service boundary', () => {
  test('when an id is not 24 hexadecimal digits, then no stored id exists for it', () => {
    expect(storedId('abcdefghijkl')).toBeNull();
    expect(storedId(hex.toUpperCase())?.toHexString()).toBe(hex);
  });

  test('when a record is stored and read back, then its ids are the same strings', () => {
    const at = new Date();
    const record = {
      id: hex,
      noteHistory: [{ noteId: hex, note: 'n', addedBy: 'a', addedAt: at }],
      userId: 'u',
      email: 'e',
      fullName: 'f',
    } as unknown as CustomerRecord;
    const doc = toDocument(record);
    expect(doc._id).toBeInstanceOf(ObjectId);
    expect(doc.noteHistory[0]?.noteId).toBeInstanceOf(ObjectId);
    expect(toRecord(doc)).toEqual(record);
  });
});

describe('When HTTP reads path parameters and ETags', () => {
  test('when a customerId path parameter passed the contract pattern, then the services get its lower-case form', () => {
    expect(normaliseCustomerId(hex.toUpperCase())).toBe(hex);
  });

  test('when If-Match lists the current ETag or *, then the precondition holds; another version does not', () => {
    const current = { id: hex, version: 3 };
    expect(etagOf(current)).toBe(`"${hex}-3"`);
    expect(ifMatchOf(`"x-1", "${hex}-3"`)?.(current)).toBe(true);
    expect(ifMatchOf('*')?.(current)).toBe(true);
    expect(ifMatchOf(`"${hex}-2"`)?.(current)).toBe(false);
    expect(ifMatchOf(undefined)).toBeUndefined();
  });
});
