import { TestClock } from '../support/clock.js';
import { eventually } from '../support/eventually.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer, customerToken } from '../support/tokens.js';
import type { StubMode, StubServer } from './support/stub-server.js';
import { startSiblings, type Siblings } from './support/siblings.js';

const admin = bearer(adminToken());
const DEADLINE_MS = 600;

let siblings: Siblings;
beforeAll(async () => {
  siblings = await startSiblings();
});
afterAll(() => siblings.close());
beforeEach(() => siblings.reset());

/** One app per test: breakers are per process, so each test starts from closed ones. */
async function withApp<T>(fn: (t: TestApp) => Promise<T>, env: Record<string, string> = {}, clock?: TestClock): Promise<T> {
  const t = await startTestApp({ ...siblings.env, SERVICE_TIMEOUT: String(DEADLINE_MS / 1000), ...env }, clock ? { clock } : {});
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

const UNAVAILABLE = (service: string) => `${service} is currently unavailable. Please try again later.`;
const UNUSABLE = (service: string) => `${service} answered with data CRMS cannot use.`;

/** How the sibling fails, and the `service` detail of the 502 that follows. */
const FAILURES: [string, StubMode, (service: string) => string][] = [
  ['answers 503', { kind: 'status', status: 503 }, UNAVAILABLE],
  ['answers 429', { kind: 'status', status: 429 }, UNAVAILABLE],
  ['answers a body outside its contract', { kind: 'malformed' }, UNUSABLE],
  ['answers HTML instead of JSON', { kind: 'non-json' }, UNUSABLE],
  ['answers a body over the size limit', { kind: 'oversized' }, UNUSABLE],
  // these two outlast the test's own timeout (2 min): only CRMS's deadline can produce the 502 in time
  ['is slower than the deadline', { kind: 'slow', delayMs: 600_000 }, UNAVAILABLE],
  ['never answers', { kind: 'hang' }, UNAVAILABLE],
];

type Answer = { status: number; body: { errors: { field: string; message: string }[] } };
/** Prepares what the call needs, then returns the call itself. */
type Target = { service: string; stub: () => StubServer; call: (t: TestApp) => Promise<() => Promise<Answer>> };

const TARGETS: Target[] = [
  {
    service: 'Order Service',
    stub: () => siblings.order,
    call: async (t) => {
      const { customerId } = await createCustomer(t.http);
      return async () => t.http.get(`/api/customers/${customerId}/orders`).set(admin);
    },
  },
  {
    service: 'Complaint Service',
    stub: () => siblings.complaint,
    call: async (t) => {
      const { customerId } = await createCustomer(t.http);
      return async () => t.http.get(`/api/customers/${customerId}/complaints`).set(admin);
    },
  },
  {
    service: 'Auth Service',
    stub: () => siblings.auth,
    call: async (t) => {
      await t.http.get('/health');
      return async () => t.http.get('/api/customers/me').set(bearer(customerToken('cccccccccccccccccccccccc')));
    },
  },
];

describe.each(TARGETS)('When the $service fails', ({ service, stub, call }) => {
  test.each(FAILURES)(
    `when it %s, then the answer is a bad gateway naming the ${service}, within the deadline`,
    async (_label, mode, detail) => {
      await withApp(async (t) => {
        siblings.auth.addUser({ _id: 'cccccccccccccccccccccccc', email: 'heal@example.com', fullName: 'Heal Me' });
        const send = await call(t);
        stub().mode = mode;
        const res = await send();
        expect(res.status).toBe(502);
        expect(res.body.errors).toEqual([{ field: 'service', message: detail(service) }]);
      });
    },
  );
});

describe('When a sibling call fails and is retried', () => {
  test('when a GET is answered with 5xx, then it is tried 3 times in all, then a bad gateway', async () => {
    await withApp(async (t) => {
      const { customerId } = await createCustomer(t.http);
      siblings.order.mode = { kind: 'status', status: 500 };
      const res = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
      expect(res.status).toBe(502);
      expect(siblings.order.received('/api/admin/orders')).toHaveLength(3);
    });
  });

  test('when a GET fails once with 503, then it succeeds on the retry', async () => {
    await withApp(async (t) => {
      const { customerId } = await createCustomer(t.http);
      siblings.complaint.failTimes(1, { kind: 'status', status: 503 });
      const res = await t.http.get(`/api/customers/${customerId}/complaints`).set(admin);
      expect(res.status).toBe(200);
      expect(siblings.complaint.requests).toHaveLength(2);
    });
  });

  test('then Retry-After is honoured, and one that would overrun the deadline stops the retries', async () => {
    await withApp(
      async (t) => {
        const { customerId } = await createCustomer(t.http);
        // an hour's wait inside a 60 s deadline, longer than the test's own timeout (2 min): waiting
        // for it, or for the deadline, would time the test out; only refusing to retry answers
        siblings.order.mode = { kind: 'status', status: 429, retryAfter: '3600' };
        const res = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
        expect(res.status).toBe(502);
        expect(res.body.errors).toEqual([{ field: 'service', message: UNAVAILABLE('Order Service') }]);
        expect(siblings.order.requests).toHaveLength(1);
      },
      { SERVICE_TIMEOUT: '60' },
    );
    const clock = new TestClock();
    await withApp(
      async (t) => {
        const { customerId } = await createCustomer(t.http);
        siblings.order.reset();
        siblings.order.failTimes(1, { kind: 'status', status: 429, retryAfter: '1' });
        const answer = t.http
          .get(`/api/customers/${customerId}/orders`)
          .set(admin)
          .then((res) => res);
        // CRMS waits the second the Order Service asked for, on its clock, before asking again
        await eventually(() => clock.waiting().length === 1 && siblings.order.requests.length === 1, { what: 'CRMS waiting to retry' });
        clock.advance(999);
        expect(clock.waiting()).toEqual([1]);
        expect(siblings.order.requests).toHaveLength(1);
        clock.advance(1);
        const res = await answer;
        expect(res.status).toBe(200);
        expect(siblings.order.requests).toHaveLength(2);
      },
      { SERVICE_TIMEOUT: '10' },
      clock,
    );
  });

  test('then a PUT to the Auth Service is never retried by the client', async () => {
    await withApp(async (t) => {
      const { customerId, userId } = await createCustomer(t.http);
      siblings.auth.addUser({ _id: userId });
      siblings.auth.mode = { kind: 'status', status: 503 };
      const res = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended' });
      expect(res.status).toBe(200);
      expect(res.body.data.authSync).toBe('pending');
      expect(siblings.auth.stateCalls(userId)).toHaveLength(1);
    });
  });
});

describe('When a sibling keeps failing (circuit breaker)', () => {
  test('then the breaker opens after consecutive failures, short-circuits without calling, shows in readiness, and recovers half-open', async () => {
    const clock = new TestClock();
    await withApp(
      async (t) => {
        const { customerId } = await createCustomer(t.http);
        expect((await t.http.get('/health/ready')).body.data.checks.services).toEqual({
          auth: { breaker: 'closed' },
          order: { breaker: 'closed' },
          complaint: { breaker: 'closed' },
        });
        siblings.order.mode = { kind: 'status', status: 500 };
        // 3 failed attempts of the first call, the 4th failure of the second call opens the breaker
        expect((await t.http.get(`/api/customers/${customerId}/orders`).set(admin)).status).toBe(502);
        expect((await t.http.get(`/api/customers/${customerId}/orders`).set(admin)).status).toBe(502);
        expect(siblings.order.requests).toHaveLength(4);
        const ready = await t.http.get('/health/ready');
        expect(ready.status).toBe(200);
        expect(ready.body.data.checks.services.order).toEqual({ breaker: 'open' });
        expect(ready.body.data.checks.services.complaint).toEqual({ breaker: 'closed' });

        // the sibling answers again, but the open breaker does not ask it until the half-open wait passed
        siblings.order.mode = { kind: 'normal' };
        clock.advance(29_999);
        const shortCircuited = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
        expect(shortCircuited.status).toBe(502);
        expect(shortCircuited.body.errors[0].message).toBe('Order Service is currently unavailable. Please try again later.');
        expect(siblings.order.requests).toHaveLength(4);
        expect((await t.http.get('/health/ready')).body.data.checks.services.order).toEqual({ breaker: 'open' });

        clock.advance(1);
        const trial = await t.http.get(`/api/customers/${customerId}/orders`).set(admin);
        expect(trial.status).toBe(200);
        expect(siblings.order.requests).toHaveLength(5);
        expect((await t.http.get('/health/ready')).body.data.checks.services.order).toEqual({ breaker: 'closed' });
      },
      { SERVICE_BREAKER_THRESHOLD: '4', SERVICE_BREAKER_HALF_OPEN_SECONDS: '30' },
      clock,
    );
  });

  test('when the sibling answers a 4xx, then that is not a failure and the breaker stays closed', async () => {
    await withApp(
      async (t) => {
        const { customerId } = await createCustomer(t.http);
        siblings.order.mode = { kind: 'status', status: 403 };
        for (let i = 0; i < 3; i++) expect((await t.http.get(`/api/customers/${customerId}/orders`).set(admin)).status).toBe(403);
        expect((await t.http.get('/health/ready')).body.data.checks.services.order).toEqual({ breaker: 'closed' });
      },
      { SERVICE_BREAKER_THRESHOLD: '2' },
    );
  });
});
