import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createHttpServer, listen } from '../../src/http/http-server.js';
import { loadApiSpec } from '../../src/http/spec.js';
import type { Siblings } from '../siblings/support/siblings.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestAppWithSiblings } from '../support/harness.js';
import { adminToken, customerToken, signToken } from '../support/tokens.js';

/**
 * A short pass of hostile and unusual inputs, one row each: what is sent, byte for
 * byte, and what must come back. Database faults have their own files
 * (test/database/faults.test.ts, error-codes.test.ts), slow senders
 * test/requests/bodies.test.ts, client encodings test/requests/query-strings.test.ts.
 */
let siblings: Siblings;
let t: TestAppWithSiblings;
let server: Server;
let port: number;
let customerId: string;
let userId: string;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '1000000' }, { withSiblings: true });
  siblings = t.siblings;
  server = await listen(createHttpServer(t.app), 0, '127.0.0.1');
  port = (server.address() as AddressInfo).port;
  ({ customerId, userId } = await createCustomer(t.http, {
    fullName: "Sean O'Brien",
    email: 'customer@test.com',
    contactNumber: '+91 98765 43210',
  }));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function send(method: string, target: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { port, host: '127.0.0.1', method, path: target, headers: body ? { 'Content-Length': String(body.length), ...headers } : headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const admin = () => ({ Authorization: `Bearer ${adminToken()}` });
const json = { 'Content-Type': 'application/json' };
const id = () => customerId;

interface Case {
  name: string;
  method?: string;
  target: () => string;
  headers?: () => Record<string, string>;
  body?: () => Buffer;
  status: number;
  /** The field the first error names (400s). */
  field?: string;
  check?: (answer: Answer) => void;
}

const noStore = (answer: Answer) => expect(answer.headers['cache-control']).toBe('no-store');

const CASES: Case[] = [
  // query values as clients write them
  {
    name: 'e-mail unencoded (curl, address bar)',
    target: () => '/api/customers/search?q=customer@test.com',
    headers: admin,
    status: 200,
    check: (a) => expect(a.text).toContain(id()),
  },
  {
    name: 'apostrophe unencoded',
    target: () => "/api/customers/search?q=O'Brien",
    headers: admin,
    status: 200,
    check: (a) => expect(a.text).toContain(id()),
  },
  {
    name: '+ as space (URLSearchParams, requests, HTML forms)',
    target: () => '/api/customers/search?q=Sean+O%27Brien',
    headers: admin,
    status: 200,
    check: (a) => expect(a.text).toContain(id()),
  },
  {
    name: 'phone with %2B and + (URLSearchParams)',
    target: () => '/api/customers/search?q=%2B91+98765+43210',
    headers: admin,
    status: 200,
    check: (a) => expect(a.text).toContain(id()),
  },
  { name: 'a:b unencoded', target: () => '/api/customers?searchTerm=a:b', headers: admin, status: 200 },
  { name: 'a/b unencoded', target: () => '/api/customers/search?q=a/b', headers: admin, status: 200 },
  { name: 'a,b unencoded', target: () => '/api/customers/search?q=a,b', headers: admin, status: 200 },
  // numbers
  { name: 'page=1e308', target: () => '/api/customers?page=1e308', headers: admin, status: 400, field: 'page' },
  { name: 'page=1e307&limit=100', target: () => '/api/customers?page=1e307&limit=100', headers: admin, status: 400, field: 'page' },
  { name: 'page=2e308', target: () => '/api/customers?page=2e308', headers: admin, status: 400, field: 'page' },
  { name: 'page above the documented maximum', target: () => '/api/customers?page=10001', headers: admin, status: 400, field: 'page' },
  { name: 'limit=0x10', target: () => '/api/customers?limit=0x10', headers: admin, status: 400, field: 'limit' },
  { name: 'limit=1e1', target: () => '/api/customers?limit=1e1', headers: admin, status: 400, field: 'limit' },
  {
    name: 'minOrderValue=Infinity',
    target: () => '/api/customers?minOrderValue=Infinity',
    headers: admin,
    status: 400,
    field: 'minOrderValue',
  },
  {
    name: 'order history page=2e308 (never forwarded)',
    target: () => `/api/customers/${id()}/orders?page=2e308`,
    headers: admin,
    status: 400,
    field: 'page',
  },
  {
    name: 'order history page=Infinity',
    target: () => `/api/customers/${id()}/orders?page=Infinity`,
    headers: admin,
    status: 400,
    field: 'page',
  },
  {
    name: 'complaint history page=1e5',
    target: () => `/api/customers/${id()}/complaints?page=1e5`,
    headers: admin,
    status: 400,
    field: 'page',
  },
  // dates
  { name: 'customerSinceFrom in year 0000', target: () => '/api/customers?customerSinceFrom=0000-01-01', headers: admin, status: 200 },
  { name: 'lastOrderTo in year 0099', target: () => '/api/customers?lastOrderTo=0099-12-31T23:59:59Z', headers: admin, status: 200 },
  // bodies
  {
    name: 'gzip header over plain JSON',
    method: 'POST',
    target: () => `/api/customers/${id()}/notes`,
    headers: () => ({ ...admin(), ...json, 'Content-Encoding': 'gzip' }),
    body: () => Buffer.from('{"note":"x"}'),
    status: 400,
    field: 'body',
  },
  {
    name: 'truncated gzip',
    method: 'POST',
    target: () => `/api/customers/${id()}/notes`,
    headers: () => ({ ...admin(), ...json, 'Content-Encoding': 'gzip' }),
    body: () => gzipSync('{"note":"x"}').subarray(0, 10),
    status: 400,
    field: 'body',
  },
  {
    name: 'deflate garbage',
    method: 'POST',
    target: () => `/api/customers/${id()}/notes`,
    headers: () => ({ ...admin(), ...json, 'Content-Encoding': 'deflate' }),
    body: () => Buffer.from('garbage'),
    status: 400,
    field: 'body',
  },
  {
    name: 'br garbage',
    method: 'POST',
    target: () => `/api/customers/${id()}/notes`,
    headers: () => ({ ...admin(), ...json, 'Content-Encoding': 'br' }),
    body: () => Buffer.from('garbage'),
    status: 400,
    field: 'body',
  },
  {
    name: 'unsupported encoding',
    method: 'POST',
    target: () => `/api/customers/${id()}/notes`,
    headers: () => ({ ...admin(), ...json, 'Content-Encoding': 'compress' }),
    body: () => Buffer.from('{"note":"x"}'),
    status: 415,
  },
  {
    name: 'malformed gzip without credentials → 401 first',
    method: 'POST',
    target: () => `/api/customers/${id()}/notes`,
    headers: () => ({ ...json, 'Content-Encoding': 'gzip' }),
    body: () => Buffer.from('x'),
    status: 401,
  },
  // tokens
  {
    name: 'refresh token (tokenId)',
    target: () => '/api/customers/me',
    headers: () => ({ Authorization: `Bearer ${signToken({ userId, extra: { tokenId: 'r1' } })}` }),
    status: 401,
  },
  {
    name: 'refresh token (type: refresh)',
    target: () => '/api/customers/me',
    headers: () => ({ Authorization: `Bearer ${signToken({ userId, extra: { type: 'refresh' } })}` }),
    status: 401,
  },
  {
    name: 'refresh token (token_type: refresh)',
    target: () => '/api/customers/me',
    headers: () => ({ Authorization: `Bearer ${signToken({ userId, extra: { token_type: 'refresh' } })}` }),
    status: 401,
  },
  {
    name: 'refresh token (token_type: Refresh)',
    target: () => `/api/customers/${id()}`,
    headers: () => ({ Authorization: `Bearer ${signToken({ role: 'Administrator', extra: { token_type: 'Refresh' } })}` }),
    status: 401,
  },
  {
    name: 'access token marked type: access',
    target: () => '/api/customers/me',
    headers: () => ({ Authorization: `Bearer ${signToken({ userId, extra: { type: 'access' } })}` }),
    status: 200,
  },
  // personal data is never stored by caches
  {
    name: 'GET /me: no-store',
    target: () => '/api/customers/me',
    headers: () => ({ Authorization: `Bearer ${customerToken(userId)}` }),
    status: 200,
    check: noStore,
  },
  {
    name: 'GET /me/statistics: no-store',
    target: () => '/api/customers/me/statistics',
    headers: () => ({ Authorization: `Bearer ${customerToken(userId)}` }),
    status: 200,
    check: noStore,
  },
  { name: 'GET /{id}: no-store', target: () => `/api/customers/${id()}`, headers: admin, status: 200, check: noStore },
  { name: 'GDPR export: no-store', target: () => `/api/customers/${id()}/export`, headers: admin, status: 200, check: noStore },
  { name: 'list: no-store', target: () => '/api/customers', headers: admin, status: 200, check: noStore },
  { name: 'search: no-store', target: () => '/api/customers/search?q=sean', headers: admin, status: 200, check: noStore },
  { name: 'CSV: no-store', target: () => '/api/customers/export.csv', headers: admin, status: 200, check: noStore },
];

describe('When hostile and unusual inputs arrive, then each gets the documented answer, never a 500', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('then %s gets its documented answer', async (_name, c) => {
    const answer = await send(c.method ?? 'GET', c.target(), c.headers?.() ?? {}, c.body?.());
    expect({ status: answer.status, text: answer.status === c.status ? '' : answer.text }).toEqual({ status: c.status, text: '' });
    if (c.field) expect((JSON.parse(answer.text) as { errors: { field: string }[] }).errors[0]?.field).toBe(c.field);
    c.check?.(answer);
  });
});

describe("When a value outside a sibling's contract is asked for", () => {
  test('then an order-history page the Order Service contract forbids is refused before any call, and the maximum is forwarded as written', async () => {
    siblings.reset();
    for (const page of ['2e308', '1e308', 'Infinity', '0x10', '10001', '0']) {
      expect((await send('GET', `/api/customers/${id()}/orders?page=${page}`, admin())).status).toBe(400);
    }
    expect(siblings.order.requests).toHaveLength(0);
    expect((await send('GET', `/api/customers/${id()}/orders?page=10000&limit=100`, admin())).status).toBe(200);
    expect(siblings.order.requests.map((r) => r.query.get('page'))).toEqual(['10000']);
  });
});

describe("When a client sends the spec's examples", () => {
  test('then GET /api/customers with every parameter at its example (the example cursor included) is answered', async () => {
    const spec = loadApiSpec() as unknown as {
      paths: Record<string, { get: { parameters: { $ref: string }[] } }>;
      components: { parameters: Record<string, { name: string; example: unknown }> };
    };
    const query = new URLSearchParams();
    for (const { $ref } of spec.paths['/api/customers']?.get.parameters ?? []) {
      const parameter = spec.components.parameters[$ref.replace('#/components/parameters/', '')];
      if (parameter) query.set(parameter.name, String(parameter.example));
    }
    expect(query.get('cursor')).toBeTruthy();
    const answer = await send('GET', `/api/customers?${query.toString()}`, admin());
    expect({ status: answer.status, text: answer.status === 200 ? '' : answer.text }).toEqual({ status: 200, text: '' });
  });
});
