import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, bearer, customerToken } from '../support/tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('When a customer reads their own profile (GET /api/customers/me)', () => {
  test("then the caller's own profile comes in the guide's shape", async () => {
    const { customerId, userId } = await createCustomer(t.http, {
      fullName: 'John Doe',
      email: 'john.doe@example.com',
      contactNumber: '+919876543210',
    });
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(userId)));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Customer profile retrieved successfully',
      data: {
        customerId,
        userId,
        email: 'john.doe@example.com',
        fullName: 'John Doe',
        contactNumber: '+919876543210',
        customerStatus: 'Active',
        customerType: 'Regular',
        totalOrders: 0,
        totalOrderValue: 0,
        totalComplaints: 0,
        openComplaints: 0,
        customerSince: expect.stringMatching(/Z$/),
        preferences: { newsletter: false, notifications: true, language: 'en' },
        tags: [],
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      },
    });
  });

  test('then a customer sees only their own record (the token decides, nothing else)', async () => {
    const a = await createCustomer(t.http, { fullName: 'Alice Able' });
    const b = await createCustomer(t.http, { fullName: 'Bob Baker' });
    const res = await t.http.get('/api/customers/me').set(bearer(customerToken(a.userId)));
    expect(res.body.data.customerId).toBe(a.customerId);
    expect(res.body.data.customerId).not.toBe(b.customerId);
    const unknownQuery = await t.http.get(`/api/customers/me?userId=${b.userId}`).set(bearer(customerToken(a.userId)));
    expect(unknownQuery.status).toBe(400);
  });
});

describe('When a customer reads their own statistics (GET /api/customers/me/statistics)', () => {
  test('then the statistics come with the average order value and resolved complaints derived', async () => {
    const { customerId, userId } = await createCustomer(t.http);
    await t.http.patch(`/api/customers/internal/${customerId}/statistics`).set('X-Service-API-Key', TEST_API_KEY).send({
      totalOrders: 4,
      totalOrderValue: 1000,
      totalComplaints: 3,
      openComplaints: 1,
      lastOrderDate: '2026-01-20T14:30:00Z',
      lastComplaintDate: '2025-12-05T11:20:00Z',
    });
    const res = await t.http.get('/api/customers/me/statistics').set(bearer(customerToken(userId)));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      customerId,
      totalOrders: 4,
      totalOrderValue: 1000,
      averageOrderValue: 250,
      totalComplaints: 3,
      openComplaints: 1,
      resolvedComplaints: 2,
      lastOrderDate: '2026-01-20T14:30:00.000Z',
      lastComplaintDate: '2025-12-05T11:20:00.000Z',
      customerSince: expect.stringMatching(/Z$/),
    });
  });

  test('when there are no orders, then the average is 0 and unset dates are omitted', async () => {
    const { userId } = await createCustomer(t.http);
    const res = await t.http.get('/api/customers/me/statistics').set(bearer(customerToken(userId)));
    expect(res.body.data.averageOrderValue).toBe(0);
    expect(res.body.data).not.toHaveProperty('lastOrderDate');
  });
});
