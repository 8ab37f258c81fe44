import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { ADMIN_ID, TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

let t: TestApp;
const admin = bearer(adminToken());
const UNKNOWN = '0123456789abcdef01234567';
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = async (id: string) => (await t.http.get(`/api/customers/${id}`).set(admin)).body.data;

describe('When an administrator reads one customer (GET /api/customers/{customerId})', () => {
  test('then the full record comes with its histories and an ETag', async () => {
    const { customerId, userId } = await createCustomer(t.http, { fullName: 'John Doe', email: 'john.doe@example.com' });
    const res = await t.http.get(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Customer retrieved successfully');
    expect(res.headers['etag']).toMatch(/^"[0-9a-f]{24}-\d+"$/);
    expect(res.body.data).toMatchObject({ customerId, userId, fullName: 'John Doe', noteHistory: [], statusHistory: [], typeHistory: [] });
    for (const hidden of ['_id', 'searchKeys', 'version', 'appliedKeys']) expect(res.body.data).not.toHaveProperty(hidden);
  });

  test("when the id is unknown, then the answer is the guide's not found; when it is malformed, then the request is invalid, naming customerId", async () => {
    const missing = await t.http.get(`/api/customers/${UNKNOWN}`).set(admin);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      success: false,
      message: 'Customer not found',
      errors: [{ field: 'customerId', message: 'No customer exists with the provided ID' }],
    });
    for (const bad of ['123', 'zzzzzzzzzzzzzzzzzzzzzzzz', '0123456789abcdef012345678', '..%2F..%2Fetc']) {
      const res = await t.http.get(`/api/customers/${bad}`).set(admin);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('customerId');
    }
  });
});

describe('When an administrator updates a customer (PUT /api/customers/{customerId})', () => {
  test("then type, notes and tags are updated and partial preferences merged, in the guide's shape", async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({
        customerType: 'VIP',
        notes: 'Upgraded to VIP due to high order value',
        tags: [' high-value ', 'responsive', 'high-value', 'loyal'],
        preferences: { newsletter: true },
      });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Customer updated successfully',
      data: {
        customerId,
        customerType: 'VIP',
        notes: 'Upgraded to VIP due to high order value',
        tags: ['high-value', 'responsive', 'loyal'],
        preferences: { newsletter: true, notifications: true, language: 'en' },
        updatedAt: expect.stringMatching(/Z$/),
        updatedBy: ADMIN_ID,
      },
    });
    const stored = await get(customerId);
    expect(stored.updatedBy).toBe(ADMIN_ID);
    expect(stored.typeHistory).toEqual([{ from: 'Regular', to: 'VIP', changedBy: ADMIN_ID, changedAt: expect.any(String) }]);
    const language = await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({ preferences: { language: 'hi' } });
    expect(language.body.data.preferences).toEqual({ newsletter: true, notifications: true, language: 'hi' });
  });

  test.each([
    [{ totalOrders: 100 }, 'totalOrders'],
    [{ email: 'x@y.z' }, 'email'],
    [{ customerStatus: 'Active' }, 'customerStatus'],
    [{ customerType: 'Gold' }, 'customerType'],
    [{ notes: 'x'.repeat(1001) }, 'notes'],
    [{ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'tags'],
    [{ tags: ['x'.repeat(51)] }, 'tags.0'],
    [{ tags: ['   '] }, 'tags.0'],
    [{ preferences: { newsletter: 'yes' } }, 'preferences.newsletter'],
    [{ preferences: { theme: 'dark' } }, 'preferences.theme'],
    [{}, 'body'],
  ])('when the body is %j (mass assignment or a bad value), then it is refused as invalid, naming %s', async (body, field) => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http.put(`/api/customers/${customerId}`).set(admin).send(body);
    expect(res.status).toBe(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect((await get(customerId)).totalOrders).toBe(0);
  });

  test('then JSON bodies are never type-coerced (found by Schemathesis): false, null and numbers for strings are invalid', async () => {
    const { customerId } = await createCustomer(t.http);
    for (const body of [{ notes: false }, { notes: 12 }, { preferences: { notifications: null } }, { tags: [1] }]) {
      expect((await t.http.put(`/api/customers/${customerId}`).set(admin).send(body)).status).toBe(400);
    }
    expect((await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: false })).status).toBe(400);
    const stored = await get(customerId);
    expect(stored).not.toHaveProperty('notes');
    expect(stored.noteHistory).toEqual([]);
  });

  test('then a __proto__ key is refused', async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{"notes":"x","__proto__":{"isAdmin":true}}');
    expect(res.status).toBe(400);
  });

  test('when the id is unknown, then the answer is not found', async () => {
    expect((await t.http.put(`/api/customers/${UNKNOWN}`).set(admin).send({ notes: 'x' })).status).toBe(404);
  });
});

describe("When an administrator changes a customer's status or type", () => {
  test("then a status change answers the guide's shape and is appended to statusHistory", async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http
      .patch(`/api/customers/${customerId}/status`)
      .set(admin)
      .send({ status: 'Suspended', reason: 'Multiple payment disputes' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Customer status updated successfully',
      data: {
        customerId,
        customerStatus: 'Suspended',
        previousStatus: 'Active',
        updatedAt: expect.stringMatching(/Z$/),
        updatedBy: ADMIN_ID,
        authSync: expect.stringMatching(/^(synced|pending)$/),
      },
    });
    await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Active' });
    const stored = await get(customerId);
    expect(stored.customerStatus).toBe('Active');
    expect(stored.statusHistory).toEqual([
      { from: 'Active', to: 'Suspended', reason: 'Multiple payment disputes', changedBy: ADMIN_ID, changedAt: expect.any(String) },
      { from: 'Suspended', to: 'Active', changedBy: ADMIN_ID, changedAt: expect.any(String) },
    ]);
  });

  test('then a type change answers with previousType and is appended to typeHistory, and the same type again changes nothing', async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http
      .patch(`/api/customers/${customerId}/type`)
      .set(admin)
      .send({ customerType: 'Premium', reason: 'Spent over 40k' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      customerId,
      customerType: 'Premium',
      previousType: 'Regular',
      updatedAt: expect.stringMatching(/Z$/),
      updatedBy: ADMIN_ID,
    });
    await t.http.patch(`/api/customers/${customerId}/type`).set(admin).send({ customerType: 'Premium' });
    expect((await get(customerId)).typeHistory).toEqual([
      { from: 'Regular', to: 'Premium', reason: 'Spent over 40k', changedBy: ADMIN_ID, changedAt: expect.any(String) },
    ]);
  });

  test.each([
    ['status', { status: 'Deleted' }, 'status'],
    ['status', {}, 'status'],
    ['status', { status: 'Active', reason: 'x'.repeat(501) }, 'reason'],
    ['status', { status: 'Active', customerType: 'VIP' }, 'customerType'],
    ['type', { customerType: 'Gold' }, 'customerType'],
    ['type', { customerType: 'VIP', reason: 'x'.repeat(501) }, 'reason'],
  ])('when PATCH %s gets %j, then the request is invalid, naming %s', async (kind, body, field) => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http.patch(`/api/customers/${customerId}/${kind}`).set(admin).send(body);
    expect(res.status).toBe(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });

  test('when the id is unknown, then the answer is not found', async () => {
    expect((await t.http.patch(`/api/customers/${UNKNOWN}/status`).set(admin).send({ status: 'Inactive' })).status).toBe(404);
    expect((await t.http.patch(`/api/customers/${UNKNOWN}/type`).set(admin).send({ customerType: 'VIP' })).status).toBe(404);
  });
});

describe('When an administrator adds a note (POST /api/customers/{customerId}/notes)', () => {
  test('then it is appended to noteHistory and the answer is created, with the note and the count', async () => {
    const { customerId } = await createCustomer(t.http);
    const first = await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'Called about a late delivery' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      success: true,
      message: 'Customer note added successfully',
      data: {
        customerId,
        note: {
          noteId: expect.stringMatching(/^[0-9a-f]{24}$/),
          note: 'Called about a late delivery',
          addedBy: ADMIN_ID,
          addedAt: expect.stringMatching(/Z$/),
        },
        noteCount: 1,
      },
    });
    const second = await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'Resolved' });
    expect(second.body.data.noteCount).toBe(2);
    const stored = await get(customerId);
    expect(stored.noteHistory.map((n: { note: string }) => n.note)).toEqual(['Called about a late delivery', 'Resolved']);
    expect(stored).not.toHaveProperty('notes');
  });

  test('when the note is empty, too long or has extra fields, then the request is invalid; when the id is unknown, then not found', async () => {
    const { customerId } = await createCustomer(t.http);
    for (const body of [{}, { note: '' }, { note: 'x'.repeat(1001) }, { note: 'x', addedBy: 'me' }]) {
      expect((await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send(body)).status).toBe(400);
    }
    expect((await t.http.post(`/api/customers/${UNKNOWN}/notes`).set(admin).send({ note: 'x' })).status).toBe(404);
  });
});

describe('When an administrator deletes a customer (DELETE /api/customers/{customerId})', () => {
  test('when the customer has open complaints, then the deletion is refused and nothing is deleted', async () => {
    const { customerId } = await createCustomer(t.http);
    await t.http
      .patch(`/api/internal/customers/${customerId}/statistics`)
      .set('X-Service-API-Key', TEST_API_KEY)
      .send({ complaintCount: 1 });
    const res = await t.http.delete(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.errors[0].field).toBe('customer');
    expect(res.body.errors[0].message).toBe('Customer has 1 open complaint. Please resolve these first.');
    expect((await t.http.get(`/api/customers/${customerId}`).set(admin)).status).toBe(200);
  });
});

describe('When an administrator reads the analytics', () => {
  test('then the counts by status and type match the data', async () => {
    const fresh = await startTestApp();
    try {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await createCustomer(fresh.http)).customerId);
      await fresh.http.patch(`/api/customers/${ids[0]}/status`).set(admin).send({ status: 'Suspended' });
      await fresh.http.patch(`/api/customers/${ids[1]}/type`).set(admin).send({ customerType: 'VIP' });
      const res = await fresh.http.get('/api/customers/analytics').set(admin);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        totalCustomers: 4,
        byStatus: { Active: 3, Inactive: 0, Suspended: 1 },
        byType: { Regular: 3, Premium: 0, VIP: 1 },
        cached: false,
      });
    } finally {
      await fresh.close();
    }
  });
});
