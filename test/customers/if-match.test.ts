import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';

/** Strong ETags and If-Match on every admin write of a customer record. */
let t: TestApp;
const admin = bearer(adminToken());
const ETAG = /^"[0-9a-f]{24}-\d+"$/;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const read = (id: string) => t.http.get(`/api/customers/${id}`).set(admin);

/** The four conditional writes, each making a change that a concurrent one would otherwise overwrite. */
const writes = {
  updateCustomer: (id: string, n: number) =>
    t.http
      .put(`/api/customers/${id}`)
      .set(admin)
      .send({ notes: `writer ${n}` }),
  updateCustomerStatus: (id: string, n: number) =>
    t.http
      .patch(`/api/customers/${id}/status`)
      .set(admin)
      .send({ status: n === 1 ? 'Suspended' : 'Inactive', reason: `writer ${n}` }),
  updateCustomerType: (id: string, n: number) =>
    t.http
      .patch(`/api/customers/${id}/type`)
      .set(admin)
      .send({ customerType: n === 1 ? 'Premium' : 'VIP', reason: `writer ${n}` }),
  addCustomerNote: (id: string, n: number) =>
    t.http
      .post(`/api/customers/${id}/notes`)
      .set(admin)
      .send({ note: `writer ${n}` }),
};
type WriteName = keyof typeof writes;
const names = Object.keys(writes) as WriteName[];

describe('When a client reads and writes a customer record', () => {
  test('then GET returns a strong ETag derived from the version, and every write changes it and returns the new one', async () => {
    const { customerId } = await createCustomer(t.http);
    const first = await read(customerId);
    expect(first.headers['etag']).toMatch(ETAG);
    expect(first.headers['access-control-expose-headers'] ?? 'ETag').toContain('ETag');
    const put = await writes.updateCustomer(customerId, 1);
    expect(put.status).toBe(200);
    expect(put.headers['etag']).toMatch(ETAG);
    expect(put.headers['etag']).not.toBe(first.headers['etag']);
    expect((await read(customerId)).headers['etag']).toBe(put.headers['etag']);
  });

  test('then reading twice without a write gives the same ETag', async () => {
    const { customerId } = await createCustomer(t.http);
    expect((await read(customerId)).headers['etag']).toBe((await read(customerId)).headers['etag']);
  });
});

describe.each(names)('When If-Match guards %s', (name) => {
  test('when If-Match matches, then the write applies and the new ETag is answered', async () => {
    const { customerId } = await createCustomer(t.http);
    const etag = (await read(customerId)).headers['etag'] as string;
    const res = await writes[name](customerId, 1).set('If-Match', etag);
    expect(res.status).toBe(name === 'addCustomerNote' ? 201 : 200);
    expect(res.headers['etag']).toMatch(ETAG);
    expect(res.headers['etag']).not.toBe(etag);
    expect((await read(customerId)).headers['etag']).toBe(res.headers['etag']);
  });

  test('when If-Match is stale, then the precondition fails with an envelope naming If-Match, and nothing changes', async () => {
    const { customerId } = await createCustomer(t.http);
    const stale = (await read(customerId)).headers['etag'] as string;
    await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({ tags: ['moved-on'] });
    const before = await read(customerId);
    const res = await writes[name](customerId, 1).set('If-Match', stale);
    expect(res.status).toBe(412);
    expect(res.body).toEqual({
      success: false,
      message: 'Precondition failed',
      errors: [{ field: 'If-Match', message: expect.any(String) }],
    });
    expect(res.headers['x-request-id']).toBeDefined();
    const after = await read(customerId);
    expect(after.headers['etag']).toBe(before.headers['etag']);
    expect(after.body.data).toEqual(before.body.data);
  });

  test("when two writers send the same If-Match at once, then exactly one wins, the other's precondition fails, and nothing is lost", async () => {
    const { customerId } = await createCustomer(t.http);
    const etag = (await read(customerId)).headers['etag'] as string;
    const [a, b] = await Promise.all([
      writes[name](customerId, 1).set('If-Match', etag),
      writes[name](customerId, 2).set('If-Match', etag),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([name === 'addCustomerNote' ? 201 : 200, 412]);
    const winner = a.status === 412 ? 2 : 1;
    const stored = (await read(customerId)).body.data;
    // the winner's change is stored, and the loser's is not (it was refused, so the client knows to retry)
    switch (name) {
      case 'updateCustomer':
        expect(stored.notes).toBe(`writer ${winner}`);
        break;
      case 'updateCustomerStatus':
        expect(stored.statusHistory).toHaveLength(1);
        expect(stored.statusHistory[0].reason).toBe(`writer ${winner}`);
        break;
      case 'updateCustomerType':
        expect(stored.typeHistory).toHaveLength(1);
        expect(stored.typeHistory[0].reason).toBe(`writer ${winner}`);
        break;
      case 'addCustomerNote':
        expect(stored.noteHistory.map((n: { note: string }) => n.note)).toEqual([`writer ${winner}`]);
        break;
    }
  });
});

describe('When If-Match takes its other forms', () => {
  test('then * matches any current version, a list matches when one entry does, and a weak tag never matches', async () => {
    const { customerId } = await createCustomer(t.http);
    expect((await writes.addCustomerNote(customerId, 1).set('If-Match', '*')).status).toBe(201);
    const etag = (await read(customerId)).headers['etag'] as string;
    expect((await writes.addCustomerNote(customerId, 2).set('If-Match', `"${'0'.repeat(24)}-1", ${etag}`)).status).toBe(201);
    const current = (await read(customerId)).headers['etag'] as string;
    expect((await writes.addCustomerNote(customerId, 3).set('If-Match', `W/${current}`)).status).toBe(412);
  });

  test('then an ETag of another customer never matches', async () => {
    const one = await createCustomer(t.http);
    const two = await createCustomer(t.http);
    const etagOfOne = (await read(one.customerId)).headers['etag'] as string;
    expect((await writes.updateCustomer(two.customerId, 1).set('If-Match', etagOfOne)).status).toBe(412);
  });

  test('when the customer is unknown, then If-Match gives not found, not a failed precondition', async () => {
    expect((await writes.updateCustomer('65a1b2c3d4e5f6a7b8c9d0ff', 1).set('If-Match', '*')).status).toBe(404);
  });
});

describe('When a write carries no If-Match', () => {
  test('then concurrent unconditional writes all succeed and none is lost (serialised per customer), as the guide has it', async () => {
    const { customerId } = await createCustomer(t.http);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => writes.addCustomerNote(customerId, i)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect((await read(customerId)).body.data.noteHistory).toHaveLength(10);
  });
});
