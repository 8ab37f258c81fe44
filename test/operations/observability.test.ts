import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ensureIndexes } from '../../src/data/indexes.js';
import { connectDatabase, type Database } from '../../src/data/mongo.js';
import { createLogger } from '../../src/logger.js';
import { recordSiblingCall, setBreakerState } from '../../src/observability/metrics.js';
import { createContainer, type Container } from '../../src/container.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, testEnv, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer, customerToken } from '../support/tokens.js';

const METRICS_TOKEN = 'metrics-scrape-token-0123456789';

/** Collects the JSON log lines written by a pino logger. */
class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    callback();
  }
  get text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }
}

describe('When requests are logged', () => {
  let database: Database;
  let services: Container;
  let http: ReturnType<typeof supertest>;
  const capture = new LogCapture();

  beforeAll(async () => {
    const config = loadConfig(testEnv({ LOG_LEVEL: 'info' }));
    const logger = createLogger(config, capture);
    database = await connectDatabase(config.mongo);
    await ensureIndexes(database.db);
    services = createContainer({ config, logger, database });
    http = supertest(createApp(services));
  });

  afterAll(async () => {
    await services.stopBackgroundWork();
    await database.db.dropDatabase().catch(() => undefined);
    await database.client.close();
  });

  it('then each request writes one line with method, route template, status, duration, request id and caller', async () => {
    const { customerId, userId } = await createCustomer(http, { email: 'secret.person@example.com', contactNumber: '+919876543210' });
    await http.get(`/api/customers/${customerId}`).set(bearer(adminToken())).set('X-Request-Id', 'trace-abc-123').expect(200);
    await http
      .get('/api/customers/me')
      .set(bearer(customerToken(userId)))
      .expect(200);

    const lines = capture.lines.filter((l) => l['msg'] === 'request completed');
    const byId = lines.find((l) => l['requestId'] === 'trace-abc-123');
    expect(byId).toMatchObject({
      method: 'GET',
      route: '/api/customers/{customerId}',
      status: 200,
      caller: 'administrator:bbbbbbbbbbbbbbbbbbbbbbbb',
      service: 'customer-service',
    });
    expect(typeof byId?.['durationMs']).toBe('number');
    expect(lines.find((l) => l['route'] === '/api/customers/internal/create')).toMatchObject({
      caller: 'service:X-Service-API-Key',
      status: 201,
    });
    expect(lines.find((l) => l['route'] === '/api/customers/me')).toMatchObject({ caller: `customer:${userId}` });
    // the raw URL (with the id) never becomes the route
    expect(capture.text).not.toContain(`/api/customers/${customerId}"`);
  });

  it('then credentials and personal data never reach a log line', async () => {
    const logger = createLogger({ log: { level: 'info', format: 'json' }, serviceName: 's', serviceVersion: '1' }, capture);
    const token = adminToken();
    logger.info(
      {
        req: {
          headers: { authorization: `Bearer ${token}`, 'x-service-api-key': TEST_API_KEY, 'x-api-key': TEST_API_KEY, cookie: 'sid=1' },
        },
        customer: { email: 'leak@example.com', contactNumber: '+911234567890' },
        email: 'top@example.com',
      },
      'redaction probe',
    );
    const probe = capture.lines.find((l) => l['msg'] === 'redaction probe');
    expect(probe).toBeDefined();
    const text = JSON.stringify(probe);
    for (const secret of [token, TEST_API_KEY, 'sid=1', 'leak@example.com', '+911234567890', 'top@example.com']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[REDACTED]');
    // nothing logged so far (requests with tokens, keys, emails and phone numbers) holds them either
    expect(capture.text).not.toContain(TEST_API_KEY);
    expect(capture.text).not.toContain('secret.person@example.com');
    expect(capture.text).not.toContain('+919876543210');
    expect(capture.text).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
  });
});

describe('When a request carries X-Request-Id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('then a well-formed id is echoed unchanged', async () => {
    const res = await t.http.get('/health').set('X-Request-Id', 'order-svc:7f3a.42_x-1').expect(200);
    expect(res.headers['x-request-id']).toBe('order-svc:7f3a.42_x-1');
  });

  it('then a malformed or oversized id is replaced by a generated one', async () => {
    for (const bad of ['has spaces', 'x'.repeat(129), '<script>', 'a/b']) {
      const res = await t.http.get('/health').set('X-Request-Id', bad).expect(200);
      expect(res.headers['x-request-id']).not.toBe(bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('then a request without one gets a fresh id, also on errors', async () => {
    const a = await t.http.get('/health').expect(200);
    const b = await t.http.get('/nope').expect(404);
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('When Prometheus scrapes /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
  });
  afterAll(async () => t.close());

  it('then it refuses anonymous callers, user tokens and a wrong token', async () => {
    for (const headers of [
      {},
      bearer(adminToken()),
      { Authorization: 'Bearer wrong-token-0123456789' },
      { 'X-Service-API-Key': 'wrong-key-0123456789' },
    ]) {
      const res = await t.http.get('/metrics').set(headers).expect(401);
      expect(res.body.success).toBe(false);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
  });

  it('then it accepts the service API key and the metrics token', async () => {
    const a = await t.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY).expect(200);
    expect(a.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    await t.http.get('/metrics').set(bearer(METRICS_TOKEN)).expect(200);
  });

  it('then it reports request durations by route template, DB latency, sibling outcomes, breaker state and the Auth sync backlog', async () => {
    const { customerId } = await createCustomer(t.http);
    await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken())).expect(200);
    await t.http.get('/api/customers/0123456789abcdef01234567').set(bearer(adminToken())).expect(404);
    await t.database.db.collection('customers').updateOne(
      { _id: new (await import('mongodb')).ObjectId(customerId) },
      {
        $set: {
          authSync: { status: 'pending', desiredState: 'suspended', attempts: 0, updatedAt: new Date(), nextAttemptAt: new Date() },
          authSyncPending: true,
        },
      },
    );
    recordSiblingCall('order', 'success', 0.02);
    recordSiblingCall('order', 'timeout', 1.5);
    setBreakerState('order', 'open');

    const text = (await t.http.get('/metrics').set(bearer(METRICS_TOKEN)).expect(200)).text;
    expect(text).toMatch(
      /crms_http_request_duration_seconds_count\{method="GET",route="\/api\/customers\/\{customerId\}",status="200"\} 1\b/,
    );
    expect(text).toMatch(
      /crms_http_request_duration_seconds_count\{method="GET",route="\/api\/customers\/\{customerId\}",status="404"\} 1\b/,
    );
    expect(text).toMatch(
      /crms_http_request_duration_seconds_count\{method="POST",route="\/api\/customers\/internal\/create",status="201"\} 1\b/,
    );
    expect(text).not.toContain(customerId);
    expect(text).toMatch(/crms_db_command_duration_seconds_count\{command="insert",outcome="success"\} [1-9]/);
    expect(text).toMatch(/crms_db_command_duration_seconds_count\{command="find",outcome="success"\} [1-9]/);
    expect(text).toMatch(/crms_sibling_calls_total\{service="order",outcome="timeout"\} [1-9]/);
    expect(text).toMatch(/crms_sibling_call_duration_seconds_count\{service="order",outcome="success"\} [1-9]/);
    expect(text).toContain('crms_sibling_circuit_breaker_state{service="order",state="open"} 1');
    expect(text).toContain('crms_sibling_circuit_breaker_state{service="order",state="closed"} 0');
    expect(text).toContain('crms_auth_sync_backlog 1');
    setBreakerState('order', 'closed');
  });

  it('then two apps in one process keep separate registries', async () => {
    const other = await startTestApp();
    try {
      await other.http.get('/health').expect(200);
      const mine = (await t.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY)).text;
      const theirs = (await other.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY)).text;
      expect(theirs).toMatch(/route="\/health",status="200"\} 1\b/);
      expect(mine).not.toMatch(/route="\/health",status="200"\}/);
    } finally {
      await other.close();
    }
  });
});
