import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCrmsClient, unwrap } from '../../generated/src/index.js';
import { createHttpServer, listen } from '../../src/http/http-server.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';

/**
 * Query strings as real clients build them. The request targets below are sent byte for byte
 * (node:http, no re-encoding): the literal strings are what the named tool sent or produced
 * (curl 8 with and without `-G --data-urlencode`, Python 3 `urllib.parse.urlencode` with its
 * default `quote_plus` and with `quote_via=quote`, `requests` 2 `params=`), the rest are computed
 * here with the browser's `URLSearchParams`, `encodeURIComponent` and the generated SDK.
 */
let t: TestApp;
let server: Server;
let base: string;
const token = adminToken();
const admin = bearer(token);
let seanId: string;

beforeAll(async () => {
  t = await startTestApp();
  server = await listen(createHttpServer(t.app), 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  seanId = (await createCustomer(t.http, { fullName: "Sean O'Brien", email: 'customer@test.com', contactNumber: '+91 98765 43210' }))
    .customerId;
  await createCustomer(t.http, { fullName: 'Other Person', email: 'other@example.org', contactNumber: '+44 2079460958' });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** GET with the request target exactly as given. */
function rawGet(
  target: string,
): Promise<{ status: number; body: { success: boolean; data?: unknown; errors?: { field: string; message: string }[] } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/`, { method: 'GET', path: target, headers: admin }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const searchIds = (body: { data?: unknown }) =>
  ((body.data as { results: { customerId: string }[] }).results ?? []).map((r) => r.customerId);

/** [what sends it, the query string of `?q=…`, the value the service must see]. */
const CLIENT_QUERIES: [string, string, string][] = [
  ['curl, typed URL', 'q=customer@test.com', 'customer@test.com'],
  ['curl -G --data-urlencode', 'q=customer%40test.com', 'customer@test.com'],
  ['curl, typed URL', "q=O'Brien", "O'Brien"],
  ['curl -G --data-urlencode', 'q=Sean+O%27Brien', "Sean O'Brien"],
  ['curl -G --data-urlencode (lower-case hex)', 'q=%2b91+98765+43210', '+91 98765 43210'],
  ['Python urlencode / requests params', 'q=%2B91+98765+43210', '+91 98765 43210'],
  ['Python urlencode(quote_via=quote)', 'q=Sean%20O%27Brien', "Sean O'Brien"],
  ['Python urlencode(quote_via=quote)', 'q=%2B91%2098765%2043210', '+91 98765 43210'],
  ['a browser address bar', "q=Sean+O'Brien", "Sean O'Brien"],
  ['curl, typed URL', 'q=9876543210', '9876543210'],
];

describe('When a client leaves reserved characters unencoded or writes spaces as +, then the search sees the decoded value', () => {
  test.each(CLIENT_QUERIES)('then %s sends ?%s and the search sees the decoded value', async (_client, query, value) => {
    const res = await rawGet(`/api/customers/search?${query}`);
    expect(res.status).toBe(200);
    expect(searchIds(res.body)).toEqual([seanId]);
    const viaSearchParams = await rawGet(`/api/customers/search?${new URLSearchParams({ q: value }).toString()}`);
    expect(viaSearchParams.status).toBe(200);
    expect(searchIds(viaSearchParams.body)).toEqual([seanId]);
    const viaComponent = await rawGet(`/api/customers/search?q=${encodeURIComponent(value)}`);
    expect(searchIds(viaComponent.body)).toEqual([seanId]);
  });

  test.each(['a:b', 'a/b', 'a,b', 'a?b', 'a=b', "a'b", 'a@b', 'a!b', 'a$b', 'a(b)', 'a*b', 'a;b', 'a[b]'])(
    'then the reserved characters of %s are accepted unencoded on every query parameter',
    async (value) => {
      for (const target of [
        `/api/customers/search?q=${value}`,
        `/api/customers?searchTerm=${value}`,
        `/api/customers?tags=${value}`,
        `/api/customers/export.csv?searchTerm=${value}`,
      ]) {
        const res = await new Promise<number>((resolve, reject) => {
          const req = httpRequest(`${base}/`, { method: 'GET', path: target, headers: admin }, (r) => {
            r.resume();
            r.on('end', () => resolve(r.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end();
        });
        expect([target, res]).toEqual([target, 200]);
      }
    },
  );

  test('then every query parameter of the list takes its value unencoded or form-encoded', async () => {
    const res = await rawGet(
      '/api/customers?page=1&limit=20&status=Active&type=Regular&searchTerm=customer@test.com&tags=a:b,c/d' +
        '&customerSinceFrom=2020-01-01T00:00:00%2B05:30&customerSinceTo=2099-12-31T23:59:59Z&minOrderValue=0&maxOrderValue=1000.50' +
        '&hasOpenComplaints=false&sortBy=createdAt&sortOrder=desc',
    );
    expect(res.status).toBe(200);
  });

  test('then the generated SDK sends names, e-mails and phone numbers the search finds', async () => {
    const sdk = createCrmsClient({ baseUrl: base, token });
    for (const q of ['customer@test.com', "Sean O'Brien", '+91 98765 43210']) {
      const found = unwrap(await sdk.GET('/api/customers/search', { params: { query: { q } } }));
      expect([q, found.data.results.map((r) => r.customerId)]).toEqual([q, [seanId]]);
      const listed = unwrap(await sdk.GET('/api/customers', { params: { query: { searchTerm: q } } }));
      expect([q, listed.data.customers.map((c) => c.customerId)]).toEqual([q, [seanId]]);
    }
  });
});

describe('When a number in the query string is not a plain decimal or not finite, then the answer is 400, never 500', () => {
  test.each([
    ['/api/customers?page=1e308', 'page'],
    ['/api/customers?page=1e307&limit=100', 'page'],
    ['/api/customers?page=2e308', 'page'],
    ['/api/customers?page=10001', 'page'],
    ['/api/customers?page=Infinity', 'page'],
    ['/api/customers?limit=0x10', 'limit'],
    ['/api/customers?limit=1e1', 'limit'],
    ['/api/customers?limit=0b11', 'limit'],
    ['/api/customers?limit=+5', 'limit'],
    ['/api/customers?limit=5.0', 'limit'],
    ['/api/customers?minOrderValue=Infinity', 'minOrderValue'],
    ['/api/customers?maxOrderValue=1e3', 'maxOrderValue'],
    ['/api/customers?maxOrderValue=1e16', 'maxOrderValue'],
    ['/api/customers/export.csv?minOrderValue=0x10', 'minOrderValue'],
    ['/api/customers/search?q=john&limit=1e1', 'limit'],
  ])('when the target is %s, then the request is invalid, never a 500', async (target, field) => {
    const res = await rawGet(target);
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.errors?.map((e) => e.field)).toContain(field);
  });

  test('then plain decimals at the documented bounds are accepted', async () => {
    for (const target of ['/api/customers?page=10000&limit=100', '/api/customers?minOrderValue=1500.50&maxOrderValue=1000000000000000']) {
      expect((await rawGet(target)).status).toBe(200);
    }
  });
});

describe('When a date filter has a year from 0000 to 0099 (matching the pattern), then it is a date, not a 400', () => {
  test.each([
    'customerSinceFrom=0000-01-01',
    'customerSinceFrom=0001-02-03T04:05:06Z',
    'customerSinceTo=0099-12-31',
    'lastOrderFrom=0050-06-15T12:00:00.000Z',
    'lastOrderTo=0099-12-31T23:59:59-05:00',
  ])('when the query has %s, then it is read as a date', async (query) => {
    const res = await rawGet(`/api/customers?${query}`);
    expect(res.status).toBe(200);
  });

  test('then customerSince of year 0042 is stored and returned as that year', async () => {
    const { customerId } = await createCustomer(t.http, { customerSince: '0042-03-04T05:06:07Z', email: 'old@example.com' });
    const res = await t.http.get(`/api/customers/${customerId}`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.data.customerSince).toBe('0042-03-04T05:06:07.000Z');
  });

  test('when an offset moves the instant outside the years 0000-9999, then the request is invalid, naming the field', async () => {
    const res = await rawGet('/api/customers?customerSinceFrom=0000-01-01T00:00:00%2B01:00');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.field).toBe('customerSinceFrom');
  });
});
