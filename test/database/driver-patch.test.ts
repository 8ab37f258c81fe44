import { MongoClient, MongoNetworkError, type ServerHeartbeatFailedEvent } from 'mongodb';
import type { Socket } from 'node:net';
import { eventually } from '../support/eventually.js';
import { testMongoUri } from '../support/harness.js';

/**
 * Regression tests for patches/mongodb+7.9.0.patch (applied by `npm ci` through patch-package).
 *
 * A connection whose socket has been destroyed, but whose 'close' event the driver has not handled
 * yet, used to accept a command and wait for a 'drain' that never comes. Under the monitor this is
 * fatal: its heartbeat never ends, no further heartbeat is ever sent, and once an operation marks
 * the server Unknown every request fails server selection until the process restarts. The database
 * outage test (test/reliability) hit it about one run in three: the service stayed unready for good
 * after the database came back.
 *
 * The driver keeps connections and the monitor internal; these tests reach them through the few
 * fields named below, which is the only way to put a socket in exactly that state.
 */
interface DriverConnection {
  socket: Socket;
  closed: boolean;
  command(ns: { db: string }, command: Record<string, unknown>, options: Record<string, unknown>): Promise<unknown>;
}
/** The monitor's schedule: a requested check runs at once only when the last one ended ≥ minHeartbeatFrequencyMS ago. */
interface MonitorSchedule {
  isExecutionInProgress: boolean;
  /** performance.now() (floored) when the last heartbeat ended */
  lastExecutionEnded: number;
  minHeartbeatFrequencyMS: number;
}
interface DriverInternals {
  topology: {
    s: { servers: Map<string, { monitor: { connection: DriverConnection | null; monitorId?: MonitorSchedule; requestCheck(): void } }> };
  };
}

// what a hang looks like: never settling. The ceiling is far above any busy machine's answer time
// (a hang is forever), so the outcome never depends on how fast the machine is
const HANG_CEILING_MS = 30_000;
const HUNG = 'still waiting after 30 s';

function monitorOf(client: MongoClient) {
  const server = [...(client as unknown as DriverInternals).topology.s.servers.values()][0];
  if (!server) throw new Error('no server in the topology');
  return server.monitor;
}

async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T | Error | typeof HUNG> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<typeof HUNG>((resolve) => (timer = setTimeout(() => resolve(HUNG), ms)));
  try {
    return await Promise.race([promise.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))), hung]);
  } finally {
    clearTimeout(timer);
  }
}

let client: MongoClient;

beforeEach(async () => {
  // a long heartbeat interval: the only heartbeats are the first one and those the test asks for
  client = new MongoClient(testMongoUri(), { heartbeatFrequencyMS: 60_000, serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  await client.db('admin').command({ ping: 1 });
});

afterEach(async () => {
  await client.close();
});

test('when a command runs on a connection whose socket was just destroyed, then it fails with a network error instead of hanging', async () => {
  const connection = monitorOf(client).connection;
  expect(connection).not.toBeNull();
  connection!.socket.destroy();
  expect(connection!.closed).toBe(false); // the driver has not seen the 'close' yet
  const outcome = await settlesWithin(connection!.command({ db: 'admin' }, { hello: 1 }, {}), HANG_CEILING_MS);
  expect(outcome).toBeInstanceOf(MongoNetworkError);
  expect((outcome as Error).message).toMatch(/closed/);
});

test('when a heartbeat starts on a socket that just died, then it fails, and the next one reconnects', async () => {
  const monitor = monitorOf(client);
  const failed = new Promise<ServerHeartbeatFailedEvent>((resolve) => client.once('serverHeartbeatFailed', resolve));
  const succeededAgain = new Promise<void>((resolve) => {
    void failed.then(() => client.once('serverHeartbeatSucceeded', () => resolve()));
  });
  // a requested check runs at once only when the last one ended ≥ minHeartbeatFrequencyMS (500 ms) ago
  await eventually(
    () => {
      const schedule = monitor.monitorId;
      return (
        !!schedule &&
        !schedule.isExecutionInProgress &&
        Math.floor(performance.now()) - schedule.lastExecutionEnded > schedule.minHeartbeatFrequencyMS
      );
    },
    { what: 'the monitor accepting a requested check at once' },
  );
  monitor.connection!.socket.destroy();
  monitor.requestCheck(); // the heartbeat starts in this tick, on the dead socket
  const failure = await settlesWithin(failed, HANG_CEILING_MS);
  expect(failure).not.toBe(HUNG);
  expect((failure as ServerHeartbeatFailedEvent).failure.message).toMatch(/closed/);
  // the monitor is alive: a requested check reconnects, and the server is selectable again
  monitor.requestCheck();
  expect(await settlesWithin(succeededAgain, HANG_CEILING_MS)).not.toBe(HUNG);
  await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
});
