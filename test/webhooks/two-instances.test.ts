import { createCustomer } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { startInstance, startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/** Two CRMS instances on one database deliver each event once, in each customer's order. */
const env = { WEBHOOK_INTERVAL_MS: '20', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', RATE_LIMIT_MAX: '100000' };
let a: TestApp;
let b: TestApp;
const receiver = new WebhookReceiver();
const admin = bearer(adminToken());

beforeAll(async () => {
  await receiver.start();
  a = await startTestApp(env);
  b = await startInstance(a.config.mongo.dbName, env);
  a.container.startBackgroundWork();
  b.container.startBackgroundWork();
});
afterAll(async () => {
  await b.close();
  await a.close();
  await receiver.stop();
});

test('When two instances deliver concurrently, then every event arrives exactly once and each customer’s in sequence order', async () => {
  const res = await a.http
    .post('/api/webhooks/subscriptions')
    .set(admin)
    .send({ url: receiver.url, eventTypes: ['customer.created', 'customer.updated'] });
  receiver.secrets.push(res.body.data.secret as string);
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const { customerId } = await createCustomer(i % 2 ? a.http : b.http);
    ids.push(customerId);
    await (i % 2 ? b.http : a.http)
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({ tags: [`t${i}`] })
      .expect(200);
  }
  await eventually(() => receiver.received.length >= 20, { what: 'twenty events', timeout: 20_000 });
  expect(receiver.requests).toHaveLength(new Set(receiver.requests).size);
  expect(receiver.received).toHaveLength(20);
  for (const id of ids) expect(receiver.of(id).map((e) => e.sequence)).toEqual([1, 2]);
});
