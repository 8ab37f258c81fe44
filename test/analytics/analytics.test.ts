import type { CustomerDocument, CustomerStatus, CustomerType } from '../../src/data/customer-document.js';
import { customerRecord } from '../../support/customer-records.js';
import { FaultProxy, hostAndPort } from '../support/fault-proxy.js';
import { createCustomer } from '../support/fixtures.js';
import { TestClock } from '../support/clock.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { eventually } from '../support/eventually.js';

const admin = bearer(adminToken());
const redisUrl = process.env['CRMS_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6390';
const DAY = 24 * 3600 * 1000;
const round2 = (n: number) => Math.round(n * 100) / 100;

const waitFor = (check: () => boolean) => eventually(check, { what: 'Redis ready' });

/** Deterministic varied customers (a small LCG), inserted as stored documents. */
function seedDocuments(n: number, now: number): CustomerDocument[] {
  let x = 42;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const statuses: CustomerStatus[] = ['Active', 'Active', 'Active', 'Inactive', 'Suspended'];
  const types: CustomerType[] = ['Regular', 'Regular', 'Premium', 'VIP'];
  const docs: CustomerDocument[] = [];
  for (let i = 0; i < n; i++) {
    const totalOrders = Math.floor(rnd() * 40);
    // cents, so the sums are exact in decimal; two customers share the top value (tie broken by _id)
    const totalOrderValue = i === 7 || i === 8 ? 99999.99 : totalOrders === 0 ? 0 : Math.round(rnd() * 5_000_000) / 100;
    const totalComplaints = Math.floor(rnd() * 4);
    const openComplaints = Math.min(totalComplaints, Math.floor(rnd() * 3));
    const daysAgo = [1, 3, 6.9, 7.5, 20, 29, 31, 200][i % 8] ?? 0;
    const fullName = `Seeded Customer${i}`;
    const email = `seeded${i}@example.in`;
    const at = new Date(now - 400 * DAY);
    docs.push(
      customerRecord({
        userId: `seed-user-${i}`,
        email,
        fullName,
        customerStatus: statuses[i % statuses.length] ?? 'Active',
        customerType: types[Math.floor(rnd() * types.length)] ?? 'Regular',
        totalOrders,
        totalOrderValue,
        totalComplaints,
        openComplaints,
        customerSince: new Date(now - daysAgo * DAY),
        createdAt: at,
      }),
    );
  }
  return docs;
}

/** The figures computed independently from the seeded documents. */
function expectedFigures(docs: CustomerDocument[], now: number) {
  const count = (pred: (d: CustomerDocument) => boolean) => docs.filter(pred).length;
  const sum = (field: 'totalOrders' | 'totalOrderValue' | 'totalComplaints' | 'openComplaints') =>
    docs.reduce((acc, d) => acc + d[field], 0);
  const totalOrders = sum('totalOrders');
  const totalOrderValue = sum('totalOrderValue');
  const top = [...docs]
    .sort((a, b) => b.totalOrderValue - a.totalOrderValue || b._id.toHexString().localeCompare(a._id.toHexString()))
    .slice(0, 5);
  return {
    totalCustomers: docs.length,
    byStatus: {
      Active: count((d) => d.customerStatus === 'Active'),
      Inactive: count((d) => d.customerStatus === 'Inactive'),
      Suspended: count((d) => d.customerStatus === 'Suspended'),
    },
    byType: {
      Regular: count((d) => d.customerType === 'Regular'),
      Premium: count((d) => d.customerType === 'Premium'),
      VIP: count((d) => d.customerType === 'VIP'),
    },
    orders: {
      totalOrders,
      totalOrderValue: round2(totalOrderValue),
      averageOrderValue: round2(totalOrderValue / totalOrders),
      averageCustomerValue: round2(totalOrderValue / docs.length),
    },
    complaints: {
      totalComplaints: sum('totalComplaints'),
      openComplaints: sum('openComplaints'),
      customersWithOpenComplaints: count((d) => d.openComplaints > 0),
    },
    newCustomers: {
      last7Days: count((d) => d.customerSince.getTime() >= now - 7 * DAY),
      last30Days: count((d) => d.customerSince.getTime() >= now - 30 * DAY),
    },
    topCustomers: top.map((d) => ({
      customerId: d._id.toHexString(),
      fullName: d.fullName,
      email: d.email,
      customerType: d.customerType,
      totalOrders: d.totalOrders,
      totalOrderValue: d.totalOrderValue,
    })),
  };
}

describe('When an administrator reads GET /api/customers/analytics', () => {
  let t: TestApp;
  afterAll(() => t.close());

  test('then every figure equals the independent computation over the seeded data (averages, windows and the top 5 order included)', async () => {
    t = await startTestApp({ CACHE_TTL: '0' });
    const now = Date.now();
    const docs = seedDocuments(120, now);
    await t.database.db.collection<CustomerDocument>('customers').insertMany(docs);
    const expected = expectedFigures(docs, now);
    // sanity of the fixture itself: every branch of every figure is exercised
    expect(Object.values(expected.byStatus).every((n) => n > 0) && Object.values(expected.byType).every((n) => n > 0)).toBe(true);
    expect(expected.newCustomers.last7Days).toBeGreaterThan(0);
    expect(expected.newCustomers.last30Days).toBeGreaterThan(expected.newCustomers.last7Days);
    expect(expected.complaints.customersWithOpenComplaints).toBeLessThan(expected.complaints.openComplaints);
    expect(expected.topCustomers[0]?.totalOrderValue).toBe(expected.topCustomers[1]?.totalOrderValue);

    const asked = Date.now();
    const res = await t.http.get('/api/customers/analytics').set(admin);
    const answered = Date.now();
    expect(res.status).toBe(200);
    const { generatedAt, cached, ...figures } = res.body.data;
    expect(cached).toBe(false);
    // computed for this request: between the question and the answer (ISO dates carry ms)
    expect(Date.parse(generatedAt)).toBeGreaterThanOrEqual(asked);
    expect(Date.parse(generatedAt)).toBeLessThanOrEqual(answered);
    expect(figures).toEqual(expected);
  });

  test('then a customer created through the API is counted as new, with its statistics', async () => {
    const before = (await t.http.get('/api/customers/analytics').set(admin)).body.data;
    await createCustomer(t.http);
    const after = (await t.http.get('/api/customers/analytics').set(admin)).body.data;
    expect(after.totalCustomers).toBe(before.totalCustomers + 1);
    expect(after.newCustomers.last7Days).toBe(before.newCustomers.last7Days + 1);
    expect(after.byStatus.Active).toBe(before.byStatus.Active + 1);
    expect(after.byType.Regular).toBe(before.byType.Regular + 1);
  });
});

describe('When the analytics are cached in the process', () => {
  test('then a second read within CACHE_TTL answers the same figures marked cached, and a read after expiry recomputes them', async () => {
    const clock = new TestClock();
    const t = await startTestApp({ CACHE_TTL: '60' }, { clock });
    try {
      await createCustomer(t.http);
      const first = (await t.http.get('/api/customers/analytics').set(admin)).body.data;
      expect(first).toMatchObject({ totalCustomers: 1, cached: false });
      await createCustomer(t.http);
      clock.advance(59_999);
      const hit = (await t.http.get('/api/customers/analytics').set(admin)).body.data;
      expect(hit).toEqual({ ...first, cached: true });
      clock.advance(1);
      const fresh = (await t.http.get('/api/customers/analytics').set(admin)).body.data;
      expect(fresh).toMatchObject({ totalCustomers: 2, cached: false });
      expect(fresh.generatedAt > first.generatedAt).toBe(true);
    } finally {
      await t.close();
    }
  });

  test('when a request says Cache-Control: no-cache (Refresh), then the figures are computed afresh and the cache holds them', async () => {
    const clock = new TestClock();
    const t = await startTestApp({ CACHE_TTL: '60' }, { clock });
    try {
      await createCustomer(t.http);
      const first = (await t.http.get('/api/customers/analytics').set(admin)).body.data;
      expect(first).toMatchObject({ totalCustomers: 1, cached: false });
      await createCustomer(t.http);
      clock.advance(1_000);
      const refreshed = (await t.http.get('/api/customers/analytics').set(admin).set('Cache-Control', 'no-cache')).body.data;
      expect(refreshed).toMatchObject({ totalCustomers: 2, cached: false });
      const hit = (await t.http.get('/api/customers/analytics').set(admin)).body.data;
      expect(hit).toEqual({ ...refreshed, cached: true });
      // any other Cache-Control value is answered from the cache as before
      const other = (await t.http.get('/api/customers/analytics').set(admin).set('Cache-Control', 'max-age=60')).body.data;
      expect(other).toEqual({ ...refreshed, cached: true });
    } finally {
      await t.close();
    }
  });

  test('when CACHE_TTL is 0, then every read computes the figures', async () => {
    const t = await startTestApp({ CACHE_TTL: '0' });
    try {
      for (let i = 0; i < 2; i++) expect((await t.http.get('/api/customers/analytics').set(admin)).body.data.cached).toBe(false);
      expect(t.services.analytics.cacheKind).toBe('none');
    } finally {
      await t.close();
    }
  });
});

describe('When the analytics are cached in Redis (REDIS_URL)', () => {
  test('then two instances share one computation', async () => {
    const dbName = `crms_test_shared_${Date.now().toString(36)}`;
    const a = await startTestApp({ REDIS_URL: redisUrl, MONGODB_DB_NAME: dbName, CACHE_TTL: '30' });
    const b = await startTestApp({ REDIS_URL: redisUrl, MONGODB_DB_NAME: dbName, CACHE_TTL: '30' });
    try {
      await waitFor(() => a.container.redis?.isReady === true && b.container.redis?.isReady === true);
      await createCustomer(a.http);
      const fromA = (await a.http.get('/api/customers/analytics').set(admin)).body.data;
      expect(fromA).toMatchObject({ totalCustomers: 1, cached: false });
      await createCustomer(b.http);
      const fromB = (await b.http.get('/api/customers/analytics').set(admin)).body.data;
      expect(fromB).toEqual({ ...fromA, cached: true });
      expect(b.services.analytics.cacheKind).toBe('redis');
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('when Redis is unreachable from the start, then the figures are computed and answered, then cached in the process', async () => {
    const t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', CACHE_TTL: '30' });
    try {
      const first = await t.http.get('/api/customers/analytics').set(admin);
      const second = await t.http.get('/api/customers/analytics').set(admin);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.body.data.cached, second.body.data.cached]).toEqual([false, true]);
      expect(t.services.analytics.cacheKind).toBe('memory');
    } finally {
      await t.close();
    }
  });

  test('when Redis hangs and then goes away mid-run, then the figures are still answered within the command timeout, never an error', async () => {
    const { host, port } = hostAndPort(redisUrl, 6379);
    const proxy = new FaultProxy(host, port);
    const proxyPort = await proxy.up();
    const t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxyPort}`, CACHE_TTL: '30' });
    try {
      await waitFor(() => t.container.redis?.isReady === true);
      await createCustomer(t.http);
      expect((await t.http.get('/api/customers/analytics').set(admin)).body.data.cached).toBe(false);
      expect((await t.http.get('/api/customers/analytics').set(admin)).body.data.cached).toBe(true);

      // Redis accepts but answers only after the test's own timeout: without the 250 ms command
      // timeout the request below would never be answered in time
      proxy.delay(300_000);
      const slow = await t.http.get('/api/customers/analytics').set(admin);
      expect(slow.status).toBe(200);
      expect(slow.body.data.totalCustomers).toBe(1);

      await proxy.down(); // connection dropped, nothing listens
      for (let i = 0; i < 3; i++) {
        const res = await t.http.get('/api/customers/analytics').set(admin);
        expect(res.status).toBe(200);
        expect(res.body.data.totalCustomers).toBe(1);
      }
      expect(t.services.analytics.cacheKind).toBe('memory');
    } finally {
      await t.close();
      await proxy.down();
    }
  });
});
