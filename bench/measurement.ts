/**
 * Measuring one target under one load: autocannon over loopback for the requests and latencies,
 * /proc for the CPU of the API process and of the database processes, and the machine's available
 * memory as a guard (FerretDB v1 materialises every document a non-pushed-down query reads).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { cpuTicks } from '../support/node-process.js';
import { CONNECTIONS, MEMORY_FLOOR_MIB, REQUEST_TIMEOUT_S, round } from './settings.js';
import type { Target } from './targets.js';

export interface Measurement {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU (user+sys) of the API process per request, in ms. */
  cpuMsPerRequest: number;
  /** The same less what the process spends idle in that time (see idleCpuMsPerSecond). */
  cpuMsPerRequestNetOfIdle: number;
  /** CPU of FerretDB + PostgreSQL per request, in ms (every client of the database counts). */
  dbCpuMsPerRequest: number;
  /** Latency of one request on its own before the load (ms). */
  singleRequestMs?: number;
  /** Not loaded: one request took longer than the whole scenario. */
  notLoaded?: boolean;
  /** Its HTTP status (0: no answer within the request timeout). */
  singleRequestStatus?: number;
  /** The load was stopped because the machine ran short of memory (FerretDB materialising documents). */
  abortedForMemory?: boolean;
}

/** The requests of a load: a path per request (rotating ids, terms), the method and body. */
export interface LoadSpec {
  path: () => string;
  method?: 'GET' | 'PATCH';
  body?: string;
  connections?: number;
  /** Request headers besides the credentials (e.g. `Accept-Encoding`). */
  headers?: Record<string, string>;
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
export const ticksToMs = (ticks: number) => (ticks * 1000) / CLK_TCK;
const pidOf = (target: Target) => target.process.pid;

/** CPU ticks of every FerretDB, PostgreSQL and MongoDB process on the machine. */
function databaseTicks(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm.startsWith('ferretdb') || comm.startsWith('postgres') || comm === 'mongod') total += cpuTicks(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** MemAvailable in MiB. */
function availableMiB(): number {
  const match = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.POSITIVE_INFINITY;
}

/** Waits (up to 2 minutes) until the machine has twice the memory floor available again. */
export async function waitForMemory(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (availableMiB() < MEMORY_FLOOR_MIB * 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** One request on its own: its latency, even when the database makes a scenario too slow to load. */
export async function probe(target: Target, spec: LoadSpec, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${target.port}${spec.path()}`, {
      method: spec.method ?? 'GET',
      headers: { ...headers, ...spec.headers, ...(spec.body ? { 'content-type': 'application/json' } : {}) },
      ...(spec.body ? { body: spec.body } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
    });
    await res.arrayBuffer();
    return { ms: round(performance.now() - started, 1), status: res.status };
  } catch {
    // no answer within REQUEST_TIMEOUT_S (status 0): reported as such
    return { ms: round(performance.now() - started, 1), status: 0 };
  }
}

/** Failed requests: transport errors, timeouts, non-2xx answers, and a failed single request. */
export const errorsOf = (m: Measurement) =>
  m.errors + m.non2xx + (m.singleRequestStatus !== undefined && (m.singleRequestStatus < 200 || m.singleRequestStatus > 299) ? 1 : 0);

/** The measurement of a load that was not run (its single request already took longer than the scenario). */
export const notLoaded = (): Measurement => ({
  requests: 0,
  requestsPerSecond: 0,
  p50: 0,
  p95: 0,
  p99: 0,
  errors: 0,
  non2xx: 0,
  cpuMsPerRequest: 0,
  cpuMsPerRequestNetOfIdle: 0,
  dbCpuMsPerRequest: 0,
  notLoaded: true,
});

/** Asks until the figures come from the cache (the first computation may take long on FerretDB). */
export async function warmAnalyticsCache(target: Target, headers: Record<string, string>): Promise<boolean> {
  const deadline = Date.now() + 2 * REQUEST_TIMEOUT_S * 1000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${target.port}/api/customers/analytics`, {
        headers,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
      });
      const body = (await res.json()) as { data?: { cached?: boolean } };
      if (body.data?.cached === true) return true;
      if (res.status >= 500) await new Promise((resolve) => setTimeout(resolve, 1000));
    } catch {
      // still computing: ask again (the computation is shared, not restarted)
    }
  }
  return false;
}

/** CPU ms per second a process spends with no request at all (timers, driver monitoring, GC), over `seconds`. */
export async function idleCpuMsPerSecond(target: Target, seconds = 5): Promise<number> {
  const before = cpuTicks(pidOf(target));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return round(ticksToMs(cpuTicks(pidOf(target)) - before) / seconds, 2);
}

/**
 * CPU ms per second of the FerretDB and PostgreSQL processes over `seconds` in which this run sends
 * no request: what the database spends for the processes connected to it (and any other work on the
 * machine that uses it).
 */
export async function databaseCpuMsPerSecond(seconds: number): Promise<number> {
  const before = databaseTicks();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return round(ticksToMs(databaseTicks() - before) / seconds, 1);
}

/**
 * Waits (up to a minute) until the CRMS instance has made its start-up count of the records below the
 * schema version (readiness shows it once made; FerretDB reads every record for it, once per start).
 */
export async function startUpDone(target: Target): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const res = await fetch(`http://127.0.0.1:${target.port}/health/ready`).catch(() => undefined);
    const body = (await res?.json().catch(() => undefined)) as { data?: { checks?: { records?: unknown } } } | undefined;
    if (body?.data?.checks?.records !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Runs autocannon against `target` for `seconds`, stopped early when the machine runs short of memory. */
function autocannonRun(
  target: Target,
  spec: LoadSpec,
  headers: Record<string, string>,
  seconds: number,
  onResponse: (ms: number) => void,
): Promise<{ result: autocannon.Result; abortedForMemory: boolean }> {
  let abortedForMemory = false;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${target.port}`,
        connections: spec.connections ?? CONNECTIONS,
        duration: seconds,
        timeout: REQUEST_TIMEOUT_S,
        headers: { ...headers, ...spec.headers, ...(spec.body ? { 'content-type': 'application/json' } : {}) },
        requests: [
          {
            method: spec.method ?? 'GET',
            ...(spec.body ? { body: spec.body } : {}),
            setupRequest: (request) => ({ ...request, path: spec.path() }),
          },
        ],
      },
      (err: unknown, res: autocannon.Result) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve({ result: res, abortedForMemory }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => onResponse(responseTime));
    const guard = setInterval(() => {
      if (availableMiB() < MEMORY_FLOOR_MIB) {
        abortedForMemory = true;
        instance.stop();
      }
    }, 250);
    instance.on('done', () => clearInterval(guard));
  });
}

/** Loads `target` with `spec` for `seconds`: throughput, latency percentiles, errors, CPU per request. */
export async function load(target: Target, spec: LoadSpec, headers: Record<string, string>, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  const cpuBefore = cpuTicks(pidOf(target));
  const dbBefore = databaseTicks();
  const { result, abortedForMemory } = await autocannonRun(target, spec, headers, seconds, (ms) => latencies.push(ms));
  const cpuMs = ticksToMs(cpuTicks(pidOf(target)) - cpuBefore);
  const dbMs = ticksToMs(databaseTicks() - dbBefore);
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const perRequest = (ms: number) => (requests > 0 ? round(ms / requests, 3) : 0);
  return {
    requests,
    requestsPerSecond: round(requests / seconds, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest: perRequest(cpuMs),
    cpuMsPerRequestNetOfIdle: perRequest(Math.max(0, cpuMs - (target.idleCpuMsPerSecond ?? 0) * seconds)),
    dbCpuMsPerRequest: perRequest(dbMs),
    ...(abortedForMemory ? { abortedForMemory } : {}),
  };
}
