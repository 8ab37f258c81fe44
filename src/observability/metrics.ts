import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of CRMS.
 *
 * Each app instance owns a {@link Metrics} with its own `Registry` (tests build many apps in one
 * process; nothing is registered in prom-client's global registry). The sibling-call metrics are
 * the exception: the HTTP clients of src/clients/ report through the plain functions
 * {@link recordSiblingCall} and {@link setBreakerState}, which write to process-wide series that
 * every registry exposes (a production process runs one app, so this is the same thing there).
 */

export const METRIC_PREFIX = 'crms_';

/** Sibling services CRMS calls. */
export type SiblingServiceName = 'auth' | 'order' | 'complaint';
/** How one sibling call ended, as the client classifies it. */
export type SiblingCallOutcome =
  'success' | 'client_error' | 'server_error' | 'timeout' | 'network_error' | 'contract_violation' | 'circuit_open';
export type CircuitBreakerState = 'closed' | 'open' | 'halfOpen' | 'isolated';

const BREAKER_STATES: readonly CircuitBreakerState[] = ['closed', 'open', 'halfOpen', 'isolated'];

const siblingCalls = new Counter({
  name: `${METRIC_PREFIX}sibling_calls_total`,
  help: 'Calls to the sibling services (Auth, Order, Complaint) by service and outcome.',
  labelNames: ['service', 'outcome'] as const,
  registers: [],
});

const siblingDuration = new Histogram({
  name: `${METRIC_PREFIX}sibling_call_duration_seconds`,
  help: 'Duration of calls to the sibling services (retries included) by service and outcome.',
  labelNames: ['service', 'outcome'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [],
});

const breakerState = new Gauge({
  name: `${METRIC_PREFIX}sibling_circuit_breaker_state`,
  help: 'Circuit breaker state per sibling service: 1 for the current state, 0 for the others.',
  labelNames: ['service', 'state'] as const,
  registers: [],
});

for (const service of ['auth', 'order', 'complaint'] as const) {
  for (const state of BREAKER_STATES) breakerState.set({ service, state }, state === 'closed' ? 1 : 0);
}

/** Counts one call to a sibling service (and its duration in seconds when known). */
export function recordSiblingCall(service: SiblingServiceName, outcome: SiblingCallOutcome, durationSeconds?: number): void {
  siblingCalls.inc({ service, outcome });
  if (durationSeconds !== undefined && Number.isFinite(durationSeconds) && durationSeconds >= 0) {
    siblingDuration.observe({ service, outcome }, durationSeconds);
  }
}

/** Publishes the current circuit-breaker state of a sibling service (call it on every transition). */
export function setBreakerState(service: SiblingServiceName, state: CircuitBreakerState): void {
  for (const s of BREAKER_STATES) breakerState.set({ service, state: s }, s === state ? 1 : 0);
}

export type DbCommandOutcome = 'success' | 'failure';

/** Reads a gauge's value at scrape time; `undefined` leaves the series out of that scrape. */
export type ScrapeValue = () => Promise<number | undefined>;

export interface MetricsOptions {
  /** Node.js process metrics (CPU, memory, event loop lag, GC); on in the server, off in most tests. */
  processMetrics?: boolean;
}

/** The metrics of one app instance, in its own registry. */
export class Metrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'Duration of HTTP requests by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly dbDuration = new Histogram({
    name: `${METRIC_PREFIX}db_command_duration_seconds`,
    help: 'Latency of database commands by command name and outcome.',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly authSyncPasses = new Counter({
    name: `${METRIC_PREFIX}auth_sync_passes_total`,
    help: 'Passes of the Auth-sync worker over the due entries, completed (with or without errors): the worker is alive.',
    registers: [this.registry],
  });

  private readonly webhookAttempts = new Histogram({
    name: `${METRIC_PREFIX}webhook_attempt_duration_seconds`,
    help: 'Event delivery attempts by outcome (delivered, failed, refused) and their duration.',
    labelNames: ['outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(options: MetricsOptions = {}) {
    this.registry.registerMetric(siblingCalls);
    this.registry.registerMetric(siblingDuration);
    this.registry.registerMetric(breakerState);
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeHttpRequest(method: string, route: string, status: number, durationSeconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, durationSeconds);
  }

  observeDbCommand(command: string, outcome: DbCommandOutcome, durationSeconds: number): void {
    this.dbDuration.observe({ command, outcome }, durationSeconds);
  }

  countAuthSyncPass(): void {
    this.authSyncPasses.inc();
  }

  observeWebhookAttempt(outcome: 'delivered' | 'failed' | 'refused', durationSeconds: number): void {
    this.webhookAttempts.observe({ outcome }, durationSeconds);
  }

  /** A gauge whose value is read when Prometheus scrapes (e.g. a count in the database). */
  registerScrapeGauge(name: string, help: string, read: ScrapeValue): void {
    new Gauge({
      name: `${METRIC_PREFIX}${name}`,
      help,
      registers: [this.registry],
      async collect() {
        const value = await read();
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });
  }

  /** The exposition text of every metric of this instance. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  recordSiblingCall = recordSiblingCall;
  setBreakerState = setBreakerState;
}
