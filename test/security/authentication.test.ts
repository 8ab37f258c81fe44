import jwt from 'jsonwebtoken';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { ADMIN_ID, TEST_API_KEY, TEST_JWT_SECRET, adminToken, bearer, customerToken, signToken } from '../support/tokens.js';

let t: TestApp;
let customer: { customerId: string; userId: string };
beforeAll(async () => {
  t = await startTestApp();
  customer = await createCustomer(t.http);
});
afterAll(() => t.close());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

async function expect401(token: string | undefined, path = '/api/customers/me') {
  const req = t.http.get(path);
  if (token !== undefined) req.set('Authorization', token);
  const res = await req;
  expect(res.status).toBe(401);
  expect(res.body.success).toBe(false);
  expect(res.body.errors[0].field).toBe('authorization');
  return res;
}

describe('When a customer or admin route gets a bearer token', () => {
  test('when there is no Authorization header, then the request is unauthenticated', async () => {
    await expect401(undefined);
  });

  test('when the scheme is not Bearer or the token is garbage, then the request is unauthenticated', async () => {
    await expect401('Basic dXNlcjpwYXNz');
    await expect401('Bearer not-a-jwt');
  });

  test('when the signature is wrong, then the request is unauthenticated', async () => {
    await expect401(`Bearer ${signToken({ userId: customer.userId, secret: 'another-secret-another-secret-0000' })}`);
  });

  test('when the token expired beyond the 30 s skew, then the request is unauthenticated, saying so', async () => {
    const token = jwt.sign({ userId: customer.userId, role: 'Customer', exp: now() - 60 }, TEST_JWT_SECRET);
    const res = await expect401(`Bearer ${token}`);
    expect(res.body.errors[0].message).toMatch(/expired/);
  });

  test('when the token expired within the 30 s clock skew, then it is accepted', async () => {
    const token = jwt.sign({ userId: customer.userId, role: 'Customer', exp: now() - 10 }, TEST_JWT_SECRET);
    const res = await t.http.get('/api/customers/me').set(bearer(token));
    expect(res.status).toBe(200);
  });

  test('when the algorithm is "none", then the request is unauthenticated', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ userId: customer.userId, role: 'Administrator', exp: now() + 600 })}.`;
    await expect401(`Bearer ${token}`);
  });

  test('when another HMAC algorithm than JWT_ALGORITHM signed it, then the request is unauthenticated (algorithm pinned)', async () => {
    const token = jwt.sign({ userId: customer.userId, role: 'Customer' }, TEST_JWT_SECRET, { algorithm: 'HS512', expiresIn: 600 });
    await expect401(`Bearer ${token}`);
  });

  test('when the token has no exp, then the request is unauthenticated', async () => {
    const token = jwt.sign({ userId: customer.userId, role: 'Customer' }, TEST_JWT_SECRET);
    const res = await expect401(`Bearer ${token}`);
    expect(res.body.errors[0].message).toMatch(/expiry/);
  });

  test('when it is a refresh token (carries tokenId), then the request is unauthenticated', async () => {
    const token = signToken({ userId: customer.userId, extra: { tokenId: 'abc123' } });
    const res = await expect401(`Bearer ${token}`);
    expect(res.body.errors[0].message).toMatch(/refresh token/);
  });

  test('when the role is unknown, then the request is unauthenticated', async () => {
    await expect401(`Bearer ${signToken({ userId: customer.userId, role: 'Guest' })}`);
  });

  test('when `userId` is absent, then the user id comes from `sub`', async () => {
    const token = jwt.sign({ sub: customer.userId, role: 'Customer' }, TEST_JWT_SECRET, { expiresIn: 600 });
    const res = await t.http.get('/api/customers/me').set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.data.userId).toBe(customer.userId);
  });

  test('then roles compare case-insensitively and "Admin" means administrator', async () => {
    for (const role of ['administrator', 'ADMIN', 'Admin']) {
      const res = await t.http.get('/api/customers').set(bearer(signToken({ userId: ADMIN_ID, role })));
      expect(res.status).toBe(200);
    }
    const res = await t.http.get('/api/customers/me').set(bearer(signToken({ userId: customer.userId, role: 'CUSTOMER' })));
    expect(res.status).toBe(200);
  });

  test('then the service API key is not accepted on customer or admin routes', async () => {
    const res = await t.http.get('/api/customers').set('X-Service-API-Key', TEST_API_KEY);
    expect(res.status).toBe(401);
  });
});

describe('When a customer token reaches an admin route', () => {
  const adminRoutes: [string, string][] = [
    ['get', '/api/customers'],
    ['get', '/api/customers/search?q=a'],
    ['get', '/api/customers/analytics'],
    ['get', '/api/customers/CUSTOMER'],
    ['put', '/api/customers/CUSTOMER'],
    ['delete', '/api/customers/CUSTOMER'],
    ['patch', '/api/customers/CUSTOMER/status'],
    ['patch', '/api/customers/CUSTOMER/type'],
    ['get', '/api/customers/CUSTOMER/orders'],
    ['get', '/api/customers/CUSTOMER/complaints'],
    ['post', '/api/customers/CUSTOMER/notes'],
  ];

  test.each(adminRoutes)('then %s %s is forbidden, naming authorization', async (method, path) => {
    const url = path.replace('CUSTOMER', customer.customerId);
    const req = t.http[method as 'get' | 'put' | 'delete' | 'patch' | 'post'](url).set(bearer(customerToken(customer.userId)));
    const res = await req;
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      success: false,
      message: 'Access denied',
      errors: [{ field: 'authorization', message: 'This operation requires administrator privileges' }],
    });
  });
});

describe('When an internal route gets the service API key', () => {
  test('then it is accepted in X-Service-API-Key and in X-API-Key', async () => {
    for (const header of ['X-Service-API-Key', 'X-API-Key']) {
      const res = await t.http.get(`/api/customers/internal/user/${customer.userId}`).set(header, TEST_API_KEY);
      expect(res.status).toBe(200);
    }
  });

  test('when the key is missing or wrong, then the request is unauthenticated', async () => {
    expect((await t.http.get(`/api/customers/internal/user/${customer.userId}`)).status).toBe(401);
    const wrong = await t.http.get(`/api/customers/internal/user/${customer.userId}`).set('X-Service-API-Key', 'wrong-key-wrong-key');
    expect(wrong.status).toBe(401);
    expect(wrong.body.success).toBe(false);
  });

  test('when a JWT is sent instead (even an admin one), then the request is unauthenticated', async () => {
    const res = await t.http.get(`/api/customers/internal/user/${customer.userId}`).set(bearer(adminToken()));
    expect(res.status).toBe(401);
  });
});
