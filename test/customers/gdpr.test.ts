import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestAppWithSiblings } from '../support/harness.js';
import { ADMIN_ID, TEST_API_KEY, adminToken, bearer, customerToken } from '../support/tokens.js';
import type { Siblings } from '../siblings/support/siblings.js';

/** GDPR data export (art. 15/20) and erasure (art. 17), against the real database and an Auth Service stub. */
let siblings: Siblings;
let t: TestAppWithSiblings;
const admin = bearer(adminToken());

beforeAll(async () => {
  t = await startTestApp({ SERVICE_BREAKER_THRESHOLD: '100' }, { withSiblings: true });
  siblings = t.siblings;
});
afterAll(() => t.close());
beforeEach(() => siblings.reset());

/** A customer with everything filled in: statistics, tags, notes, note history, status and type history. */
async function richCustomer(name = 'Maria Fernandes', email = 'maria.fernandes@example.com', phone = '+91 98450 12345') {
  const seeded = await createCustomer(t.http, { fullName: name, email, contactNumber: phone });
  siblings.auth.addUser({ _id: seeded.userId, email, fullName: name, isActive: true });
  const id = seeded.customerId;
  await t.http
    .patch(`/api/customers/internal/${id}/statistics`)
    .set('X-Service-API-Key', TEST_API_KEY)
    .send({ totalOrders: 4, totalOrderValue: 1234.5, totalComplaints: 1, openComplaints: 0, lastOrderDate: '2026-01-20T10:00:00Z' })
    .expect(200);
  await t.http
    .put(`/api/customers/${id}`)
    .set(admin)
    .send({ notes: 'Prefers calls after 6pm', tags: ['vip-lounge', 'mumbai'], preferences: { language: 'hi' } })
    .expect(200);
  await t.http.post(`/api/customers/${id}/notes`).set(admin).send({ note: 'Asked about her order to 12 Marine Drive' }).expect(201);
  await t.http.patch(`/api/customers/${id}/type`).set(admin).send({ customerType: 'Premium', reason: 'Loyal' }).expect(200);
  return seeded;
}

describe("When an administrator exports a customer's data (GET /api/customers/{customerId}/export)", () => {
  test('then everything stored about the customer comes with exportedAt and an ETag, and no internal field', async () => {
    const { customerId, userId } = await richCustomer();
    const before = Date.now();
    const res = await t.http.get(`/api/customers/${customerId}/export`).set(admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="customer-${customerId}.json"`);
    expect(res.headers['etag']).toBe((await t.http.get(`/api/customers/${customerId}`).set(admin)).headers['etag']);
    const data = res.body.data;
    expect(Date.parse(data.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(data.customer).toMatchObject({
      customerId,
      userId,
      email: 'maria.fernandes@example.com',
      fullName: 'Maria Fernandes',
      contactNumber: '+91 98450 12345',
      customerType: 'Premium',
      totalOrders: 4,
      totalOrderValue: 1234.5,
      totalComplaints: 1,
      lastOrderDate: '2026-01-20T10:00:00.000Z',
      notes: 'Prefers calls after 6pm',
      tags: ['vip-lounge', 'mumbai'],
      preferences: { language: 'hi' },
      noteHistory: [expect.objectContaining({ note: 'Asked about her order to 12 Marine Drive', addedBy: ADMIN_ID })],
      typeHistory: [expect.objectContaining({ from: 'Regular', to: 'Premium', reason: 'Loyal' })],
      statusHistory: [],
    });
    // the export is the full record: the same as the admin detail view
    const detail = await t.http.get(`/api/customers/${customerId}`).set(admin);
    expect(data.customer).toEqual(detail.body.data);
    const raw = JSON.stringify(res.body);
    for (const internal of ['searchKeys', '"version"', 'appliedKeys', 'claimedBy', 'actingAdminId', '"_id"']) {
      expect(raw).not.toContain(internal);
    }
  });

  test("when the customer is unknown, the id malformed or the token a customer's, then the request is refused as not found, invalid or forbidden", async () => {
    const { customerId, userId } = await createCustomer(t.http);
    expect((await t.http.get('/api/customers/65a1b2c3d4e5f6a7b8c9d0ff/export').set(admin)).status).toBe(404);
    expect((await t.http.get('/api/customers/nope/export').set(admin)).status).toBe(400);
    expect((await t.http.get(`/api/customers/${customerId}/export`).set(bearer(customerToken(userId)))).status).toBe(403);
  });
});

describe("When an administrator erases a customer's personal data (POST /api/customers/{customerId}/erase)", () => {
  test('then the personal data is anonymised, the statistics kept, the erasure recorded, and the customer deactivated through the status path', async () => {
    const { customerId, userId } = await richCustomer();
    const before = (await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data;
    const res = await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'GDPR art. 17 request DSR-7' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Customer personal data erased successfully',
      data: {
        customerId,
        erasedAt: expect.any(String),
        erasedBy: ADMIN_ID,
        customerStatus: 'Inactive',
        previousStatus: 'Active',
        authSync: 'synced',
      },
    });
    expect(res.headers['etag']).toMatch(/^"[0-9a-f]{24}-\d+"$/);

    const after = (await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data;
    expect(after.email).toBe(`erased-${customerId}@erased.invalid`);
    expect(after.fullName).toBe('Erased Customer');
    expect(after).not.toHaveProperty('contactNumber');
    expect(after).not.toHaveProperty('notes');
    expect(after.tags).toEqual([]);
    expect(after.noteHistory).toEqual([{ ...before.noteHistory[0], note: '[erased]' }]);
    expect(after).toMatchObject({
      erasedAt: res.body.data.erasedAt,
      erasedBy: ADMIN_ID,
      erasureReason: 'GDPR art. 17 request DSR-7',
      customerStatus: 'Inactive',
      userId,
      // business statistics kept so analytics stay right
      totalOrders: 4,
      totalOrderValue: 1234.5,
      totalComplaints: 1,
      openComplaints: 0,
      lastOrderDate: before.lastOrderDate,
      customerSince: before.customerSince,
      customerType: 'Premium',
      typeHistory: before.typeHistory,
    });
    expect(after.statusHistory).toEqual([
      expect.objectContaining({
        from: 'Active',
        to: 'Inactive',
        reason: 'Personal data erased: GDPR art. 17 request DSR-7',
        changedBy: ADMIN_ID,
      }),
    ]);
    // the usual Auth sync: the user was deactivated with the admin's bearer
    expect(siblings.auth.stateCalls(userId).map((c) => c.action)).toEqual(['deactivate']);
    expect(siblings.auth.users.get(userId)?.isActive).toBe(false);
    expect(after.authSync).toMatchObject({ status: 'synced', desiredState: 'inactive' });
  });

  test('then search and searchTerm no longer find the person by any former name, e-mail or number', async () => {
    const { customerId } = await richCustomer('Zoltan Quixby', 'zoltan.quixby@mailbox.example', '+44 7700 900123');
    const find = async (q: string) => {
      const search = await t.http.get('/api/customers/search').query({ q }).set(admin);
      const list = await t.http.get('/api/customers').query({ searchTerm: q }).set(admin);
      return [...search.body.data.results, ...list.body.data.customers].map((c: { customerId: string }) => c.customerId);
    };
    const queries = [
      'zoltan',
      'quixby',
      'Zoltan Quixby',
      'zoltan.quixby',
      'zoltan.quixby@mailbox.example',
      'mailbox.example',
      '447700900123',
      '7700900123',
      '+44 7700 900123',
    ];
    for (const q of queries) expect({ q, found: await find(q) }).toEqual({ q, found: [customerId, customerId] });
    await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'DSR-8' }).expect(200);
    for (const q of queries) expect({ q, found: await find(q) }).toEqual({ q, found: [] });
    // and the tags filter / CSV export no longer carry the former tags
    const byTag = await t.http.get('/api/customers').query({ tags: 'vip-lounge' }).set(admin);
    expect(byTag.body.data.customers.map((c: { customerId: string }) => c.customerId)).not.toContain(customerId);
  });

  test('when the customer was already erased, then a second erasure is a conflict and nothing changes', async () => {
    const { customerId } = await richCustomer('Second Try', 'second.try@example.com', '+91 90000 00002');
    await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'first' }).expect(200);
    const before = await t.http.get(`/api/customers/${customerId}`).set(admin);
    const again = await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'second' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      success: false,
      message: 'Customer already erased',
      errors: [{ field: 'customerId', message: expect.stringContaining(before.body.data.erasedAt) }],
    });
    const after = await t.http.get(`/api/customers/${customerId}`).set(admin);
    expect(after.headers['etag']).toBe(before.headers['etag']);
    expect(after.body.data.erasureReason).toBe('first');
  });

  test('when the customer is already inactive, then it is erased without a second status entry or Auth call', async () => {
    const { customerId, userId } = await richCustomer('Already Gone', 'already.gone@example.com', '+91 90000 00003');
    await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Inactive' }).expect(200);
    siblings.reset();
    const res = await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'DSR-9' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ customerStatus: 'Inactive', previousStatus: 'Inactive' });
    const after = (await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data;
    expect(after.statusHistory).toHaveLength(1);
    expect(after.fullName).toBe('Erased Customer');
    expect(siblings.auth.stateCalls(userId)).toEqual([]);
  });

  test('when the Auth Service is down, then the erasure is saved and the deactivation is pending', async () => {
    const { customerId } = await richCustomer('Pending Sync', 'pending.sync@example.com', '+91 90000 00004');
    siblings.auth.mode = { kind: 'status', status: 503 };
    const res = await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'DSR-10' });
    expect(res.status).toBe(200);
    expect(res.body.data.authSync).toBe('pending');
    const after = (await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data;
    expect(after).toMatchObject({ fullName: 'Erased Customer', authSync: { status: 'pending', desiredState: 'inactive' } });
  });

  test('when If-Match carries a stale tag, then the precondition fails and nothing is erased', async () => {
    const { customerId } = await richCustomer('Stale Tag', 'stale.tag@example.com', '+91 90000 00005');
    const stale = (await t.http.get(`/api/customers/${customerId}`).set(admin)).headers['etag'] as string;
    await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'meanwhile' }).expect(201);
    const res = await t.http.post(`/api/customers/${customerId}/erase`).set(admin).set('If-Match', stale).send({ reason: 'x' });
    expect(res.status).toBe(412);
    expect(res.body.errors[0].field).toBe('If-Match');
    expect((await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data.fullName).toBe('Stale Tag');
  });

  test.each([
    ['missing reason', 'reason', {}],
    ['empty reason', 'reason', { reason: '' }],
    ['blank reason', 'reason', { reason: '   ' }],
    ['reason over 500 characters', 'reason', { reason: 'x'.repeat(501) }],
    ['unknown property', 'keepEmail', { reason: 'ok', keepEmail: true }],
  ])('when the body has this fault: %s, then the request is invalid, naming %s', async (_name, field, body) => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  test("when the customer is unknown or the token a customer's, then the request is refused as not found or forbidden", async () => {
    const { customerId, userId } = await createCustomer(t.http);
    expect((await t.http.post('/api/customers/65a1b2c3d4e5f6a7b8c9d0ff/erase').set(admin).send({ reason: 'x' })).status).toBe(404);
    expect(
      (
        await t.http
          .post(`/api/customers/${customerId}/erase`)
          .set(bearer(customerToken(userId)))
          .send({ reason: 'x' })
      ).status,
    ).toBe(403);
  });
});
