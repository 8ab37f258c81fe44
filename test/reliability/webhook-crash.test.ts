import supertest from 'supertest';
import { createCustomer } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { dropTestDatabase, testEnv } from '../support/harness.js';
import { startCrmsProcess, type CrmsProcess } from '../support/process.js';
import { adminToken, bearer } from '../support/tokens.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * CRMS killed (SIGKILL) while a delivery is in flight, and started again on the same
 * database, delivers every event: the killed process's claim expires (its lease is the attempt's
 * timeout plus a grace) and the new process sends the held event again, then the rest, in order.
 */
const env = testEnv({
  WEBHOOK_INTERVAL_MS: '50',
  // long enough that the first attempt is still waiting for its answer when the process is killed
  WEBHOOK_TIMEOUT_MS: '4000',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  RATE_LIMIT_MAX: '100000',
  LOG_LEVEL: 'warn',
}) as Record<string, string>;
const admin = bearer(adminToken());
const receiver = new WebhookReceiver();
let first: CrmsProcess | undefined;
let second: CrmsProcess | undefined;

beforeAll(() => receiver.start());
afterAll(async () => {
  await first?.kill();
  await second?.stop();
  await receiver.stop();
  await dropTestDatabase(env['MONGODB_DB_NAME']);
});

/** A failure says what the processes logged (a process that died on its own, for example). */
async function withOutputs(scenario: () => Promise<void>): Promise<void> {
  try {
    await scenario();
  } catch (error) {
    const logged = `first CRMS:\n${first?.output() ?? ''}\nsecond CRMS:\n${second?.output() ?? ''}`;
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logged}`, { cause: error });
  }
}

test(
  'When CRMS is killed mid-delivery and started again, then every event is delivered at least once, in sequence order',
  () =>
    withOutputs(async () => {
      // the receiver holds its answer to the first delivery open: the process dies waiting for it
      receiver.mode = 'hang';
      first = await startCrmsProcess(env);
      const http = supertest(first.url);
      const res = await http
        .post('/api/webhooks/subscriptions')
        .set(admin)
        .send({ url: receiver.url, eventTypes: ['customer.created', 'customer.updated'] });
      expect(res.status).toBe(201);
      receiver.secrets.push(res.body.data.secret as string);

      const { customerId } = await createCustomer(http);
      for (const tag of ['a', 'b', 'c'])
        await http
          .put(`/api/customers/${customerId}`)
          .set(admin)
          .send({ tags: [tag] })
          .expect(200);

      await eventually(() => receiver.requests.length > 0, { what: 'the first delivery in flight', timeout: 20_000 });
      await first.kill();
      const held = receiver.requests[0];
      expect(receiver.received).toEqual([]);

      receiver.mode = 'ok';
      second = await startCrmsProcess(env);
      await eventually(() => new Set(receiver.of(customerId).map((e) => e.sequence)).size === 4, {
        what: 'events 1 to 4 after the restart',
        timeout: 40_000,
        interval: 100,
      });

      // the held event went out again with its id, and the events' first arrivals are in sequence order
      const arrived = receiver.of(customerId);
      expect(arrived[0]?.id).toBe(held);
      const firstArrivals = arrived.filter((e, i) => arrived.findIndex((x) => x.id === e.id) === i);
      expect(firstArrivals.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
      expect(firstArrivals.map((e) => e.type)).toEqual(['customer.created', 'customer.updated', 'customer.updated', 'customer.updated']);
      expect(receiver.unverified).toBe(0);
    }),
  90_000,
);
