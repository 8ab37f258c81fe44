import type TestAgent from 'supertest/lib/agent.js';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ensureIndexes } from '../../src/data/indexes.js';
import { connectDatabase } from '../../src/data/mongo.js';
import { createLogger } from '../../src/logger.js';
import { createContainer } from '../../src/container.js';
import { createCustomer } from '../support/fixtures.js';
import { testEnv } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { startSiblings, type Siblings, type StubComplaint } from './support/siblings.js';

const admin = bearer(adminToken());
const UNUSABLE = 'Complaint Service answered with data CRMS cannot use.';

interface LoggedApp {
  http: TestAgent;
  /** Every JSON log line written so far, raw. */
  lines: string[];
  close(): Promise<void>;
}

/** The real app over a fresh database, its log lines captured instead of written to stdout. */
async function startLoggedApp(env: Record<string, string>): Promise<LoggedApp> {
  const config = loadConfig(testEnv({ ...env, LOG_LEVEL: 'info' }));
  const lines: string[] = [];
  const logger = createLogger(config, { write: (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)) });
  const database = await connectDatabase(config.mongo);
  await ensureIndexes(database.db);
  const services = createContainer({ config, logger, database });
  return {
    http: supertest(createApp(services)),
    lines,
    async close() {
      await services.stopBackgroundWork();
      await database.db.dropDatabase().catch(() => undefined);
      await database.client.close();
    },
  };
}

const parsed = (app: LoggedApp) => app.lines.map((line) => JSON.parse(line) as Record<string, unknown>);

let siblings: Siblings;
let app: LoggedApp;

beforeAll(async () => {
  siblings = await startSiblings();
});
afterAll(() => siblings.close());
beforeEach(async () => {
  siblings.reset();
  siblings.complaint.complaints.length = 0;
  // a low threshold and a long open period: a breaker that opened would stay open for the whole test
  app = await startLoggedApp({ ...siblings.env, SERVICE_BREAKER_THRESHOLD: '3', SERVICE_BREAKER_HALF_OPEN_SECONDS: '30' });
});
afterEach(() => app.close());

const complaintBreaker = async () => (await app.http.get('/health/ready')).body.data.checks.services.complaint;

/** A record the Complaint Service should never send: a creation date that does not exist. */
const badRecord = (customerId: string): StubComplaint => ({
  complaintId: 'CMP-BAD',
  customerId,
  subject: 'Broken',
  status: 'Open',
  createdAt: '2026-02-30T10:00:00Z',
});

describe('When the Complaint Service answers outside its contract', () => {
  test('then the history is a 502 saying it answered with data CRMS cannot use, logged with the failing path', async () => {
    const { customerId } = await createCustomer(app.http);
    siblings.complaint.complaints.push(
      { complaintId: 'CMP-OK', customerId, subject: 'Fine', status: 'Open', createdAt: '2026-01-01T10:00:00Z' },
      badRecord(customerId),
    );
    const res = await app.http.get(`/api/customers/${customerId}/complaints`).set(admin).set('X-Request-Id', 'req-unusable-1');
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      success: false,
      message: 'Unable to fetch complaint data',
      errors: [{ field: 'service', message: UNUSABLE }],
    });
    // a contract violation is not retried: the sibling did answer
    expect(siblings.complaint.received('/api/complaints')).toHaveLength(1);
    const line = parsed(app).find((l) => l['msg'] === 'sibling answered with data CRMS cannot use');
    expect(line).toMatchObject({
      sibling: 'Complaint Service',
      service: 'customer-service',
      operation: 'GET /api/complaints',
      kind: 'contract',
      path: '/data/complaints/1/createdAt',
      requestId: 'req-unusable-1',
    });
  });

  test('then many calls for that customer leave the breaker closed; other customers’ histories and deletions keep working', async () => {
    const bad = await createCustomer(app.http);
    const other = await createCustomer(app.http);
    siblings.complaint.complaints.push(badRecord(bad.customerId), {
      complaintId: 'CMP-OTHER',
      customerId: other.customerId,
      orderId: null,
      subject: 'Late',
      status: 'Resolved',
      createdAt: '2026-01-01T10:00:00Z',
      resolvedAt: '2026-01-02T10:00:00Z',
    });
    for (let i = 0; i < 8; i++) {
      const res = await app.http.get(`/api/customers/${bad.customerId}/complaints`).set(admin);
      expect(res.status).toBe(502);
      expect(res.body.errors[0].message).toBe(UNUSABLE);
    }
    expect(await complaintBreaker()).toEqual({ breaker: 'closed' });
    const history = await app.http.get(`/api/customers/${other.customerId}/complaints`).set(admin);
    expect(history.status).toBe(200);
    expect(history.body.data.complaints.map((c: { complaintId: string }) => c.complaintId)).toEqual(['CMP-OTHER']);
    const deletion = await app.http.delete(`/api/customers/${other.customerId}`).set(admin);
    expect(deletion.status).toBe(200);
  });

  test('then answers that are not JSON never open the breaker either', async () => {
    const { customerId } = await createCustomer(app.http);
    siblings.complaint.failTimes(6, { kind: 'non-json' });
    for (let i = 0; i < 6; i++) {
      const res = await app.http.get(`/api/customers/${customerId}/complaints`).set(admin);
      expect(res.status).toBe(502);
      expect(res.body.errors[0].message).toBe(UNUSABLE);
    }
    expect(await complaintBreaker()).toEqual({ breaker: 'closed' });
    expect((await app.http.get(`/api/customers/${customerId}/complaints`).set(admin)).status).toBe(200);
  });
});

describe('When a sibling refuses (4xx) the request CRMS sent', () => {
  test('then the answer is a 502 saying so, and the breaker stays closed', async () => {
    const { customerId } = await createCustomer(app.http);
    siblings.order.mode = { kind: 'status', status: 400 };
    for (let i = 0; i < 6; i++) {
      const res = await app.http.get(`/api/customers/${customerId}/orders`).set(admin);
      expect(res.status).toBe(502);
      expect(res.body.errors).toEqual([{ field: 'service', message: 'Order Service rejected the request CRMS sent.' }]);
    }
    expect((await app.http.get('/health/ready')).body.data.checks.services.order).toEqual({ breaker: 'closed' });
    // each refusal is a single call: nothing to retry
    expect(siblings.order.received('/api/admin/orders')).toHaveLength(6);
    siblings.order.mode = { kind: 'normal' };
    expect((await app.http.get(`/api/customers/${customerId}/orders`).set(admin)).status).toBe(200);
  });
});

describe('When a log line is about a sibling', () => {
  test("then it names the sibling in `sibling`, and `service` stays the service's own name (one key each)", async () => {
    const { customerId } = await createCustomer(app.http);
    siblings.complaint.mode = { kind: 'status', status: 503 };
    expect((await app.http.get(`/api/customers/${customerId}/complaints`).set(admin)).status).toBe(502);
    const about = app.lines.filter((line) => line.includes('Complaint Service'));
    const messages = about.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(expect.arrayContaining(['sibling call failed', 'sibling circuit breaker changed state']));
    for (const line of about) {
      expect(line.match(/"service":/g)).toHaveLength(1);
      expect(JSON.parse(line)).toMatchObject({ service: 'customer-service', sibling: 'Complaint Service' });
    }
  });
});
