import { startInstance, startTestApp, type TestApp, type TestAppWithSiblings } from '../support/harness.js';
import { adminToken, bearer, customerToken } from '../support/tokens.js';
import { newUserId } from '../support/fixtures.js';
import type { Siblings } from './support/siblings.js';

let siblings: Siblings;
let t: TestAppWithSiblings;

beforeAll(async () => {
  t = await startTestApp({}, { withSiblings: true });
  siblings = t.siblings;
});
afterAll(() => t.close());
beforeEach(() => siblings.reset());

const records = (db: TestApp, userId: string) => db.database.db.collection('customers').countDocuments({ userId });

describe('When a customer without a record reads GET /api/customers/me', () => {
  test('then the record is created from the Auth Service user (service key, request id) and the profile answered', async () => {
    const userId = newUserId();
    siblings.auth.addUser({ _id: userId, email: 'Priya.Sharma@Example.com', fullName: 'Priya Sharma', contactNumber: '+919876543210' });
    const res = await t.http
      .get('/api/customers/me')
      .set(bearer(customerToken(userId)))
      .set('X-Request-Id', 'req-heal-1');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      userId,
      email: 'priya.sharma@example.com',
      fullName: 'Priya Sharma',
      contactNumber: '+919876543210',
      customerStatus: 'Active',
      customerType: 'Regular',
      totalOrders: 0,
    });
    const [call] = siblings.auth.received(`/api/internal/user/${userId}`);
    expect(call?.headers['x-service-api-key']).toBe(t.config.services.apiKey);
    expect(call?.headers['authorization']).toBeUndefined();
    expect(call?.headers['x-request-id']).toBe('req-heal-1');
    // the next call reads the record; Auth is not asked again
    expect((await t.http.get('/api/customers/me').set(bearer(customerToken(userId)))).body.data.customerId).toBe(res.body.data.customerId);
    expect(siblings.auth.requests).toHaveLength(1);
  });

  test('when 10 calls arrive at once (across two CRMS instances), then they end with exactly one record, all answering it', async () => {
    const other = await startInstance(t.config.mongo.dbName, siblings.env);
    try {
      const userId = newUserId();
      siblings.auth.addUser({ _id: userId, email: 'race@example.com', fullName: 'Race Condition' });
      siblings.auth.mode = { kind: 'slow', delayMs: 50 };
      const token = bearer(customerToken(userId));
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? t : other).http.get('/api/customers/me').set(token)),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(new Set(answers.map((a) => a.body.data.customerId)).size).toBe(1);
      expect(await records(t, userId)).toBe(1);
      expect(siblings.auth.requests.length).toBeGreaterThanOrEqual(1);
    } finally {
      await other.close();
    }
  });

  test('when Auth does not know the user, then the answer is not found and nothing is created', async () => {
    const userId = newUserId();
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Customer profile not found');
    expect(await records(t, userId)).toBe(0);
  });

  test('when Auth is down, then the answer is a bad gateway naming the Auth Service and nothing is created', async () => {
    const userId = newUserId();
    siblings.auth.addUser({ _id: userId });
    siblings.auth.mode = { kind: 'status', status: 503 };
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      success: false,
      message: 'Unable to fetch user data',
      errors: [{ field: 'service', message: 'Auth Service is currently unavailable. Please try again later.' }],
    });
    expect(await records(t, userId)).toBe(0);
  });

  test("then the record starts at the user's registration time in the Auth Service, not at the heal", async () => {
    const userId = newUserId();
    siblings.auth.addUser({ _id: userId, createdAt: '2025-06-15T10:00:00.000Z' });
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(res.status).toBe(200);
    expect(res.body.data.customerSince).toBe('2025-06-15T10:00:00.000Z');
  });

  test.each<[string, string | number]>([
    ['with a space instead of the T', '2024-11-02 08:30:00'],
    ['with an offset without its colon', '2024-11-02T14:00:00+0530'],
    ['without an offset (UTC)', '2024-11-02T08:30:00.000000'],
    ['as epoch milliseconds', 1730536200000],
  ])('when Auth gives the registration time %s, then it is read as that instant', async (_label, createdAt) => {
    const userId = newUserId();
    siblings.auth.addUser({ _id: userId, createdAt });
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(res.status).toBe(200);
    expect(res.body.data.customerSince).toBe('2024-11-02T08:30:00.000Z');
  });

  test.each<[string, null | undefined]>([
    ['null', null],
    ['absent', undefined],
  ])('when Auth leaves the registration time %s, then the record starts when it is healed', async (_label, createdAt) => {
    const userId = newUserId();
    siblings.auth.addUser({ _id: userId, createdAt, contactNumber: null });
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(res.status).toBe(200);
    expect(res.body.data.customerSince).toBe(res.body.data.createdAt);
    expect(res.body.data).not.toHaveProperty('contactNumber');
  });
});

describe("When the Auth Service's answer breaks the rules of POST /api/customers/internal/create", () => {
  const UNUSABLE = {
    success: false,
    message: 'Unable to fetch user data',
    errors: [{ field: 'service', message: 'Auth Service answered with data CRMS cannot use.' }],
  };

  test.each<[string, Record<string, unknown>]>([
    ['a NUL in the name', { fullName: 'Priya\u0000 Sharma' }],
    ['another control character in the name', { fullName: 'Priya\u0007 Sharma' }],
    ['a name of blanks', { fullName: '   ' }],
    ['an e-mail that is not one', { email: 'not-an-email' }],
    ['a contact number CRMS does not accept', { contactNumber: 'call me maybe' }],
    ['a registration date that does not exist', { createdAt: '2025-02-30T10:00:00Z' }],
    ['no name at all', { fullName: null }],
    ['another user', { _id: 'ffffffffffffffffffffffff' }],
  ])('when Auth answers %s, then the answer is a bad gateway naming the Auth Service and nothing is stored', async (_label, override) => {
    const userId = newUserId();
    siblings.auth.users.set(userId, { ...siblings.auth.addUser({ _id: userId }), ...override } as never);
    for (const path of ['/api/customers/me', '/api/customers/me/statistics']) {
      const res = await t.http.get(path).set(bearer(customerToken(userId)));
      expect(res.status).toBe(502);
      expect(res.body).toEqual(UNUSABLE);
    }
    expect(await records(t, userId)).toBe(0);
  });

  test('then the same user data is refused by POST /api/customers/internal/create itself', async () => {
    const res = await t.http
      .post('/api/customers/internal/create')
      .set('X-Service-API-Key', t.config.services.apiKey)
      .send({ userId: newUserId(), email: 'nul@example.com', fullName: 'Priya\u0000 Sharma' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('fullName');
  });
});

describe('When an administrator without a record reads their own profile', () => {
  test('then one is healed from the Auth Service on /me, with their registration time', async () => {
    const userId = newUserId();
    siblings.auth.addUser({
      _id: userId,
      email: 'ops.admin@example.com',
      fullName: 'Operations Admin',
      role: 'Administrator',
      contactNumber: null,
      createdAt: '2024-11-02 08:30:00',
    });
    const res = await t.http.get('/api/customers/me').set(bearer(adminToken(userId)));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      userId,
      email: 'ops.admin@example.com',
      fullName: 'Operations Admin',
      customerSince: '2024-11-02T08:30:00.000Z',
    });
    expect(await records(t, userId)).toBe(1);
  });

  test('then one is healed on /me/statistics too', async () => {
    const userId = newUserId();
    siblings.auth.addUser({ _id: userId, role: 'Administrator' });
    const res = await t.http.get('/api/customers/me/statistics').set(bearer(adminToken(userId)));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ totalOrders: 0, customerSince: '2025-06-15T10:00:00.000Z' });
    expect(await records(t, userId)).toBe(1);
  });

  test('when Auth does not know them, then the answer is not found and nothing is created', async () => {
    const userId = newUserId();
    const res = await t.http.get('/api/customers/me/statistics').set(bearer(adminToken(userId)));
    expect(res.status).toBe(404);
    expect(await records(t, userId)).toBe(0);
  });
});
