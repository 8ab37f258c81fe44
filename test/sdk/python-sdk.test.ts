import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createContainer, type Container } from '../../src/container.js';
import { connectDatabase, type Database } from '../../src/data/mongo.js';
import { createLogger } from '../../src/logger.js';
import { startSiblings, type Siblings } from '../siblings/support/siblings.js';
import { startTestApp, testEnv, type TestApp } from '../support/harness.js';
import { MongoWireStub } from '../support/mongo-wire-stub.js';
import { TEST_API_KEY, adminToken } from '../support/tokens.js';

/**
 * The Python SDK (generated/python) against a live CRMS: the pytest suite in test/python runs as a child process
 * with the server's address and credentials in its environment, and its counts join the test summary of
 * `make test` (CRMS_TEST_SUMMARY). A second CRMS on a database that answers every command with ShutdownInProgress
 * gives the 503s. mypy --strict checks a small consumer of the package, its hand-written modules and the tests in the same run.
 */
const VENV_BIN = join(process.cwd(), '.local', 'venv', 'bin');

function listen(app: Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      // no __pycache__ beside the generated sources
      { cwd: process.cwd(), env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env }, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

let siblings: Siblings;
let live: TestApp;
let liveServer: { server: Server; url: string };
let stub: MongoWireStub;
let database: Database;
let unavailable: Container;
let unavailableServer: { server: Server; url: string };

beforeAll(async () => {
  siblings = await startSiblings();
  // the event deliveries run, to the tests' loopback receivers (test/python/test_webhooks.py)
  live = await startTestApp({ ...siblings.env, RATE_LIMIT_MAX: '1000000', WEBHOOK_INTERVAL_MS: '50', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  live.container.startBackgroundWork();
  liveServer = await listen(live.app);
  stub = new MongoWireStub();
  await stub.start();
  stub.failWith({ ok: 0, code: 91, codeName: 'ShutdownInProgress', errmsg: 'The server is in quiesce mode and will shut down' });
  const config = loadConfig(
    testEnv({ MONGODB_URI: stub.uri, MONGODB_DB_NAME: 'crms_stub', DB_WRITE_LOCKS: 'off', MONGODB_SERVER_SELECTION_TIMEOUT_MS: '2000' }),
  );
  database = await connectDatabase(config.mongo);
  unavailable = createContainer({ config, logger: createLogger(config), database });
  unavailableServer = await listen(createApp(unavailable));
}, 60_000);

afterAll(async () => {
  for (const { server } of [liveServer, unavailableServer]) await new Promise((resolve) => server.close(resolve));
  await unavailable.stopBackgroundWork();
  await database.client.close();
  await stub.stop();
  await live.close();
  await siblings.close();
});

describe('When the Python SDK is checked', () => {
  test('when the pytest suite runs against a live CRMS, then every test passes and its counts join the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crms-pytest-'));
    const report = join(dir, 'junit.xml');
    try {
      const { code, output } = await run(
        join(VENV_BIN, 'python'),
        ['-m', 'pytest', '-c', 'test/python/pytest.ini', 'test/python', '-q', `--junitxml=${report}`],
        {
          CRMS_URL: liveServer.url,
          CRMS_UNAVAILABLE_URL: unavailableServer.url,
          CRMS_API_KEY: TEST_API_KEY,
          CRMS_ADMIN_TOKEN: adminToken(),
        },
      );
      const xml = readFileSync(report, 'utf8');
      const attr = (name: string) => Number(new RegExp(`<testsuite [^>]*?\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
      const total = attr('tests');
      const counts = {
        passed: total - attr('failures') - attr('errors') - attr('skipped'),
        failed: attr('failures'),
        skipped: attr('skipped'),
        failedSuites: attr('errors'),
      };
      // pytest's own report stays inside this test (shown only on failure); `make test` closes with the sum
      const file = process.env['CRMS_TEST_SUMMARY'];
      if (file) appendFileSync(file, `${JSON.stringify(counts)}\n`);
      expect({ code, counts, output: code === 0 ? '' : output }).toEqual({
        code: 0,
        counts: { passed: total, failed: 0, skipped: 0, failedSuites: 0 },
        output: '',
      });
      expect(total).toBeGreaterThanOrEqual(61);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  test('when a consumer of the package and these tests are type-checked with mypy --strict, then they have no errors', async () => {
    const { code, output } = await run(
      join(VENV_BIN, 'mypy'),
      [
        '--strict',
        '--no-incremental',
        '--cache-dir',
        '/dev/null',
        'test/python',
        'generated/python/crms_sdk/helpers.py',
        'generated/python/crms_sdk/webhooks.py',
      ],
      { MYPYPATH: join(process.cwd(), 'generated', 'python') },
    );
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  }, 120_000);
});
