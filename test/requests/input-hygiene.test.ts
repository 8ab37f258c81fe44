import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer, listen } from '../../src/http/http-server.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer, customerToken } from '../support/tokens.js';

/** Regressions found by Schemathesis: control characters reached the database (500), long query strings got 431. */
let t: TestApp;
const admin = bearer(adminToken());
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('When text carries control characters, then it is refused as invalid, never a database error', () => {
  test('then a NUL in fullName on create is refused', async () => {
    const res = await t.http
      .post('/api/customers/internal/create')
      .set('X-Service-API-Key', TEST_API_KEY)
      .send({ userId: 'nul000000000000000000001', email: 'nul@example.com', fullName: 'Aa\u0000b' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('fullName');
  });

  test('then control characters in notes, tags, reasons and searches are refused', async () => {
    const { customerId } = await createCustomer(t.http);
    const cases = [
      t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'x\u0000y' }),
      t.http.put(`/api/customers/${customerId}`).set(admin).send({ notes: 'bell\u0007' }),
      t.http
        .put(`/api/customers/${customerId}`)
        .set(admin)
        .send({ tags: ['ok', 'tab\ttag'] }),
      t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Inactive', reason: '\u001b[31m' }),
      t.http.get('/api/customers/search?q=a%00b').set(admin),
      t.http.get('/api/customers?searchTerm=%07').set(admin),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(400);
      expect(res.body.success).toBe(false);
    }
  });

  test('then line breaks and tabs stay allowed in multi-line notes', async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'Line one\n\tLine two\r\n' });
    expect(res.status).toBe(201);
  });
});

describe('When a request is as large as the contract allows', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await listen(createHttpServer(t.app), 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('then a maximal tags filter of 3-byte characters (about 22 kB encoded) is answered, not refused with 431', async () => {
    const tags = Array.from({ length: 50 }, (_, i) => `${i % 10}${'€'.repeat(49)}`).join(',');
    expect(tags.length).toBeLessThanOrEqual(2600);
    const res = await fetch(`${base}/api/customers?tags=${encodeURIComponent(tags)}`, { headers: admin });
    expect(res.status).toBe(200);
  });
});

describe('When If-Match is not a current entity-tag', () => {
  test('then a malformed or stale If-Match evaluates false: the precondition fails and nothing changes (RFC 9110 §13.1.1)', async () => {
    const { customerId } = await createCustomer(t.http);
    for (const tag of ['_O', `"${customerId}-999"`, 'W/"weak"']) {
      const res = await t.http.patch(`/api/customers/${customerId}/type`).set(admin).set('If-Match', tag).send({ customerType: 'VIP' });
      expect(res.status).toBe(412);
      expect(res.body.errors[0].field).toBe('If-Match');
    }
    const stored = await t.http.get(`/api/customers/${customerId}`).set(admin);
    expect(stored.body.data.customerType).toBe('Regular');
  });
});

describe('When statistics approach their bounds (found by Schemathesis: an overflow to Infinity made every read of the record a 500)', () => {
  test('then values and increments beyond the contract bounds are invalid, a result beyond them is a conflict, and nothing is stored', async () => {
    const { customerId, userId } = await createCustomer(t.http);
    const path = `/api/customers/internal/${customerId}/statistics`;
    const key = { 'X-Service-API-Key': TEST_API_KEY };
    expect((await t.http.patch(path).set(key).send({ totalOrderValue: 1.7e308 })).status).toBe(400);
    expect(
      (
        await t.http
          .patch(path)
          .set(key)
          .send({ increment: { totalOrderValue: 1e308 } })
      ).status,
    ).toBe(400);
    expect((await t.http.patch(path).set(key).send({ totalOrders: 1, totalOrderValue: 999_999_999_999 })).status).toBe(200);
    const over = await t.http
      .patch(path)
      .set(key)
      .send({ increment: { totalOrderValue: 5 } });
    expect(over.status).toBe(409);
    expect(over.body.errors[0].field).toBe('totalOrderValue');
    const stats = await t.http.get('/api/customers/me/statistics').set(bearer(customerToken(userId)));
    expect(stats.status).toBe(200);
    expect(stats.body.data.totalOrderValue).toBe(999_999_999_999);
  });
});
