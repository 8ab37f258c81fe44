import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestAppWithSiblings } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import type { Siblings } from './support/siblings.js';

let siblings: Siblings;
let t: TestAppWithSiblings;
const admin = bearer(adminToken());

beforeAll(async () => {
  t = await startTestApp({ SERVICE_BREAKER_THRESHOLD: '100' }, { withSiblings: true });
  siblings = t.siblings;
});
afterAll(() => t.close());
beforeEach(() => {
  siblings.reset();
  siblings.order.orders.length = 0;
  siblings.complaint.complaints.length = 0;
});

const order = (customerId: string, status: string, n: number) => ({
  orderId: `ORD-${status}-${n}`,
  customerId,
  orderDate: '2026-01-20T14:30:00',
  status,
  totalAmount: 100,
  itemCount: 1,
});
const exists = async (customerId: string) => (await t.http.get(`/api/customers/${customerId}`).set(admin)).status === 200;

describe('When an administrator deletes a customer the siblings know (DELETE /api/customers/{customerId})', () => {
  test("when there are active orders and an open complaint, then the deletion is refused with the guide's message", async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.order.orders.push(
      order(customerId, 'Placed', 1),
      order(customerId, 'Shipped', 2),
      order(customerId, 'Return Requested', 3),
      order(customerId, 'Delivered', 4),
      order(customerId, 'Cancelled', 5),
    );
    siblings.complaint.complaints.push(
      { complaintId: 'C1', customerId, subject: 's', status: 'Open', createdAt: '2026-01-21T10:05:00Z' },
      { complaintId: 'C2', customerId, subject: 's', status: 'Resolved', createdAt: '2026-01-20T10:05:00Z' },
    );
    const res = await t.http.delete(`/api/customers/${customerId}`).set(admin).set('X-Request-Id', 'req-delete-1');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      success: false,
      message: 'Cannot delete customer with active orders or complaints',
      errors: [{ field: 'customer', message: 'Customer has 3 active orders and 1 open complaint. Please resolve these first.' }],
    });
    expect(await exists(customerId)).toBe(true);
    // one page_size=1 call per active status, with the admin's token and the request id
    const calls = siblings.order.received('/api/admin/orders');
    expect(calls.map((c) => c.query.get('order_status')).sort()).toEqual(['Placed', 'Processing', 'Return Requested', 'Shipped']);
    for (const call of calls) {
      expect(call.query.get('page_size')).toBe('1');
      expect(call.query.get('customer_id')).toBe(customerId);
      expect(call.headers['authorization']).toBe(admin.Authorization);
      expect(call.headers['x-request-id']).toBe('req-delete-1');
    }
    const [summary] = siblings.complaint.received('/api/internal/customers/');
    expect(summary?.headers['x-service-api-key']).toBe(t.config.services.apiKey);
    expect(summary?.headers['authorization']).toBeUndefined();
    expect(summary?.headers['x-request-id']).toBe('req-delete-1');
  });

  test('when there is one active order alone, then the refusal says so in the singular', async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.order.orders.push(order(customerId, 'Processing', 1));
    const res = await t.http.delete(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('Customer has 1 active order. Please resolve these first.');
  });

  test('when there are open complaints alone, then the refusal says so in the plural', async () => {
    const { customerId } = await createCustomer(t.http);
    for (const id of ['C1', 'C2']) {
      siblings.complaint.complaints.push({ complaintId: id, customerId, subject: 's', status: 'Open', createdAt: '2026-01-21T10:05:00Z' });
    }
    const res = await t.http.delete(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('Customer has 2 open complaints. Please resolve these first.');
  });

  test.each([
    ['Order Service', () => (siblings.order.mode = { kind: 'status', status: 503 })],
    ['Complaint Service', () => (siblings.complaint.mode = { kind: 'hang' })],
  ])('when the %s cannot answer, then the answer is a bad gateway naming it and nothing is deleted', async (service, breakIt) => {
    const { customerId } = await createCustomer(t.http);
    breakIt();
    const res = await t.http.delete(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(502);
    expect(res.body.errors).toEqual([{ field: 'service', message: `${service} is currently unavailable. Please try again later.` }]);
    siblings.reset();
    expect(await exists(customerId)).toBe(true);
  });

  test('when a sibling is down, then work already known still refuses the deletion (nothing could allow it)', async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.complaint.complaints.push({ complaintId: 'C1', customerId, subject: 's', status: 'Open', createdAt: '2026-01-21T10:05:00Z' });
    siblings.order.mode = { kind: 'status', status: 500 };
    const res = await t.http.delete(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('Customer has 1 open complaint. Please resolve these first.');
    siblings.reset();
    expect(await exists(customerId)).toBe(true);
  });

  test('when there are only finished orders and resolved complaints, then the deletion goes through and the customer is gone', async () => {
    const { customerId } = await createCustomer(t.http);
    siblings.order.orders.push(order(customerId, 'Delivered', 1), order(customerId, 'Returned', 2));
    siblings.complaint.complaints.push({
      complaintId: 'C1',
      customerId,
      subject: 's',
      status: 'Resolved',
      createdAt: '2026-01-21T10:05:00Z',
    });
    const res = await t.http.delete(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ customerId, deletedAt: expect.stringMatching(/Z$/) });
    expect(await exists(customerId)).toBe(false);
  });

  test('when the customer is unknown, then the answer is not found without calling the siblings', async () => {
    const unknown = '0123456789abcdef01234567';
    const res = await t.http.delete(`/api/customers/${unknown}`).set(admin);
    expect(res.status).toBe(404);
    // a retry of an earlier test can still reach a stub after reset(): only calls about this id count
    expect(siblings.order.requests.filter((r) => r.query.get('customer_id') === unknown)).toHaveLength(0);
    expect(siblings.complaint.requests.filter((r) => r.path.includes(unknown) || r.query.get('customerId') === unknown)).toHaveLength(0);
  });
});
