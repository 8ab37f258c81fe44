import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createCrmsClient, unwrap } from '../../generated/src/index.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestAppWithSiblings } from '../support/harness.js';
import { ADMIN_ID, adminToken, bearer, customerToken } from '../support/tokens.js';
import type { Siblings } from '../siblings/support/siblings.js';

/** POST /api/customers/bulk against the real database and an Auth Service stub. */
let siblings: Siblings;
let t: TestAppWithSiblings;
let server: Server;
let baseUrl: string;
const admin = bearer(adminToken());
const UNKNOWN = '65a1b2c3d4e5f6a7b8c9d0ff';

beforeAll(async () => {
  t = await startTestApp({ SERVICE_BREAKER_THRESHOLD: '100' }, { withSiblings: true });
  siblings = t.siblings;
  server = await new Promise<Server>((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});
beforeEach(() => siblings.reset());

async function customers(n: number): Promise<{ customerId: string; userId: string }[]> {
  const created = await Promise.all(Array.from({ length: n }, () => createCustomer(t.http)));
  for (const c of created) siblings.auth.addUser({ _id: c.userId, isActive: true });
  return created;
}
const bulk = (body: object) => t.http.post('/api/customers/bulk').set(admin).send(body);
const detail = async (id: string) => (await t.http.get(`/api/customers/${id}`).set(admin)).body.data;

describe('When an administrator changes many customers at once (POST /api/customers/bulk)', () => {
  test('when the action is setStatus, then the results come in request order, unknown ids fail alone, and the rest go through the status path with the Auth sync', async () => {
    const [a, b, c] = await customers(3);
    const ids = [a!.customerId, UNKNOWN, b!.customerId, c!.customerId];
    const res = await bulk({ action: 'setStatus', customerIds: ids, value: 'Suspended', reason: 'Fraud ring' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Bulk operation completed',
      data: {
        action: 'setStatus',
        results: [
          { customerId: a!.customerId, success: true, authSync: 'synced' },
          { customerId: UNKNOWN, success: false, error: { message: 'No customer exists with the provided ID' } },
          { customerId: b!.customerId, success: true, authSync: 'synced' },
          { customerId: c!.customerId, success: true, authSync: 'synced' },
        ],
        succeeded: 3,
        failed: 1,
      },
    });
    for (const x of [a!, b!, c!]) {
      const d = await detail(x.customerId);
      expect(d.customerStatus).toBe('Suspended');
      expect(d.statusHistory).toEqual([
        expect.objectContaining({ from: 'Active', to: 'Suspended', reason: 'Fraud ring', changedBy: ADMIN_ID }),
      ]);
      expect(siblings.auth.stateCalls(x.userId).map((call) => call.action)).toEqual(['deactivate']);
      expect(siblings.auth.users.get(x.userId)?.isActive).toBe(false);
    }
  });

  test('when the Auth Service is down during setStatus, then the statuses are saved and each result says the sync is pending', async () => {
    const [a, b] = await customers(2);
    siblings.auth.mode = { kind: 'status', status: 503 };
    const res = await bulk({ action: 'setStatus', customerIds: [a!.customerId, b!.customerId], value: 'Inactive' });
    expect(res.body.data.results.map((r: { authSync: string }) => r.authSync)).toEqual(['pending', 'pending']);
    expect((await detail(a!.customerId)).authSync).toMatchObject({ status: 'pending', desiredState: 'inactive' });
  });

  test('when the action is setType, then each change is recorded in the type history, and a customer already of that type succeeds unchanged', async () => {
    const [a, b] = await customers(2);
    await t.http.patch(`/api/customers/${b!.customerId}/type`).set(admin).send({ customerType: 'VIP' }).expect(200);
    const res = await bulk({ action: 'setType', customerIds: [a!.customerId, b!.customerId], value: 'VIP', reason: 'Campaign' });
    expect(res.body.data).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await detail(a!.customerId)).typeHistory).toEqual([
      expect.objectContaining({ from: 'Regular', to: 'VIP', reason: 'Campaign' }),
    ]);
    expect((await detail(b!.customerId)).typeHistory).toHaveLength(1);
  });

  test('when tags are added and removed, then they are merged and de-duplicated or removed where present, and a customer that would exceed 50 tags fails alone', async () => {
    const [a, b, full] = await customers(3);
    await t.http
      .put(`/api/customers/${a!.customerId}`)
      .set(admin)
      .send({ tags: ['keep', 'old'] })
      .expect(200);
    await t.http
      .put(`/api/customers/${full!.customerId}`)
      .set(admin)
      .send({ tags: Array.from({ length: 50 }, (_, i) => `t${i}`) })
      .expect(200);
    const added = await bulk({
      action: 'addTags',
      customerIds: [a!.customerId, full!.customerId, b!.customerId],
      value: [' new ', 'old', 'new'],
    });
    expect(added.body.data.results).toEqual([
      { customerId: a!.customerId, success: true },
      { customerId: full!.customerId, success: false, error: { message: 'The customer would have 52 tags; at most 50 are allowed' } },
      { customerId: b!.customerId, success: true },
    ]);
    expect((await detail(a!.customerId)).tags).toEqual(['keep', 'old', 'new']);
    expect((await detail(b!.customerId)).tags).toEqual(['new', 'old']);
    expect((await detail(full!.customerId)).tags).toHaveLength(50);
    const removed = await bulk({ action: 'removeTags', customerIds: [a!.customerId, b!.customerId], value: ['old', 'absent'] });
    expect(removed.body.data).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await detail(a!.customerId)).tags).toEqual(['keep', 'new']);
    expect((await detail(b!.customerId)).tags).toEqual(['new']);
  });

  test('when 100 customers are changed at once (bounded concurrency), then every one changes and the results come in request order', async () => {
    const many = await customers(100);
    const ids = many.map((c) => c.customerId).reverse();
    const res = await bulk({ action: 'addTags', customerIds: ids, value: ['wave-1'] });
    expect(res.status).toBe(200);
    expect(res.body.data.results.map((r: { customerId: string }) => r.customerId)).toEqual(ids);
    expect(res.body.data).toMatchObject({ succeeded: 100, failed: 0 });
    const tagged = await t.http.get('/api/customers').query({ tags: 'wave-1', limit: 100 }).set(admin);
    expect(tagged.body.data.pagination.totalItems).toBe(100);
  });

  test.each([
    ['a customer type for setStatus', { action: 'setStatus', value: 'VIP' }, 'value'],
    ['a status for setType', { action: 'setType', value: 'Active' }, 'value'],
    ['tags for setStatus', { action: 'setStatus', value: ['a'] }, 'value'],
    ['a string for addTags', { action: 'addTags', value: 'vip' }, 'value'],
    ['an empty tag list', { action: 'removeTags', value: [] }, 'value'],
    ['a reason with a tag action', { action: 'addTags', value: ['a'], reason: 'why' }, 'reason'],
    ['an unknown action', { action: 'delete', value: 'x' }, 'action'],
    ['an unknown property', { action: 'setType', value: 'VIP', dryRun: true }, 'dryRun'],
  ])('when the body has %s, then the whole request is invalid and nothing is applied', async (_name, partial, field) => {
    const [a] = await customers(1);
    const before = await detail(a!.customerId);
    const res = await bulk({ customerIds: [a!.customerId], ...partial });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await detail(a!.customerId)).toEqual(before);
  });

  test.each([
    ['no id', []],
    ['101 ids', Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(24, '0'))],
    ['a repeated id', [UNKNOWN, UNKNOWN]],
    ['a malformed id', ['not-an-id']],
  ])('when customerIds has %s, then the request is invalid', async (_name, customerIds) => {
    const res = await bulk({ action: 'setType', customerIds, value: 'VIP' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toMatch(/^customerIds/);
  });

  test('when the caller has a customer token, then the request is forbidden', async () => {
    const [a] = await customers(1);
    const res = await t.http
      .post('/api/customers/bulk')
      .set(bearer(customerToken(a!.userId)))
      .send({ action: 'setType', customerIds: [a!.customerId], value: 'VIP' });
    expect(res.status).toBe(403);
  });

  test('then the generated SDK sends the request and reads the result', async () => {
    const [a] = await customers(1);
    const client = createCrmsClient({ baseUrl, token: adminToken() });
    const result = unwrap(
      await client.POST('/api/customers/bulk', { body: { action: 'setType', customerIds: [a!.customerId, UNKNOWN], value: 'Premium' } }),
    );
    expect(result.data).toMatchObject({ action: 'setType', succeeded: 1, failed: 1 });
    expect(result.data.results[1]).toEqual({
      customerId: UNKNOWN,
      success: false,
      error: { message: 'No customer exists with the provided ID' },
    });
  });
});
