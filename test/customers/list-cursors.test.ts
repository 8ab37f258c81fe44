import { ObjectId } from 'mongodb';
import type { CustomerDocument } from '../../src/data/customer-document.js';
import { customerRecord } from '../../support/customer-records.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';

/** Keyset pages stay exact while customers are being created: every existing customer once, none twice. */
let t: TestApp;
const admin = bearer(adminToken());
const original = new Set<string>();
const SEEDED = 45;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '100000' });
  const now = Date.now();
  const docs: CustomerDocument[] = Array.from({ length: SEEDED }, (_, i) => {
    const fullName = `Paging Customer${i}`;
    const email = `paging${i}@example.in`;
    // few distinct totalOrders values, so most of the order is decided by the _id tiebreak
    const at = new Date(now - (SEEDED - i) * 60_000 - (i % 3) * 1000);
    return customerRecord({
      userId: `paging-${i}`,
      email,
      fullName,
      customerStatus: i % 4 === 0 ? 'Inactive' : 'Active',
      totalOrders: i % 3,
      totalOrderValue: (i % 5) * 100,
      ...(i % 2 === 0 ? { lastOrderDate: new Date(now - i * 3_600_000) } : {}),
      customerSince: at,
      createdAt: at,
    });
  });
  await t.database.db.collection<CustomerDocument>('customers').insertMany(docs);
  for (const d of docs) original.add(d._id.toHexString());
});
afterAll(() => t.close());

interface Walk {
  seen: string[];
  inserted: number;
}

/** Pages through with `next(page)` while one customer is created before each page and up to 20 others in the background. */
async function walkWhileInserting(
  next: (cursorOrPage: string | number) => Promise<{ ids: string[]; next: string | number | null }>,
): Promise<Walk> {
  let inserting = true;
  let inserted = 0;
  const background = (async () => {
    for (let i = 0; inserting && i < 20; i++) {
      await createCustomer(t.http);
      inserted++;
    }
  })();
  const seen: string[] = [];
  let position: string | number | null = 1;
  try {
    while (position !== null) {
      await createCustomer(t.http);
      inserted++;
      const page = await next(position);
      seen.push(...page.ids);
      position = page.next;
    }
  } finally {
    inserting = false;
    await background;
  }
  return { seen, inserted };
}

const ids = (body: { data: { customers: { customerId: string }[] } }) => body.data.customers.map((c) => c.customerId);

describe('When customers are created while an administrator pages through the list', () => {
  test.each([
    ['createdAt', 'desc', ''],
    ['createdAt', 'asc', ''],
    ['totalOrders', 'asc', ''],
    ['lastOrderDate', 'desc', '&status=Active'],
  ])('when sortBy=%s %s%s, then the walk has no gaps and no repeats among the existing customers', async (sortBy, sortOrder, filter) => {
    const base = `/api/customers?limit=6&sortBy=${sortBy}&sortOrder=${sortOrder}${filter}`;
    const walk = await walkWhileInserting(async (position) => {
      const res = await t.http.get(typeof position === 'string' ? `${base}&cursor=${position}` : base).set(admin);
      expect(res.status).toBe(200);
      return { ids: ids(res.body), next: res.body.data.pagination.nextCursor as string | null };
    });
    expect(walk.inserted).toBeGreaterThan(5);
    expect(new Set(walk.seen).size).toBe(walk.seen.length); // no repeats at all, new customers included
    const seenOriginal = walk.seen.filter((id) => original.has(id));
    if (filter === '')
      expect(new Set(seenOriginal)).toEqual(original); // no gaps
    else {
      const active = await t.database.db
        .collection('customers')
        .find({ _id: { $in: [...original].map((id) => new ObjectId(id)) }, customerStatus: 'Active' }, { projection: { _id: 1 } })
        .toArray();
      expect(new Set(seenOriginal)).toEqual(new Set(active.map((d) => d._id.toHexString())));
    }
  });

  test('then, for contrast, offset pages newest-first repeat customers', async () => {
    const walk = await walkWhileInserting(async (position) => {
      const page = typeof position === 'number' ? position : 1;
      const res = await t.http.get(`/api/customers?limit=6&page=${page}`).set(admin);
      return { ids: ids(res.body), next: res.body.data.pagination.hasNextPage && page < 15 ? page + 1 : null };
    });
    expect(new Set(walk.seen).size).toBeLessThan(walk.seen.length);
  });
});
