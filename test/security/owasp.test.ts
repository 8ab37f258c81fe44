import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { fillPath, specOperations, type SpecOperation } from '../support/spec-operations.js';
import { ADMIN_ID, TEST_API_KEY, TEST_JWT_SECRET, adminToken, bearer, customerToken, signToken } from '../support/tokens.js';

/** OWASP API Security Top 10 (2023), one group each where it applies. */
let t: TestApp;
let alice: { customerId: string; userId: string };
let bob: { customerId: string; userId: string };
const operations = specOperations();
const byTag = (tag: string) => operations.filter((o) => o.tag === tag);

beforeAll(async () => {
  // the API as the spec describes it: the admin web app at /console is a static site outside the
  // contract, with its own tests (test/console/console-route.test.ts)
  t = await startTestApp({ CONSOLE_ENABLED: 'false' });
  alice = await createCustomer(t.http, { fullName: 'Alice Anand', email: 'alice@example.com', contactNumber: '+919800000001' });
  bob = await createCustomer(t.http, { fullName: 'Bob Bose', email: 'bob@example.com', contactNumber: '+919800000002' });
});
afterAll(() => t.close());

function call(op: SpecOperation, values: Record<string, string>, headers: Record<string, string>) {
  const method = op.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = t.http[method](fillPath(op.path, values)).set(headers);
  return op.hasBody ? req.send((op.bodyExample as object) ?? {}) : req;
}

describe('When OWASP API1 (Broken Object Level Authorization) is tried', () => {
  test('then a customer reaches only their own record: /me is keyed by the token, and every id-addressed route is closed', async () => {
    const me = await t.http.get('/api/customers/me').set(bearer(customerToken(alice.userId)));
    expect(me.body.data.customerId).toBe(alice.customerId);
    const idRoutes = operations.filter((o) => o.path.includes('{customerId}') || o.path.includes('{userId}'));
    expect(idRoutes.length).toBeGreaterThan(5);
    for (const op of idRoutes) {
      const res = await call(op, { customerId: bob.customerId, userId: bob.userId }, bearer(customerToken(alice.userId)));
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: op.tag === 'Internal' ? 401 : 403 });
      expect(JSON.stringify(res.body)).not.toContain('bob@example.com');
    }
  });
});

describe('When OWASP API2 (Broken Authentication) is tried', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = () => ({ userId: ADMIN_ID, role: 'Administrator', exp: now() + 600 });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  test.each([
    ['missing', undefined],
    ['garbled', 'Bearer abc.def'],
    ['expired', `Bearer ${jwt.sign({ ...claims(), exp: now() - 3600 }, TEST_JWT_SECRET)}`],
    ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    ['wrong secret', `Bearer ${jwt.sign(claims(), 'an-attacker-secret-an-attacker-secret')}`],
    ['RS256 signed with a private key', `Bearer ${jwt.sign(claims(), privateKey, { algorithm: 'RS256' })}`],
    [
      'HS-vs-RS confusion (HMAC keyed with the public key)',
      `Bearer ${jwt.sign(claims(), publicPem, { algorithm: 'HS256', allowInsecureKeySizes: true } as jwt.SignOptions)}`,
    ],
    ['refresh token', `Bearer ${signToken({ userId: ADMIN_ID, role: 'Administrator', extra: { tokenId: 'r1' } })}`],
    ['API key instead of a token', `Bearer ${TEST_API_KEY}`],
  ])('when the bearer is a %s, then an admin route answers unauthenticated', async (_name, authorization) => {
    const req = t.http.get('/api/customers');
    if (authorization) req.set('Authorization', authorization);
    const res = await req;
    expect(res.status).toBe(401);
    expect(res.body.success).toBe(false);
  });

  test('then the API key is refused on JWT routes and a JWT on internal routes', async () => {
    expect((await t.http.get('/api/customers').set('X-Service-API-Key', TEST_API_KEY)).status).toBe(401);
    expect((await t.http.get('/api/customers/me').set('X-API-Key', TEST_API_KEY)).status).toBe(401);
    expect((await t.http.get(`/api/customers/internal/user/${alice.userId}`).set(bearer(adminToken()))).status).toBe(401);
  });
});

describe('When OWASP API3 (Broken Object Property Level Authorization) is tried', () => {
  const credentials = (op: SpecOperation): Record<string, string> =>
    op.tag === 'Internal' ? { 'X-Service-API-Key': TEST_API_KEY } : bearer(adminToken());

  test('then every write body with an extra property (mass assignment) is refused as invalid, naming it', async () => {
    const writes = operations.filter((o) => o.hasBody);
    expect(writes.length).toBeGreaterThanOrEqual(7);
    for (const op of writes) {
      const body = { ...((op.bodyExample as object) ?? {}), totalOrders: 999, isAdmin: true };
      const method = op.method as 'post' | 'put' | 'patch';
      const res = await t.http[method](fillPath(op.path, { customerId: alice.customerId, userId: alice.userId }))
        .set(credentials(op))
        .send(body);
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 400 });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain('isAdmin');
    }
    const stored = await t.http.get(`/api/customers/${alice.customerId}`).set(bearer(adminToken()));
    expect(stored.body.data.totalOrders).toBe(0);
  });

  test('then no internal or secret field appears in any response', async () => {
    const forbidden = ['_id', 'searchKeys', 'version', 'appliedKeys', 'actingAdminId', 'claimedBy', 'password', 'secret', 'apiKey'];
    const reads = operations.filter((o) => o.method === 'get' && ['Admin', 'Customer', 'Internal'].includes(o.tag));
    const leaks: string[] = [];
    const walk = (value: unknown, where: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (forbidden.includes(k)) leaks.push(`${where}.${k}`);
          walk(v, `${where}.${k}`);
        }
      }
    };
    for (const op of reads) {
      const res = await call(op, { customerId: alice.customerId, userId: alice.userId }, credentials(op)).query(
        op.operationId === 'searchCustomers' ? { q: 'alice' } : {},
      );
      walk(res.body, op.operationId);
    }
    const me = await t.http.get('/api/customers/me').set(bearer(customerToken(alice.userId)));
    walk(me.body, 'getMyProfile');
    expect(leaks).toEqual([]);
  });
});

describe('When OWASP API4 (Unrestricted Resource Consumption) is tried', () => {
  test.each([
    ['/api/customers?limit=101'],
    ['/api/customers?page=0'],
    ['/api/customers/search?q=a&limit=51'],
    [`/api/customers/search?q=${'a'.repeat(101)}`],
    [`/api/customers?searchTerm=${'a'.repeat(101)}`],
  ])('when the request is %s, then it is invalid, never clamped', async (url) => {
    expect((await t.http.get(url).set(bearer(adminToken()))).status).toBe(400);
  });

  test('then a body over 100 kB is refused as too large, with an envelope', async () => {
    const res = await t.http
      .put(`/api/customers/${alice.customerId}`)
      .set(bearer(adminToken()))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ notes: 'x'.repeat(200_000) }));
    expect(res.status).toBe(413);
    expect(res.body.success).toBe(false);
  });
});

describe('When OWASP API5 (Broken Function Level Authorization) is tried', () => {
  test('then a customer token is refused on every admin route (forbidden) and internal route (unauthenticated)', async () => {
    for (const op of [...byTag('Admin'), ...byTag('Webhooks'), ...byTag('Internal')]) {
      const res = await call(op, { customerId: alice.customerId, userId: alice.userId }, bearer(customerToken(alice.userId)));
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: op.tag === 'Internal' ? 401 : 403 });
    }
  });

  test('then an admin token is refused on every internal route', async () => {
    for (const op of byTag('Internal')) {
      const res = await call(op, { customerId: alice.customerId, userId: alice.userId }, bearer(adminToken()));
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 401 });
    }
  });
});

describe('When OWASP API7 (Server Side Request Forgery) is tried with inputs that reach sibling URLs', () => {
  test.each(['..%2F..%2Fadmin', '%2E%2E', 'abc%2Fdef', '0123456789abcdef0123456%2F', '..', '%00'])(
    'then customerId %s is refused before anything is called',
    async (id) => {
      const res = await t.http.get(`/api/customers/${id}/orders`).set(bearer(adminToken()));
      expect([400, 404]).toContain(res.status);
      expect(res.body.success).toBe(false);
    },
  );

  test.each(['..%2Fadmin', 'a%2Fb', 'a.b', '%2E%2E'])('then userId %s on the internal lookup is refused', async (id) => {
    const res = await t.http.get(`/api/customers/internal/user/${id}`).set('X-Service-API-Key', TEST_API_KEY);
    expect([400, 404]).toContain(res.status);
    expect(res.body.success).toBe(false);
  });
});

describe('When OWASP API8 (Security Misconfiguration) is tried', () => {
  test('then security headers are set and X-Powered-By is not', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  test('then error bodies carry no stack traces, driver or parser messages', async () => {
    const responses = [
      await t.http
        .post('/api/customers/internal/create')
        .set('X-Service-API-Key', TEST_API_KEY)
        .set('Content-Type', 'application/json')
        .send('{"a":'),
      await t.http.get('/api/customers/zzz').set(bearer(adminToken())),
      await t.http.get('/api/customers?limit=abc').set(bearer(adminToken())),
      await t.http.get('/nope'),
    ];
    for (const res of responses) {
      const text = JSON.stringify(res.body);
      expect(res.body.success).toBe(false);
      expect(text).not.toMatch(/at .*\.(js|ts):\d+|SyntaxError|Mongo|ObjectId|stack|node_modules/);
    }
  });
});

describe('When OWASP API9 (Improper Inventory Management) is checked', () => {
  test('then every route the router serves is in the spec, and every spec operation is served', async () => {
    await t.http.get('/health'); // the validator installs its routes on the first request
    const served = new Set<string>();
    interface Layer {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: Layer[] };
    }
    const walk = (stack: Layer[] | undefined) => {
      for (const layer of stack ?? []) {
        if (layer.route) {
          for (const method of Object.keys(layer.route.methods)) served.add(`${method.toUpperCase()} ${layer.route.path}`);
        } else walk(layer.handle?.stack);
      }
    };
    walk((t.app as unknown as { router: { stack: Layer[] } }).router.stack);
    const documented = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect([...served].sort()).toEqual([...documented].sort());
  });
});
