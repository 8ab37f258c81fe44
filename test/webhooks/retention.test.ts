import { TestClock } from '../support/clock.js';
import { createCustomer } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { subscribedReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { startSiblings, type Siblings } from '../siblings/support/siblings.js';

/** What the events keep: an erasure reaches the events recorded before it; old events are deleted. */
let siblings: Siblings;
let t: TestApp;
const clock = new TestClock();
const admin = bearer(adminToken());
const receivers: WebhookReceiver[] = [];
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  siblings = await startSiblings({ SERVICE_BREAKER_THRESHOLD: '100' });
  t = await startTestApp(
    { ...siblings.env, WEBHOOK_INTERVAL_MS: '50', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETENTION_DAYS: '30' },
    { clock },
  );
  t.container.startBackgroundWork();
});
afterAll(async () => {
  await t.close();
  await Promise.all(receivers.map((r) => r.stop()));
  await siblings.close();
});

async function subscribe(eventTypes: string[], status: 'active' | 'paused' = 'active') {
  const subscribed = await subscribedReceiver(t.http, eventTypes, status);
  receivers.push(subscribed.receiver);
  return subscribed;
}

const deliveriesOf = async (subscriptionId: string, customerId: string) =>
  (
    (await t.http.get(`/api/webhooks/subscriptions/${subscriptionId}/deliveries?limit=100`).set(admin).expect(200)).body.data
      .deliveries as { customerId: string; sequence: number; status: string }[]
  ).filter((d) => d.customerId === customerId);

test('When a customer is erased while its earlier events still wait for delivery, then they arrive with the erased placeholders and none of the personal data', async () => {
  const { receiver, subscriptionId } = await subscribe(
    ['customer.created', 'customer.updated', 'customer.note_added', 'customer.erased'],
    'paused',
  );
  const personal = { fullName: 'Meera Iyer', email: 'meera.iyer@example.com', contactNumber: '+919876543210' };
  const { customerId, userId } = await createCustomer(t.http, personal);
  siblings.auth.addUser({ _id: userId, email: personal.email, fullName: personal.fullName, isActive: true });
  await t.http
    .put(`/api/customers/${customerId}`)
    .set(admin)
    .send({ tags: ['pune-vip'], notes: 'Calls after nine' })
    .expect(200);
  await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'Asked about a refund' }).expect(201);
  await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'Customer request' }).expect(200);
  await eventually(async () => (await deliveriesOf(subscriptionId, customerId)).length === 4, { what: 'four recorded deliveries' });

  await t.http.patch(`/api/webhooks/subscriptions/${subscriptionId}`).set(admin).send({ status: 'active' }).expect(200);
  const events = await eventually(() => receiver.of(customerId).length >= 4 && receiver.of(customerId), { what: 'four events' });

  expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.updated', 'customer.note_added', 'customer.erased']);
  const delivered = JSON.stringify(events.map((e) => e.data));
  for (const value of [personal.fullName, personal.email, personal.contactNumber, 'pune-vip', 'Calls after nine', 'Asked about a refund']) {
    expect(delivered).not.toContain(value);
  }
  const [created, , noted] = events;
  expect(created?.data['customer']).toMatchObject({ customerId, fullName: 'Erased Customer', customerStatus: 'Active' });
  expect((created?.data['customer'] as Record<string, unknown>)['contactNumber']).toBeUndefined();
  expect(noted?.data['customer']).toMatchObject({ fullName: 'Erased Customer', tags: [] });
  expect(receiver.unverified).toBe(0);
  // what CRMS keeps of those events (for redelivery) holds no personal data either; a note keeps
  // its entry (who, when) with the erased text
  const stored = await t.database.db.collection('events').find({ customerId }).sort({ sequence: 1 }).toArray();
  expect(stored.map((e) => e['sequence'])).toEqual([1, 2, 3, 4, 5]);
  for (const value of [personal.fullName, personal.email, personal.contactNumber, 'pune-vip', 'Calls after nine', 'Asked about a refund']) {
    expect(JSON.stringify(stored)).not.toContain(value);
  }
  expect(stored[2]?.['customer']).toMatchObject({
    noteHistory: [expect.objectContaining({ note: '[erased]', addedBy: expect.any(String) })],
  });
});

test('When events are older than the retention, then they are deleted with their deliveries, except those a subscription still waits for', async () => {
  const delivering = await subscribe(['customer.created']);
  const paused = await subscribe(['customer.updated'], 'paused');
  const { customerId } = await createCustomer(t.http);
  await t.http
    .put(`/api/customers/${customerId}`)
    .set(admin)
    .send({ tags: ['kept'] })
    .expect(200);
  await eventually(async () => (await deliveriesOf(delivering.subscriptionId, customerId))[0]?.status === 'delivered', {
    what: 'the creation delivered',
  });
  await eventually(async () => (await deliveriesOf(paused.subscriptionId, customerId)).length === 1, { what: 'the update waiting' });

  clock.advance(31 * DAY);
  await eventually(async () => (await deliveriesOf(delivering.subscriptionId, customerId)).length === 0, {
    what: 'the delivered event deleted',
  });
  expect(await deliveriesOf(paused.subscriptionId, customerId)).toMatchObject([{ sequence: 2, status: 'pending' }]);

  await t.http.patch(`/api/webhooks/subscriptions/${paused.subscriptionId}`).set(admin).send({ status: 'active' }).expect(200);
  const arrived = await eventually(() => paused.receiver.of(customerId).length >= 1 && paused.receiver.of(customerId), {
    what: 'the waiting event',
  });
  expect(arrived.map((e) => [e.type, e.sequence])).toEqual([['customer.updated', 2]]);
  expect(arrived[0]?.data['customer']).toMatchObject({ tags: ['kept'] });
});
