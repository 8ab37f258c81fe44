import { customerRecord } from '../../support/customer-records.js';
import { createCustomer, newUserId } from '../support/fixtures.js';
import { startTestApp, type TestAppWithSiblings } from '../support/harness.js';
import { adminToken, bearer, customerToken } from '../support/tokens.js';

/** The records CRMS created for administrators (healed at their GET /me) are not customers. */
let t: TestAppWithSiblings;
const admin = bearer(adminToken());
// one word that every record of this file carries in its name, so that search finds exactly them
const WORD = 'Zephyrine';
let customerIds: string[];
let administratorId: string;
let olderAdministratorId: string;

beforeAll(async () => {
  t = await startTestApp({}, { withSiblings: true });
  customerIds = [];
  for (const name of ['Asha', 'Bela']) {
    customerIds.push((await createCustomer(t.http, { fullName: `${name} ${WORD}` })).customerId);
  }
  // an administrator without a record reads /me: the record is healed from the Auth Service
  const userId = newUserId();
  t.siblings.auth.addUser({ _id: userId, email: 'ops.lead@example.com', fullName: `Ops ${WORD}` });
  const healed = await t.http.get('/api/customers/me').set(bearer(adminToken(userId)));
  if (healed.status !== 200) throw new Error(`heal failed: ${healed.status} ${JSON.stringify(healed.body)}`);
  administratorId = healed.body.data.customerId;
  // an administrator's record healed before the mark existed: stored without it
  const older = customerRecord({ fullName: `Older ${WORD}`, email: 'older.admin@example.com' });
  await t.database.db.collection('customers').insertOne(older);
  olderAdministratorId = older._id.toHexString();
});
afterAll(() => t.close());

const listIds = async (query: Record<string, string>) => {
  const res = await t.http
    .get('/api/customers')
    .query({ searchTerm: WORD, limit: '100', ...query })
    .set(admin);
  expect(res.status).toBe(200);
  return {
    ids: (res.body.data.customers as { customerId: string }[]).map((c) => c.customerId),
    total: res.body.data.pagination.totalItems,
  };
};

describe('When an administrator without a record reads GET /api/customers/me', () => {
  test('then the healed record is left out of the customer list and its total, and includeAdministrators=true shows it', async () => {
    const customers = await listIds({});
    expect(customers.ids).not.toContain(administratorId);
    expect(customers.ids).toEqual(expect.arrayContaining(customerIds));
    expect(customers.total).toBe(3); // the two customers and the older administrator's record, not marked yet

    const all = await listIds({ includeAdministrators: 'true' });
    expect(all.ids).toEqual(expect.arrayContaining([...customerIds, administratorId]));
    expect(all.total).toBe(4);
  });

  test('then the unfiltered list total counts customers only, and includes administrators when asked', async () => {
    const without = await t.http.get('/api/customers').set(admin);
    const withAdmins = await t.http.get('/api/customers').query({ includeAdministrators: 'true' }).set(admin);
    expect(withAdmins.body.data.pagination.totalItems - without.body.data.pagination.totalItems).toBe(1);
    expect((without.body.data.customers as { customerId: string }[]).map((c) => c.customerId)).not.toContain(administratorId);
  });

  test('then search leaves it out unless includeAdministrators=true', async () => {
    const res = await t.http
      .get('/api/customers/search')
      .query({ q: `ops ${WORD}` })
      .set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data.totalResults).toBe(0);
    const all = await t.http
      .get('/api/customers/search')
      .query({ q: `ops ${WORD}`, includeAdministrators: 'true' })
      .set(admin);
    expect(all.body.data.results.map((c: { customerId: string }) => c.customerId)).toEqual([administratorId]);
    expect(all.body.data.totalResults).toBe(1);
  });

  test('then the CSV export leaves it out unless includeAdministrators=true', async () => {
    const csv = await t.http.get('/api/customers/export.csv').query({ searchTerm: WORD }).set(admin);
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(administratorId);
    expect(csv.text).toContain(customerIds[0]);
    const all = await t.http.get('/api/customers/export.csv').query({ searchTerm: WORD, includeAdministrators: 'true' }).set(admin);
    expect(all.text).toContain(administratorId);
  });

  test('then the analytics do not count it among the customers', async () => {
    const res = await t.http.get('/api/customers/analytics').set('Cache-Control', 'no-cache').set(admin);
    expect(res.status).toBe(200);
    const stored = await t.database.db.collection('customers').countDocuments();
    const administrators = await t.database.db.collection('customers').countDocuments({ isAdministrator: true });
    expect(administrators).toBeGreaterThanOrEqual(1);
    expect(res.body.data.totalCustomers).toBe(stored - administrators);
  });
});

describe('When an administrator whose record was healed before the mark existed reads GET /api/customers/me', () => {
  test('then the record is marked and left out of the list from then on', async () => {
    const userId = (await t.database.db.collection('customers').findOne({ email: 'older.admin@example.com' }))!['userId'] as string;
    expect((await listIds({})).ids).toContain(olderAdministratorId);
    const me = await t.http.get('/api/customers/me').set(bearer(adminToken(userId)));
    expect(me.status).toBe(200);
    expect(me.body.data.customerId).toBe(olderAdministratorId);
    const after = await listIds({});
    expect(after.ids).not.toContain(olderAdministratorId);
    expect(after.ids).toEqual(expect.arrayContaining(customerIds));
    expect((await listIds({ includeAdministrators: 'true' })).ids).toContain(olderAdministratorId);
  });
});

describe('When a customer reads GET /api/customers/me', () => {
  test('then the record stays a customer', async () => {
    const { customerId, userId } = await createCustomer(t.http, { fullName: `Cara ${WORD}` });
    const me = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(me.status).toBe(200);
    expect((await listIds({})).ids).toContain(customerId);
  });
});
