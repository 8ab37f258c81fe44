import { startInstance, startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer, customerToken } from '../support/tokens.js';
import { newUserId } from '../support/fixtures.js';
import { startSiblings, type Siblings } from './support/siblings.js';

let siblings: Siblings;
let t: TestApp;

beforeAll(async () => {
  siblings = await startSiblings();
  t = await startTestApp(siblings.env);
});
afterAll(async () => {
  await t.close();
  await siblings.close();
});
beforeEach(() => siblings.reset());

const records = (db: TestApp, userId: string) => db.database.db.collection('customers').countDocuments({ userId });

describe('GET /api/customers/me for a Customer without a record', () => {
  test('creates the record from the Auth Service user (service key, request id) and answers the profile', async () => {
    const userId = newUserId();
    siblings.auth.addUser({ _id: userId, email: 'Priya.Sharma@Example.com', fullName: 'Priya Sharma', contactNumber: '+919876543210' });
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId))).set('X-Request-Id', 'req-heal-1');
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

  test('10 concurrent calls (across two CRMS instances) end with exactly one record, all answering it', async () => {
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

  test('Auth does not know the user → 404, nothing created', async () => {
    const userId = newUserId();
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Customer profile not found');
    expect(await records(t, userId)).toBe(0);
  });

  test('Auth down → 502 naming the Auth Service, nothing created', async () => {
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

  test('an administrator without a record gets 404 and Auth is not asked', async () => {
    const res = await t.http.get('/api/customers/me').set(bearer(adminToken(newUserId())));
    expect(res.status).toBe(404);
    expect(siblings.auth.requests).toHaveLength(0);
  });
});
