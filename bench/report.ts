/**
 * The benchmark report: per scenario the CRMS and baseline measurements and their ratios, the
 * targets of issue 5 met or not, written as JSON and markdown to bench/results/ (a partial run,
 * BENCH_SCENARIOS, to .local/bench, never replacing the published report).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { errorsOf, type Measurement } from './measurement.js';
import { ANALYTICS_CACHED, INCREMENT, INCREMENT_UNLOCKED } from './scenarios.js';
import { CONNECTIONS, DURATION, LOG_DIR, N, ONLY, PAGE_SIZE, ROOT, round } from './settings.js';
import { eventsSummary, type SubscribedLoad, type ThroughputResult } from './events.js';
import { tracingSummary } from './tracing.js';

export interface ScenarioResult {
  name: string;
  description: string;
  connections: number;
  crms: Measurement;
  baseline: Measurement;
}

export interface RunFacts {
  database: string;
  deepPage: number;
  idle: { crms: number | undefined; baseline: number | undefined };
  /** The database's CPU in ms/s with no request: before CRMS started and with it running idle. */
  idleDatabase?: { withoutCrms: number; withCrms: number; seconds: number } | undefined;
  spans?: { exports: number; bytes: number } | undefined;
  /** Issue 22: what the sink received during the subscribed load, and the delivery throughput. */
  subscribedLoad?: SubscribedLoad | undefined;
  throughput?: ThroughputResult | undefined;
}

type Row = ScenarioResult & {
  ratios: { requestsPerSecond: number | null; p99: number | null; cpuMsPerRequest: number | null; cpuMsPerRequestNetOfIdle: number | null };
};
interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

const ratio = (a: number, b: number) => (a > 0 && b > 0 ? round(a / b, 2) : null);

function withRatios(r: ScenarioResult): Row {
  return {
    ...r,
    ratios: {
      requestsPerSecond: ratio(r.crms.requestsPerSecond, r.baseline.requestsPerSecond),
      p99: ratio(r.crms.p99, r.baseline.p99),
      cpuMsPerRequest: ratio(r.crms.cpuMsPerRequest, r.baseline.cpuMsPerRequest),
      cpuMsPerRequestNetOfIdle: ratio(r.crms.cpuMsPerRequestNetOfIdle, r.baseline.cpuMsPerRequestNetOfIdle),
    },
  };
}

const check = (label: string, value: number | null | undefined, ok: (v: number) => boolean, shown: string): TargetCheck => ({
  target: label,
  measured: value === null || value === undefined ? 'n/a' : shown,
  met: value !== null && value !== undefined && ok(value),
});

/** What an idle CRMS may add to the database's CPU: 2 % of a core (issue 24). */
const IDLE_DATABASE_MS_PER_S = 20;

/** The targets of issues 5 and 24, each with what was measured and whether it is met. */
function targetChecks(rows: Row[], idleDatabase: RunFacts['idleDatabase']): TargetCheck[] {
  const find = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
  const byId = find('GET by id');
  const cached = find(ANALYTICS_CACHED);
  const incrementCheck = (label: string, name: string) => {
    const v = rows.find((r) => r.name === name)?.ratios.requestsPerSecond;
    return check(`${label}: req/s ≥ 50 % of baseline`, v, (x) => x >= 0.5, `${round((v ?? 0) * 100, 0)} %`);
  };
  const errors = (side: 'crms' | 'baseline') => rows.reduce((n, r) => n + errorsOf(r[side]), 0);
  return [
    ...['GET by id', 'list page 1', 'search'].map((name) => {
      const r = find(name);
      return check(
        `${name}: CPU/request ≤ 2× baseline (raw; net of idle)`,
        r?.ratios.cpuMsPerRequest,
        (v) => v <= 2,
        `${r?.ratios.cpuMsPerRequest ?? 'n/a'}×; ${r?.ratios.cpuMsPerRequestNetOfIdle ?? 'n/a'}×`,
      );
    }),
    check(
      'GET by id: req/s ≥ 60 % of baseline',
      byId?.ratios.requestsPerSecond,
      (v) => v >= 0.6,
      `${round((byId?.ratios.requestsPerSecond ?? 0) * 100, 0)} %`,
    ),
    check('GET by id: p99 ≤ 2× baseline', byId?.ratios.p99, (v) => v <= 2, `${byId?.ratios.p99 ?? 'n/a'}×`),
    check(
      'GET by id: one request on its own ≤ 50 ms',
      byId?.crms.singleRequestMs,
      (v) => v <= 50,
      `${byId?.crms.singleRequestMs ?? 'n/a'} ms`,
    ),
    check(
      `idle: CRMS running with no request adds ≤ ${IDLE_DATABASE_MS_PER_S} ms/s of database CPU`,
      idleDatabase && round(idleDatabase.withCrms - idleDatabase.withoutCrms, 1),
      (v) => v <= IDLE_DATABASE_MS_PER_S,
      idleDatabase
        ? `${round(idleDatabase.withCrms - idleDatabase.withoutCrms, 1)} ms/s (${idleDatabase.withoutCrms} without CRMS, ${idleDatabase.withCrms} with it, over ${idleDatabase.seconds} s)`
        : 'n/a',
    ),
    check(
      `${ANALYTICS_CACHED}: p95 ≤ 10 ms`,
      cached?.crms.requests ? cached.crms.p95 : undefined,
      (v) => v <= 10,
      `${cached?.crms.p95 ?? 'n/a'} ms`,
    ),
    incrementCheck('increment', INCREMENT),
    ...(rows.some((r) => r.name === INCREMENT_UNLOCKED)
      ? [incrementCheck('increment, write locks off (the MongoDB request path)', INCREMENT_UNLOCKED)]
      : []),
    check(
      'zero errors in every scenario (CRMS)',
      errors('crms'),
      (v) => v === 0,
      `${errors('crms')} CRMS / ${errors('baseline')} baseline`,
    ),
  ];
}

/** One measurement's cells of the markdown table. */
function cells(m: Measurement): (string | number)[] {
  const measured = <T>(value: T) => (m.requests > 0 ? value : '–');
  const single =
    m.singleRequestMs === undefined
      ? '–'
      : `${m.singleRequestMs}${m.singleRequestStatus !== undefined && m.singleRequestStatus !== 200 ? ` (${m.singleRequestStatus === 0 ? 'no answer' : `HTTP ${m.singleRequestStatus}`})` : ''}`;
  return [
    m.notLoaded ? 'not loaded¹' : `${m.requestsPerSecond}${m.abortedForMemory ? ' (stopped: memory)' : ''}`,
    ...(m.requests > 0 ? [m.p50, m.p95, m.p99] : ['–', '–', '–']),
    errorsOf(m),
    measured(m.cpuMsPerRequest),
    measured(m.cpuMsPerRequestNetOfIdle),
    measured(m.dbCpuMsPerRequest),
    single,
  ];
}

function markdown(
  json: { generatedAt: string; machine: string; loadAverageAtEnd: number[]; commit: string },
  rows: Row[],
  targets: TargetCheck[],
  facts: RunFacts,
): string[] {
  const { idle, database, spans } = facts;
  return [
    `# CRMS benchmark: ${N.toLocaleString('en')} customers`,
    '',
    `- Generated: ${json.generatedAt} (\`BENCH_CUSTOMERS=${N} make bench\`)`,
    `- Commit: ${json.commit}`,
    `- Machine: ${json.machine}; load average at the end ${json.loadAverageAtEnd.join(' ')}`,
    `- Database: ${database}, on the same machine`,
    `- Each scenario: ${DURATION} s per target after a 2 s warm-up, ${CONNECTIONS} connections unless noted, autocannon in a separate process over loopback`,
    `- Idle database CPU (FerretDB + PostgreSQL, or the database processes on this machine) over ${facts.idleDatabase?.seconds ?? '–'} s with no request: ${facts.idleDatabase?.withoutCrms ?? '–'} ms/s before CRMS starts, ${facts.idleDatabase?.withCrms ?? '–'} ms/s with CRMS running (default AUTH_SYNC_INTERVAL_MS), after its start-up count`,
    `- CPU/req: user+sys CPU of the API process per request (/proc/<pid>/stat); net of idle: less the CPU the same process spends with no requests (CRMS ${idle.crms} ms/s, baseline ${idle.baseline} ms/s: timers, driver monitoring, GC), which weighs when the database allows only a few requests per second; DB CPU/req: all FerretDB + PostgreSQL processes per request (other work on the machine included)`,
    '',
    '| scenario | conns | target | req/s | p50 ms | p95 ms | p99 ms | errors | CPU/req ms | CPU/req net of idle ms | DB CPU/req ms | one request ms | req/s ratio | p99 ratio | CPU/req ratio |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.flatMap((r) => [
      `| ${r.name} | ${r.connections} | CRMS | ${cells(r.crms).join(' | ')} | ${r.ratios.requestsPerSecond ?? '–'} | ${r.ratios.p99 ?? '–'} | ${r.ratios.cpuMsPerRequest ?? '–'} (net ${r.ratios.cpuMsPerRequestNetOfIdle ?? '–'}) |`,
      `| | | baseline | ${cells(r.baseline).join(' | ')} | | | |`,
    ]),
    '',
    '¹ not loaded: one request on its own took longer than the whole scenario (or got no answer), so only that request is reported.',
    '',
    'Scenarios:',
    ...rows.map((r) => `- **${r.name}**: ${r.description}`),
    '',
    '## Targets (issues 5 and 24)',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    ...tracingSummary(rows, spans),
    ...eventsSummary(rows, facts),
  ];
}

/** Writes the report of a run as `<database>-N<customers>.json` and `.md`. */
export function report(results: ScenarioResult[], facts: RunFacts): void {
  const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'bench') ? ' (uncommitted changes in src/ or bench/)' : ''}`;
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`;
  const rows = results.map(withRatios);
  const targets = targetChecks(rows, facts.idleDatabase);
  const json = {
    generatedAt: new Date().toISOString(),
    machine,
    loadAverageAtEnd: loadavg().map((l) => round(l)),
    database: facts.database,
    customers: N,
    commit,
    idleCpuMsPerSecond: facts.idle,
    idleDatabaseCpuMsPerSecond: facts.idleDatabase,
    settings: {
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      pageSize: PAGE_SIZE,
      deepPage: facts.deepPage,
      crms: 'node dist/src/server.js, ENVIRONMENT=production (response validation off), LOG_LEVEL=info, RATE_LIMIT_MAX raised',
    },
    scenarios: rows,
    targets,
    ...(facts.throughput || facts.subscribedLoad ? { events: { subscribedLoad: facts.subscribedLoad, throughput: facts.throughput } } : {}),
  };
  const outDir = ONLY.length > 0 ? LOG_DIR : join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, `${facts.database.startsWith('FerretDB') ? 'ferretdb' : 'mongodb'}-N${N}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown(json, rows, targets, facts).join('\n')}\n`);
  process.stderr.write(`[bench] wrote ${base}.md and .json\n`);
}
