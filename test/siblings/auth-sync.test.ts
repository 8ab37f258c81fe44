import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { CommandStartedEvent } from 'mongodb';
import { AuthSyncOutbox } from '../../src/data/auth-sync-outbox.js';
import { CustomerRepository } from '../../src/data/customer-repository.js';
import { createWriteLocks } from '../../src/data/write-lock.js';
import { TestClock } from '../support/clock.js';
import { eventually } from '../support/eventually.js';
import { createCustomer } from '../support/fixtures.js';
import { startInstance, startTestApp, type TestApp } from '../support/harness.js';
import { ADMIN_ID, TEST_API_KEY, TEST_JWT_SECRET, adminToken, bearer } from '../support/tokens.js';
import { startSiblings, type Siblings } from './support/siblings.js';
import type { RecordedRequest } from './support/stub-server.js';

let siblings: Siblings;
const token = adminToken();
const admin = bearer(token);

beforeAll(async () => {
  siblings = await startSiblings();
});
afterAll(() => siblings.close());
beforeEach(() => siblings.reset());

const open: TestApp[] = [];
async function app(env: Record<string, string> = {}, clock?: TestClock): Promise<TestApp> {
  const t = await startTestApp({ ...siblings.env, ...env }, clock ? { clock } : {});
  open.push(t);
  return t;
}
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});
afterAll(async () => {
  for (const t of crashed) {
    const { connectDatabase } = await import('../../src/data/mongo.js');
    const d = await connectDatabase(t.config.mongo);
    await d.db.dropDatabase().catch(() => undefined);
    await d.client.close();
  }
});
const crashed: TestApp[] = [];

/** Stops an instance without dropping its database (a process that exits; its state stays in the DB). */
async function crash(t: TestApp): Promise<void> {
  open.splice(open.indexOf(t), 1);
  crashed.push(t);
  await t.container.stopBackgroundWork();
  await t.database.client.close();
}

const claimsOf = (request: RecordedRequest) =>
  jwt.verify(String(request.headers['authorization']).replace(/^Bearer /, ''), TEST_JWT_SECRET) as JwtPayload;

const syncState = async (t: TestApp, customerId: string) =>
  (await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data.authSync as {
    status: string;
    attempts: number;
    lastError?: string;
  };

/** Waits until the worker has delivered the customer's pending sync. */
const synced = (t: TestApp, customerId: string) =>
  eventually(async () => (await syncState(t, customerId)).status === 'synced', { what: `auth sync of ${customerId}` });

describe('When an administrator changes a status the Auth Service must know', () => {
  test("then it is delivered at once with the admin's own bearer and the request id, the answer says synced, and the ETag is current", async () => {
    const t = await app();
    const { customerId, userId } = await createCustomer(t.http);
    siblings.auth.addUser({ _id: userId });
    const res = await t.http
      .patch(`/api/customers/${customerId}/status`)
      .set(admin)
      .set('X-Request-Id', 'req-sync-1')
      .send({ status: 'Suspended', reason: 'Disputes' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ customerStatus: 'Suspended', previousStatus: 'Active', authSync: 'synced' });
    const [call] = siblings.auth.stateCalls(userId);
    expect(call?.action).toBe('deactivate');
    expect(call?.request.headers['authorization']).toBe(`Bearer ${token}`);
    expect(call?.request.headers['x-request-id']).toBe('req-sync-1');
    expect(siblings.auth.users.get(userId)?.isActive).toBe(false);
    // the ETag returned is the record's current one (the sync bookkeeping is included)
    const current = await t.http.get(`/api/customers/${customerId}`).set(admin);
    expect(res.headers['etag']).toBe(current.headers['etag']);
    expect(current.body.data.authSync).toMatchObject({ status: 'synced', desiredState: 'inactive' });

    const back = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Active' });
    expect(back.body.data.authSync).toBe('synced');
    expect(siblings.auth.stateCalls(userId).map((c) => c.action)).toEqual(['deactivate', 'activate']);
    expect(siblings.auth.users.get(userId)?.isActive).toBe(true);
  });

  test('when the user is already in the desired state (Auth answers "already …"), then it counts as synced', async () => {
    const t = await app();
    const { customerId, userId } = await createCustomer(t.http);
    siblings.auth.addUser({ _id: userId, isActive: false });
    const res = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Inactive' });
    expect(res.body.data.authSync).toBe('synced');
    expect(siblings.auth.stateCalls(userId)).toHaveLength(1);
    siblings.auth.users.get(userId)!.isActive = true;
    const back = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Active' });
    expect(back.body.data.authSync).toBe('synced');
  });

  test('when the status moves between Inactive and Suspended, then Auth is told nothing (the user stays deactivated)', async () => {
    const t = await app();
    const { customerId, userId } = await createCustomer(t.http);
    siblings.auth.addUser({ _id: userId });
    await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Inactive' });
    const res = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended' });
    expect(res.body.data).toMatchObject({ customerStatus: 'Suspended', authSync: 'synced' });
    expect(siblings.auth.stateCalls(userId)).toHaveLength(1);
  });

  test('when Auth is down, then the status is saved, the answer says pending, and the worker retries after the delay and delivers with a CRMS-signed token after recovery', async () => {
    const clock = new TestClock();
    const t = await app({}, clock);
    const { customerId, userId } = await createCustomer(t.http);
    siblings.auth.addUser({ _id: userId });
    siblings.auth.mode = { kind: 'status', status: 503 };
    const res = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ customerStatus: 'Suspended', authSync: 'pending' });
    const pending = await syncState(t, customerId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Auth Service: answered 503' });

    // the first retry waits half to all of the worker interval (jittered)
    const interval = t.config.authSyncIntervalMs;
    clock.advance(interval / 2 - 1);
    await t.services.authSync.runOnce();
    expect(siblings.auth.stateCalls(userId)).toHaveLength(1);
    clock.advance(interval / 2 + 1);
    await t.services.authSync.runOnce();
    expect(siblings.auth.stateCalls(userId)).toHaveLength(2);
    expect(await syncState(t, customerId)).toMatchObject({ status: 'pending', attempts: 2, lastError: 'Auth Service: answered 503' });
    expect(siblings.auth.users.get(userId)?.isActive).toBe(true);

    siblings.auth.mode = { kind: 'normal' };
    t.container.startBackgroundWork();
    clock.advance(2 * interval);
    await synced(t, customerId);

    expect(siblings.auth.users.get(userId)?.isActive).toBe(false);
    const delivered = siblings.auth.stateCalls(userId).at(-1);
    expect(delivered?.action).toBe('deactivate');
    expect(delivered?.request.headers['authorization']).not.toBe(`Bearer ${token}`);
    const claims = claimsOf(delivered!.request);
    expect(claims).toMatchObject({ userId: ADMIN_ID, role: 'Administrator', iss: 'crms' });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(60);
    expect(delivered?.request.headers['x-request-id']).toMatch(/^crms-auth-sync-/);
  });

  test('when the status is applied again after Auth recovered, then the pending sync is delivered at once and the answer says synced', async () => {
    const t = await app();
    const { customerId, userId } = await createCustomer(t.http);
    // the real Auth Service answers with its whole user: optional fields null, more than CRMS reads
    siblings.auth.addUser({ _id: userId, contactNumber: null, createdAt: null });
    siblings.auth.mode = { kind: 'status', status: 503 };
    const first = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended' });
    expect(first.body.data.authSync).toBe('pending');
    // still down: re-applying tries again and truthfully stays pending
    const stillDown = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended' });
    expect(stillDown.body.data).toMatchObject({ customerStatus: 'Suspended', previousStatus: 'Suspended', authSync: 'pending' });
    expect(await syncState(t, customerId)).toMatchObject({ status: 'pending', attempts: 2 });

    siblings.auth.mode = { kind: 'normal' };
    const calls = siblings.auth.stateCalls(userId).length;
    const again = await t.http
      .patch(`/api/customers/${customerId}/status`)
      .set(admin)
      .set('X-Request-Id', 'req-reapply')
      .send({ status: 'Suspended' });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ customerStatus: 'Suspended', previousStatus: 'Suspended', authSync: 'synced' });
    const delivered = siblings.auth.stateCalls(userId).slice(calls);
    expect(delivered.map((c) => c.action)).toEqual(['deactivate']);
    expect(delivered[0]?.request.headers['authorization']).toBe(`Bearer ${token}`);
    expect(siblings.auth.users.get(userId)?.isActive).toBe(false);
    const current = await t.http.get(`/api/customers/${customerId}`).set(admin);
    expect(current.body.data.authSync).toMatchObject({ status: 'synced', desiredState: 'inactive' });
    expect(again.headers['etag']).toBe(current.headers['etag']);
    // no status change was recorded by the re-applications
    expect(current.body.data.statusHistory).toHaveLength(1);
    // once synced, re-applying is a no-op that tells Auth nothing
    const noop = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended' });
    expect(noop.body.data.authSync).toBe('synced');
    expect(siblings.auth.stateCalls(userId).slice(calls)).toHaveLength(1);
  });

  test('when CRMS restarts with a sync pending, then the next instance delivers it', async () => {
    const first = await app();
    const { customerId, userId } = await createCustomer(first.http);
    siblings.auth.addUser({ _id: userId });
    siblings.auth.mode = { kind: 'hang' };
    const res = await first.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Inactive' });
    expect(res.body.data.authSync).toBe('pending');
    await crash(first);

    siblings.auth.mode = { kind: 'normal' };
    const second = await startInstance(first.config.mongo.dbName, siblings.env);
    open.unshift(second);
    second.container.startBackgroundWork();
    await synced(second, customerId);
    expect(siblings.auth.users.get(userId)?.isActive).toBe(false);
    expect(claimsOf(siblings.auth.stateCalls(userId).at(-1)!.request)).toMatchObject({ userId: ADMIN_ID, iss: 'crms' });
  });

  test('then only the latest desired state is sent, and two instances deliver it exactly once', async () => {
    const a = await app();
    const b = await startInstance(a.config.mongo.dbName, siblings.env);
    open.unshift(b);
    const customers = await Promise.all(Array.from({ length: 4 }, () => createCustomer(a.http)));
    for (const c of customers) siblings.auth.addUser({ _id: c.userId });
    siblings.auth.mode = { kind: 'status', status: 500 };
    for (const c of customers) {
      await a.http.patch(`/api/customers/${c.customerId}/status`).set(admin).send({ status: 'Inactive' });
      await b.http.patch(`/api/customers/${c.customerId}/status`).set(admin).send({ status: 'Active' });
      await a.http.patch(`/api/customers/${c.customerId}/status`).set(admin).send({ status: 'Suspended' });
    }
    const failedCalls = siblings.auth.requests.length;
    siblings.auth.mode = { kind: 'normal' };
    a.container.startBackgroundWork();
    b.container.startBackgroundWork();
    for (const c of customers) await synced(a, c.customerId);
    // both workers stopped, passes in flight finished: every delivery made is recorded
    await a.services.authSync.stop();
    await b.services.authSync.stop();
    const delivered = siblings.auth.requests.slice(failedCalls);
    // one delivery per customer, the latest decision (Suspended → deactivate), never a stale "activate"
    expect(delivered).toHaveLength(customers.length);
    for (const c of customers) {
      expect(delivered.filter((r) => r.path === `/api/admin/users/${c.userId}/deactivate`)).toHaveLength(1);
      expect(siblings.auth.users.get(c.userId)?.isActive).toBe(false);
    }
  });

  test('then claims are exclusive, and a delivery made stale by a newer decision is not marked synced', async () => {
    const t = await app();
    const { customerId, userId } = await createCustomer(t.http);
    siblings.auth.addUser({ _id: userId });
    siblings.auth.mode = { kind: 'status', status: 503 };
    await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Inactive' });
    const { db, isFerretDb } = t.database;
    const repo = new CustomerRepository(db, createWriteLocks(db, isFerretDb));
    const outbox = new AuthSyncOutbox(repo);
    const id = customerId;
    const doc = (await repo.findById(id))!;
    const later = new Date(Date.now() + 60_000);
    // two workers read the same entry: exactly one claim wins
    const claims = await Promise.all([outbox.claim(doc, 'worker-a', later), outbox.claim(doc, 'worker-b', later)]);
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    const owner = claims.find((c) => c !== null)!.authSync.claimedBy;
    // while worker "a" delivers "inactive", the admin reactivates (Auth still failing for that call)
    const back = await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Active' });
    expect(back.body.data.authSync).toBe('pending');
    expect(await outbox.markSynced(id, owner, 'inactive', new Date())).toBeNull();
    expect(await syncState(t, customerId)).toMatchObject({ status: 'pending', desiredState: 'active' });
    siblings.auth.mode = { kind: 'normal' };
    t.container.startBackgroundWork();
    await synced(t, customerId);
    expect(siblings.auth.stateCalls(userId).at(-1)?.action).toBe('activate');
    expect(siblings.auth.users.get(userId)?.isActive).toBe(true);
  });

  test('then the pass and the backlog find pending entries by equality on a top-level field, present only while the entry is pending', async () => {
    const clock = new TestClock();
    const t = await app({}, clock);
    const { customerId, userId } = await createCustomer(t.http);
    siblings.auth.addUser({ _id: userId });
    siblings.auth.mode = { kind: 'status', status: 503 };
    await t.http.patch(`/api/customers/${customerId}/status`).set(admin).send({ status: 'Suspended' });
    const customers = t.database.db.collection('customers');
    const stored = () => customers.findOne({ userId });
    expect((await stored())?.['authSyncPending']).toBe(true);
    // the lookup key is storage only: the API shows the entry, not the key
    const shown = (await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data as Record<string, unknown>;
    expect(shown['authSyncPending']).toBeUndefined();

    const backlog = async () =>
      /^crms_auth_sync_backlog (\d+)$/m.exec((await t.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY)).text)?.[1];

    const commands: CommandStartedEvent[] = [];
    const listener = (event: CommandStartedEvent) => commands.push(event);
    t.database.client.on('commandStarted', listener);
    expect(await backlog()).toBe('1');
    siblings.auth.mode = { kind: 'normal' };
    clock.advance(2 * t.config.authSyncIntervalMs);
    await t.services.authSync.runOnce();
    t.database.client.off('commandStarted', listener);

    const pass = commands.find((c) => c.commandName === 'find' && c.command['find'] === 'customers');
    expect(pass?.command['filter']).toMatchObject({ authSyncPending: true });
    const count = commands.find((c) => c.commandName === 'aggregate' && JSON.stringify(c.command['pipeline']).includes('authSyncPending'));
    expect(count?.command['pipeline'][0]).toEqual({ $match: { authSyncPending: true } });
    expect(await backlog()).toBe('0');
    expect(await syncState(t, customerId)).toMatchObject({ status: 'synced' });
    expect((await stored())?.['authSyncPending']).toBeUndefined();
  });
});
