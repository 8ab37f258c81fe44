import fc from 'fast-check';
import type { Document, ObjectId } from 'mongodb';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer, customerToken, TEST_API_KEY } from '../support/tokens.js';
import { exampleLegacyRecords, legacyDataSet } from './support/legacy-documents.js';

/**
 * Issue 13 §1: records written by the previous implementation, inserted with the driver, are served by
 * every read path with 200 (the test app validates every response against the spec, so an answer that
 * breaks the contract would be a 500 here).
 */
let t: TestApp;
const admin = bearer(adminToken());
const service = { 'X-Service-API-Key': TEST_API_KEY };

beforeAll(async () => {
  // no analytics cache: every property run reads its own data set
  t = await startTestApp({ CACHE_TTL: '0', RATE_LIMIT_MAX: '100000' });
});
afterAll(async () => {
  await t.close();
});

const customers = () => t.database.db.collection('customers');

/** Every read operation over the data set; fails with the operation and the answer on anything but 200. */
async function readEverything(docs: Document[]): Promise<void> {
  const expect200 = (what: string, res: { status: number; body: unknown }) => {
    if (res.status !== 200) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  for (const doc of docs) {
    const id = (doc['_id'] as ObjectId).toHexString();
    const userId = doc['userId'] as string;
    expect200(`GET /api/customers/${id}`, await t.http.get(`/api/customers/${id}`).set(admin));
    expect200(`GET /api/customers/${id}/export`, await t.http.get(`/api/customers/${id}/export`).set(admin));
    expect200('GET /api/customers/me', await t.http.get('/api/customers/me').set(bearer(customerToken(userId))));
    expect200('GET /api/customers/me/statistics', await t.http.get('/api/customers/me/statistics').set(bearer(customerToken(userId))));
    expect200(`GET internal/user/${userId}`, await t.http.get(`/api/customers/internal/user/${userId}`).set(service));
  }
  const ids = new Set(docs.map((d) => (d['_id'] as ObjectId).toHexString()));
  for (const sortBy of ['createdAt', 'totalOrders', 'totalOrderValue', 'lastOrderDate']) {
    for (const sortOrder of ['asc', 'desc']) {
      // every page by cursor: each customer exactly once
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page <= docs.length; page++) {
        const res = await t.http
          .get('/api/customers')
          .query({ sortBy, sortOrder, limit: 2, ...(cursor ? { cursor } : {}) })
          .set(admin);
        expect200(`list ${sortBy} ${sortOrder} page ${page + 1}`, res);
        seen.push(...(res.body.data.customers as { customerId: string }[]).map((c) => c.customerId));
        cursor = res.body.data.pagination.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen.sort()).toEqual([...ids].sort());
      expect200(`list ${sortBy} ${sortOrder} page 2`, await t.http.get('/api/customers').query({ sortBy, sortOrder, limit: 2, page: 2 }).set(admin));
    }
  }
  expect200('list with filters', await t.http.get('/api/customers').query({ status: 'Inactive', hasOpenComplaints: true, minOrderValue: 1 }).set(admin));
  expect200('list searchTerm', await t.http.get('/api/customers').query({ searchTerm: 'legacy' }).set(admin));
  expect200('search', await t.http.get('/api/customers/search').query({ q: 'legacy' }).set(admin));
  expect200('search phone', await t.http.get('/api/customers/search').query({ q: '98765' }).set(admin));
  expect200('analytics', await t.http.get('/api/customers/analytics').set(admin));
  const csv = await t.http.get('/api/customers/export.csv').set(admin).buffer(true);
  expect200('export.csv', csv);
  expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(docs.length + 1);
}

describe('when the collection holds records of the previous implementation', () => {
  test('then the issue\'s example records are served by GET by id and /me, their legacy fields mapped', async () => {
    const examples = exampleLegacyRecords();
    await customers().deleteMany({});
    await customers().insertMany(Object.values(examples));
    await readEverything(Object.values(examples));

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
      { to: 'Inactive', reason: 'Deleted by the previous implementation (soft delete)', changedBy: 'bbbbbbbbbbbbbbbbbbbbbbbb', changedAt: '2024-09-09T09:09:09.000Z' },
    ]);
  });

  test('then every read path answers 200 within the contract for data sets in every legacy shape (property)', async () => {
    await fc.assert(
      fc.asyncProperty(legacyDataSet(6), async (docs) => {
        await customers().deleteMany({});
        await customers().insertMany(docs);
        await readEverything(docs);
      }),
      { numRuns: 20, seed: 13_2026, endOnFailure: true },
    );
  }, 300_000);
});
