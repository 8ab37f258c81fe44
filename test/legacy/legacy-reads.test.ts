import fc from 'fast-check';
import type { ObjectId } from 'mongodb';
import { migrate } from '../../src/data/migrations/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer, customerToken } from '../support/tokens.js';
import {
  edgeLegacyDataSet,
  edgeLegacyRecords,
  exampleLegacyRecords,
  legacyDataSet,
  stringOrderTotalsRecord,
} from './support/legacy-documents.js';
import { readEverything } from './support/read-everything.js';

/**
 * Records written by the previous implementation, inserted with the driver, are served by
 * every read path with 200 (the test app validates every response against the spec, so an answer that
 * breaks the contract would be a 500 here).
 */
let t: TestApp;
const admin = bearer(adminToken());

beforeAll(async () => {
  // no analytics cache: every property run reads its own data set
  t = await startTestApp({ CACHE_TTL: '0', RATE_LIMIT_MAX: '100000' });
});
afterAll(async () => {
  await t.close();
});

const customers = () => t.database.db.collection('customers');

describe('When the collection holds records of the previous implementation', () => {
  test("then the issue's example records are served by GET by id and /me, their legacy fields mapped", async () => {
    const examples = exampleLegacyRecords();
    await customers().deleteMany({});
    await customers().insertMany(Object.values(examples));
    await readEverything(t, Object.values(examples));

    const notes = examples['notesArrayWithMetadataTimestamps']!;
    const res = await t.http.get(`/api/customers/${(notes['_id'] as ObjectId).toHexString()}`).set(admin);
    expect(res.status).toBe(200);
    const c = res.body.data;
    expect(c.notes).toBe('Upgraded to Premium after review');
    expect(c.noteHistory.map((n: { note: string; addedBy: string; addedAt: string }) => [n.note, n.addedBy, n.addedAt])).toEqual([
      ['Asked for a callback', 'bbbbbbbbbbbbbbbbbbbbbbbb', '2024-02-01T10:00:00.000Z'],
      ['Upgraded to Premium after review', '65a1b2c3d4e5f6a7b8c9d0e0', '2024-06-01T10:00:00.000Z'],
    ]);
    expect(c.createdAt).toBe('2023-01-15T08:00:00.000Z');
    expect(c.updatedAt).toBe('2024-06-01T10:00:00.000Z');
    expect(c.updatedBy).toBe('65a1b2c3d4e5f6a7b8c9d0e0');
    expect(c.metadata).toEqual({ lastLoginDate: '2025-11-01T18:00:00.000Z', loginCount: 57, lastActivityDate: '2025-11-02T10:00:00.000Z' });
    // the note ids are stable from one read to the next
    const again = await t.http.get(`/api/customers/${c.customerId}`).set(admin);
    expect(again.body.data.noteHistory).toEqual(c.noteHistory);
    expect(again.headers['etag']).toBe(res.headers['etag']);

    const nulls = examples['nullsAndEmptyStrings']!;
    const me = await t.http.get('/api/customers/me').set(bearer(customerToken(nulls['userId'] as string)));
    expect(me.status).toBe(200);
    expect(me.body.data.fullName).toBe('');
    expect(me.body.data).not.toHaveProperty('contactNumber');
    expect(me.body.data).not.toHaveProperty('lastOrderDate');
    expect(me.body.data.totalComplaints).toBe(1);

    const deleted = examples['softDeleted']!;
    const soft = await t.http.get(`/api/customers/${(deleted['_id'] as ObjectId).toHexString()}`).set(admin);
    expect(soft.status).toBe(200);
    expect(soft.body.data.customerStatus).toBe('Inactive');
    expect(soft.body.data.statusHistory).toEqual([
      {
        to: 'Inactive',
        reason: 'Deleted by the previous implementation (soft delete)',
        changedBy: 'bbbbbbbbbbbbbbbbbbbbbbbb',
        changedAt: '2024-09-09T09:09:09.000Z',
      },
    ]);
  });

  test('then every read path answers 200 within the contract for data sets in every legacy shape (property)', async () => {
    await fc.assert(
      fc.asyncProperty(legacyDataSet(6), async (docs) => {
        await customers().deleteMany({});
        await customers().insertMany(docs);
        await readEverything(t, docs);
      }),
      { numRuns: 20, seed: 13_2026, endOnFailure: true },
    );
  }, 300_000);
});

describe('when the collection holds the edges of the previous implementation', () => {
  test('then every read path answers 200 within the contract for the fixed edge records', async () => {
    const edges = Object.values(edgeLegacyRecords());
    await customers().deleteMany({});
    await customers().insertMany(edges);
    await readEverything(t, edges);
  });

  test('then a record without a user id is served without one, an e-mail as stored (trimmed, lower-case), and every tag', async () => {
    const edges = edgeLegacyRecords();
    await customers().deleteMany({});
    await customers().insertMany(Object.values(edges));
    const get = async (name: string) =>
      (
        await t.http
          .get(`/api/customers/${(edges[name]!['_id'] as ObjectId).toHexString()}`)
          .set(admin)
          .expect(200)
      ).body.data;
    for (const name of ['noUserId', 'secondNoUserId', 'nullUserId', 'invalidUserId']) expect(await get(name)).not.toHaveProperty('userId');
    expect((await get('emptyEmail')).email).toBe('');
    expect((await get('invalidEmail')).email).toBe('not-an-email');
    expect((await get('mixedCaseEmail')).email).toBe('mixed.case@example.com');
    expect((await get('manyTags')).tags).toHaveLength(64);
    const list = await t.http.get('/api/customers').query({ limit: 100 }).set(admin).expect(200);
    expect(list.body.data.customers).toHaveLength(Object.keys(edges).length);
  });

  test('then analytics sums what reads serve: normalised numbers, statuses and types', async () => {
    const edges = { ...edgeLegacyRecords(), stringOrderTotals: stringOrderTotalsRecord() };
    await customers().deleteMany({});
    await customers().insertMany(Object.values(edges));
    // what GET by id serves, summed independently
    const served = await Promise.all(
      Object.values(edges).map(
        async (doc) =>
          (
            await t.http
              .get(`/api/customers/${(doc['_id'] as ObjectId).toHexString()}`)
              .set(admin)
              .expect(200)
          ).body.data as {
            customerStatus: string;
            customerType: string;
            totalOrders: number;
            totalOrderValue: number;
            totalComplaints: number;
            openComplaints: number;
          },
      ),
    );
    const sum = (f: (c: (typeof served)[number]) => number) => served.reduce((s, c) => s + f(c), 0);
    const res = await t.http.get('/api/customers/analytics').set(admin);
    expect(res.status).toBe(200);
    const a = res.body.data;
    expect(a.totalCustomers).toBe(served.length);
    expect(a.byStatus.Active + a.byStatus.Inactive + a.byStatus.Suspended).toBe(served.length);
    expect(a.byType.Regular + a.byType.Premium + a.byType.VIP).toBe(served.length);
    expect(a.byStatus.Suspended).toBe(served.filter((c) => c.customerStatus === 'Suspended').length);
    expect(a.byType.VIP).toBe(served.filter((c) => c.customerType === 'VIP').length);
    expect(a.orders.totalOrders).toBe(sum((c) => c.totalOrders));
    expect(a.orders.totalOrderValue).toBeCloseTo(
      sum((c) => c.totalOrderValue),
      2,
    );
    expect(a.complaints.totalComplaints).toBe(sum((c) => c.totalComplaints));
    expect(Number.isInteger(a.complaints.totalComplaints)).toBe(true);
    expect(a.complaints.openComplaints).toBe(sum((c) => c.openComplaints));
    expect(a.complaints.customersWithOpenComplaints).toBe(served.filter((c) => c.openComplaints > 0).length);
    expect(a.topCustomers[0].totalOrderValue).toBe(Math.max(...served.map((c) => c.totalOrderValue)));
    expect(a.topCustomers[0].totalOrderValue).toBe(1250.5);
    // and the figures are not cached on the legacy shapes: once migrated, the same
    const migrated = await migrate(t.database.db);
    expect(migrated.remaining).toBe(0);
    const after = (await t.http.get('/api/customers/analytics').set(admin).expect(200)).body.data;
    expect({ ...after, generatedAt: undefined }).toEqual({ ...a, generatedAt: undefined });
  });

  test('then every read path answers 200 within the contract for data sets mixing every edge (property)', async () => {
    await fc.assert(
      fc.asyncProperty(edgeLegacyDataSet(6), async (docs) => {
        await customers().deleteMany({});
        await customers().insertMany(docs);
        await readEverything(t, docs);
      }),
      { numRuns: 15, seed: 24_2026, endOnFailure: true },
    );
  }, 300_000);
});
