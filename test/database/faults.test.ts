import { execFileSync } from 'node:child_process';
import { MongoClient } from 'mongodb';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpServer, listen } from '../../src/http/http-server.js';
import { Unreachable, eventually } from '../support/eventually.js';
import { listeningPorts } from '../../support/node-process.js';
import { unusedPortOutsideEphemeralRange } from '../support/ports.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

/**
 * Database faults are 503s with the envelope and `Retry-After`, never 500s. These tests take the
 * database away, so they run on a PRIVATE FerretDB (its own PostgreSQL, ports and state directory,
 * scripts/db.sh with CRMS_STATE_DIR), never the shared one.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const admin = bearer(adminToken());

class PrivateFerretDb {
  readonly state = mkdtempSync(join(tmpdir(), 'crms-db-faults-'));
  private env: Record<string, string> = {};
  uri = '';

  /** Starts on two unused ports; when one was taken meanwhile (start fails, or another process answers there), again on others. */
  async start(): Promise<void> {
    // the FerretDB binary built for the shared database, when there is one (no second build)
    const built = join(root, '.local', 'bin');
    if (existsSync(built)) {
      mkdirSync(join(this.state, 'bin'), { recursive: true });
      for (const file of readdirSync(built)) copyFileSync(join(built, file), join(this.state, 'bin', file));
    }
    for (let attempt = 1; ; attempt++) {
      const port = await unusedPortOutsideEphemeralRange();
      let pgPort = await unusedPortOutsideEphemeralRange();
      while (pgPort === port) pgPort = await unusedPortOutsideEphemeralRange();
      this.env = { CRMS_STATE_DIR: this.state, FERRETDB_ADDR: `127.0.0.1:${port}`, CRMS_PG_PORT: String(pgPort) };
      try {
        this.run('start');
        await this.listeningIsOurs(port);
        this.uri = `mongodb://127.0.0.1:${port}/`;
        break;
      } catch (err) {
        this.run('stop');
        if (attempt === 3) throw err;
      }
    }
    // the port opens before FerretDB answers its first handshake
    const client = new MongoClient(this.uri, { serverSelectionTimeoutMS: 30_000 });
    try {
      await client.db('admin').command({ ping: 1 });
    } finally {
      await client.close();
    }
  }

  /** scripts/db.sh start takes any answer on the port for FerretDB's: checks in /proc that its FerretDB listens there. */
  private async listeningIsOurs(port: number): Promise<void> {
    const pid = Number(readFileSync(join(this.state, 'ferretdb.pid'), 'utf8').trim());
    await eventually(
      () => {
        try {
          return listeningPorts(pid).includes(port);
        } catch {
          throw new Unreachable(`FerretDB (pid ${pid}) exited: port ${port} answers for another process`);
        }
      },
      { timeout: 10_000, interval: 100, what: `FerretDB listening on port ${port}` },
    );
  }

  run(command: 'start' | 'stop' | 'stop-storage' | 'start-storage'): void {
    execFileSync(join(root, 'scripts', 'db.sh'), [command], { env: { ...process.env, ...this.env }, stdio: 'ignore' });
  }

  destroy(): void {
    try {
      this.run('stop');
    } finally {
      rmSync(this.state, { recursive: true, force: true });
    }
  }
}

let db: PrivateFerretDb;
let t: TestApp;
let server: Server;
let base: string;
let customerId: string;

beforeAll(async () => {
  db = new PrivateFerretDb();
  await db.start();
  // an outage must answer 503 within about a second, whatever the test harness's default
  t = await startTestApp({ MONGODB_URI: db.uri, RATE_LIMIT_MAX: '1000000', MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000' });
  server = await listen(createHttpServer(t.app), 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  customerId = (await createCustomer(t.http, { fullName: 'Fault Tester' })).customerId;
}, 120_000);

afterAll(async () => {
  try {
    if (server) await new Promise((resolve) => server.close(resolve));
    if (t) await t.close().catch(() => undefined);
  } finally {
    db?.destroy();
  }
}, 60_000);

const service = { 'X-Service-API-Key': TEST_API_KEY, 'Content-Type': 'application/json' };

/** One request of every kind of database access: reads by id, scans, search, writes, creates, readiness. */
function everyKindOfRequest(): { name: string; send: () => Promise<Response> }[] {
  const increment = (key: string) =>
    fetch(`${base}/api/customers/internal/${customerId}/statistics`, {
      method: 'PATCH',
      headers: { ...service, 'Idempotency-Key': key },
      body: JSON.stringify({ increment: { totalOrders: 1, totalOrderValue: 10 } }),
    });
  return [
    { name: 'GET by id', send: () => fetch(`${base}/api/customers/${customerId}`, { headers: admin }) },
    { name: 'list', send: () => fetch(`${base}/api/customers?limit=5`, { headers: admin }) },
    { name: 'search', send: () => fetch(`${base}/api/customers/search?q=fault`, { headers: admin }) },
    { name: 'analytics', send: () => fetch(`${base}/api/customers/analytics`, { headers: admin }) },
    { name: 'increment', send: () => increment(`fault-${Math.random()}`) },
    {
      name: 'note',
      send: () =>
        fetch(`${base}/api/customers/${customerId}/notes`, {
          method: 'POST',
          headers: { ...admin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ note: 'during the outage' }),
        }),
    },
    {
      name: 'create',
      send: () =>
        fetch(`${base}/api/customers/internal/create`, {
          method: 'POST',
          headers: service,
          body: JSON.stringify({
            userId: `fault${Date.now()}${Math.floor(Math.random() * 1e6)}`,
            email: `f${Date.now()}@example.com`,
            fullName: 'New One',
          }),
        }),
    },
    { name: 'readiness', send: () => fetch(`${base}/health/ready`) },
  ];
}

/** Waits until `send` answers a success, for one kind of request after an outage. */
function recovers(name: string, send: () => Promise<Response>): Promise<true> {
  return eventually<true>(
    async () => {
      const res = await send();
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`answered ${res.status}`);
      return true as const;
    },
    { timeout: 30_000, interval: 50, what: `${name} answering a success again` },
  );
}

describe('When FerretDB answers but its PostgreSQL is stopped', () => {
  test('then every request is a 503 with the envelope and Retry-After, and all recover once storage is back', async () => {
    db.run('stop-storage');
    for (const { name, send } of everyKindOfRequest()) {
      const res = await send();
      const body = (await res.json()) as { success: boolean; errors: { field: string }[] };
      expect({ name, status: res.status }).toEqual({ name, status: 503 });
      expect(body.success).toBe(false);
      expect(body.errors[0]?.field).toBe('database');
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    db.run('start-storage');
    // each kind recovers on its own: they reach storage through different paths and connections
    for (const { name, send } of everyKindOfRequest()) await recovers(name, send);
  }, 90_000);

  test('then once readiness answers 200 again, writes succeed at once (no write back-off outlives the outage)', async () => {
    const [increment, note] = ['increment', 'note'].map((name) => everyKindOfRequest().find((k) => k.name === name)!.send);
    db.run('stop-storage');
    expect((await increment!()).status).toBe(503);
    expect((await note!()).status).toBe(503);
    expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    db.run('start-storage');
    await recovers('readiness', () => fetch(`${base}/health/ready`));
    expect((await increment!()).status).toBe(200);
    expect((await note!()).status).toBe(201);
  }, 90_000);
});

describe('When the whole database stops under write load (scripts/db.sh stop) and comes back', () => {
  test('then no request is answered 500, the outage is 503s, and writes succeed again without a restart', async () => {
    const statuses = new Map<number, number>();
    let stop = false;
    let sent = 0;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const kinds = everyKindOfRequest().filter((k) => ['GET by id', 'increment', 'note', 'create'].includes(k.name));
        const kind = kinds[(w + i) % kinds.length];
        if (!kind) continue;
        try {
          const res = await kind.send();
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
        }
        sent++;
      }
    };
    const workers = Array.from({ length: 16 }, (_, w) => worker(w));
    const load = { timeout: 60_000, interval: 50 };
    await eventually(() => sent > 100, { ...load, what: 'the first 100 requests' });
    db.run('stop');
    const before = sent;
    await eventually(() => (statuses.get(503) ?? 0) > 50 && sent > before + 200, { ...load, what: '200 requests during the outage' });
    db.run('start');
    for (const { name, send } of everyKindOfRequest()) await recovers(name, send);
    const recovered = sent;
    await eventually(() => sent > recovered + 100, { ...load, what: '100 requests after the recovery' });
    stop = true;
    await Promise.all(workers);
    const summary = Object.fromEntries(statuses);
    const unexpected = [...statuses.keys()].filter((s) => s >= 500 && s !== 503);
    expect({ unexpected, summary }).toEqual({ unexpected: [], summary });
    expect(statuses.get(0) ?? 0).toBe(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
