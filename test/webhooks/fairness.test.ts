import { createCustomer } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { subscribedReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * One subscription's backlog never holds up another's, and a backlog larger than one pass of the
 * worker (50 deliveries) is worked off pass after pass, not one pass per interval.
 */
const admin = bearer(adminToken());
const receivers: WebhookReceiver[] = [];
const apps: TestApp[] = [];
/** More than one pass of the delivery worker takes. */
const BACKLOG = 60;

async function app(overrides: Record<string, string>): Promise<TestApp> {
  const t = await startTestApp({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', RATE_LIMIT_MAX: '100000', ...overrides });
  t.container.startBackgroundWork();
  apps.push(t);
  return t;
}

async function subscribe(t: TestApp, eventTypes: string[]) {
  const subscribed = await subscribedReceiver(t.http, eventTypes);
  receivers.push(subscribed.receiver);
  return subscribed;
}

const setStatus = (t: TestApp, subscriptionId: string, status: 'active' | 'paused') =>
  t.http.patch(`/api/webhooks/subscriptions/${subscriptionId}`).set(admin).send({ status }).expect(200);

/** One customer and BACKLOG - 1 profile changes: BACKLOG events of one customer, in sequence. */
async function busyCustomer(t: TestApp): Promise<string> {
  const { customerId } = await createCustomer(t.http);
  for (let i = 1; i < BACKLOG; i++) {
    await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({ tags: [`t${i}`] })
      .expect(200);
  }
  return customerId;
}

const pendingCount = async (t: TestApp, subscriptionId: string) =>
  (
    (await t.http.get(`/api/webhooks/subscriptions/${subscriptionId}/deliveries?limit=100`).set(admin).expect(200)).body.data
      .deliveries as { status: string }[]
  ).filter((d) => d.status === 'pending').length;

/** A type change on a fresh customer, and the receiver that must get it. */
async function expectDeliveredBeside(t: TestApp, other: { receiver: WebhookReceiver }) {
  const { customerId } = await createCustomer(t.http);
  await t.http.patch(`/api/customers/${customerId}/type`).set(admin).send({ customerType: 'VIP', reason: 'Spend' }).expect(200);
  const [event] = await eventually(() => other.receiver.of(customerId).length > 0 && other.receiver.of(customerId), {
    what: "the other subscription's event",
    timeout: 30_000,
  });
  expect(event?.type).toBe('customer.type_changed');
}

afterAll(async () => {
  await Promise.all(apps.map((t) => t.close()));
  await Promise.all(receivers.map((r) => r.stop()));
});

describe('When one subscription has a backlog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await app({ WEBHOOK_INTERVAL_MS: '50' });
  });

  test('When a paused subscription has more events waiting than one pass takes, then an active subscription still gets its events', async () => {
    const paused = await subscribe(t, ['customer.created', 'customer.updated']);
    await setStatus(t, paused.subscriptionId, 'paused');
    const other = await subscribe(t, ['customer.type_changed']);
    await busyCustomer(t);
    expect(await pendingCount(t, paused.subscriptionId)).toBeGreaterThanOrEqual(50);

    await expectDeliveredBeside(t, other);
    expect(paused.receiver.requests).toEqual([]);
    await setStatus(t, paused.subscriptionId, 'paused');
  });

  test('When a receiver keeps failing with more events queued than one pass takes, then another subscription still gets its events', async () => {
    const failing = await subscribe(t, ['customer.created', 'customer.updated']);
    failing.receiver.mode = 'fail';
    const other = await subscribe(t, ['customer.type_changed']);
    const customerId = await busyCustomer(t);
    await eventually(() => failing.receiver.requests.length > 0, { what: 'a failed first attempt' });

    await expectDeliveredBeside(t, other);
    // only the customer's first event was tried: the later ones wait for it, in order
    const tried = failing.receiver.requests.filter((id) => id.startsWith(`evt_${customerId}_`));
    expect(new Set(tried)).toEqual(new Set([`evt_${customerId}_1`]));
    await setStatus(t, failing.subscriptionId, 'paused');
  });
});

test('When more deliveries are due than one pass takes, then the worker goes on at once instead of waiting for its interval', async () => {
  // an interval no wait in this test can reach: only passes that follow each other at once deliver the backlog
  const t = await app({ WEBHOOK_INTERVAL_MS: '3600000' });
  const { receiver, subscriptionId } = await subscribe(t, ['customer.created']);
  await setStatus(t, subscriptionId, 'paused');
  const ids: string[] = [];
  for (let i = 0; i < 2 * BACKLOG; i++) ids.push((await createCustomer(t.http)).customerId);
  await setStatus(t, subscriptionId, 'active');

  await eventually(() => new Set(receiver.received.map((e) => e.customerId)).size === ids.length, {
    what: `${ids.length} events`,
    timeout: 90_000,
  });
  expect(new Set(receiver.received.map((e) => e.customerId))).toEqual(new Set(ids));
});
