/**
 * The tracing scenario of `make bench` (BENCH_TRACING=0 leaves it out): GET by id against a second
 * CRMS instance with OpenTelemetry on (every request sampled, spans exported over OTLP/HTTP to a sink
 * on loopback in this process), beside the plain `GET by id` whose instance has tracing off, the
 * default (no OTEL_* variable: the SDK is not even loaded). The report states both CPU figures.
 */
import { createServer, type Server } from 'node:http';

export const TRACING_ENABLED = process.env['BENCH_TRACING'] !== '0';
export const TRACED_INSTANCE = 'crms-traced';
export const TRACED_SCENARIO = 'GET by id, tracing on';
const SINK_PORT = 18_106;

/** What the traced instance adds to its environment: an OTLP endpoint (the sink), all traces sampled. */
export const TRACED_ENV = {
  OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${SINK_PORT}`,
  OTEL_TRACES_SAMPLER: 'always_on',
  SERVICE_NAME: 'crms-bench',
};

/** An OTLP/HTTP receiver that accepts and drops every export, counting them and their bytes. */
export async function startSpanSink(): Promise<{ exports: () => number; bytes: () => number; close(): Promise<void> }> {
  let exports = 0;
  let bytes = 0;
  const server: Server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf', 'Content-Length': '0' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(SINK_PORT, '127.0.0.1', resolve));
  return {
    exports: () => exports,
    bytes: () => bytes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Row {
  name: string;
  crms: { cpuMsPerRequest: number; cpuMsPerRequestNetOfIdle: number; requestsPerSecond: number; p99: number; requests: number };
}

/** The report's lines on tracing: CPU per request with tracing off and on, and the difference. */
export function tracingSummary(rows: Row[], sink?: { exports: number; bytes: number }): string[] {
  const off = rows.find((r) => r.name === 'GET by id');
  const on = rows.find((r) => r.name === TRACED_SCENARIO);
  if (!off || !on || off.crms.requests === 0 || on.crms.requests === 0) return [];
  const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${Math.round(((a - b) / b) * 1000) / 10} %`;
  return [
    '## Tracing',
    '',
    `GET by id with tracing off (the default: no OTEL_* variable, the SDK not loaded) and on (every request sampled, HTTP + Express + MongoDB spans exported over OTLP/HTTP to a sink on loopback${sink ? `: ${sink.exports} exports, ${Math.round(sink.bytes / 1024)} KiB` : ''}):`,
    '',
    '| tracing | req/s | p99 ms | CPU/req ms | CPU/req net of idle ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| off | ${off.crms.requestsPerSecond} | ${off.crms.p99} | ${off.crms.cpuMsPerRequest} | ${off.crms.cpuMsPerRequestNetOfIdle} |`,
    `| on | ${on.crms.requestsPerSecond} | ${on.crms.p99} | ${on.crms.cpuMsPerRequest} | ${on.crms.cpuMsPerRequestNetOfIdle} |`,
    '',
    `Cost of tracing on: CPU/request ${pct(on.crms.cpuMsPerRequest, off.crms.cpuMsPerRequest)}, req/s ${pct(on.crms.requestsPerSecond, off.crms.requestsPerSecond)}. ` +
      'Tracing off is the plain `GET by id` row above: compare its CPU/request with earlier reports (docs/benchmark.md).',
    '',
  ];
}
