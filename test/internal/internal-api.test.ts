import { createCustomer, newUserId } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const key = { 'X-Service-API-Key': TEST_API_KEY };
const stats = (customerId: string) => `/api/customers/internal/${customerId}/statistics`;

describe('When the Auth Service creates a record (POST /api/customers/internal/create)', () => {
  test("then the record is created in the guide's shape, the email lower-cased and the defaults applied", async () => {
    const userId = newUserId();
    const before = Date.now();
    const res = await t.http.post('/api/customers/internal/create').set(key).send({
      userId,
      email: 'John.Doe@Example.COM',
      fullName: 'John Doe',
      contactNumber: '+91 98765-43210',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      message: 'Customer record created successfully',
      data: {
        customerId: expect.stringMatching(/^[0-9a-f]{24}$/),
        userId,
        customerStatus: 'Active',
        customerType: 'Regular',
        createdAt: expect.stringMatching(/Z$/),
      },
    });
    const got = await t.http.get(`/api/customers/${res.body.data.customerId}`).set(bearer(adminToken()));
    expect(got.body.data).toMatchObject({
      email: 'john.doe@example.com',
      contactNumber: '+91 98765-43210',
      totalOrders: 0,
      totalOrderValue: 0,
      totalComplaints: 0,
      openComplaints: 0,
    });
    // stamped by this request (stored dates keep ms)
    expect(Date.parse(got.body.data.customerSince)).toBeGreaterThanOrEqual(before);
  });

  test('then customerSince may be given, also without an offset (taken as UTC)', async () => {
    const { customerId } = await createCustomer(t.http, { customerSince: '2025-06-15T10:00:00' });
    const got = await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken()));
    expect(got.body.data.customerSince).toBe('2025-06-15T10:00:00.000Z');
  });

  test('when the user already has a record, then a second create is a conflict envelope', async () => {
    const { userId } = await createCustomer(t.http);
    const res = await t.http.post('/api/customers/internal/create').set(key).send({ userId, email: 'a@b.co', fullName: 'Again' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      success: false,
      message: 'Customer record already exists',
      errors: [{ field: 'userId', message: 'A customer record already exists for this user' }],
    });
  });

  test('when duplicate creates arrive at once, then exactly one is created and the rest are conflicts, never a server error', async () => {
    const userId = newUserId();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http.post('/api/customers/internal/create').set(key).send({ userId, email: 'race@example.com', fullName: 'Race Condition' }),
      ),
    );
    const codes = results.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(9);
  });

  test.each([
    [{ email: 'a@b.co', fullName: 'Jo' }, 'userId'],
    [{ userId: 'u1', fullName: 'Jo' }, 'email'],
    [{ userId: 'u1', email: 'not-an-email', fullName: 'Jo' }, 'email'],
    [{ userId: 'u1', email: 'a@b.co', fullName: 'J' }, 'fullName'],
    [{ userId: 'u1', email: 'a@b.co', fullName: 'x'.repeat(101) }, 'fullName'],
    [{ userId: 'u1', email: 'a@b.co', fullName: 'Jo', contactNumber: '12345' }, 'contactNumber'],
    [{ userId: 'u1', email: 'a@b.co', fullName: 'Jo', contactNumber: '+91abc4567890' }, 'contactNumber'],
    [{ userId: '../etc', email: 'a@b.co', fullName: 'Jo' }, 'userId'],
    [{ userId: 'u1', email: 'a@b.co', fullName: 'Jo', customerSince: '2025-02-30T00:00:00Z' }, 'customerSince'],
    [{ userId: 'u1', email: 'a@b.co', fullName: 'Jo', totalOrders: 5 }, 'totalOrders'],
  ])('when the body is %j, then the request is invalid, naming %s', async (body, field) => {
    const res = await t.http.post('/api/customers/internal/create').set(key).send(body);
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });
});

describe('When the Order Service updates statistics (PATCH /api/customers/internal/{customerId}/statistics)', () => {
  test('then absolute values with an offset-less date are applied and the dates answered with Z', async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http
      .patch(stats(customerId))
      .set('X-API-Key', TEST_API_KEY)
      .send({ totalOrders: 16, totalOrderValue: 49000.0, lastOrderDate: '2026-01-25T13:00:00.123456' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Customer statistics updated successfully',
      data: {
        customerId,
        totalOrders: 16,
        totalOrderValue: 49000,
        totalComplaints: 0,
        openComplaints: 0,
        lastOrderDate: '2026-01-25T13:00:00.123Z',
        updatedAt: expect.stringMatching(/Z$/),
      },
    });
  });

  test('then increments are applied atomically: 50 concurrent increments add exactly 50', async () => {
    const { customerId } = await createCustomer(t.http);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.http
          .patch(stats(customerId))
          .set(key)
          .send({ increment: { totalOrders: 1, totalOrderValue: 10.5 } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const got = await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken()));
    expect(got.body.data.totalOrders).toBe(50);
    expect(got.body.data.totalOrderValue).toBeCloseTo(525, 6);
  }, 120_000); // 50 serialised writes: generous on a loaded two-core machine

  test('when a result would fall below zero, then it is a conflict and nothing changes', async () => {
    const { customerId } = await createCustomer(t.http);
    await t.http.patch(stats(customerId)).set(key).send({ totalOrders: 2, totalOrderValue: 100 });
    const res = await t.http
      .patch(stats(customerId))
      .set(key)
      .send({ increment: { totalOrders: -3, totalOrderValue: -10 } });
    expect(res.status).toBe(409);
    expect(res.body.success).toBe(false);
    const got = await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken()));
    expect(got.body.data).toMatchObject({ totalOrders: 2, totalOrderValue: 100 });
  });

  test('when openComplaints would exceed totalComplaints (absolute or by increment), then it is a conflict', async () => {
    const { customerId } = await createCustomer(t.http);
    expect((await t.http.patch(stats(customerId)).set(key).send({ totalComplaints: 1, openComplaints: 2 })).status).toBe(409);
    await t.http.patch(stats(customerId)).set(key).send({ totalComplaints: 2, openComplaints: 1 });
    expect(
      (
        await t.http
          .patch(stats(customerId))
          .set(key)
          .send({ increment: { openComplaints: 2 } })
      ).status,
    ).toBe(409);
    const got = await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken()));
    expect(got.body.data).toMatchObject({ totalComplaints: 2, openComplaints: 1 });
  });

  test.each([
    [{}, 'body'],
    [{ totalOrders: -1 }, 'totalOrders'],
    [{ totalOrders: 1.5 }, 'totalOrders'],
    [{ totalOrderValue: 'lots' }, 'totalOrderValue'],
    [{ lastOrderDate: 'yesterday' }, 'lastOrderDate'],
    [{ lastOrderDate: '2026-13-01T00:00:00Z' }, 'lastOrderDate'],
    [{ lastOrderDate: '2026-02-30T00:00:00Z' }, 'lastOrderDate'],
    [{ lastOrderDate: '2026-01-01T24:00:00Z' }, 'lastOrderDate'],
    [{ increment: {} }, 'increment'],
    [{ increment: { totalOrders: 1, bogus: 1 } }, 'increment.bogus'],
    [{ totalOrders: 1, increment: { totalOrders: 1 } }, 'increment.totalOrders'],
    [{ openComplaints: 0, increment: { openComplaints: 0 } }, 'increment.openComplaints'],
    [{ customerType: 'VIP' }, 'customerType'],
  ])('when the body is %j, then the request is invalid, naming %s', async (body, field) => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http.patch(stats(customerId)).set(key).send(body);
    expect(res.status).toBe(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });

  test('when the customer id is unknown or malformed, then the answer is not found or invalid', async () => {
    expect((await t.http.patch(stats('0123456789abcdef01234567')).set(key).send({ totalOrders: 1 })).status).toBe(404);
    const bad = await t.http.patch(stats('not-an-id')).set(key).send({ totalOrders: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('customerId');
  });

  test('when an Idempotency-Key is retried, then the first answer is returned and the update applied once; with another body it is a conflict', async () => {
    const { customerId } = await createCustomer(t.http);
    const idem = `order-${newUserId()}`;
    const first = await t.http
      .patch(stats(customerId))
      .set(key)
      .set('Idempotency-Key', idem)
      .send({ increment: { totalOrders: 1 } });
    const retries = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http
          .patch(stats(customerId))
          .set(key)
          .set('Idempotency-Key', idem)
          .send({ increment: { totalOrders: 1 } }),
      ),
    );
    expect(first.status).toBe(200);
    for (const r of retries) {
      expect([200, 409]).toContain(r.status);
      if (r.status === 200) expect(r.body).toEqual(first.body);
    }
    const again = await t.http
      .patch(stats(customerId))
      .set(key)
      .set('Idempotency-Key', idem)
      .send({ increment: { totalOrders: 1 } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const got = await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken()));
    expect(got.body.data.totalOrders).toBe(1);
    const other = await t.http
      .patch(stats(customerId))
      .set(key)
      .set('Idempotency-Key', idem)
      .send({ increment: { totalOrders: 2 } });
    expect(other.status).toBe(409);
    expect(other.body.errors[0].field).toBe('Idempotency-Key');
  });

  test('when the Idempotency-Key is longer than 100 characters, then the request is invalid', async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http.patch(stats(customerId)).set(key).set('Idempotency-Key', 'k'.repeat(101)).send({ totalOrders: 1 });
    expect(res.status).toBe(400);
  });
});

describe('When the Complaint Service updates complaint counts (PATCH /api/internal/customers/{customerId}/statistics)', () => {
  test('when complaintCount is 1, then totalComplaints and openComplaints grow by one and lastComplaintDate is set', async () => {
    const { customerId } = await createCustomer(t.http);
    const before = Date.now();
    const res = await t.http.patch(`/api/internal/customers/${customerId}/statistics`).set(key).send({ complaintCount: 1 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ customerId, totalComplaints: 1, openComplaints: 1 });
    expect(Date.parse(res.body.data.lastComplaintDate)).toBeGreaterThanOrEqual(before);
  });

  test('when the count would go below zero, then it is a conflict; zero is invalid; an unknown customer is not found; no key is unauthenticated', async () => {
    const { customerId } = await createCustomer(t.http);
    const path = `/api/internal/customers/${customerId}/statistics`;
    expect((await t.http.patch(path).set(key).send({ complaintCount: -1 })).status).toBe(409);
    expect((await t.http.patch(path).set(key).send({ complaintCount: 0 })).status).toBe(400);
    expect(
      (await t.http.patch('/api/internal/customers/0123456789abcdef01234567/statistics').set(key).send({ complaintCount: 1 })).status,
    ).toBe(404);
    expect((await t.http.patch(path).send({ complaintCount: 1 })).status).toBe(401);
  });
});

describe('When a sibling looks a customer up by user id (GET /api/customers/internal/user/{userId})', () => {
  test('then the record of the Auth user id is answered, or not found', async () => {
    const { customerId, userId } = await createCustomer(t.http, { fullName: 'Asha Rao' });
    const res = await t.http.get(`/api/customers/internal/user/${userId}`).set(key);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ customerId, userId, fullName: 'Asha Rao' });
    expect(res.body.data).not.toHaveProperty('searchKeys');
    expect((await t.http.get(`/api/customers/internal/user/${newUserId()}`).set(key)).status).toBe(404);
  });
});
