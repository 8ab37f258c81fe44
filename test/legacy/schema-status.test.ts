import { Writable } from 'node:stream';
import type { CommandStartedEvent, Document } from 'mongodb';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { migrate } from '../../src/data/migrations/index.js';
import { startServer } from '../../src/server.js';
import { createCustomer } from '../support/fixtures.js';
import { startInstance, startTestApp, testEnv, type TestApp } from '../support/harness.js';
import { TEST_API_KEY } from '../support/tokens.js';
import { exampleLegacyRecords } from './support/legacy-documents.js';

/**
 * How many records are below the current schema version, at start-up (log), on /metrics
 * (a gauge) and in readiness, from an equality count on the indexed `schemaVersion` field.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.database.db.collection('customers').insertMany(Object.values(exampleLegacyRecords()));
  await createCustomer(t.http, { fullName: 'Created By CRMS' });
});
afterAll(async () => {
  await t.close();
});

const gauge = (text: string) => /^crms_records_below_schema_version (\d+)$/m.exec(text)?.[1];

describe('When records of the previous implementation are stored', () => {
  test('then readiness and /metrics report how many are below the schema version, from an $in count on the indexed field', async () => {
    const commands: CommandStartedEvent[] = [];
    const listener = (event: CommandStartedEvent) => commands.push(event);
    t.database.client.on('commandStarted', listener);
    const ready = await t.http.get('/health/ready');
    t.database.client.off('commandStarted', listener);
    expect(ready.status).toBe(200);
    expect(ready.body.data.checks.records).toEqual({ schemaVersion: 1, belowSchemaVersion: 3 });
    const metrics = await t.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY);
    expect(gauge(metrics.text)).toBe('3');

    const count = commands.find((c) => c.commandName === 'aggregate' && JSON.stringify(c.command['pipeline']).includes('schemaVersion'));
    expect((count?.command['pipeline'] as Document[])[0]).toEqual({ $match: { schemaVersion: { $in: [null, 0] } } });
    const indexes = await t.database.db.collection('customers').listIndexes().toArray();
    expect(indexes.find((i) => i['name'] === 'schemaVersion')?.['key']).toEqual({ schemaVersion: 1 });
  });

  test('then CRMS logs the count at start-up, and reports 0 once the records are migrated', async () => {
    const lines: Document[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Document);
        done();
      },
    });
    const config = loadConfig(testEnv({ MONGODB_DB_NAME: t.database.db.databaseName, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }));
    const running = await startServer(config, createLogger(config, sink));
    await running.stop();
    expect(lines.find((l) => l['recordsBelowSchemaVersion'] !== undefined)).toMatchObject({
      level: 40,
      schemaVersion: 1,
      recordsBelowSchemaVersion: 3,
    });

    await migrate(t.database.db);
    // a new instance (the count is remembered for a few seconds per instance)
    const after = await startInstance(t.database.db.databaseName, {});
    try {
      expect((await after.http.get('/health/ready')).body.data.checks.records).toEqual({ schemaVersion: 1, belowSchemaVersion: 0 });
      expect(gauge((await after.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY)).text)).toBe('0');
    } finally {
      await after.close();
    }
  });
});
