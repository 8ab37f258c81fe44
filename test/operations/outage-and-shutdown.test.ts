import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { FaultProxy, hostAndPort } from '../support/fault-proxy.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, testEnv, testMongoUri, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { eventually } from '../support/eventually.js';
import { listeningPort, spawnNode, waitUntilReady } from '../../support/node-process.js';

const db = hostAndPort(testMongoUri(), 27017);

describe('When the database goes down and comes back', () => {
  const proxy = new FaultProxy(db.host, db.port);
  let t: TestApp;
  let customerId: string;

  beforeAll(async () => {
    const port = await proxy.up();
    t = await startTestApp({ MONGODB_URI: `mongodb://127.0.0.1:${port}/`, MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000' });
    ({ customerId } = await createCustomer(t.http));
  });
  afterAll(async () => {
    await proxy.up().catch(() => undefined);
    await t.close();
    await proxy.down();
  });

  it('then requests answer a 503 envelope, and succeed again without a restart', async () => {
    await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken())).expect(200);
    await proxy.down();

    const res = await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken()));
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      success: false,
      message: 'Service temporarily unavailable',
      errors: [{ field: 'database', message: expect.any(String) }],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Mongo|ECONNREFUSED|127\.0\.0\.1/);
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(503);
    await t.http.get('/health').expect(200);

    await proxy.up();
    const statuses: number[] = [];
    await eventually(
      async () => {
        const status = (await t.http.get(`/api/customers/${customerId}`).set(bearer(adminToken()))).status;
        statuses.push(status);
        return status === 200;
      },
      { timeout: 20_000, interval: 200, what: 'a 200 after the database came back' },
    );
    // until then, only 503s
    expect(statuses.slice(0, -1).filter((s) => s !== 503)).toEqual([]);
    await t.http.get('/health/ready').expect(200);
  });
});

describe('When the server is stopped with a request in flight', () => {
  it('then readiness turns 503, the request completes, and then the server closes', async () => {
    const proxy = new FaultProxy(db.host, db.port);
    const port = await proxy.up();
    const config = loadConfig(testEnv({ MONGODB_URI: `mongodb://127.0.0.1:${port}/`, PORT: '0', HOST: '127.0.0.1' }));
    const running = await startServer(config, createLogger(config));
    const address = running.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${address.port}`;
    try {
      const created = await fetch(`${base}/health/ready`);
      expect(created.status).toBe(200);
      // the database answers only when released: the next request, once the server has it, cannot
      // complete before stop() begins
      proxy.hold();
      let arrived = false;
      running.server.once('request', () => (arrived = true));
      let settled = false;
      const inFlight = fetch(`${base}/api/customers?limit=5`, { headers: bearer(adminToken()) }).finally(() => (settled = true));
      await eventually(() => arrived, { what: 'the request reaching the server' });
      const stopping = running.stop();
      await expect(running.container.services.health.readiness()).rejects.toMatchObject({ status: 503 });
      expect(settled).toBe(false);

      proxy.release();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { success: boolean }).success).toBe(true);
      await stopping;
      expect(running.server.listening).toBe(false);
      await expect(fetch(`${base}/health`)).rejects.toThrow();
    } finally {
      proxy.release();
      await running.stop();
      await proxy.down();
    }
  });
});

describe('When the production entry point runs as a process', () => {
  const root = process.cwd();
  const entry = join(root, 'dist', 'src', 'server.js');

  beforeAll(() => {
    // `make test` builds dist/ first; a lone run of this file builds it here
    if (!existsSync(entry)) execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: root });
  }, 120_000);

  // stdout and stderr are read whole: every line the process writes to stdout must be JSON
  const run = (env: Record<string, string>) => {
    const proc = spawnNode({
      args: [entry],
      env: { ...(testEnv({ HOST: '127.0.0.1', LOG_LEVEL: 'info' }) as Record<string, string>), ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stdout = '';
    let stderr = '';
    proc.child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    return { ...proc, out: () => stdout, err: () => stderr };
  };

  it('then SIGTERM stops it cleanly with exit code 0, after logging the masked config and versions', async () => {
    // PORT=0: the process binds a port of its own and reports it over IPC, so nothing else can
    // hold it between a pick here and the bind there
    const proc = run({ PORT: '0' });
    const port = await listeningPort(proc, { timeoutMs: 20_000, name: 'CRMS', detail: () => `: ${proc.out()} ${proc.err()}` });
    await waitUntilReady(proc, `http://127.0.0.1:${port}/health`, {
      timeoutMs: 20_000,
      name: 'CRMS',
      detail: () => `: ${proc.out()} ${proc.err()}`,
    });
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    const lines = proc
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const start = lines.find((l) => l['msg'] === 'starting CRMS') as { config: Record<string, unknown>; versions: Record<string, string> };
    expect(start.versions).toMatchObject({ node: process.version, service: expect.any(String), mongodb: expect.stringMatching(/^\d+\./) });
    expect(JSON.stringify(start.config)).not.toContain('test-jwt-secret');
    expect(JSON.stringify(start.config)).not.toContain('test-service-api-key');
    expect(lines.some((l) => l['msg'] === 'stopped cleanly')).toBe(true);
  }, 40_000);

  it('then a fatal start-up error is logged once and exits non-zero', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as AddressInfo).port)),
    );
    try {
      const proc = run({ PORT: String(port) });
      expect(await proc.exited).toBe(1);
      const fatal = proc
        .out()
        .split('\n')
        .filter((l) => l.includes('"level":60'));
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  }, 40_000);
});
