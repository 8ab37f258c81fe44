import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { MongoClient } from 'mongodb';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { ensureIndexes } from '../../src/data/indexes.js';
import { connectDatabase, type Database } from '../../src/data/mongo.js';
import { createLogger } from '../../src/logger.js';
import type { Clock } from '../../src/domain/clock.js';
import { createContainer, type Container } from '../../src/container.js';
import type { Services } from '../../src/services/index.js';
import { startSiblings, type Siblings } from '../siblings/support/siblings.js';
import { TEST_API_KEY, TEST_JWT_SECRET } from './tokens.js';

export interface TestApp {
  app: Express;
  config: Config;
  database: Database;
  services: Services;
  /** The instance's composition root: metrics, Redis, background work. */
  container: Container;
  http: TestAgent;
  close(): Promise<void>;
}

export function testMongoUri(): string {
  return process.env['CRMS_TEST_MONGODB_URI'] ?? process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
}

/** Drops a test's database that processes it started have used (what their env named). */
export async function dropTestDatabase(name: string | undefined): Promise<void> {
  if (!name) return;
  const client = new MongoClient(testMongoUri());
  try {
    await client
      .db(name)
      .dropDatabase()
      .catch(() => undefined);
  } finally {
    await client.close();
  }
}

export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ENVIRONMENT: 'test',
    MONGODB_URI: testMongoUri(),
    MONGODB_DB_NAME: `crms_test_${randomBytes(6).toString('hex')}`,
    MONGODB_MIN_POOL_SIZE: '0',
    // a healthy but busy database can take longer than the production default (400 ms) to be
    // selected on a loaded 2-core machine; tests of an unreachable database set their own value
    MONGODB_SERVER_SELECTION_TIMEOUT_MS: '10000',
    JWT_SECRET: TEST_JWT_SECRET,
    SERVICE_API_KEY: TEST_API_KEY,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

/**
 * The real app on `config`'s database. The owner of a fresh database creates the indexes and drops
 * the database on close(); another instance on an existing one (a restart, a second replica) does
 * neither.
 */
async function buildTestApp(config: Config, ownsDatabase: boolean, clock?: Clock): Promise<TestApp> {
  const logger = createLogger(config);
  const database = await connectDatabase(config.mongo);
  if (ownsDatabase) await ensureIndexes(database.db);
  const container = createContainer({ config, logger, database, ...(clock ? { clock } : {}) });
  const app = createApp(container);
  return {
    app,
    config,
    database,
    services: container.services,
    container,
    http: supertest(app),
    async close() {
      await container.stopBackgroundWork();
      if (ownsDatabase) await database.db.dropDatabase().catch(() => undefined);
      await database.client.close();
    },
  };
}

/** A test app talking to stubs of the Auth, Order and Complaint Services, which close() stops too. */
export interface TestAppWithSiblings extends TestApp {
  siblings: Siblings;
}

export interface TestAppOptions {
  /** Drives the app's notion of now (see support/clock.ts). */
  clock?: Clock;
  /** Starts the sibling stubs (test/siblings/support/siblings.ts) and points the app at them. */
  withSiblings?: boolean;
}

/**
 * The real app over its own fresh database (dropped by close()); `clock` drives its dates and timers
 * when given. `withSiblings` starts the sibling stubs first (their environment, then `overrides`).
 */
export function startTestApp(overrides?: Record<string, string>, options?: TestAppOptions & { withSiblings?: false }): Promise<TestApp>;
export function startTestApp(
  overrides: Record<string, string>,
  options: TestAppOptions & { withSiblings: true },
): Promise<TestAppWithSiblings>;
export async function startTestApp(
  overrides: Record<string, string> = {},
  { clock, withSiblings = false }: TestAppOptions = {},
): Promise<TestApp | TestAppWithSiblings> {
  if (!withSiblings) return buildTestApp(loadConfig(testEnv(overrides)), true, clock);
  const siblings = await startSiblings();
  try {
    const app = await buildTestApp(loadConfig(testEnv({ ...siblings.env, ...overrides })), true, clock);
    return {
      ...app,
      siblings,
      async close() {
        await app.close();
        await siblings.close();
      },
    };
  } catch (err) {
    await siblings.close();
    throw err;
  }
}

/** Another CRMS instance on an existing test database; close() leaves the database to its owner. */
export function startInstance(dbName: string, env: Record<string, string>): Promise<TestApp> {
  return buildTestApp(loadConfig(testEnv({ ...env, MONGODB_DB_NAME: dbName })), false);
}
