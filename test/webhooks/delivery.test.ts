import { WebhookClient } from '../../src/clients/webhook-client.js';
import { TestClock } from '../support/clock.js';
import { createCustomer } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';
import { subscribedReceiver, WebhookReceiver } from '../support/webhook-receiver.js';

/** Deliveries survive a failing, hanging or absent receiver, in order; SSRF; secret rotation. */
let t: TestApp;
const clock = new TestClock();
const admin = bearer(adminToken());
const HOUR = 3600 * 1000;

beforeAll(async () => {
  t = await startTestApp(
    {
      WEBHOOK_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '500',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      RATE_LIMIT_MAX: '100000',
    },
    { clock },
  );
  t.container.startBackgroundWork();
});
afterAll(() => t.close());

const receiverWithSubscription = (eventTypes = ['customer.created', 'customer.updated']) => subscribedReceiver(t.http, eventTypes);

/** A customer and three profile changes: events 1 (created) to 4 (updated). */
async function customerWithChanges(): Promise<string> {
  const { customerId } = await createCustomer(t.http);
  for (const tag of ['a', 'b', 'c'])
    await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({ tags: [tag] })
      .expect(200);
  return customerId;
}

const deliveryLog = async (subscriptionId: string) =>
  (await t.http.get(`/api/webhooks/subscriptions/${subscriptionId}/deliveries?limit=100`).set(admin)).body.data.deliveries as {
    eventId: string;
    customerId: string;
    sequence: number;
    status: string;
    attempts: number;
    log: { outcome: string; statusCode?: number; error?: string; responseBody?: string }[];
  }[];

describe('When a receiver fails, hangs or is down', () => {
  test.each([
    ['answers 500', 'fail' as const],
    ['times out', 'hang' as const],
  ])('When the receiver %s for a while, then after it recovers it gets every event once, in sequence order', async (_name, mode) => {
    const { receiver, subscriptionId } = await receiverWithSubscription();
    receiver.mode = mode;
    const customerId = await customerWithChanges();
    // only the customer's first event is tried: the later ones wait for it
    const log = await eventually(
      async () => {
        const entries = await deliveryLog(subscriptionId);
        return entries.find((d) => d.sequence === 1 && d.attempts >= 1) && entries;
      },
      { what: 'a failed first attempt' },
    );
    const first = log.find((d) => d.sequence === 1);
    expect(first?.status).toBe('pending');
    expect(first?.log[0]).toMatchObject(
      mode === 'fail'
        ? { outcome: 'failed', statusCode: 500, responseBody: 'receiver is failing' }
        : { outcome: 'failed', error: expect.stringContaining('timed out') },
    );
    expect(new Set(receiver.requests)).toEqual(new Set([`evt_${customerId}_1`]));

    receiver.mode = 'ok';
    clock.advance(HOUR);
    const events = await eventually(() => receiver.of(customerId).length >= 4 && receiver.of(customerId), { what: 'four events' });
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    await receiver.stop();
  });

  test('When the receiver is down for a while, then after it is back it gets every event once, in order', async () => {
    const { receiver, subscriptionId } = await receiverWithSubscription();
    await receiver.stop();
    const customerId = await customerWithChanges();
    await eventually(async () => (await deliveryLog(subscriptionId)).find((d) => d.sequence === 1 && d.log[0]?.error), {
      what: 'a refused connection',
    });
    await receiver.start();
    clock.advance(HOUR);
    const events = await eventually(() => receiver.of(customerId).length >= 4 && receiver.of(customerId), { what: 'four events' });
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    await receiver.stop();
  });

  test('When deliveries fail for longer than the retry horizon, then the subscription is disabled with the reason, and resuming it delivers what waited', async () => {
    const { receiver, subscriptionId } = await receiverWithSubscription();
    receiver.mode = 'fail';
    const { customerId } = await createCustomer(t.http);
    await eventually(async () => (await deliveryLog(subscriptionId)).some((d) => d.attempts >= 1), { what: 'a first failure' });
    clock.advance(73 * HOUR);
    const disabled = await eventually(
      async () => {
        const got = await t.http.get(`/api/webhooks/subscriptions/${subscriptionId}`).set(admin);
        return got.body.data.status === 'disabled' && got.body.data;
      },
      { what: 'the subscription disabled' },
    );
    expect(disabled.disabledReason).toContain('HTTP 500');
    receiver.mode = 'ok';
    await t.http.patch(`/api/webhooks/subscriptions/${subscriptionId}`).set(admin).send({ status: 'active' }).expect(200);
    clock.advance(7 * HOUR);
    await eventually(() => receiver.of(customerId).length === 1, { what: 'the waiting event' });
    await receiver.stop();
  });

  test('When a subscription is paused, then its events wait and arrive in order once it is resumed', async () => {
    const { receiver, subscriptionId } = await receiverWithSubscription();
    await t.http.patch(`/api/webhooks/subscriptions/${subscriptionId}`).set(admin).send({ status: 'paused' }).expect(200);
    const customerId = await customerWithChanges();
    await eventually(async () => (await deliveryLog(subscriptionId)).filter((d) => d.customerId === customerId).length === 4, {
      what: 'four recorded deliveries',
    });
    expect(receiver.requests).toEqual([]);
    await t.http.patch(`/api/webhooks/subscriptions/${subscriptionId}`).set(admin).send({ status: 'active' }).expect(200);
    const events = await eventually(() => receiver.of(customerId).length >= 4 && receiver.of(customerId), { what: 'four events' });
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
    await receiver.stop();
  });
});

describe('When administrators manage subscriptions', () => {
  test('When a subscription lists only some event types, then only those arrive', async () => {
    const { receiver } = await receiverWithSubscription(['customer.status_changed']);
    const { customerId } = await createCustomer(t.http);
    await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({ tags: ['x'] })
      .expect(200);
    await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended', reason: 'Fraud check' }).expect(200);
    const events = await eventually(() => receiver.of(customerId).length >= 1 && receiver.of(customerId), { what: 'the status event' });
    expect(events.map((e) => [e.type, e.sequence])).toEqual([['customer.status_changed', 3]]);
    await receiver.stop();
  });

  test('When a test event is sent and then redelivered, then it arrives twice with the same id, signed', async () => {
    const { receiver, subscriptionId } = await receiverWithSubscription();
    const sent = await t.http.post(`/api/webhooks/subscriptions/${subscriptionId}/test`).set(admin).expect(202);
    const eventId = sent.body.data.eventId as string;
    await eventually(() => receiver.received.length === 1, { what: 'the test event' });
    expect(receiver.received[0]).toMatchObject({ id: eventId, type: 'webhook.test', sequence: 0 });
    const again = await t.http.post(`/api/webhooks/subscriptions/${subscriptionId}/redeliver`).set(admin).send({ eventId }).expect(202);
    expect(again.body.data.scheduled).toBe(1);
    await eventually(() => receiver.received.length === 2, { what: 'the redelivery' });
    expect(receiver.received.map((e) => e.id)).toEqual([eventId, eventId]);
    const since = await t.http
      .post(`/api/webhooks/subscriptions/${subscriptionId}/redeliver`)
      .set(admin)
      .send({ since: new Date(clock.now().getTime() - HOUR).toISOString() })
      .expect(202);
    expect(since.body.data.scheduled).toBe(1);
    await eventually(() => receiver.received.length === 3, { what: 'the redelivery since a time' });
    await receiver.stop();
  });

  test('When the secret is rotated, then deliveries verify under both secrets for the overlap and under the new one only after it', async () => {
    const { receiver, subscriptionId } = await receiverWithSubscription();
    const rotated = await t.http.post(`/api/webhooks/subscriptions/${subscriptionId}/rotate-secret`).set(admin).expect(200);
    const newSecret = rotated.body.data.secret as string;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(receiver.secrets[0]);
    receiver.secrets.push(newSecret);
    await t.http.post(`/api/webhooks/subscriptions/${subscriptionId}/test`).set(admin).expect(202);
    await eventually(() => receiver.received.length === 1, { what: 'a delivery in the overlap' });
    expect(receiver.received[0]?.verifiedBy).toEqual([0, 1]);
    clock.advance(25 * HOUR);
    await t.http.post(`/api/webhooks/subscriptions/${subscriptionId}/test`).set(admin).expect(202);
    await eventually(() => receiver.received.length === 2, { what: 'a delivery after the overlap' });
    expect(receiver.received[1]?.verifiedBy).toEqual([1]);
    await receiver.stop();
  });

  test.each([
    ['a private address', 'https://10.0.0.5/hooks'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', 'http://[::1]:8080/hooks'],
    ['a host that does not resolve', 'https://no-such-host.invalid/hooks'],
    ['another scheme', 'ftp://example.com/hooks'],
  ])('When a subscription names %s, then it is refused with 400 naming the url', async (_name, url) => {
    const res = await t.http
      .post('/api/webhooks/subscriptions')
      .set(admin)
      .send({ url, eventTypes: ['customer.created'] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('url');
  });

  test('When the receiver name resolves to loopback at delivery time and is not allow-listed, then the connection is refused before anything is sent', async () => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    const client = new WebhookClient({ allowHttp: true, allowedHosts: [] });
    const answer = await client.post({ url: receiver.url.replace('127.0.0.1', 'localhost'), body: '{}', headers: {}, timeoutMs: 2000 });
    expect(answer.error).toMatch(/refused: .*loopback/);
    expect(answer.statusCode).toBeUndefined();
    expect(receiver.requests).toEqual([]);
    await receiver.stop();
  });

  test('When the service API key is used on a subscription route, then it is refused: only administrators manage subscriptions', async () => {
    const res = await t.http.get('/api/webhooks/subscriptions').set('X-Service-API-Key', TEST_API_KEY);
    expect(res.status).toBe(401);
  });

  test('When deliveries were attempted, then /metrics shows the backlog, the oldest age and attempts by outcome', async () => {
    const res = await t.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY).expect(200);
    expect(res.text).toMatch(/crms_webhook_backlog \d+/);
    expect(res.text).toMatch(/crms_webhook_oldest_undelivered_age_seconds [\d.e+-]+/);
    expect(res.text).toMatch(/crms_webhook_attempt_duration_seconds_count\{outcome="delivered"\} [1-9]/);
    expect(res.text).toMatch(/crms_webhook_attempt_duration_seconds_count\{outcome="failed"\} [1-9]/);
  });
});
