import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

let t: TestApp;
const admin = bearer(adminToken());
const seeded: Record<string, string> = {};

async function seed(
  name: string,
  email: string,
  phone: string | undefined,
  stats: Record<string, unknown>,
  status?: string,
  type?: string,
) {
  const { customerId } = await createCustomer(t.http, { fullName: name, email, ...(phone ? { contactNumber: phone } : {}) });
  await t.http.patch(`/api/customers/internal/${customerId}/statistics`).set('X-Service-API-Key', TEST_API_KEY).send(stats);
  if (status) await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status });
  if (type) await t.http.patch(`/api/customers/${customerId}/type`).set(admin).send({ customerType: type });
  seeded[name] = customerId;
}

beforeAll(async () => {
  t = await startTestApp();
  await seed(
    'John Doe',
    'john.doe@example.com',
    '+919876543210',
    { totalOrders: 15, totalOrderValue: 45500, lastOrderDate: '2026-01-20T14:30:00Z' },
    undefined,
    'Premium',
  );
  await seed(
    'Jane Smith',
    'jane.smith@example.com',
    '+919876543211',
    { totalOrders: 28, totalOrderValue: 89200, lastOrderDate: '2026-01-24T09:15:00Z' },
    undefined,
    'VIP',
  );
  await seed('Johnny Bravo', 'bravo@example.org', '9123456789', { totalOrders: 15, totalOrderValue: 1000 }, 'Suspended');
  await seed('Mary-Jane Watson', 'mj.watson@example.net', undefined, { totalOrders: 1, totalOrderValue: 50 }, 'Inactive', 'Premium');
  await seed('Ravi Kumar', 'ravi.k@example.in', '+91 98450 12345', { totalOrders: 0, totalOrderValue: 0 });
}, 60_000);
afterAll(() => t.close());

const names = (customers: { fullName: string }[]) => customers.map((c) => c.fullName);

describe('When an administrator lists customers (GET /api/customers)', () => {
  test("then by default the newest come first, with the guide's pagination object and the summary fields only", async () => {
    const res = await t.http.get('/api/customers').set(admin);
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Customers retrieved successfully');
    expect(names(res.body.data.customers)).toEqual(['Ravi Kumar', 'Mary-Jane Watson', 'Johnny Bravo', 'Jane Smith', 'John Doe']);
    expect(res.body.data.pagination).toEqual({
      currentPage: 1,
      totalPages: 1,
      totalItems: 5,
      itemsPerPage: 20,
      hasNextPage: false,
      hasPreviousPage: false,
      nextCursor: null,
    });
    expect(Object.keys(res.body.data.customers[0]).sort()).toEqual(
      [
        'contactNumber',
        'createdAt',
        'customerId',
        'customerSince',
        'customerStatus',
        'customerType',
        'email',
        'fullName',
        'openComplaints',
        'totalComplaints',
        'totalOrderValue',
        'totalOrders',
        'userId',
      ].sort(),
    );
  });

  test('then the list filters by status and type and sorts by the chosen field', async () => {
    const premium = await t.http.get('/api/customers?type=Premium&sortBy=totalOrderValue&sortOrder=desc').set(admin);
    expect(names(premium.body.data.customers)).toEqual(['John Doe', 'Mary-Jane Watson']);
    const active = await t.http.get('/api/customers?status=Active&sortBy=totalOrders&sortOrder=asc').set(admin);
    expect(names(active.body.data.customers)).toEqual(['Ravi Kumar', 'John Doe', 'Jane Smith']);
    const both = await t.http.get('/api/customers?status=Active&type=VIP').set(admin);
    expect(names(both.body.data.customers)).toEqual(['Jane Smith']);
  });

  test('then ties are broken by _id so the order is stable', async () => {
    const asc = await t.http.get('/api/customers?sortBy=totalOrders&sortOrder=asc').set(admin);
    const tied = names(asc.body.data.customers).filter((n) => n === 'John Doe' || n === 'Johnny Bravo');
    expect(tied).toEqual(['John Doe', 'Johnny Bravo']);
    const desc = await t.http.get('/api/customers?sortBy=totalOrders&sortOrder=desc').set(admin);
    expect(names(desc.body.data.customers).filter((n) => n === 'John Doe' || n === 'Johnny Bravo')).toEqual(['Johnny Bravo', 'John Doe']);
  });

  test('then customers without orders sort as the oldest by lastOrderDate', async () => {
    const res = await t.http.get('/api/customers?sortBy=lastOrderDate&sortOrder=desc').set(admin);
    expect(names(res.body.data.customers).slice(0, 2)).toEqual(['Jane Smith', 'John Doe']);
  });

  test('then limit and page select the page, with hasNextPage and hasPreviousPage', async () => {
    const p2 = await t.http.get('/api/customers?limit=2&page=2').set(admin);
    expect(names(p2.body.data.customers)).toEqual(['Johnny Bravo', 'Jane Smith']);
    expect(p2.body.data.pagination).toMatchObject({
      currentPage: 2,
      totalPages: 3,
      totalItems: 5,
      itemsPerPage: 2,
      hasNextPage: true,
      hasPreviousPage: true,
    });
    const past = await t.http.get('/api/customers?limit=2&page=9').set(admin);
    expect(past.status).toBe(200);
    expect(past.body.data.customers).toEqual([]);
  });

  test('then cursor pagination walks every customer once, for every sort', async () => {
    for (const sortBy of ['createdAt', 'totalOrders', 'totalOrderValue', 'lastOrderDate']) {
      for (const sortOrder of ['asc', 'desc']) {
        const offset = await t.http.get(`/api/customers?limit=10&sortBy=${sortBy}&sortOrder=${sortOrder}`).set(admin);
        const seen: string[] = [];
        let cursor: string | null = null;
        let page = 1;
        do {
          const q: string = `/api/customers?limit=2&sortBy=${sortBy}&sortOrder=${sortOrder}${cursor ? `&cursor=${cursor}` : ''}`;
          const res = await t.http.get(q).set(admin);
          expect(res.status).toBe(200);
          expect(res.body.data.pagination.currentPage).toBe(page++);
          seen.push(...names(res.body.data.customers));
          cursor = res.body.data.pagination.nextCursor;
        } while (cursor);
        expect(seen).toEqual(names(offset.body.data.customers));
      }
    }
  });

  test('when a cursor was issued for other sorting, is forged, or comes with page above 1, then the request is invalid', async () => {
    const first = await t.http.get('/api/customers?limit=2').set(admin);
    const cursor = first.body.data.pagination.nextCursor as string;
    const other = await t.http.get(`/api/customers?limit=2&sortBy=totalOrders&cursor=${cursor}`).set(admin);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].field).toBe('cursor');
    expect((await t.http.get('/api/customers?cursor=bm90LWEtY3Vyc29y').set(admin)).status).toBe(400);
    expect((await t.http.get(`/api/customers?page=2&cursor=${cursor}`).set(admin)).status).toBe(400);
  });

  test('then searchTerm narrows the list with the search semantics', async () => {
    const res = await t.http.get('/api/customers?searchTerm=joh&sortBy=createdAt&sortOrder=asc').set(admin);
    expect(names(res.body.data.customers)).toEqual(['John Doe', 'Johnny Bravo']);
    expect(res.body.data.pagination.totalItems).toBe(2);
  });

  test.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['status=Deleted', 'status'],
    ['type=Gold', 'type'],
    ['sortBy=fullName', 'sortBy'],
    ['sortOrder=up', 'sortOrder'],
    ['status[$ne]=Active', 'status'],
    ['type[$regex]=.*', 'type'],
    ['searchTerm[$gt]=', 'searchTerm'],
    ['searchTerm=', 'searchTerm'],
    [`searchTerm=${'a'.repeat(101)}`, 'searchTerm'],
    ['foo=bar', 'foo'],
  ])('when the query is ?%s, then the request is invalid, naming %s (out of range is refused, not clamped)', async (query, field) => {
    const res = await t.http.get(`/api/customers?${query}`).set(admin);
    expect(res.status).toBe(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });
});

describe('When an administrator searches customers (GET /api/customers/search)', () => {
  const search = async (q: string, limit?: number) => {
    const res = await t.http
      .get('/api/customers/search')
      .query({ q, ...(limit ? { limit } : {}) })
      .set(admin);
    expect(res.status).toBe(200);
    return res.body.data as { results: { fullName: string }[]; totalResults: number; searchTerm: string };
  };

  test("then the answer has the guide's shape", async () => {
    const res = await t.http.get('/api/customers/search?q=jane.smith&limit=10').set(admin);
    expect(res.body).toEqual({
      success: true,
      message: 'Search completed successfully',
      data: {
        results: [
          {
            customerId: seeded['Jane Smith'],
            email: 'jane.smith@example.com',
            fullName: 'Jane Smith',
            contactNumber: '+919876543211',
            customerStatus: 'Active',
            customerType: 'VIP',
            totalOrders: 28,
          },
        ],
        totalResults: 1,
        searchTerm: 'jane.smith',
      },
    });
  });

  test.each([
    ['joh', ['John Doe', 'Johnny Bravo']],
    ['JOHN', ['John Doe', 'Johnny Bravo']],
    ['doe', ['John Doe']],
    ['john doe', ['John Doe']],
    ['john.d', ['John Doe']],
    ['john.doe@example.com', ['John Doe']],
    ['smith', ['Jane Smith']],
    ['jane', ['Jane Smith', 'Mary-Jane Watson']],
    ['9876543210', ['John Doe']],
    ['+919876543210', ['John Doe']],
    ['98450 12345', ['Ravi Kumar']],
    ['example.org', ['Johnny Bravo']],
    ['.*', []],
    ['^j', []],
    ['(', []],
    ['ohn', []],
  ])('when q=%j, then the search finds %j', async (q, expected) => {
    const data = await search(q);
    expect(names(data.results).sort()).toEqual([...expected].sort());
    expect(data.totalResults).toBe(expected.length);
  });

  test('then limit bounds the results and totalResults counts every match', async () => {
    const data = await search('j', 1);
    expect(data.results).toHaveLength(1);
    expect(data.totalResults).toBe(4);
  });

  test.each([
    ['', 'q'],
    ['q=', 'q'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['q=a&limit=51', 'limit'],
    ['q=a&limit=0', 'limit'],
    ['q=%20%20', 'q'],
  ])('when the query is ?%s, then the request is invalid, naming %s', async (query, field) => {
    const res = await t.http.get(`/api/customers/search?${query}`).set(admin);
    expect(res.status).toBe(400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });
});
