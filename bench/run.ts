/**
 * `make bench`: seeds N customers (unless that data set is already there), starts CRMS as the real
 * production build and the bare baseline (bench/baseline.ts) as separate processes, and loads each
 * scenario against both from this process with autocannon over loopback. Reports requests/s,
 * p50/p95/p99 latency, errors, and the CPU time per request of the API process (and of the database
 * processes) from /proc, as markdown and JSON under bench/results/.
 *
 * Environment: BENCH_CUSTOMERS (100000), BENCH_DURATION seconds per scenario and target (10),
 * BENCH_CONNECTIONS (10), BENCH_MONGODB_URI (the local FerretDB), BENCH_RESEED=1 to force a new seed,
 * BENCH_SCENARIOS (comma-separated name prefixes: a partial run, reported under .local/bench),
 * BENCH_TRACING=0 to leave out the tracing-on scenario (bench/tracing.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { MongoClient, type ObjectId } from 'mongodb';
import { encodeCursor } from '../src/domain/cursor.js';
import { filterFingerprint } from '../src/services/customer-filters.js';
import { seed, seededCount } from './seed.js';
import { TRACED_ENV, TRACED_INSTANCE, TRACED_SCENARIO, TRACING_ENABLED, startSpanSink, tracingSummary } from './tracing.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = Number(process.env['BENCH_CUSTOMERS'] ?? 100_000);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const URI = process.env['BENCH_MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
const DB_NAME = `crms_bench_${N}`;
const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123456789';
const API_KEY = 'bench-service-api-key-0123456789';
const PAGE_SIZE = 20;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const LOG_DIR = join(ROOT, '.local', 'bench');
/** Connections for scenarios the local database answers by reading the whole collection (see below). */
const HEAVY_CONNECTIONS = Number(process.env['BENCH_HEAVY_CONNECTIONS'] ?? 1);
const REQUEST_TIMEOUT_S = Number(process.env['BENCH_REQUEST_TIMEOUT_S'] ?? 60);
/** Loads stop when the machine's available memory falls below this (it is shared with other work). */
const MEMORY_FLOOR_MIB = Number(process.env['BENCH_MEMORY_FLOOR_MIB'] ?? 4096);
/** BENCH_SCENARIOS="GET by id,internal": only the scenarios whose names start so; report in .local/bench. */
const ONLY = (process.env['BENCH_SCENARIOS'] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

interface Target {
  name: 'crms' | 'crms-nocache' | 'crms-unlocked' | typeof TRACED_INSTANCE | 'baseline';
  process: ChildProcess;
  port: number;
  /** Measured after start-up, before any load. */
  idleCpuMsPerSecond?: number;
}

interface Measurement {
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

interface LoadSpec {
  path: () => string;
  method?: 'GET' | 'PATCH';
  body?: string;
  connections?: number;
}

const INCREMENT = 'internal statistics increment';
const INCREMENT_UNLOCKED = 'internal statistics increment, write locks off';

interface Scenario {
  name: string;
  description: string;
  crms: LoadSpec & { target: Target['name'] };
  baseline: LoadSpec | 'reuse-analytics-cold';
}

// ---------------------------------------------------------------------------------------------- /proc

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
}

/** CPU ticks of every FerretDB and PostgreSQL process on the machine. */
function databaseTicks(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm.startsWith('ferretdb') || comm.startsWith('postgres')) total += cpuTicks(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

const ticksToMs = (ticks: number) => (ticks * 1000) / CLK_TCK;

// ------------------------------------------------------------------------------------------ processes

/** Every process this run started, stopped on exit, also when the run is interrupted. */
const started: ChildProcess[] = [];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of started) if (child.exitCode === null) child.kill('SIGTERM');
    process.exit(130);
  });
}

async function startProcess(name: Target['name'], args: string[], env: NodeJS.ProcessEnv, readyUrl: (port: number) => string, port: number): Promise<Target> {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(join(LOG_DIR, `${name}-N${N}.log`), 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env['PATH'], ...env, PORT: String(port) }, stdio: ['ignore', log, log] });
  closeSync(log);
  started.push(child);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${LOG_DIR}`);
    try {
      const res = await fetch(readyUrl(port));
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start; see ${LOG_DIR}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { name, process: child, port };
}

/** The CRMS instances started when their first scenario comes (the main one, `crms`, from the start). */
const LATER_INSTANCES: Partial<Record<Target['name'], { env: NodeJS.ProcessEnv; port: number }>> = {
  'crms-nocache': { env: crmsEnv(0), port: 18_103 },
  'crms-unlocked': { env: crmsEnv(300, { DB_WRITE_LOCKS: 'off' }), port: 18_104 },
  [TRACED_INSTANCE]: { env: crmsEnv(300, TRACED_ENV), port: 18_105 },
};

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
    AUTH_SYNC_INTERVAL_MS: '60000',
    ...extra,
  };
}

async function stopProcess(target: Target): Promise<void> {
  if (target.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => target.process.once('exit', () => resolve()));
  target.process.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (target.process.exitCode === null) target.process.kill('SIGKILL');
}

/** Cancels the local FerretDB reads running for more than `seconds` (scripts/db.sh cancel-stale); how many. */
function cancelStaleReads(seconds: number): number {
  return Number(execFileSync(join(ROOT, 'scripts', 'db.sh'), ['cancel-stale', String(seconds)]).toString().trim());
}

/** Cancels, every 10 s, local FerretDB reads no client waits for any more. */
function reapStaleReads(): void {
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
function cancelAbandonedReads(): void {
  const cancelled = cancelStaleReads(0);
  if (cancelled > 0) process.stderr.write(`[bench] cancelled ${cancelled} abandoned database read(s) before the next scenario\n`);
}

// ------------------------------------------------------------------------------------------- load

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** MemAvailable in MiB: FerretDB v1 materialises every document a non-pushed-down query reads. */
function availableMiB(): number {
  const match = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.POSITIVE_INFINITY;
}

async function waitForMemory(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (availableMiB() < MEMORY_FLOOR_MIB * 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** One request on its own: its latency, even when the database makes a scenario too slow to load. */
async function probe(target: Target, spec: LoadSpec, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${target.port}${spec.path()}`, {
      method: spec.method ?? 'GET',
      headers: { ...headers, ...(spec.body ? { 'content-type': 'application/json' } : {}) },
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
const errorsOf = (m: Measurement) =>
  m.errors + m.non2xx + (m.singleRequestStatus !== undefined && (m.singleRequestStatus < 200 || m.singleRequestStatus > 299) ? 1 : 0);

/** The measurement of a load that was not run (its single request already took longer than the scenario). */
const notLoaded = (): Measurement => ({
  requests: 0, requestsPerSecond: 0, p50: 0, p95: 0, p99: 0, errors: 0, non2xx: 0, cpuMsPerRequest: 0, cpuMsPerRequestNetOfIdle: 0, dbCpuMsPerRequest: 0, notLoaded: true,
});

/** Asks until the figures come from the cache (the first computation may take long on FerretDB). */
async function warmAnalyticsCache(target: Target, headers: Record<string, string>): Promise<boolean> {
  const deadline = Date.now() + 2 * REQUEST_TIMEOUT_S * 1000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${target.port}/api/customers/analytics`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000) });
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
async function idleCpuMsPerSecond(target: Target, seconds = 5): Promise<number> {
  const before = cpuTicks(target.process.pid ?? 0);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return round(ticksToMs(cpuTicks(target.process.pid ?? 0) - before) / seconds, 2);
}

async function load(target: Target, spec: LoadSpec, headers: Record<string, string>, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  const cpuBefore = cpuTicks(target.process.pid ?? 0);
  const dbBefore = databaseTicks();
  let abortedForMemory = false;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${target.port}`,
        connections: spec.connections ?? CONNECTIONS,
        duration: seconds,
        timeout: REQUEST_TIMEOUT_S,
        headers: { ...headers, ...(spec.body ? { 'content-type': 'application/json' } : {}) },
        requests: [
          {
            method: spec.method ?? 'GET',
            ...(spec.body ? { body: spec.body } : {}),
            setupRequest: (request) => ({ ...request, path: spec.path() }),
          },
        ],
      },
      (err: unknown, res: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const guard = setInterval(() => {
      if (availableMiB() < MEMORY_FLOOR_MIB) {
        abortedForMemory = true;
        instance.stop();
      }
    }, 250);
    instance.on('done', () => clearInterval(guard));
  });
  const cpuMs = ticksToMs(cpuTicks(target.process.pid ?? 0) - cpuBefore);
  const dbMs = ticksToMs(databaseTicks() - dbBefore);
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    requests,
    requestsPerSecond: round(requests / seconds, 1),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest: requests > 0 ? round(cpuMs / requests, 3) : 0,
    cpuMsPerRequestNetOfIdle: requests > 0 ? round(Math.max(0, cpuMs - (target.idleCpuMsPerSecond ?? 0) * seconds) / requests, 3) : 0,
    dbCpuMsPerRequest: requests > 0 ? round(dbMs / requests, 3) : 0,
    ...(abortedForMemory ? { abortedForMemory } : {}),
  };
}

// ------------------------------------------------------------------------------------------ main

function rotate<T>(list: T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length] as T;
}

async function main(): Promise<void> {
  const client = await MongoClient.connect(URI);
  const db = client.db(DB_NAME);
  const info = await db.admin().command({ buildInfo: 1 });
  let database = typeof info['ferretdbVersion'] === 'string'
    ? `FerretDB ${String(info['ferretdbVersion'])} (PostgreSQL backend), MongoDB wire ${String(info['version'])}`
    : `MongoDB ${String(info['version'])}`;
  const isFerretDb = database.startsWith('FerretDB');
  // FerretDB v1 pushes only equality filters down: a sort, range, regex or filtered count reads and
  // materialises the whole collection in its own memory, so those scenarios get few connections there
  const heavy = isFerretDb ? HEAVY_CONNECTIONS : CONNECTIONS;
  if (process.env['BENCH_RESEED'] === '1' || (await seededCount(db)) !== N) {
    process.stderr.write(`[bench] seeding ${N.toLocaleString('en')} customers into ${DB_NAME}\n`);
    await seed({ db, count: N });
  } else {
    process.stderr.write(`[bench] reusing the seeded ${DB_NAME}\n`);
  }
  const localFerretDb = isFerretDb && process.env['BENCH_MONGODB_URI'] === undefined;
  if (localFerretDb) {
    // the local FerretDB cannot use its _id index for lookups (scripts/db.sh id-indexes explains)
    execFileSync(join(ROOT, 'scripts', 'db.sh'), ['id-indexes', DB_NAME], { stdio: 'inherit' });
    database += '; with a GIN index on `_id` in each PostgreSQL table (`scripts/db.sh id-indexes`: FerretDB v1 looks documents up by `_id` with a containment operator its own btree index cannot serve); reads still running in PostgreSQL after every client gave up cancelled every 10 s (`scripts/db.sh cancel-stale`: FerretDB v1 answers MaxTimeMSExpired but lets the query run on)';
  }
  const customers = db.collection('customers');
  const sample = await customers.find({}, { projection: { _id: 1 }, limit: 5000 }).toArray();
  const ids = sample.map((d) => (d._id as ObjectId).toHexString());
  // deep page in the middle of the whole list (newest first)
  const deepPage = Math.max(2, Math.floor(N / 2 / PAGE_SIZE));
  const skip = (deepPage - 1) * PAGE_SIZE;
  // the last customer of the page before, found here without a server-side sort (FerretDB would
  // materialise and sort the whole collection in its memory): stream two fields, sort in this process
  const positions: { id: ObjectId; at: Date }[] = [];
  for await (const d of customers.find({}, { projection: { createdAt: 1 }, batchSize: 10_000 })) {
    positions.push({ id: d._id as ObjectId, at: d['createdAt'] as Date });
  }
  positions.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.toHexString().localeCompare(a.id.toHexString()));
  const position = positions[skip - 1];
  if (!position) throw new Error('data set too small for the deep page');
  const before = { _id: position.id, createdAt: position.at };
  positions.length = 0;
  // only now: the set-up reads above are this process's own and may take longer than a request
  if (localFerretDb) reapStaleReads();
  // the cursor the API would have issued after page deepPage - 1 (same sorting, no filters)
  const cursor = encodeCursor({
    sortBy: 'createdAt',
    sortOrder: 'desc',
    value: before.createdAt,
    id: before._id.toHexString(),
    page: deepPage,
    filters: filterFingerprint({}),
  });
  await client.close();

  const dist = (p: string) => join(ROOT, 'dist', p);
  const baseline = await startProcess('baseline', [dist('bench/baseline.js')], { BENCH_MONGODB_URI: URI, BENCH_DB: DB_NAME }, (p) => `http://127.0.0.1:${p}/nothing`, 18_101);
  const crms = await startProcess('crms', [dist('src/server.js')], crmsEnv(300), (p) => `http://127.0.0.1:${p}/health`, 18_102);
  const targets: Target[] = [baseline, crms];
  await new Promise((resolve) => setTimeout(resolve, 3000)); // let start-up work settle
  for (const t of targets) t.idleCpuMsPerSecond = await idleCpuMsPerSecond(t);
  process.stderr.write(`[bench] idle CPU: crms ${crms.idleCpuMsPerSecond} ms/s, baseline ${baseline.idleCpuMsPerSecond} ms/s\n`);
  const adminToken = jwt.sign({ userId: 'bbbbbbbbbbbbbbbbbbbbbbbb', email: 'admin@example.com', role: 'Administrator' }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '2h' });
  const admin = { authorization: `Bearer ${adminToken}` };
  const internal = { 'x-service-api-key': API_KEY };
  const searches = ['pri', 'sharma', 'kumar', 'anjali', 'iyer', 'meh', 'rao', '98450', 'gupta', 'nair', 'vikram', 'das'];
  const incrementBody = JSON.stringify({ increment: { totalOrders: 1, totalOrderValue: 100 } });
  const listQuery = 'status=Active&type=Premium&sortBy=totalOrderValue&sortOrder=desc';
  const increment = (name: string, description: string, target: Target['name']): Scenario => ({
    name,
    description,
    crms: { target, method: 'PATCH', body: incrementBody, path: (() => { const next = rotate(ids); return () => `/api/customers/internal/${next()}/statistics`; })() },
    baseline: { method: 'PATCH', body: incrementBody, path: (() => { const next = rotate(ids); return () => `/inc/${next()}`; })() },
  });

  const scenarios: Scenario[] = [
    {
      name: 'GET by id',
      description: `GET /api/customers/{id}, ${ids.length} ids in rotation`,
      crms: { target: 'crms', path: (() => { const next = rotate(ids); return () => `/api/customers/${next()}`; })() },
      baseline: { path: (() => { const next = rotate(ids); return () => `/id/${next()}`; })() },
    },
    ...(TRACING_ENABLED
      ? [{
          name: TRACED_SCENARIO,
          description: 'the same GET on an instance with tracing on (bench/tracing.ts); the plain GET by id runs with tracing off',
          crms: { target: TRACED_INSTANCE, path: (() => { const next = rotate(ids); return () => `/api/customers/${next()}`; })() },
          baseline: { path: (() => { const next = rotate(ids); return () => `/id/${next()}`; })() },
        } satisfies Scenario]
      : []),
    {
      name: 'list page 1 (filter+sort)',
      description: `GET /api/customers?${listQuery}&limit=${PAGE_SIZE}`,
      crms: { target: 'crms', path: () => `/api/customers?${listQuery}&limit=${PAGE_SIZE}`, connections: heavy },
      baseline: { path: () => `/list?${listQuery}&limit=${PAGE_SIZE}`, connections: heavy },
    },
    {
      name: `deep page by offset (page ${deepPage})`,
      description: `GET /api/customers?page=${deepPage}&limit=${PAGE_SIZE} (newest first; skips ${skip.toLocaleString('en')})`,
      crms: { target: 'crms', path: () => `/api/customers?page=${deepPage}&limit=${PAGE_SIZE}`, connections: heavy },
      baseline: { path: () => `/list?skip=${skip}&limit=${PAGE_SIZE}`, connections: heavy },
    },
    {
      name: `deep page by cursor (page ${deepPage})`,
      description: 'GET /api/customers?cursor=… (the same page by keyset); baseline: the same skip/limit',
      crms: { target: 'crms', path: () => `/api/customers?limit=${PAGE_SIZE}&cursor=${cursor}`, connections: heavy },
      baseline: { path: () => `/list?skip=${skip}&limit=${PAGE_SIZE}`, connections: heavy },
    },
    {
      name: 'search',
      description: `GET /api/customers/search?q=… (${searches.length} terms in rotation); baseline: unanchored case-insensitive regex`,
      crms: { target: 'crms', path: (() => { const next = rotate(searches); return () => `/api/customers/search?q=${next()}&limit=${PAGE_SIZE}`; })(), connections: heavy },
      baseline: { path: (() => { const next = rotate(searches); return () => `/search?q=${next()}&limit=${PAGE_SIZE}`; })(), connections: heavy },
    },
    {
      name: 'analytics cold',
      description: 'GET /api/customers/analytics on an instance with CACHE_TTL=0, 1 connection',
      crms: { target: 'crms-nocache', path: () => '/api/customers/analytics', connections: 1 },
      baseline: { path: () => '/analytics', connections: 1 },
    },
    {
      name: 'analytics cached',
      description: 'GET /api/customers/analytics (CACHE_TTL=300, in process); baseline: computing (the cold baseline)',
      crms: { target: 'crms', path: () => '/api/customers/analytics' },
      baseline: 'reuse-analytics-cold',
    },
    increment(INCREMENT, 'PATCH /api/customers/internal/{id}/statistics {increment}, ids in rotation', 'crms'),
    // on FerretDB, DB_WRITE_LOCKS=auto takes a lease per write (two more database writes per
    // increment, src/data/write-lock.ts); MongoDB updates atomically and runs without it
    ...(isFerretDb
      ? [increment(
          INCREMENT_UNLOCKED,
          'the same PATCH on an instance with DB_WRITE_LOCKS=off: the request path CRMS runs on MongoDB, where no lease is taken (on FerretDB two concurrent increments of one customer could then lose one; the bench does not check the counts)',
          'crms-unlocked',
        )]
      : []),
  ];

  const results: { name: string; description: string; connections: number; crms: Measurement; baseline: Measurement }[] = [];
  const sink = TRACING_ENABLED ? await startSpanSink() : undefined;
  try {
    let analyticsCold: Measurement | undefined;
    for (const scenario of scenarios.filter((sc) => ONLY.length === 0 || ONLY.some((o) => sc.name.toLowerCase().startsWith(o)))) {
      if (localFerretDb) cancelAbandonedReads();
      let crmsTarget = targets.find((t) => t.name === scenario.crms.target);
      if (!crmsTarget) {
        const later = LATER_INSTANCES[scenario.crms.target];
        if (!later) throw new Error(`${scenario.name}: no CRMS instance ${scenario.crms.target}`);
        const { env, port } = later;
        crmsTarget = await startProcess(scenario.crms.target, [dist('src/server.js')], env, (p) => `http://127.0.0.1:${p}/health`, port);
        crmsTarget.idleCpuMsPerSecond = await idleCpuMsPerSecond(crmsTarget);
        targets.push(crmsTarget);
      }
      const headers = scenario.crms.method === 'PATCH' ? internal : admin;
      // the cache can only be measured once the figures could be computed at all
      const cacheCold = scenario.name === 'analytics cached' && !(await warmAnalyticsCache(crmsTarget, headers));
      // warm-up (spec loading, JIT, connection pools) and one request on its own, not part of the load
      await waitForMemory();
      const crmsSingle = await probe(crmsTarget, scenario.crms, headers);
      if (crmsSingle.ms < 1000) await load(crmsTarget, scenario.crms, headers, 2);
      const baselineSingle = scenario.baseline === 'reuse-analytics-cold' ? undefined : await probe(baseline, scenario.baseline, {});
      if (scenario.baseline !== 'reuse-analytics-cold' && (baselineSingle?.ms ?? 0) < 1000) await load(baseline, scenario.baseline, {}, 2);
      if (crmsSingle.status >= 400 && crmsSingle.status < 500) {
        throw new Error(`${scenario.name}: CRMS answered ${crmsSingle.status} to ${scenario.crms.path()}; the scenario is wrong`);
      }
      process.stderr.write(`[bench] ${scenario.name}: single request ${crmsSingle.ms} ms (HTTP ${crmsSingle.status}) / baseline ${baselineSingle?.ms ?? '–'} ms; crms…`);
      await waitForMemory();
      // a target whose one request outlasts the scenario would only pile requests up in the database
      const tooSlow = (single: { ms: number; status: number }) => single.status === 0 || single.ms > DURATION * 1000;
      const crmsResult = {
        ...(tooSlow(crmsSingle) || cacheCold ? notLoaded() : await load(crmsTarget, scenario.crms, headers, DURATION)),
        singleRequestMs: crmsSingle.ms,
        singleRequestStatus: crmsSingle.status,
      };
      process.stderr.write(` ${crmsResult.requestsPerSecond} req/s; baseline…`);
      await waitForMemory();
      const baselineResult =
        scenario.baseline === 'reuse-analytics-cold'
          ? (analyticsCold ?? (() => { throw new Error('analytics cold must run first'); })())
          : {
              ...(baselineSingle && tooSlow(baselineSingle) ? notLoaded() : await load(baseline, scenario.baseline, {}, DURATION)),
              singleRequestMs: baselineSingle?.ms ?? 0,
              singleRequestStatus: baselineSingle?.status ?? 0,
            };
      process.stderr.write(` ${baselineResult.requestsPerSecond} req/s\n`);
      if (scenario.name === 'analytics cold') analyticsCold = baselineResult;
      results.push({ name: scenario.name, description: scenario.description, connections: scenario.crms.connections ?? CONNECTIONS, crms: crmsResult, baseline: baselineResult });
    }
  } finally {
    for (const t of targets) await stopProcess(t);
    await sink?.close();
  }
  const spans = sink ? { exports: sink.exports(), bytes: sink.bytes() } : undefined;
  report(results, database, deepPage, { crms: crms.idleCpuMsPerSecond, baseline: baseline.idleCpuMsPerSecond }, spans);
}

// ---------------------------------------------------------------------------------------- report

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function report(
  results: { name: string; description: string; connections: number; crms: Measurement; baseline: Measurement }[],
  database: string,
  deepPage: number,
  idle: { crms: number | undefined; baseline: number | undefined },
  spans?: { exports: number; bytes: number },
): void {
  const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'bench') ? ' (uncommitted changes in src/ or bench/)' : ''}`;
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`;
  const ratio = (a: number, b: number) => (a > 0 && b > 0 ? round(a / b, 2) : null);
  const rows = results.map((r) => ({
    ...r,
    ratios: {
      requestsPerSecond: ratio(r.crms.requestsPerSecond, r.baseline.requestsPerSecond),
      p99: ratio(r.crms.p99, r.baseline.p99),
      cpuMsPerRequest: ratio(r.crms.cpuMsPerRequest, r.baseline.cpuMsPerRequest),
      cpuMsPerRequestNetOfIdle: ratio(r.crms.cpuMsPerRequestNetOfIdle, r.baseline.cpuMsPerRequestNetOfIdle),
    },
  }));
  const find = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
  const target = (label: string, value: number | null | undefined, ok: (v: number) => boolean, shown: string) => ({
    target: label,
    measured: value === null || value === undefined ? 'n/a' : shown,
    met: value !== null && value !== undefined && ok(value),
  });
  const byId = find('GET by id');
  const incrementTarget = (label: string, name: string) => {
    const v = rows.find((r) => r.name === name)?.ratios.requestsPerSecond;
    return target(`${label}: req/s ≥ 50 % of baseline`, v, (x) => x >= 0.5, `${round((v ?? 0) * 100, 0)} %`);
  };
  const targets = [
    ...['GET by id', 'list page 1', 'search'].map((name) => {
      const r = find(name);
      return target(
        `${name}: CPU/request ≤ 2× baseline (raw; net of idle)`,
        r?.ratios.cpuMsPerRequest,
        (v) => v <= 2,
        `${r?.ratios.cpuMsPerRequest ?? 'n/a'}×; ${r?.ratios.cpuMsPerRequestNetOfIdle ?? 'n/a'}×`,
      );
    }),
    target('GET by id: req/s ≥ 60 % of baseline', byId?.ratios.requestsPerSecond, (v) => v >= 0.6, `${round((byId?.ratios.requestsPerSecond ?? 0) * 100, 0)} %`),
    target('GET by id: p99 ≤ 2× baseline', byId?.ratios.p99, (v) => v <= 2, `${byId?.ratios.p99 ?? 'n/a'}×`),
    target('analytics cached: p95 ≤ 10 ms', find('analytics cached')?.crms.requests ? find('analytics cached')?.crms.p95 : undefined, (v) => v <= 10, `${find('analytics cached')?.crms.p95 ?? 'n/a'} ms`),
    incrementTarget('increment', INCREMENT),
    ...(rows.some((r) => r.name === INCREMENT_UNLOCKED) ? [incrementTarget('increment, write locks off (the MongoDB request path)', INCREMENT_UNLOCKED)] : []),
    target('zero errors in every scenario (CRMS)', rows.reduce((n, r) => n + errorsOf(r.crms), 0), (v) => v === 0, `${rows.reduce((n, r) => n + errorsOf(r.crms), 0)} CRMS / ${rows.reduce((n, r) => n + errorsOf(r.baseline), 0)} baseline`),
  ];
  const json = {
    generatedAt: new Date().toISOString(),
    machine,
    loadAverageAtEnd: loadavg().map((l) => round(l)),
    database,
    customers: N,
    commit,
    idleCpuMsPerSecond: idle,
    settings: { durationSeconds: DURATION, connections: CONNECTIONS, pageSize: PAGE_SIZE, deepPage, crms: 'node dist/src/server.js, ENVIRONMENT=production (response validation off), LOG_LEVEL=info, RATE_LIMIT_MAX raised' },
    scenarios: rows,
    targets,
  };
  // a partial run (BENCH_SCENARIOS) never replaces the published report
  const outDir = ONLY.length > 0 ? LOG_DIR : join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, `${database.startsWith('FerretDB') ? 'ferretdb' : 'mongodb'}-N${N}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  const fmt = (m: Measurement) => [
    m.notLoaded ? 'not loaded¹' : `${m.requestsPerSecond}${m.abortedForMemory ? ' (stopped: memory)' : ''}`,
    ...(m.requests > 0 ? [m.p50, m.p95, m.p99] : ['–', '–', '–']),
    errorsOf(m),
    m.requests > 0 ? m.cpuMsPerRequest : '–',
    m.requests > 0 ? m.cpuMsPerRequestNetOfIdle : '–',
    m.requests > 0 ? m.dbCpuMsPerRequest : '–',
    m.singleRequestMs === undefined
      ? '–'
      : `${m.singleRequestMs}${m.singleRequestStatus !== undefined && m.singleRequestStatus !== 200 ? ` (${m.singleRequestStatus === 0 ? 'no answer' : `HTTP ${m.singleRequestStatus}`})` : ''}`,
  ];
  const lines = [
    `# CRMS benchmark: ${N.toLocaleString('en')} customers`,
    '',
    `- Generated: ${json.generatedAt} (\`BENCH_CUSTOMERS=${N} make bench\`)`,
    `- Commit: ${commit}`,
    `- Machine: ${machine}; load average at the end ${json.loadAverageAtEnd.join(' ')}`,
    `- Database: ${database}, on the same machine`,
    `- Each scenario: ${DURATION} s per target after a 2 s warm-up, ${CONNECTIONS} connections unless noted, autocannon in a separate process over loopback`,
    `- CPU/req: user+sys CPU of the API process per request (/proc/<pid>/stat); net of idle: less the CPU the same process spends with no requests (CRMS ${idle.crms} ms/s, baseline ${idle.baseline} ms/s: timers, driver monitoring, GC), which weighs when the database allows only a few requests per second; DB CPU/req: all FerretDB + PostgreSQL processes per request (other work on the machine included)`,
    '',
    '| scenario | conns | target | req/s | p50 ms | p95 ms | p99 ms | errors | CPU/req ms | CPU/req net of idle ms | DB CPU/req ms | one request ms | req/s ratio | p99 ratio | CPU/req ratio |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.flatMap((r) => [
      `| ${r.name} | ${r.connections} | CRMS | ${fmt(r.crms).join(' | ')} | ${r.ratios.requestsPerSecond ?? '–'} | ${r.ratios.p99 ?? '–'} | ${r.ratios.cpuMsPerRequest ?? '–'} (net ${r.ratios.cpuMsPerRequestNetOfIdle ?? '–'}) |`,
      `| | | baseline | ${fmt(r.baseline).join(' | ')} | | | |`,
    ]),
    '',
    '¹ not loaded: one request on its own took longer than the whole scenario (or got no answer), so only that request is reported.',
    '',
    'Scenarios:',
    ...rows.map((r) => `- **${r.name}**: ${r.description}`),
    '',
    '## Targets (issue 5)',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    ...tracingSummary(rows, spans),
  ];
  writeFileSync(`${base}.md`, `${lines.join('\n')}\n`);
  process.stderr.write(`[bench] wrote ${base}.md and .json\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
