import http from 'node:http';
import { dropTestDatabase, testEnv } from '../support/harness.js';
import { startCrmsProcess, type CrmsProcess } from '../support/process.js';
import { listeningPorts } from '../../support/node-process.js';

/**
 * The launcher of the tests that run CRMS as its own process: what answers at the URL it returns is
 * that process, also while other processes on the machine (other suites, other checkouts) keep
 * binding ephemeral ports, as supertest does for every request. A port the launcher picked and
 * released for the process to bind can be taken in between (docs/reliability.md).
 */
const env = testEnv({ LOG_LEVEL: 'warn' }) as Record<string, string>;
let crms: CrmsProcess | undefined;

afterAll(async () => {
  await crms?.kill();
  await dropTestDatabase(env['MONGODB_DB_NAME']);
});

/** Short-lived HTTP servers on ephemeral loopback ports, each replaced when it closes, as busy test suites open them. */
function churnEphemeralPorts(servers: number): () => Promise<void> {
  let stopped = false;
  const open = new Set<http.Server>();
  const start = () => {
    if (stopped) return;
    const server = http.createServer((_req, res) => res.writeHead(200).end('{"status":"ok"}'));
    open.add(server);
    server.on('error', () => open.delete(server));
    server.listen(0, '127.0.0.1', () => {
      setTimeout(() => server.close(() => (open.delete(server), start())), 100 + Math.random() * 300);
    });
  };
  for (let i = 0; i < servers; i++) start();
  return async () => {
    stopped = true;
    await Promise.all([...open].map((s) => new Promise((resolve) => s.close(resolve))));
  };
}

test('When other processes keep opening and closing servers on ephemeral ports, then each CRMS the launcher starts is the process listening at its URL', async () => {
  const stopChurn = churnEphemeralPorts(1000);
  const owners: boolean[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      crms = await startCrmsProcess(env);
      owners.push(listeningPorts(crms.pid).includes(Number(new URL(crms.url).port)));
      await crms.kill();
    }
  } finally {
    await stopChurn();
  }
  expect(owners).toEqual([true, true, true, true, true]);
}, 120_000);
