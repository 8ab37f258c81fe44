import type { Document, ObjectId } from 'mongodb';
import type { TestApp } from '../../support/harness.js';
import { adminToken, bearer, customerToken, TEST_API_KEY } from '../../support/tokens.js';

const admin = bearer(adminToken());
const service = { 'X-Service-API-Key': TEST_API_KEY };

/** Every read operation over the data set; fails with the operation and the answer on anything but 200. */
export async function readEverything(t: TestApp, docs: Document[]): Promise<void> {
  const expect200 = (what: string, res: { status: number; body: unknown }) => {
    if (res.status !== 200) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  for (const doc of docs) {
    const id = (doc['_id'] as ObjectId).toHexString();
    const userId = doc['userId'] as unknown;
    expect200(`GET /api/customers/${id}`, await t.http.get(`/api/customers/${id}`).set(admin));
    expect200(`GET /api/customers/${id}/export`, await t.http.get(`/api/customers/${id}/export`).set(admin));
    // a record without a valid user id has no user who could ask for /me
    if (typeof userId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(userId)) continue;
    expect200('GET /api/customers/me', await t.http.get('/api/customers/me').set(bearer(customerToken(userId))));
    expect200('GET /api/customers/me/statistics', await t.http.get('/api/customers/me/statistics').set(bearer(customerToken(userId))));
    expect200(`GET internal/user/${userId}`, await t.http.get(`/api/customers/internal/user/${userId}`).set(service));
  }
  const ids = new Set(docs.map((d) => (d['_id'] as ObjectId).toHexString()));
  for (const sortBy of ['createdAt', 'totalOrders', 'totalOrderValue', 'lastOrderDate']) {
    for (const sortOrder of ['asc', 'desc']) {
      // every page by cursor: each customer exactly once
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page <= docs.length; page++) {
        const res = await t.http
          .get('/api/customers')
          .query({ sortBy, sortOrder, limit: 2, ...(cursor ? { cursor } : {}) })
          .set(admin);
        expect200(`list ${sortBy} ${sortOrder} page ${page + 1}`, res);
        seen.push(...(res.body.data.customers as { customerId: string }[]).map((c) => c.customerId));
        cursor = res.body.data.pagination.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen.sort()).toEqual([...ids].sort());
      expect200(
        `list ${sortBy} ${sortOrder} page 2`,
        await t.http.get('/api/customers').query({ sortBy, sortOrder, limit: 2, page: 2 }).set(admin),
      );
    }
  }
  expect200(
    'list with filters',
    await t.http.get('/api/customers').query({ status: 'Inactive', hasOpenComplaints: true, minOrderValue: 1 }).set(admin),
  );
  expect200('list searchTerm', await t.http.get('/api/customers').query({ searchTerm: 'legacy' }).set(admin));
  expect200('search', await t.http.get('/api/customers/search').query({ q: 'legacy' }).set(admin));
  expect200('search phone', await t.http.get('/api/customers/search').query({ q: '98765' }).set(admin));
  expect200('analytics', await t.http.get('/api/customers/analytics').set(admin));
  const csv = await t.http.get('/api/customers/export.csv').set(admin).buffer(true);
  expect200('export.csv', csv);
  expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(docs.length + 1);
}
