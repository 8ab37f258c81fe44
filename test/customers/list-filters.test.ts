import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

/** The richer filters of GET /api/customers (also used by the CSV export), with offset and cursor pages. */
let t: TestApp;
const admin = bearer(adminToken());

interface Seed {
  name: string;
  since: string;
  tags?: string[];
  stats?: Record<string, unknown>;
}
const seeds: Seed[] = [
  {
    name: 'first',
    since: '2025-01-10T08:00:00Z',
    tags: ['alpha'],
    stats: { totalOrders: 1, totalOrderValue: 100, lastOrderDate: '2026-01-05T10:00:00Z', totalComplaints: 1, openComplaints: 1 },
  },
  {
    name: 'second',
    since: '2025-06-15T10:00:00',
    tags: ['beta', 'gamma'],
    stats: { totalOrders: 9, totalOrderValue: 5000, lastOrderDate: '2026-01-20T14:30:00.123456' },
  },
  { name: 'third', since: '2025-12-31T23:59:59.999Z' },
  {
    name: 'fourth',
    since: '2026-01-01T00:00:00Z',
    tags: ['gamma'],
    stats: { totalOrders: 2, totalOrderValue: 250.5, lastOrderDate: '2026-01-31T23:00:00+05:30', totalComplaints: 3, openComplaints: 2 },
  },
  {
    name: 'fifth',
    since: '2026-01-31T23:59:59Z',
    tags: ['delta'],
    stats: { totalOrders: 1, totalOrderValue: 250.5, lastOrderDate: '2026-02-01T00:00:00Z', totalComplaints: 1, openComplaints: 0 },
  },
];
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await startTestApp();
  for (const s of seeds) {
    const { customerId } = await createCustomer(t.http, { fullName: `Filter ${s.name}`, customerSince: s.since });
    ids.set(s.name, customerId);
    if (s.tags) await t.http.put(`/api/customers/${customerId}`).set(admin).send({ tags: s.tags }).expect(200);
    if (s.stats) {
      await t.http
        .patch(`/api/customers/internal/${customerId}/statistics`)
        .set('X-Service-API-Key', TEST_API_KEY)
        .send(s.stats)
        .expect(200);
    }
  }
});
afterAll(() => t.close());

async function names(query: Record<string, string | number | boolean>): Promise<string[]> {
  const res = await t.http
    .get('/api/customers')
    .query({ limit: 100, ...query })
    .set(admin);
  expect(res.status).toBe(200);
  const byId = new Map([...ids].map(([name, id]) => [id, name]));
  return (res.body.data.customers as { customerId: string }[]).map((c) => byId.get(c.customerId) ?? '?').sort();
}

describe('When the list is filtered (GET /api/customers)', () => {
  test.each([
    ['tags: any of, comma-separated, trimmed', { tags: 'alpha, delta' }, ['fifth', 'first']],
    ['tags: a tag shared by two', { tags: 'gamma' }, ['fourth', 'second']],
    ['tags: no match', { tags: 'omega' }, []],
    ['customerSinceFrom: inclusive date-time', { customerSinceFrom: '2025-12-31T23:59:59.999Z' }, ['fifth', 'fourth', 'third']],
    ['customerSinceTo: a date includes its whole day (UTC)', { customerSinceTo: '2025-12-31' }, ['first', 'second', 'third']],
    ['customerSince range from a date to a date', { customerSinceFrom: '2026-01-01', customerSinceTo: '2026-01-31' }, ['fifth', 'fourth']],
    [
      'customerSince: an offset-less date-time is UTC',
      { customerSinceFrom: '2025-06-15T10:00:00', customerSinceTo: '2025-06-15T10:00:00' },
      ['second'],
    ],
    ['customerSince: an offset is honoured', { customerSinceTo: '2026-01-01T05:30:00+05:30' }, ['first', 'fourth', 'second', 'third']],
    ['lastOrderFrom excludes customers who never ordered', { lastOrderFrom: '2000-01-01' }, ['fifth', 'first', 'fourth', 'second']],
    [
      'lastOrder range in January (the +05:30 order is on 31 Jan UTC)',
      { lastOrderFrom: '2026-01-06', lastOrderTo: '2026-01-31' },
      ['fourth', 'second'],
    ],
    ['minOrderValue inclusive', { minOrderValue: 250.5 }, ['fifth', 'fourth', 'second']],
    ['maxOrderValue inclusive (0 includes customers without orders)', { maxOrderValue: 250.5 }, ['fifth', 'first', 'fourth', 'third']],
    ['value range', { minOrderValue: 100, maxOrderValue: 100 }, ['first']],
    ['hasOpenComplaints=true', { hasOpenComplaints: true }, ['first', 'fourth']],
    ['hasOpenComplaints=false', { hasOpenComplaints: false }, ['fifth', 'second', 'third']],
    ['every filter combines with AND', { tags: 'gamma,alpha', minOrderValue: 200, hasOpenComplaints: true, status: 'Active' }, ['fourth']],
    ['with searchTerm', { searchTerm: 'filter', tags: 'delta' }, ['fifth']],
  ])('then %s: exactly the matching customers are listed', async (_name, query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  test('then totalItems counts with the filters', async () => {
    const res = await t.http.get('/api/customers').query({ tags: 'gamma', limit: 1 }).set(admin);
    expect(res.body.data.pagination).toMatchObject({ totalItems: 2, totalPages: 2, hasNextPage: true });
  });

  test.each([
    ['customerSinceFrom after customerSinceTo', { customerSinceFrom: '2026-01-02', customerSinceTo: '2026-01-01' }, 'customerSinceTo'],
    ['lastOrderFrom after lastOrderTo', { lastOrderFrom: '2026-01-02T00:00:00Z', lastOrderTo: '2026-01-01T23:59:59Z' }, 'lastOrderTo'],
    ['minOrderValue above maxOrderValue', { minOrderValue: 10, maxOrderValue: 9.99 }, 'maxOrderValue'],
    ['an impossible date', { lastOrderFrom: '2026-02-30' }, 'lastOrderFrom'],
    ['a date that is not ISO-8601', { customerSinceFrom: '01/02/2026' }, 'customerSinceFrom'],
    ['a negative value', { minOrderValue: -1 }, 'minOrderValue'],
    ['a non-numeric value', { maxOrderValue: 'lots' }, 'maxOrderValue'],
    ['a non-boolean flag', { hasOpenComplaints: 'maybe' }, 'hasOpenComplaints'],
    ['a blank tag', { tags: 'alpha,,beta' }, 'tags'],
    ['a tag over 50 characters', { tags: 'x'.repeat(51) }, 'tags'],
  ])('when a filter has %s, then the request is invalid, naming the field', async (_name, query, field) => {
    const res = await t.http.get('/api/customers').query(query).set(admin);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  test('then every invalid filter is reported at once', async () => {
    const res = await t.http
      .get('/api/customers')
      .query({ customerSinceFrom: '2026-01-02', customerSinceTo: '2026-01-01', minOrderValue: 5, maxOrderValue: 1, tags: ' ' })
      .set(admin);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['customerSinceTo', 'maxOrderValue', 'tags']);
  });

  test('then operator injection in the filters is refused', async () => {
    for (const url of ['/api/customers?tags[$ne]=x', '/api/customers?minOrderValue[$gt]=0', '/api/customers?tags=a&tags=b']) {
      expect({ url, status: (await t.http.get(url).set(admin)).status }).toEqual({ url, status: 400 });
    }
  });
});

describe('When cursor pages are filtered', () => {
  test('then following nextCursor visits every match exactly once, in order', async () => {
    const query = { customerSinceFrom: '2025-01-01', maxOrderValue: 5000, sortBy: 'totalOrderValue', sortOrder: 'desc', limit: 2 };
    const all = await t.http
      .get('/api/customers')
      .query({ ...query, limit: 100 })
      .set(admin);
    const expected = (all.body.data.customers as { customerId: string }[]).map((c) => c.customerId);
    expect(expected).toHaveLength(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: { data: { customers: { customerId: string }[]; pagination: { nextCursor: string | null } } } } = await t.http
        .get('/api/customers')
        .query({ ...query, ...(cursor ? { cursor } : {}) })
        .set(admin);
      seen.push(...page.body.data.customers.map((c) => c.customerId));
      cursor = page.body.data.pagination.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  test('when a cursor is used with other filters, then the request is invalid, naming cursor', async () => {
    const first = await t.http.get('/api/customers').query({ tags: 'gamma', limit: 1 }).set(admin);
    const cursor = first.body.data.pagination.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const same = await t.http.get('/api/customers').query({ tags: 'gamma', limit: 1, cursor }).set(admin);
    expect(same.status).toBe(200);
    const other = await t.http.get('/api/customers').query({ tags: 'alpha', limit: 1, cursor }).set(admin);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].field).toBe('cursor');
  });
});

describe('When the filters reach the database', () => {
  test('then each filter field is indexed', async () => {
    const indexes = await t.database.db.collection('customers').listIndexes().toArray();
    const leading = new Set(indexes.map((i) => Object.keys(i['key'] as object)[0]));
    for (const field of ['tags', 'customerSince', 'lastOrderDate', 'totalOrderValue', 'openComplaints']) expect(leading).toContain(field);
  });
});
