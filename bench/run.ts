/**
 * `make bench`: seeds N customers (unless that data set is already there), starts CRMS as the real
 * production build and the bare baseline (bench/baseline.ts) as separate processes, and loads each
 * scenario against both from this process with autocannon over loopback. Reports requests/s,
 * p50/p95/p99 latency, errors, and the CPU time per request of the API process (and of the database
 * processes) from /proc, as markdown and JSON under bench/results/; and the database's CPU over
 * BENCH_IDLE_SECONDS with no request, without CRMS and with it running idle.
 *
 * The parts: settings.ts (environment), scenarios.ts (data set and scenarios), targets.ts (the
 * processes), measurement.ts (one load against one target), report.ts (results and targets),
 * tracing.ts and events.ts (the tracing scenario; the events pair and the delivery throughput).
 *
 * Environment: BENCH_CUSTOMERS (100000), BENCH_DURATION seconds per scenario and target (10),
 * BENCH_CONNECTIONS (10), BENCH_MONGODB_URI (the local FerretDB), BENCH_RESEED=1 to force a new seed,
 * BENCH_SCENARIOS (comma-separated name prefixes: a partial run, reported under .local/bench),
 * BENCH_IDLE_SECONDS (30), BENCH_TRACING=0 to leave out the tracing-on scenario (bench/tracing.ts),
 * BENCH_EVENTS (2000 events for the delivery throughput), BENCH_EVENTS_TIMEOUT_S (600, its wait).
 */
import {
  databaseCpuMsPerSecond,
  idleCpuMsPerSecond,
  load,
  notLoaded,
  probe,
  startUpDone,
  waitForMemory,
  warmAnalyticsCache,
  type Measurement,
} from './measurement.js';
import { report, type RunFacts, type ScenarioResult } from './report.js';
import { ANALYTICS_COLD, ANALYTICS_CACHED, prepareDataSet, scenariosFor, type Scenario } from './scenarios.js';
import { ADMIN, CONNECTIONS, DURATION, EVENTS, IDLE_SECONDS, INTERNAL, selected } from './settings.js';
import { cancelAbandonedReads, reapStaleReads, startBaseline, startCrms, stopTarget, type Target } from './targets.js';
import { EVENTS_INSTANCE, EVENTS_SCENARIO, Events, THROUGHPUT, type SubscribedLoad, type ThroughputResult } from './events.js';
import { TRACING_ENABLED, startSpanSink } from './tracing.js';

/** A target whose one request outlasts the scenario would only pile requests up in the database. */
const tooSlow = (single: { ms: number; status: number }) => single.status === 0 || single.ms > DURATION * 1000;

/** A CRMS instance, started (and its idle CPU measured) when first needed. */
async function crmsTargetOf(name: Scenario['crms']['target'], targets: Target[]): Promise<Target> {
  const running = targets.find((t) => t.name === name);
  if (running) return running;
  const target = await startCrms(name);
  target.idleCpuMsPerSecond = await idleCpuMsPerSecond(target);
  targets.push(target);
  return target;
}

/**
 * One scenario against CRMS and the baseline: a warm-up (spec loading, JIT, connection pools) and
 * one request on its own, not part of the load, then the load of each.
 */
async function runScenario(
  scenario: Scenario,
  crms: Target,
  bareBaseline: Target,
  analyticsCold: Measurement | undefined,
  targets: Target[],
): Promise<ScenarioResult> {
  const headers = scenario.crms.method === 'PATCH' ? INTERNAL : ADMIN;
  // the cache can only be measured once the figures could be computed at all
  const cacheCold = scenario.name === ANALYTICS_CACHED && !(await warmAnalyticsCache(crms, headers));
  const baselineSpec = scenario.baseline === 'reuse-analytics-cold' ? undefined : scenario.baseline;
  // CRMS against itself: the baseline is a request to a CRMS instance, with the same credentials
  const baseline = baselineSpec?.target ? await crmsTargetOf(baselineSpec.target, targets) : bareBaseline;
  const baselineHeaders = baselineSpec?.target ? headers : {};
  await waitForMemory();
  await scenario.crms.prepare?.(crms);
  const crmsSingle = await probe(crms, scenario.crms, headers);
  if (crmsSingle.ms < 1000) await load(crms, scenario.crms, headers, 2);
  await baselineSpec?.prepare?.(baseline);
  const baselineSingle = baselineSpec ? await probe(baseline, baselineSpec, baselineHeaders) : undefined;
  if (baselineSpec && (baselineSingle?.ms ?? 0) < 1000) await load(baseline, baselineSpec, baselineHeaders, 2);
  if (crmsSingle.status >= 400 && crmsSingle.status < 500) {
    throw new Error(`${scenario.name}: CRMS answered ${crmsSingle.status} to ${scenario.crms.path()}; the scenario is wrong`);
  }
  process.stderr.write(
    `[bench] ${scenario.name}: single request ${crmsSingle.ms} ms (HTTP ${crmsSingle.status}) / baseline ${baselineSingle?.ms ?? '–'} ms; crms…`,
  );
  await waitForMemory();
  await scenario.crms.prepare?.(crms);
  const crmsResult = {
    ...(tooSlow(crmsSingle) || cacheCold ? notLoaded() : await load(crms, scenario.crms, headers, DURATION)),
    singleRequestMs: crmsSingle.ms,
    singleRequestStatus: crmsSingle.status,
  };
  process.stderr.write(` ${crmsResult.requestsPerSecond} req/s; baseline…`);
  await waitForMemory();
  let baselineResult: Measurement;
  if (!baselineSpec) {
    if (!analyticsCold) throw new Error(`${ANALYTICS_COLD} must run first`);
    baselineResult = analyticsCold;
  } else {
    await baselineSpec.prepare?.(baseline);
    baselineResult = {
      ...(baselineSingle && tooSlow(baselineSingle) ? notLoaded() : await load(baseline, baselineSpec, baselineHeaders, DURATION)),
      singleRequestMs: baselineSingle?.ms ?? 0,
      singleRequestStatus: baselineSingle?.status ?? 0,
    };
  }
  process.stderr.write(` ${baselineResult.requestsPerSecond} req/s\n`);
  return {
    name: scenario.name,
    description: scenario.description,
    connections: scenario.crms.connections ?? CONNECTIONS,
    crms: crmsResult,
    baseline: baselineResult,
  };
}

async function main(): Promise<void> {
  let idleDatabase: RunFacts['idleDatabase'];
  const data = await prepareDataSet();
  const events = new Events();
  const scenarios = scenariosFor(data, events);
  // only now: the set-up reads are this process's own and may take longer than a request
  if (data.localFerretDb) reapStaleReads();
  const baseline = await startBaseline();
  // the database's CPU with no request, before CRMS starts and with it running (its background work:
  // the Auth-sync pass every AUTH_SYNC_INTERVAL_MS, the write-lock and purge timers)
  process.stderr.write(`[bench] idle database CPU over ${IDLE_SECONDS} s without CRMS…`);
  const databaseWithoutCrms = await databaseCpuMsPerSecond(IDLE_SECONDS);
  const crms = await startCrms('crms');
  const targets: Target[] = [baseline, crms];
  const results: ScenarioResult[] = [];
  const sink = TRACING_ENABLED ? await startSpanSink() : undefined;
  let subscribedLoad: SubscribedLoad | undefined;
  let throughput: ThroughputResult | undefined;
  try {
    if (data.eventIds) await events.start();
    await startUpDone(crms);
    // a start-up count that failed (a loaded machine) may still run in PostgreSQL
    if (data.localFerretDb) cancelAbandonedReads();
    process.stderr.write(` ${databaseWithoutCrms} ms/s; with CRMS idle…`);
    const databaseWithCrms = await databaseCpuMsPerSecond(IDLE_SECONDS);
    process.stderr.write(` ${databaseWithCrms} ms/s\n`);
    idleDatabase = { withoutCrms: databaseWithoutCrms, withCrms: databaseWithCrms, seconds: IDLE_SECONDS };
    for (const t of targets) t.idleCpuMsPerSecond = await idleCpuMsPerSecond(t);
    process.stderr.write(`[bench] idle CPU: crms ${crms.idleCpuMsPerSecond} ms/s, baseline ${baseline.idleCpuMsPerSecond} ms/s\n`);
    let analyticsCold: Measurement | undefined;
    for (const scenario of scenarios) {
      if (data.localFerretDb) cancelAbandonedReads();
      const result = await runScenario(scenario, await crmsTargetOf(scenario.crms.target, targets), baseline, analyticsCold, targets);
      if (scenario.name === ANALYTICS_COLD) analyticsCold = result.baseline;
      if (scenario.name === EVENTS_SCENARIO) subscribedLoad = { delivered: events.lastDelivered };
      results.push(result);
    }
    if (data.eventIds && selected(THROUGHPUT)) {
      process.stderr.write(`[bench] ${THROUGHPUT}: ${EVENTS} events…`);
      throughput = await events.throughput(await crmsTargetOf(EVENTS_INSTANCE, targets), data.eventIds);
      process.stderr.write(` ${throughput.received} delivered, ${throughput.eventsPerSecond} events/s\n`);
    }
  } finally {
    for (const t of targets) await stopTarget(t);
    await sink?.close();
    await events.close();
  }
  const spans = sink ? { exports: sink.exports(), bytes: sink.bytes() } : undefined;
  report(results, {
    database: data.database,
    deepPage: data.deepPage,
    idle: { crms: crms.idleCpuMsPerSecond, baseline: baseline.idleCpuMsPerSecond },
    idleDatabase,
    spans,
    subscribedLoad,
    throughput,
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
