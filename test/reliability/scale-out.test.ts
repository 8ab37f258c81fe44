import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import supertest from 'supertest';
import { startSiblings, type Siblings } from '../siblings/support/siblings.js';
import { createCustomer } from '../support/fixtures.js';
import { dropTestDatabase, testEnv, testMongoUri } from '../support/harness.js';
import { summarise, timedFetch, type Sample } from '../support/load.js';
import { startCrmsProcess, type CrmsProcess } from '../support/process.js';
import { TEST_API_KEY, adminToken } from '../support/tokens.js';
import { MixedWorkload } from './workload.js';
import { eventually } from '../support/eventually.js';

/**
 * Two CRMS processes (production build) on one database and one Redis behind a round-robin client;
 * one of them is killed mid-load, and the Order Service is killed and brought back.
 * `SOAK=1` (make soak) runs the long version.
 */
const SOAK = process.env['SOAK'] === '1';
const LOAD_REQUESTS = SOAK ? 3_000 : 600;
const TIMEOUT = SOAK ? 240_000 : 180_000;

let siblings: Siblings;
let a: CrmsProcess;
let b: CrmsProcess | undefined;
let env: Record<string, string>;
const ids: string[] = [];
const userIds: string[] = [];
const admin = { Authorization: `Bearer ${adminToken()}`, 'Content-Type': 'application/json' };

beforeAll(async () => {
  siblings = await startSiblings({ SERVICE_TIMEOUT: '1', AUTH_SYNC_INTERVAL_MS: '200' });
  env = testEnv({
    ...siblings.env,
    ENVIRONMENT: 'production',
    RATE_LIMIT_MAX: '1000000',
    LOG_LEVEL: 'error',
    REDIS_URL: `${process.env['CRMS_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6390'}/3`,
  }) as Record<string, string>;
  // one after the other: FerretDB v1 drops the connection of a second concurrent createIndexes
  a = await startCrmsProcess(env);
  b = await startCrmsProcess(env);
  const http = supertest(a.url);
  for (let i = 0; i < 60; i++) {
    const created = await createCustomer(http, { fullName: `Scale Tester ${i}` });
    ids.push(created.customerId);
    userIds.push(created.userId);
    siblings.auth.addUser({ _id: created.userId, isActive: true });
  }
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await dropTestDatabase(env['MONGODB_DB_NAME']);
  await siblings?.close();
});

test('when an Idempotency-Key is retried against the other instance, then the update is applied once', async () => {
  const key = `order-${randomUUID()}`;
  const send = (url: string) =>
    timedFetch(`${url}/api/customers/internal/${ids[0]}/statistics`, {
      method: 'PATCH',
      headers: { 'X-Service-API-Key': TEST_API_KEY, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ increment: { totalOrders: 1 } }),
    });
  const first = await send(a.url);
  const retried = await send(b?.url ?? a.url);
  expect(first.status).toBe(200);
  expect(retried.status).toBe(200);
  expect(retried.body).toEqual(first.body);
  const got = await timedFetch(`${a.url}/api/customers/${ids[0]}`, { headers: admin });
  expect((got.body as { data: { totalOrders: number } }).data.totalOrders).toBe(1);
});

const instances = () => [a, b].filter((p): p is CrmsProcess => p !== undefined);

/** Completed passes of the instance's Auth-sync worker, from its /metrics. */
async function workerPasses(p: CrmsProcess): Promise<number> {
  const res = await fetch(`${p.url}/metrics`, { headers: { 'X-Service-API-Key': TEST_API_KEY } });
  const count = /^crms_auth_sync_passes_total (\d+)/m.exec(await res.text())?.[1];
  if (count === undefined) throw new Error('no crms_auth_sync_passes_total on /metrics');
  return Number(count);
}

test('when both instances leave Auth syncs pending, then each is delivered exactly once after Auth recovers', async () => {
  siblings.auth.mode = { kind: 'status', status: 503 };
  const targets = ids.slice(10, 20);
  for (const [i, id] of targets.entries()) {
    const url = i % 2 === 0 ? a.url : (b?.url ?? a.url);
    const res = await timedFetch(`${url}/api/customers/${id}/status`, {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ status: 'Suspended', reason: 'scale-out test' }),
    });
    expect(res.status).toBe(200);
    expect((res.body as { data: { authSync: string } }).data.authSync).toBe('pending');
  }
  const before = siblings.auth.requests.length;
  siblings.auth.mode = { kind: 'normal' };
  const targetUsers = userIds.slice(10, 20);
  const deliveries = (user: string) =>
    siblings.auth.requests.slice(before).filter((r) => r.method === 'PUT' && r.path === `/api/admin/users/${user}/deactivate`);
  await eventually(() => targetUsers.every((u) => deliveries(u).length > 0), {
    timeout: 30_000,
    interval: 250,
    what: 'a delivery per user',
  });
  // a second delivery would come from a worker pass in progress now: wait until every instance has
  // completed a pass that started after this point (its count grows by two)
  const seen = await Promise.all(instances().map(workerPasses));
  await eventually(async () => (await Promise.all(instances().map(workerPasses))).every((n, i) => n >= (seen[i] ?? 0) + 2), {
    timeout: 30_000,
    interval: 100,
    what: 'a complete Auth-sync pass on every instance',
  });
  for (const user of targetUsers) {
    expect({ user, deliveries: deliveries(user).length }).toEqual({ user, deliveries: 1 });
    expect(siblings.auth.users.get(user)?.isActive).toBe(false);
  }
  const client = new MongoClient(testMongoUri());
  try {
    const pending = await client.db(env['MONGODB_DB_NAME']).collection('customers').countDocuments({ 'authSync.status': 'pending' });
    expect(pending).toBe(0);
  } finally {
    await client.close();
  }
}, 60_000);

test(
  'when one instance is killed mid-load, then no acknowledged write is lost; when the Order Service is killed, then the answer is a fast 502 and it recovers',
  async () => {
    let turn = 0;
    const live = () => [a, b].filter((p): p is CrmsProcess => p !== undefined && p.child.exitCode === null && !p.child.killed);
    const workload = new MixedWorkload(() => {
      const processes = live();
      return processes[turn++ % processes.length]?.url ?? a.url;
    }, ids);
    const samples: Sample[] = [];
    const started = performance.now();
    const load = workload.run(60, { requests: LOAD_REQUESTS }, samples);
    await eventually(() => samples.length >= LOAD_REQUESTS / 3, { timeout: TIMEOUT / 2, what: 'a third of the load answered' });
    await b?.kill();
    // the Order Service dies too, for a while
    const orderPort = Number(new URL(siblings.order.url).port);
    await siblings.order.close();
    const during = await timedFetch(`${a.url}/api/customers/${ids[1]}/orders`, { headers: admin });
    expect(during.status).toBe(502);
    if (SOAK) expect(during.ms).toBeLessThan(2500);
    expect(during.body).toMatchObject({ success: false, errors: [{ field: 'service' }] });
    await siblings.order.start(orderPort);
    await load;
    console.log(`scale-out load: ${JSON.stringify(summarise(samples, performance.now() - started))}`);
    await eventually(async () => (await timedFetch(`${a.url}/api/customers/${ids[1]}/orders`, { headers: admin })).status === 200, {
      timeout: 30_000,
      interval: 300,
      what: 'order history answered again',
    });
    // the survivor answered everything it was asked with no server error
    expect(samples.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
    await workload.drainPending(45_000);
    expect(workload.pending.size).toBe(0);
    const client = new MongoClient(testMongoUri());
    try {
      const customers = client
        .db(env['MONGODB_DB_NAME'])
        .collection<{ _id: unknown; totalOrders: number; noteHistory: { note: string }[] }>('customers');
      for (const doc of await customers.find({}).toArray()) {
        const id = String(doc._id);
        const expected = (workload.ackedIncrements.get(id) ?? 0) + (id === ids[0] ? 1 : 0);
        expect({ id, totalOrders: doc.totalOrders }).toEqual({ id, totalOrders: expected });
        for (const note of workload.ackedNotes.get(id) ?? []) {
          expect(doc.noteHistory.filter((n) => n.note === note)).toHaveLength(1);
        }
      }
    } finally {
      await client.close();
    }
  },
  TIMEOUT,
);
