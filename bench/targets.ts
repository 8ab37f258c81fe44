/**
 * The processes the benchmark loads: the bare baseline and the CRMS instances (the production
 * build), each started with the launcher the tests use (support/node-process.ts) and logging to
 * .local/bench; and the local FerretDB's abandoned reads, cancelled so they do not weigh on the next
 * measurement.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { listeningPort, spawnNode, waitUntilReady, type NodeProcess } from '../support/node-process.js';
import { API_KEY, DB_NAME, JWT_SECRET, LOG_DIR, N, REQUEST_TIMEOUT_S, ROOT, URI } from './settings.js';
import { EVENTS_ENV, EVENTS_INSTANCE } from './events.js';
import { TRACED_ENV, TRACED_INSTANCE } from './tracing.js';

export interface Target {
  name: 'crms' | 'crms-nocache' | 'crms-unlocked' | typeof TRACED_INSTANCE | typeof EVENTS_INSTANCE | 'baseline';
  process: NodeProcess;
  port: number;
  /** Measured after start-up, before any load. */
  idleCpuMsPerSecond?: number;
}

const dist = (path: string) => join(ROOT, 'dist', path);

/** Every process this run started is stopped when the run is interrupted (the launcher sends SIGTERM as this process exits). */
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/**
 * Starts a target with PORT=0 and learns the port it bound from its IPC message: a port chosen here
 * could be held by another process by the time the target binds it, and would then be measured instead.
 */
async function startTarget(name: Target['name'], args: string[], env: NodeJS.ProcessEnv, readyPath: string): Promise<Target> {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(join(LOG_DIR, `${name}-N${N}.log`), 'w');
  const proc = spawnNode({ args, cwd: ROOT, env: { ...env, PORT: '0' }, stdio: ['ignore', log, log, 'ipc'], reapSignal: 'SIGTERM' });
  closeSync(log);
  const detail = () => `; see ${LOG_DIR}`;
  const port = await listeningPort(proc, { timeoutMs: 120_000, name, detail });
  await waitUntilReady(proc, `http://127.0.0.1:${port}${readyPath}`, {
    timeoutMs: 120_000,
    intervalMs: 200,
    isReady: (res) => res.status < 500,
    name,
    detail,
  });
  return { name, process: proc, port };
}

function crmsEnv(cacheTtl: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ENVIRONMENT: 'production',
    HOST: '127.0.0.1',
    MONGODB_URI: URI,
    MONGODB_DB_NAME: DB_NAME,
    JWT_SECRET,
    SERVICE_API_KEY: API_KEY,
    CACHE_TTL: String(cacheTtl),
    // one load generator is one client: the per-client limit would answer 429 within a second
    RATE_LIMIT_MAX: '1000000000',
    ...extra,
  };
}

/** The CRMS instances: the main one (`crms`) starts with the run, the others when their first scenario comes. */
const INSTANCES: Record<Exclude<Target['name'], 'baseline'>, NodeJS.ProcessEnv> = {
  crms: crmsEnv(300),
  'crms-nocache': crmsEnv(0),
  'crms-unlocked': crmsEnv(300, { DB_WRITE_LOCKS: 'off' }),
  [TRACED_INSTANCE]: crmsEnv(300, TRACED_ENV),
  [EVENTS_INSTANCE]: crmsEnv(300, EVENTS_ENV),
};

export function startCrms(name: Exclude<Target['name'], 'baseline'>): Promise<Target> {
  return startTarget(name, [dist('src/server.js')], INSTANCES[name], '/health');
}

export function startBaseline(): Promise<Target> {
  return startTarget('baseline', [dist('bench/baseline.js')], { BENCH_MONGODB_URI: URI, BENCH_DB: DB_NAME }, '/nothing');
}

export async function stopTarget(target: Target): Promise<void> {
  await target.process.stop(15_000);
}

/** Cancels the local FerretDB reads running for more than `seconds` (scripts/db.sh cancel-stale); how many. */
function cancelStaleReads(seconds: number): number {
  return Number(
    execFileSync(join(ROOT, 'scripts', 'db.sh'), ['cancel-stale', String(seconds)])
      .toString()
      .trim(),
  );
}

/** Cancels, every 10 s, local FerretDB reads no client waits for any more. */
export function reapStaleReads(): void {
  const seconds = REQUEST_TIMEOUT_S + 10;
  const timer = setInterval(() => {
    try {
      const cancelled = cancelStaleReads(seconds);
      if (cancelled > 0) process.stderr.write(`\n[bench] cancelled ${cancelled} database read(s) running for over ${seconds} s\n`);
    } catch (err) {
      process.stderr.write(`\n[bench] could not cancel stale reads: ${String(err)}\n`);
    }
  }, 10_000);
  timer.unref();
}

/**
 * Cancels every local FerretDB read still running between two scenarios: no client request is in
 * flight then, so each is one a client gave up on (FerretDB v1 lets them run on), and it would
 * otherwise take the database's CPU from the next scenario's first target only.
 */
export function cancelAbandonedReads(): void {
  const cancelled = cancelStaleReads(0);
  if (cancelled > 0) process.stderr.write(`[bench] cancelled ${cancelled} abandoned database read(s) before the next scenario\n`);
}
