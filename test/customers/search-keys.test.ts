import { ObjectId } from 'mongodb';
import { buildSearchKeys } from '../../src/domain/search-keys.js';
import { searchableFieldsUpdate } from '../../src/data/customer-repository.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

/** Every write path keeps `searchKeys` equal to the keys of the stored name, email and phone. */
let t: TestApp;
const admin = bearer(adminToken());
const internal = { 'X-Service-API-Key': TEST_API_KEY };

beforeAll(async () => {
  // the status change tells the Auth Service, which is not running here: fail fast, stay pending
  t = await startTestApp({ AUTH_SERVICE_URL: 'http://127.0.0.1:9', SERVICE_TIMEOUT: '1' });
});
afterAll(() => t.close());

async function stored(customerId: string) {
  const doc = await t.database.db.collection('customers').findOne({ _id: new ObjectId(customerId) });
  if (!doc) throw new Error('not stored');
  return doc;
}

async function expectKeysOfStoredFields(customerId: string) {
  const doc = await stored(customerId);
  const expected = buildSearchKeys({ fullName: doc['fullName'], email: doc['email'], contactNumber: doc['contactNumber'] });
  expect(doc['searchKeys']).toEqual(expected);
  return doc['searchKeys'] as string[];
}

async function searchIds(q: string): Promise<string[]> {
  const res = await t.http.get(`/api/customers/search?q=${encodeURIComponent(q)}`).set(admin);
  expect(res.status).toBe(200);
  return (res.body.data.results as { customerId: string }[]).map((r) => r.customerId);
}

test('when a customer is created, then the keys of name, email and phone are stored, and every later write path leaves them correct', async () => {
  const { customerId } = await createCustomer(t.http, {
    fullName: '  Priya  Raghunathan ',
    email: 'Priya.R@Example.IN',
    contactNumber: '+91 98450-12345',
  });
  const created = await expectKeysOfStoredFields(customerId);
  expect(created).toEqual(['priya', 'raghunathan', 'priya.r@example.in', 'priya.r', 'r', 'example.in', '919845012345', '9845012345']);

  const steps: [string, () => Promise<{ status: number }>][] = [
    [
      'PUT',
      () =>
        t.http
          .put(`/api/customers/${customerId}`)
          .set(admin)
          .send({ customerType: 'Premium', notes: 'n', tags: ['vip-prospect'], preferences: { language: 'hi' } }),
    ],
    [
      'statistics absolute',
      () =>
        t.http
          .patch(`/api/customers/internal/${customerId}/statistics`)
          .set(internal)
          .send({ totalOrders: 3, totalOrderValue: 1500.5, lastOrderDate: '2026-01-25T13:00:00.123456' }),
    ],
    [
      'statistics increment',
      () =>
        t.http
          .patch(`/api/customers/internal/${customerId}/statistics`)
          .set(internal)
          .send({ increment: { totalOrders: 1, totalComplaints: 1, openComplaints: 1 } }),
    ],
    [
      'complaint compatibility route',
      () => t.http.patch(`/api/internal/customers/${customerId}/statistics`).set(internal).send({ complaintCount: -1 }),
    ],
    ['status change', () => t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended', reason: 'test' })],
    ['type change', () => t.http.patch(`/api/customers/${customerId}/type`).set(admin).send({ customerType: 'VIP' })],
    ['note', () => t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'called the customer' })],
  ];
  for (const [name, step] of steps) {
    const res = await step();
    expect({ name, ok: res.status < 300 }).toEqual({ name, ok: true });
    expect(await expectKeysOfStoredFields(customerId)).toEqual(created);
  }
  for (const q of ['pri', 'raghu', 'priya.r', 'example.in', '9845012345', '+919845012345']) {
    expect(await searchIds(q)).toEqual([customerId]);
  }
});

test('when a write changes a searchable field without rebuilding the keys, then the repository refuses it', async () => {
  const { customerId } = await createCustomer(t.http, { fullName: 'Kiran Rao', email: 'kiran.rao@example.in' });
  const id = new ObjectId(customerId);
  const repo = t.services.customers['repo' as keyof typeof t.services.customers] as unknown as {
    updateOne(id: ObjectId, update: object): Promise<unknown>;
  };
  await expect(repo.updateOne(id, { $set: { fullName: 'Someone Else' } })).rejects.toThrow(/searchKeys/);
  await expect(repo.updateOne(id, { $unset: { contactNumber: '' } })).rejects.toThrow(/searchKeys/);
  expect((await stored(customerId))['fullName']).toBe('Kiran Rao');

  // the helper (what an erasure uses): new values and their keys in one write; old keys gone
  const before = await stored(customerId);
  const change = searchableFieldsUpdate(
    { fullName: before['fullName'], email: before['email'] },
    { fullName: 'Erased Customer', email: `erased-${customerId}@erased.invalid`, contactNumber: null },
  );
  await repo.updateOne(id, { $set: change.$set, $unset: change.$unset });
  await expectKeysOfStoredFields(customerId);
  expect(await searchIds('kiran')).toEqual([]);
  expect(await searchIds('erased')).toContain(customerId);
});
