import { createCustomer } from '../support/fixtures.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { ADMIN_ID, TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { startSiblings, type Siblings } from '../siblings/support/siblings.js';

/** Every event type reaches a subscribed receiver once per change, signed, in sequence. */
let siblings: Siblings;
let t: TestApp;
const receiver = new WebhookReceiver();
const admin = bearer(adminToken());
const ALL_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.status_changed',
  'customer.type_changed',
  'customer.note_added',
  'customer.statistics_changed',
  'customer.erased',
  'customer.deleted',
];

beforeAll(async () => {
  siblings = await startSiblings({ SERVICE_BREAKER_THRESHOLD: '100' });
  await receiver.start();
  t = await startTestApp({ ...siblings.env, WEBHOOK_INTERVAL_MS: '50', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  t.container.startBackgroundWork();
});
afterAll(async () => {
  await t.close();
  await receiver.stop();
  await siblings.close();
});

async function subscribe(eventTypes: string[], url = receiver.url) {
  const res = await t.http.post('/api/webhooks/subscriptions').set(admin).send({ url, eventTypes, description: 'test receiver' });
  expect(res.status).toBe(201);
  receiver.secrets.push(res.body.data.secret);
  return res.body.data as { subscription: { subscriptionId: string }; secret: string };
}

describe('When a customer changes in every way an event names', () => {
  test('When a customer goes through every kind of change, then each event arrives once, signed, with the customer sequence 1, 2, 3, … and the state after the change', async () => {
    const { subscription } = await subscribe(ALL_TYPES);
    const { customerId, userId } = await createCustomer(t.http, { fullName: 'Asha Rao', email: 'asha.rao@example.com' });
    siblings.auth.addUser({ _id: userId, email: 'asha.rao@example.com', fullName: 'Asha Rao', isActive: true });
    await t.http
      .put(`/api/customers/${customerId}`)
      .set(admin)
      .send({ tags: ['mumbai'], preferences: { language: 'hi' } })
      .expect(200);
    await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended', reason: 'Chargebacks' }).expect(200);
    await t.http.patch(`/api/customers/${customerId}/type`).set(admin).send({ customerType: 'VIP', reason: 'Spend' }).expect(200);
    await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'Called' }).expect(201);
    const stats = await t.http
      .patch(`/api/customers/internal/${customerId}/statistics`)
      .set('X-Service-API-Key', TEST_API_KEY)
      .send({ totalOrders: 2, totalOrderValue: 99.5 });
    expect(stats.status).toBe(200);
    // delivered before the erasure, the events show the data as it was (after it, they are redacted)
    await eventually(() => receiver.of(customerId).length >= 6, { what: 'the events before the erasure', timeout: 20_000 });
    await t.http.post(`/api/customers/${customerId}/erase`).set(admin).send({ reason: 'Customer request' }).expect(200);
    await t.http.delete(`/api/customers/${customerId}`).set(admin).expect(200);

    const events = await eventually(() => receiver.of(customerId).length >= 9 && receiver.of(customerId), {
      what: 'nine events',
      timeout: 20_000,
    });
    expect(events.map((e) => e.type)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.status_changed',
      'customer.type_changed',
      'customer.note_added',
      'customer.statistics_changed',
      'customer.status_changed',
      'customer.erased',
      'customer.deleted',
    ]);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(events.map((e) => e.id)).size).toBe(9);
    expect(events.every((e) => e.headers['webhook-id'] === e.id)).toBe(true);
    expect(receiver.unverified).toBe(0);

    const [created, updated, suspended, typed, noted, statistics, , erased, deleted] = events;
    expect(created?.actor).toEqual({ type: 'service' });
    expect(created?.data['customer']).toMatchObject({ customerId, fullName: 'Asha Rao', customerStatus: 'Active' });
    expect(updated?.data['customer']).toMatchObject({ tags: ['mumbai'], preferences: expect.objectContaining({ language: 'hi' }) });
    expect(updated?.actor).toEqual({ type: 'user', id: ADMIN_ID });
    expect(suspended?.data['change']).toMatchObject({ from: 'Active', to: 'Suspended', reason: 'Chargebacks' });
    expect(suspended?.data['customer']).toMatchObject({ customerStatus: 'Suspended' });
    expect(typed?.data['change']).toMatchObject({ from: 'Regular', to: 'VIP' });
    expect(noted?.data['change']).toMatchObject({ noteId: expect.any(String) });
    expect(statistics?.data['change']).toMatchObject({ fields: expect.arrayContaining(['totalOrders', 'totalOrderValue']) });
    expect(statistics?.data['customer']).toMatchObject({ totalOrders: 2, totalOrderValue: 99.5 });
    expect(erased?.data['customer']).toMatchObject({ fullName: 'Erased Customer', customerStatus: 'Inactive' });
    expect(deleted?.data['customer']).toBeUndefined();
    // the event's ETag is the record's after that change: the one GET answered right after it
    expect(suspended?.data['etag']).toBe(`"${customerId}-${String(suspended?.data['version'])}"`);

    const log = await t.http.get(`/api/webhooks/subscriptions/${subscription.subscriptionId}/deliveries?limit=100`).set(admin).expect(200);
    const mine = (
      log.body.data.deliveries as { customerId: string; status: string; log: { outcome: string; statusCode: number }[] }[]
    ).filter((d) => d.customerId === customerId);
    expect(mine).toHaveLength(9);
    expect(mine.every((d) => d.status === 'delivered' && d.log[0]?.outcome === 'delivered' && d.log[0]?.statusCode === 204)).toBe(true);
  });
});
