import type { Express } from 'express';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { connectDatabase, type Database } from '../../src/data/mongo.js';
import { createLogger } from '../../src/logger.js';
import { createContainer, type Container } from '../../src/container.js';
import { eventually } from '../support/eventually.js';
import { MongoWireStub } from '../support/mongo-wire-stub.js';
import { testEnv } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

/**
 * What MongoDB answers during shutdowns, failovers and elections, sent on the wire by a stub
 * server (test/support/mongo-wire-stub.ts) to the real driver: every one is a 503 with the
 * envelope and `Retry-After`. An ordinary server error stays a 500, so the 503s are not a blanket.
 */
const admin = bearer(adminToken());
const CUSTOMER = '65a1b2c3d4e5f6a7b8c9d0e1';
const FERRETDB_STORAGE_DOWN =
  '[msg_find.go:344 handler.handleMaxTimeMSError] [collection.go:109 postgresql.(*collection).Query] failed to connect to ' +
  '`user=ferretdb database=ferretdb`:\n\t127.0.0.1:54417 (127.0.0.1): dial error: dial tcp 127.0.0.1:54417: connect: connection refused';

const UNAVAILABLE: [string, Record<string, unknown>][] = [
  ['ShutdownInProgress', { code: 91, codeName: 'ShutdownInProgress', errmsg: 'The server is in quiesce mode and will shut down' }],
  ['InterruptedAtShutdown', { code: 11600, codeName: 'InterruptedAtShutdown', errmsg: 'interrupted at shutdown' }],
  ['NotWritablePrimary', { code: 10107, codeName: 'NotWritablePrimary', errmsg: 'not primary' }],
  ['PrimarySteppedDown', { code: 189, codeName: 'PrimarySteppedDown', errmsg: 'primary stepped down' }],
  ['NotPrimaryNoSecondaryOk', { code: 13435, codeName: 'NotPrimaryNoSecondaryOk', errmsg: 'not primary and secondaryOk=false' }],
  [
    'NotPrimaryOrSecondary',
    { code: 13436, codeName: 'NotPrimaryOrSecondary', errmsg: 'not primary or secondary; cannot currently read from this replSet member' },
  ],
  ['InterruptedDueToReplStateChange', { code: 11602, codeName: 'InterruptedDueToReplStateChange', errmsg: 'operation was interrupted' }],
  ['HostUnreachable', { code: 6, codeName: 'HostUnreachable', errmsg: 'host unreachable' }],
  ['HostNotFound', { code: 7, codeName: 'HostNotFound', errmsg: 'host not found' }],
  ['NetworkTimeout', { code: 89, codeName: 'NetworkTimeout', errmsg: 'network timeout' }],
  ['SocketException', { code: 9001, codeName: 'SocketException', errmsg: 'socket exception' }],
  ['ExceededTimeLimit', { code: 262, codeName: 'ExceededTimeLimit', errmsg: 'exceeded time limit' }],
  ['MaxTimeMSExpired', { code: 50, codeName: 'MaxTimeMSExpired', errmsg: 'operation exceeded time limit' }],
  [
    'a RetryableWriteError label',
    { code: 64, codeName: 'WriteConcernFailed', errmsg: 'waiting for replication timed out', errorLabels: ['RetryableWriteError'] },
  ],
  [
    'a TransientTransactionError label',
    { code: 251, codeName: 'NoSuchTransaction', errmsg: 'no such transaction', errorLabels: ['TransientTransactionError'] },
  ],
  [
    'a SystemOverloadedError label',
    {
      code: 462,
      codeName: 'IngressRequestRateLimitExceeded',
      errmsg: 'rate limited',
      errorLabels: ['SystemOverloadedError', 'RetryableError'],
    },
  ],
  ['FerretDB with its PostgreSQL down', { code: 1, codeName: 'InternalError', errmsg: FERRETDB_STORAGE_DOWN }],
];

let stub: MongoWireStub;
let database: Database;
let services: Container;
let app: Express;

beforeAll(async () => {
  stub = new MongoWireStub();
  await stub.start();
  const config = loadConfig(
    testEnv({
      MONGODB_URI: stub.uri,
      MONGODB_DB_NAME: 'crms_stub',
      DB_WRITE_LOCKS: 'off',
      RATE_LIMIT_MAX: '1000000',
      MONGODB_SERVER_SELECTION_TIMEOUT_MS: '2000',
    }),
  );
  database = await connectDatabase(config.mongo);
  const logger = createLogger(config);
  services = createContainer({ config, logger, database });
  app = createApp(services);
});
afterAll(async () => {
  await services.stopBackgroundWork();
  await database.client.close();
  await stub.stop();
});

/** A read by id, a listing and a write. */
const requests = () => [
  () => supertest(app).get(`/api/customers/${CUSTOMER}`).set(admin),
  () => supertest(app).get('/api/customers?limit=5').set(admin),
  () =>
    supertest(app)
      .patch(`/api/customers/internal/${CUSTOMER}/statistics`)
      .set('X-Service-API-Key', TEST_API_KEY)
      .send({ increment: { totalOrders: 1 } }),
];

describe('When the database answers a command with an error of shutdown, failover, election or unreachable storage', () => {
  test.each(UNAVAILABLE)('then %s is answered 503 with the envelope and Retry-After', async (_name, error) => {
    stub.failWith({ ok: 0, ...error });
    for (const send of requests()) {
      const before = stub.failed.length;
      // the driver may mark the server Unknown after a state-change error; then the next request
      // waits for server selection (also a 503): repeat until a request reached the stub again
      const answers: supertest.Response[] = [];
      await eventually(
        async () => {
          answers.push(await send());
          return stub.failed.length > before;
        },
        { timeout: 20_000, interval: 100, what: 'a request reaching the failing database' },
      );
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ success: false, message: 'Service temporarily unavailable' });
        expect(res.body.errors[0].field).toBe('database');
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
      }
    }
  });

  test('then an ordinary server error (BadValue) is still a 500', async () => {
    stub.failWith({ ok: 0, code: 2, codeName: 'BadValue', errmsg: 'bad value' });
    const res = await supertest(app).get(`/api/customers/${CUSTOMER}`).set(admin);
    expect(res.status).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
  });
});

describe('When the database refuses a write with a duplicate key', () => {
  test.each([
    ['as FerretDB answers it (the collection only)', { code: 11000, errmsg: 'E11000 duplicate key error collection: crms_stub.customers' }],
    [
      'as MongoDB answers it (the index and key)',
      {
        code: 11000,
        errmsg: 'E11000 duplicate key error collection: crms_stub.customers index: userId_unique_nonempty dup key: { userId: "u1" }',
        keyPattern: { userId: 1 },
        keyValue: { userId: 'u1' },
      },
    ],
  ])('%s, Then the answer is a 409 envelope naming userId, not a 500', async (_name, error) => {
    stub.failWith({ ok: 0, codeName: 'DuplicateKey', ...error });
    const res = await requests()[2]!();
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      success: false,
      message: 'Duplicate value',
      errors: [{ field: 'userId', message: 'Another customer record already has this value' }],
    });
  });
});
