import fc from 'fast-check';
import type { Document, ObjectId } from 'mongodb';
import { startTestApp, type TestAppWithSiblings } from '../support/harness.js';
import { adminToken, bearer, TEST_API_KEY } from '../support/tokens.js';
import { edgeLegacyRecords, exampleLegacyRecords, legacyDataSet } from './support/legacy-documents.js';
import { CURRENT_SCHEMA_VERSION } from '../../src/data/stored-customer.js';

/**
 * Every write path works on a record of the previous implementation that has not been
 * migrated yet (no 5xx, nothing of the record lost), and upgrades it to the current shape on the way.
 */
let t: TestAppWithSiblings;
const admin = bearer(adminToken());
const service = { 'X-Service-API-Key': TEST_API_KEY };

beforeAll(async () => {
  t = await startTestApp({ SERVICE_BREAKER_THRESHOLD: '100', RATE_LIMIT_MAX: '100000' }, { withSiblings: true });
});
afterAll(() => t.close());

const customers = () => t.database.db.collection('customers');
const idOf = (doc: Document) => (doc['_id'] as ObjectId).toHexString();

type Answer = { status: number; body: unknown };
const no5xx = (what: string, res: Answer) => {
  if (res.status >= 500) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
};

/** Every write operation on one legacy record, each on a fresh copy of it. */
async function writeEverything(doc: Document): Promise<void> {
  const id = idOf(doc);
  const fresh = async () => {
    await customers().deleteOne({ _id: doc['_id'] });
    await customers().insertOne({ ...doc });
  };
  const writes: [string, () => Promise<Answer>][] = [
    [
      'PUT',
      () =>
        t.http
          .put(`/api/customers/${id}`)
          .set(admin)
          .send({ notes: 'New summary', tags: ['a'], preferences: { language: 'hi-IN' }, customerType: 'VIP' }),
    ],
    ['PATCH status', () => t.http.patch(`/api/customers/${id}/status`).set(admin).send({ status: 'Suspended', reason: 'check' })],
    ['PATCH status Active', () => t.http.patch(`/api/customers/${id}/status`).set(admin).send({ status: 'Active' })],
    ['PATCH type', () => t.http.patch(`/api/customers/${id}/type`).set(admin).send({ customerType: 'Premium' })],
    ['POST notes', () => t.http.post(`/api/customers/${id}/notes`).set(admin).send({ note: 'Added after the switch' })],
    [
      'statistics increment',
      () =>
        t.http
          .patch(`/api/customers/internal/${id}/statistics`)
          .set(service)
          .send({ increment: { totalOrders: 1, totalOrderValue: 10.5 }, lastOrderDate: '2026-01-01T00:00:00Z' }),
    ],
    [
      'statistics absolute',
      () => t.http.patch(`/api/customers/internal/${id}/statistics`).set(service).send({ totalComplaints: 3, openComplaints: 1 }),
    ],
    ['legacy complaint count', () => t.http.patch(`/api/internal/customers/${id}/statistics`).set(service).send({ complaintCount: 1 })],
    [
      'bulk addTags',
      () =>
        t.http
          .post('/api/customers/bulk')
          .set(admin)
          .send({ action: 'addTags', customerIds: [id], value: ['migrated'] }),
    ],
    [
      'bulk setStatus',
      () =>
        t.http
          .post('/api/customers/bulk')
          .set(admin)
          .send({ action: 'setStatus', customerIds: [id], value: 'Inactive' }),
    ],
    ['erase', () => t.http.post(`/api/customers/${id}/erase`).set(admin).send({ reason: 'GDPR request' })],
    ['DELETE', () => t.http.delete(`/api/customers/${id}`).set(admin)],
  ];
  for (const [what, write] of writes) {
    await fresh();
    const res = no5xx(what, await write());
    if (what === 'DELETE') continue;
    // the record is readable afterwards, within the contract, and a record CRMS wrote to (it has a
    // version now; a write that changes nothing, e.g. the status it already has, writes nothing) is upgraded
    no5xx(`GET after ${what}`, await t.http.get(`/api/customers/${id}`).set(admin));
    const stored = await customers().findOne({ _id: doc['_id'] });
    if (res.status < 300 && stored?.['version'] !== undefined && stored['schemaVersion'] !== CURRENT_SCHEMA_VERSION) {
      throw new Error(`${what} left the record at schema version ${String(stored?.['schemaVersion'])}`);
    }
  }
}

describe('When a record of the previous implementation is written before the migration', () => {
  test('then PUT keeps the legacy notes in noteHistory and the pre-migration ETag still matches', async () => {
    const doc = exampleLegacyRecords()['notesArrayWithMetadataTimestamps']!;
    await customers().insertOne(doc);
    const id = idOf(doc);
    const before = await t.http.get(`/api/customers/${id}`).set(admin);
    const res = await t.http
      .put(`/api/customers/${id}`)
      .set(admin)
      .set('If-Match', before.headers['etag'] as string)
      .send({ notes: 'Replaced summary' });
    expect(res.status).toBe(200);
    const after = (await t.http.get(`/api/customers/${id}`).set(admin)).body.data;
    expect(after.notes).toBe('Replaced summary');
    expect(after.noteHistory).toEqual(before.body.data.noteHistory);
    expect(after.createdAt).toBe('2023-01-15T08:00:00.000Z');
    const stored = await customers().findOne({ _id: doc['_id'] });
    expect(Array.isArray(stored?.['notes'])).toBe(false);
    expect(stored?.['noteHistory']).toHaveLength(2);
  });

  test('then an admin DELETE of a soft-deleted record removes it for real', async () => {
    const doc = exampleLegacyRecords()['softDeleted']!;
    await customers().insertOne(doc);
    const res = await t.http.delete(`/api/customers/${idOf(doc)}`).set(admin);
    expect(res.status).toBe(200);
    expect(await customers().countDocuments({ _id: doc['_id'] })).toBe(0);
    expect((await t.http.get(`/api/customers/${idOf(doc)}`).set(admin)).status).toBe(404);
  });

  test('then every write path answers without a 5xx on the example records', async () => {
    for (const doc of Object.values(exampleLegacyRecords())) await writeEverything(doc);
  }, 120_000);

  test('then every write path answers without a 5xx on records in every legacy shape (property)', async () => {
    await fc.assert(
      fc.asyncProperty(legacyDataSet(2), async (docs) => {
        for (const doc of docs) await writeEverything(doc);
      }),
      { numRuns: 8, seed: 13_2027, endOnFailure: true },
    );
  }, 300_000);

  test('then two records without a user id are both written and upgraded, and keep having none (no duplicate key)', async () => {
    const edges = edgeLegacyRecords();
    const docs = [edges['noUserId']!, edges['secondNoUserId']!, edges['nullUserId']!];
    await customers().insertMany(docs.map((d) => ({ ...d })));
    for (const doc of docs) {
      const res = await t.http
        .patch(`/api/customers/internal/${idOf(doc)}/statistics`)
        .set(service)
        .send({ increment: { totalOrders: 1 } });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
      const stored = await customers().findOne({ _id: doc['_id'] });
      expect(stored?.['schemaVersion']).toBe(CURRENT_SCHEMA_VERSION);
      expect(stored?.['userId']).toBeUndefined();
    }
    await customers().deleteMany({ _id: { $in: docs.map((d) => d['_id'] as ObjectId) } });
  });

  test('then every write path answers without a 5xx on the edge records', async () => {
    for (const doc of Object.values(edgeLegacyRecords())) await writeEverything(doc);
  }, 180_000);
});
