import { startCrmsProcess, type CrmsProcess } from '../support/process.js';
import { dropTestDatabase, testEnv } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { eventually } from '../support/eventually.js';

/**
 * The request log is written to stdout in batches (src/logger.ts): lines must still arrive soon
 * when traffic is light, and none may be lost when the process shuts down with lines buffered.
 */
let crms: CrmsProcess | undefined;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  env = testEnv({ ENVIRONMENT: 'production', LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
  crms = await startCrmsProcess(env as Record<string, string>);
});

afterEach(async () => {
  await crms?.kill();
  await dropTestDatabase(env['MONGODB_DB_NAME']);
});

const requestLines = (p: CrmsProcess, requestIds: Set<string>) =>
  p.logLines().filter((l) => l['msg'] === 'request completed' && requestIds.has(String(l['requestId'])));

async function getMissing(p: CrmsProcess, count: number, tag: string): Promise<Set<string>> {
  const ids = new Set<string>();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const id = `${tag}-${i}`;
      const res = await fetch(`${p.url}/api/customers/${'0'.repeat(23)}${i % 10}`, {
        headers: { ...bearer(adminToken()), 'X-Request-Id': id },
      });
      expect(res.status).toBe(404);
      ids.add(id);
    }),
  );
  return ids;
}

test('when a single request is served and no other traffic follows, then its log line is still written', async () => {
  const p = crms!;
  const ids = await getMissing(p, 1, 'lone');
  // nothing else fills the 4 KiB batch: only the periodic flush can write this line
  await eventually(() => requestLines(p, ids).length > 0, { timeout: 15_000, what: 'the lone request log line' });
  expect(requestLines(p, ids)).toHaveLength(1);
  expect(requestLines(p, ids)[0]).toMatchObject({ status: 404, route: '/api/customers/{customerId}', method: 'GET' });
});

test('when SIGTERM follows a burst of requests, then every buffered line is written before the process exits', async () => {
  const p = crms!;
  const ids = await getMissing(p, 300, 'burst');
  const code = await p.stop();
  expect(code).toBe(0);
  expect(requestLines(p, ids)).toHaveLength(300);
  expect(p.logLines().at(-1)).toMatchObject({ msg: 'stopped cleanly' });
});
