import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCrmsClient, unwrap } from '../../generated/src/index.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestAppWithSiblings } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import type { Siblings } from './support/siblings.js';

let siblings: Siblings;
let t: TestAppWithSiblings;
let server: Server;
let baseUrl: string;
const token = adminToken();
const admin = bearer(token);
const UNKNOWN = '0123456789abcdef01234567';

beforeAll(async () => {
  t = await startTestApp({}, { withSiblings: true });
  siblings = t.siblings;
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});
beforeEach(() => siblings.reset());

describe("When an administrator reads a customer's orders (GET /api/customers/{customerId}/orders)", () => {
  test("then the Order Service page is mapped to the guide's shape, dates normalised to Z, through the generated SDK", async () => {
    const { customerId } = await createCustomer(t.http);
    const other = await createCustomer(t.http);
    siblings.order.orders.push(
      {
        orderId: 'ORD-1',
        customerId,
        orderDate: '2026-01-20T14:30:00.123456',
        status: 'Delivered',
        totalAmount: 3500,
        itemCount: 3,
        paymentMethod: 'UPI',
      },
      { orderId: 'ORD-2', customerId, orderDate: '2026-01-10T09:15:00+05:30', status: 'Placed', totalAmount: 1200.5, itemCount: 1 },
      { orderId: 'ORD-3', customerId, orderDate: '2026-01-05T08:00:00Z', status: 'Cancelled', totalAmount: 10, itemCount: 1 },
      { orderId: 'ORD-X', customerId: other.customerId, orderDate: '2026-01-05T08:00:00Z', status: 'Placed', totalAmount: 1, itemCount: 1 },
    );
    const sdk = createCrmsClient({ baseUrl, token, requestId: () => 'req-history-1' });
    const first = unwrap(
      await sdk.GET('/api/customers/{customerId}/orders', { params: { path: { customerId }, query: { page: 1, limit: 2 } } }),
    );
    expect(first).toEqual({
      success: true,
      message: 'Customer order history retrieved successfully',
      data: {
        customerId,
        orders: [
          { orderId: 'ORD-1', orderDate: '2026-01-20T14:30:00.123Z', status: 'Delivered', totalAmount: 3500, itemCount: 3 },
          { orderId: 'ORD-2', orderDate: '2026-01-10T03:45:00.000Z', status: 'Placed', totalAmount: 1200.5, itemCount: 1 },
        ],
        pagination: { currentPage: 1, totalPages: 2, totalItems: 3 },
      },
    });
    const second = unwrap(
      await sdk.GET('/api/customers/{customerId}/orders', { params: { path: { customerId }, query: { page: 2, limit: 2 } } }),
    );
    expect(second.data.orders.map((o) => o.orderId)).toEqual(['ORD-3']);
    expect(second.data.pagination).toEqual({ currentPage: 2, totalPages: 2, totalItems: 3 });

    const [call] = siblings.order.received('/api/admin/orders');
    expect(call?.query.get('customer_id')).toBe(customerId);
    expect(call?.query.get('page')).toBe('1');
    expect(call?.query.get('page_size')).toBe('2');
    expect(call?.headers['authorization']).toBe(`Bearer ${token}`);
    expect(call?.headers['x-request-id']).toBe('req-history-1');
  });

  test('when the customer has no orders, then the page is empty', async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ customerId, orders: [], pagination: { currentPage: 1, totalPages: 0, totalItems: 0 } });
    expect(siblings.order.requests[0]?.query.get('page_size')).toBe('10');
  });

  test('when the customer is unknown, then the answer is not found and the Order Service is not called', async () => {
    const res = await t.http.get(`/api/customers/${UNKNOWN}/orders`).set(admin);
    expect(res.status).toBe(404);
    expect(siblings.order.requests).toHaveLength(0);
  });

  test('when the answer holds orders of another customer, then it is refused as a bad gateway, never shown', async () => {
    const { customerId } = await createCustomer(t.http);
    const other = await createCustomer(t.http);
    siblings.order.orders.push({
      orderId: 'ORD-LEAK',
      customerId: other.customerId,
      orderDate: '2026-01-05T08:00:00Z',
      status: 'Placed',
      totalAmount: 1,
      itemCount: 1,
    });
    siblings.order.ignoreCustomerFilter = true;
    const res = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
    expect(res.status).toBe(502);
    expect(res.body.errors).toEqual([{ field: 'service', message: 'Order Service answered with data CRMS cannot use.' }]);
  });

  test('when the Order Service leaves its optional fields null, then the page is served', async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.order.orders.push({
      orderId: 'ORD-N',
      customerId,
      orderDate: '2026-01-20T14:30:00',
      status: 'Placed',
      totalAmount: 10,
      itemCount: 1,
      paymentMethod: null,
      shippingAddress: null,
    });
    const res = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data.orders).toEqual([
      { orderId: 'ORD-N', orderDate: '2026-01-20T14:30:00.000Z', status: 'Placed', totalAmount: 10, itemCount: 1 },
    ]);
  });

  test('when the Order Service refuses the admin token, then that is our unauthenticated or forbidden; a refused service key is a bad gateway', async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.order.mode = { kind: 'status', status: 401 };
    const unauthorized = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body.errors[0].field).toBe('authorization');
    siblings.order.mode = { kind: 'status', status: 403 };
    const forbidden = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toBe('Access denied');
    // the complaint summary is called with the service key: a 401 there is CRMS's problem, not the caller's
    siblings.complaint.mode = { kind: 'status', status: 401 };
    siblings.order.mode = { kind: 'normal' };
    const deletion = await t.http.delete(`/api/customers/${customerId}`).set(admin);
    expect(deletion.status).toBe(502);
    expect(deletion.body.errors[0].message).toMatch(/^Complaint Service/);
  });
});

describe("When an administrator reads a customer's complaints (GET /api/customers/{customerId}/complaints)", () => {
  test('then the Complaint Service page is mapped, optional fields omitted, dates normalised', async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.complaint.complaints.push(
      {
        complaintId: 'CMP-1',
        customerId,
        orderId: 'ORD-1',
        category: 'Delivery',
        subject: 'Damaged',
        status: 'Open',
        priority: 'High',
        createdAt: '2026-01-21T10:05:00',
      },
      {
        complaintId: 'CMP-2',
        customerId,
        subject: 'Refund',
        status: 'Resolved',
        createdAt: '2025-12-05T11:20:00.000Z',
        resolvedAt: '2025-12-08T15:00:00Z',
      },
      { complaintId: 'CMP-3', customerId, subject: 'Late', status: 'Open', createdAt: '2025-11-05T11:20:00Z' },
    );
    const res = await t.http.get(`/api/customers/${customerId}/complaints?page=1&limit=2`).set(admin).set('X-Request-Id', 'req-cmp-1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Customer complaint history retrieved successfully',
      data: {
        customerId,
        complaints: [
          {
            complaintId: 'CMP-1',
            orderId: 'ORD-1',
            category: 'Delivery',
            subject: 'Damaged',
            status: 'Open',
            priority: 'High',
            createdAt: '2026-01-21T10:05:00.000Z',
          },
          {
            complaintId: 'CMP-2',
            subject: 'Refund',
            status: 'Resolved',
            createdAt: '2025-12-05T11:20:00.000Z',
            resolvedAt: '2025-12-08T15:00:00.000Z',
          },
        ],
        pagination: { currentPage: 1, totalPages: 2, totalItems: 3 },
      },
    });
    const [call] = siblings.complaint.received('/api/complaints');
    expect(call?.query.get('customerId')).toBe(customerId);
    expect(call?.query.get('limit')).toBe('2');
    expect(call?.headers['authorization']).toBe(`Bearer ${token}`);
    expect(call?.headers['x-request-id']).toBe('req-cmp-1');
  });

  test('when the Complaint Service leaves optional fields null (a complaint without a known order), then they are omitted', async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.complaint.complaints.push(
      {
        complaintId: 'CMP-N',
        customerId,
        orderId: null,
        category: null,
        subject: 'Rude agent',
        description: null,
        status: 'Open',
        priority: null,
        createdAt: '2026-01-21T10:05:00',
        resolvedAt: null,
      },
      {
        complaintId: 'CMP-R',
        customerId,
        orderId: 'ORD-9',
        category: 'Refund',
        subject: 'Refund',
        description: null,
        status: 'Resolved',
        priority: 'Low',
        createdAt: '2026-01-01T10:05:00Z',
        resolvedAt: '2026-01-02T10:05:00+05:30',
      },
    );
    const res = await t.http.get(`/api/customers/${customerId}/complaints`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data.complaints).toEqual([
      { complaintId: 'CMP-N', subject: 'Rude agent', status: 'Open', createdAt: '2026-01-21T10:05:00.000Z' },
      {
        complaintId: 'CMP-R',
        orderId: 'ORD-9',
        category: 'Refund',
        subject: 'Refund',
        status: 'Resolved',
        priority: 'Low',
        createdAt: '2026-01-01T10:05:00.000Z',
        resolvedAt: '2026-01-02T04:35:00.000Z',
      },
    ]);
  });

  test('when the customer is unknown, then the answer is not found and the Complaint Service is not called', async () => {
    const res = await t.http.get(`/api/customers/${UNKNOWN}/complaints`).set(admin);
    expect(res.status).toBe(404);
    expect(siblings.complaint.requests).toHaveLength(0);
  });
});
