import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { FaultProxy, hostAndPort } from '../support/fault-proxy.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp as startApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer, customerToken } from '../support/tokens.js';

const ORIGIN = 'https://shop.example.com';

/** These tests are about HTTP, not outages: a generous server selection keeps them steady on a busy machine. */
const startTestApp = (env: Record<string, string> = {}) => startApp({ MONGODB_SERVER_SELECTION_TIMEOUT_MS: '10000', ...env });

describe('When any response leaves the service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${ORIGIN},https://admin.example.com`, CORS_CREDENTIALS: 'true' });
  });
  afterAll(async () => t.close());

  it('then it carries helmet headers, a deny-all CSP for JSON and no X-Powered-By', async () => {
    for (const res of [await t.http.get('/health'), await t.http.get('/nope'), await t.http.get('/api/customers/me')]) {
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('then a preflight from an allowed origin is answered with that origin and credentials', async () => {
    const res = await t.http
      .options('/api/customers/me')
      .set('Origin', ORIGIN)
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers['access-control-allow-methods']).toContain('PUT');
    expect(res.headers['vary']).toMatch(/Origin/i);
  });

  it('then an unknown origin gets no Access-Control-Allow-Origin (and never *)', async () => {
    const preflight = await t.http
      .options('/api/customers/me')
      .set('Origin', 'https://evil.example.net')
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await t.http.get('/health').set('Origin', 'https://evil.example.net').expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await t.http.get('/health').set('Origin', ORIGIN).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-Id');
  });

  it('then a body over 100 kB is refused with a 413 envelope', async () => {
    const { customerId } = await createCustomer(t.http);
    const res = await t.http
      .put(`/api/customers/${customerId}`)
      .set(bearer(adminToken()))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ fullName: 'x'.repeat(110 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      success: false,
      message: 'Request body too large',
      errors: [{ field: 'body', message: expect.any(String) }],
    });
  });

  it('then a body that is not application/json is refused with a 415 envelope', async () => {
    for (const [type, body] of [
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'fullName=Bob'],
      ['application/xml', '<a/>'],
    ] as const) {
      const res = await t.http
        .post('/api/customers/internal/create')
        .set('X-Service-API-Key', TEST_API_KEY)
        .set('Content-Type', type)
        .send(body);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ success: false, message: 'Unsupported media type', errors: [{ field: 'Content-Type' }] });
    }
  });

  it('then errors carry no stack trace or driver message', async () => {
    const res = await t.http
      .post('/api/customers/internal/create')
      .set('X-Service-API-Key', TEST_API_KEY)
      .set('Content-Type', 'application/json')
      .send('{"userId":');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|SyntaxError|Mongo/);
  });
});

describe('When a caller exceeds the rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '30' });
  });
  afterAll(async () => t.close());

  it('then the next request gets a 429 envelope with Retry-After, counted per verified user', async () => {
    const alice = bearer(customerToken('a1a1a1a1a1a1a1a1a1a1a1a1'));
    for (let i = 0; i < 3; i++) expect((await t.http.get('/api/customers/me').set(alice)).status).not.toBe(429);
    const limited = await t.http.get('/api/customers/me').set(alice);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, message: 'Too many requests', errors: [{ field: 'rateLimit' }] });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(limited.headers['x-request-id']).toBeDefined();
    // another user, the service key and the health probes have their own allowance
    expect((await t.http.get('/api/customers/me').set(bearer(customerToken('b2b2b2b2b2b2b2b2b2b2b2b2')))).status).not.toBe(429);
    expect((await t.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY)).status).toBe(200);
    for (let i = 0; i < 5; i++) await t.http.get('/health').expect(200);
  });

  it('then forged tokens count against the client address, not a fresh bucket each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const forged = bearer(adminToken(`c${i}c${i}c${i}c${i}c${i}c${i}c${i}c${i}c${i}c${i}c${i}c${i}`).replace(/.$/, 'x'));
      statuses.push((await t.http.get('/api/customers').set(forged)).status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe('When REDIS_URL is set', () => {
  const redisUrl = process.env['CRMS_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6390';

  it('then two instances share one count', async () => {
    const prefix = `${Date.now()}`;
    const a = await startTestApp({ REDIS_URL: redisUrl, RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_SECONDS: '30' });
    const b = await startTestApp({ REDIS_URL: redisUrl, RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_SECONDS: '30' });
    try {
      await redisReady(a, b);
      const user = bearer(customerToken(`${prefix}`.padEnd(24, 'd').slice(0, 24)));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).http.get('/api/customers/me').set(user)).status);
      expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
      expect(statuses.slice(4)).toEqual([429, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('then an unreachable Redis degrades to per-instance counting instead of failing or hanging', async () => {
    // nothing listens on port 1, for longer than the test's own timeout: a limiter waiting for Redis
    // would never answer, only counting in this instance can
    const t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_SECONDS: '30' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await t.http.get('/health/ready')).status, (await t.http.get('/nope')).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(4);
      expect(statuses.filter((s) => s === 404)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});

describe('When Redis goes away and comes back', () => {
  it('then rate limiting keeps answering throughout and uses Redis again afterwards', async () => {
    const { host, port } = hostAndPort(process.env['CRMS_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6390', 6379);
    const proxy = new FaultProxy(host, port);
    const proxyPort = await proxy.up();
    const t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxyPort}`, RATE_LIMIT_MAX: '1000' });
    try {
      await redisReady(t);
      const admin = bearer(adminToken(`${Date.now()}`.padEnd(24, 'e').slice(0, 24)));
      const remaining = async () => {
        const res = await t.http.get('/api/customers/0123456789abcdef01234567').set(admin);
        expect(res.status).toBe(404);
        return res.headers['ratelimit'] as string;
      };
      expect(await remaining()).toMatch(/remaining=999\b/);
      // Redis stays away until these requests are answered: a limiter waiting for it would never
      // answer them; counted by this instance alone meanwhile, from a fresh count
      await proxy.down();
      expect(await remaining()).toMatch(/remaining=999\b/);
      expect(await remaining()).toMatch(/remaining=998\b/);
      await proxy.up();
      await redisReady(t);
      // back on the shared count, which remembers the first request, once a probe of another
      // caller is counted in Redis again (the store reloads its scripts on the new connection)
      const prober = `${Date.now()}`.padEnd(24, 'f').slice(0, 24);
      await eventually(
        async () => {
          await t.http.get('/api/customers/0123456789abcdef01234567').set(bearer(adminToken(prober)));
          return Number(await t.container.redis?.sendCommand('GET', `crms:rl:user:${prober}`)) > 0;
        },
        { interval: 50, what: 'requests counted in Redis again' },
      );
      expect(await remaining()).toMatch(/remaining=998\b/);
    } finally {
      await t.close();
      await proxy.down();
    }
  });
});

function redisReady(...apps: TestApp[]): Promise<true> {
  return eventually(() => apps.every((app) => app.container.redis?.isReady === true), { what: 'Redis ready' });
}
