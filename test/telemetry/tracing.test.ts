import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSiblings, type Siblings } from '../siblings/support/siblings.js';
import { eventually } from '../support/eventually.js';
import { testEnv } from '../support/harness.js';
import { startCrmsProcess, type CrmsProcess } from '../support/process.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/** One span as an OTLP/HTTP receiver gets it (JSON encoding), ids in hex. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  scope: string;
  service: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
};
type OtlpAttribute = { key: string; value: OtlpValue };

const valueOf = (v: OtlpValue): unknown =>
  v.stringValue ??
  (v.intValue !== undefined ? Number(v.intValue) : undefined) ??
  v.boolValue ??
  v.doubleValue ??
  v.arrayValue?.values?.map(valueOf);
const attributesOf = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));
/** OTLP/JSON carries ids in hex; base64 (protobuf-style JSON) is accepted too. */
const hexId = (id: string | undefined) =>
  !id ? '' : /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');

/** A real OTLP/HTTP trace receiver on loopback (`POST /v1/traces`, JSON), keeping every span. */
async function startOtlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !/json/.test(req.headers['content-type'] ?? '')) {
        res.writeHead(415).end();
        return;
      }
      const payload = JSON.parse(body) as {
        resourceSpans?: Array<{
          resource?: { attributes?: OtlpAttribute[] };
          scopeSpans?: Array<{ scope?: { name?: string }; spans?: Array<Record<string, unknown>> }>;
        }>;
      };
      for (const rs of payload.resourceSpans ?? []) {
        const service = String(attributesOf(rs.resource?.attributes)['service.name'] ?? '');
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({
              traceId: hexId(s['traceId'] as string),
              spanId: hexId(s['spanId'] as string),
              parentSpanId: hexId(s['parentSpanId'] as string | undefined),
              name: String(s['name']),
              kind: Number(s['kind']),
              scope: ss.scope?.name ?? '',
              service,
              attributes: attributesOf(s['attributes'] as OtlpAttribute[]),
            });
          }
        }
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function until<T>(what: string, probe: () => T | undefined, timeout = 15_000): Promise<T> {
  return eventually(probe, { timeout, interval: 100, what });
}

const PERSON = { fullName: 'Tracy Tracewell', email: 'tracy.tracewell@example.com', contactNumber: '+91 98765 43210' };

async function createCustomer(crms: CrmsProcess): Promise<{ customerId: string; userId: string }> {
  const userId = randomBytes(12).toString('hex');
  const res = await fetch(`${crms.url}/api/customers/internal/create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Service-API-Key': TEST_API_KEY },
    body: JSON.stringify({ userId, ...PERSON }),
  });
  expect(res.status).toBe(201);
  return { customerId: ((await res.json()) as { data: { customerId: string } }).data.customerId, userId };
}

describe('When tracing is configured by the OTEL_* variables', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let siblings: Siblings;
  let crms: CrmsProcess;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    siblings = await startSiblings();
    const env = Object.fromEntries(Object.entries(testEnv(siblings.env)).filter((e): e is [string, string] => typeof e[1] === 'string'));
    crms = await startCrmsProcess({
      ...env,
      LOG_LEVEL: 'info',
      SERVICE_NAME: 'crms-under-test',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      WEBHOOK_INTERVAL_MS: '100',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    });
  }, 60_000);

  afterAll(async () => {
    await crms?.stop();
    await siblings?.close();
    await receiver?.close();
  });

  it("then a request that calls a sibling continues the caller's trace through Express, MongoDB and the sibling, whose stub sees the same trace", async () => {
    const { customerId } = await createCustomer(crms);
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const res = await fetch(`${crms.url}/api/customers/${customerId}/orders`, {
      headers: { ...bearer(adminToken()), traceparent: `00-${traceId}-${callerSpanId}-01`, tracestate: 'frontend=abc123' },
    });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');

    // the stub saw the propagated context: same trace, parent = CRMS's outbound HTTP span
    const [call] = siblings.order.received('/api/admin/orders');
    const traceparent = String(call?.headers['traceparent'] ?? '');
    expect(traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(call?.headers['tracestate']).toBe('frontend=abc123');
    const stubParent = traceparent.split('-')[2];

    const spans = await until("the request's spans", () => {
      const mine = receiver.spans.filter((s) => s.traceId === traceId);
      return mine.some((s) => s.spanId === stubParent) && mine.some((s) => s.kind === 2) ? mine : undefined;
    });
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain: ReceivedSpan[] = [];
      for (let p = byId.get(span.parentSpanId); p; p = byId.get(p.parentSpanId)) chain.push(p);
      return chain;
    };
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['crms-under-test']));

    // the server span: child of the caller's span, named after the route template
    const server = spans.find((s) => s.kind === 2);
    expect(server).toMatchObject({
      parentSpanId: callerSpanId,
      name: 'GET /api/customers/{customerId}/orders',
      attributes: expect.objectContaining({
        'http.route': '/api/customers/{customerId}/orders',
        'crms.operation_id': 'getCustomerOrders',
        'crms.customer_id': customerId,
      }),
    });
    // Express and MongoDB spans inside it
    const express = spans.filter((s) => s.scope.includes('instrumentation-express'));
    expect(express.length).toBeGreaterThan(0);
    const mongo = spans.filter((s) => s.scope.includes('instrumentation-mongodb'));
    expect(mongo.length).toBeGreaterThan(0);
    for (const s of [...express, ...mongo]) expect(ancestors(s)).toContain(server);

    // the sibling span (service, operation, breaker state) is the parent of the outbound HTTP span the stub saw
    const outbound = byId.get(stubParent ?? '');
    expect(outbound).toMatchObject({ kind: 3 });
    const sibling = byId.get(outbound?.parentSpanId ?? '');
    expect(sibling).toMatchObject({
      name: 'Order Service GET /api/admin/orders',
      attributes: expect.objectContaining({ 'crms.sibling': 'Order Service', 'crms.sibling.breaker_state': 'closed' }),
    });
    expect(ancestors(sibling as ReceivedSpan)).toContain(server);

    // the request's log line carries the trace and the server span beside the request id
    const line = await until('the request log line', () => crms.logLines().find((l) => l['requestId'] === requestId && l['route']));
    expect(line).toMatchObject({ traceId, spanId: server?.spanId, route: '/api/customers/{customerId}/orders' });
  }, 60_000);

  it('then an event delivery carries a traceparent whose trace the collector receives', async () => {
    const hooks = new WebhookReceiver();
    await hooks.start();
    try {
      const res = await fetch(`${crms.url}/api/webhooks/subscriptions`, {
        method: 'POST',
        headers: { ...bearer(adminToken()), 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: hooks.url, eventTypes: ['customer.created'] }),
      });
      expect(res.status).toBe(201);
      hooks.secrets.push(((await res.json()) as { data: { secret: string } }).data.secret);
      const { customerId } = await createCustomer(crms);
      const [event] = await eventually(() => hooks.of(customerId).length > 0 && hooks.of(customerId), { what: 'the delivery' });
      const traceparent = String(event?.headers['traceparent'] ?? '');
      expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
      const [, traceId, spanId] = traceparent.split('-');
      const span = await until('the delivery span', () => receiver.spans.find((s) => s.traceId === traceId && s.spanId === spanId));
      expect(span.kind).toBe(3); // CLIENT: CRMS's outbound POST to the receiver
    } finally {
      await hooks.stop();
    }
  });

  it('then no span carries personal data, also for a search by name', async () => {
    await createCustomer(crms).catch(() => undefined);
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(`${crms.url}/api/customers/search?q=${encodeURIComponent('Tracewell')}`, {
      headers: { ...bearer(adminToken()), traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { totalResults: number } }).data.totalResults).toBeGreaterThan(0);
    await until('the search spans', () => (receiver.spans.some((s) => s.traceId === traceId && s.kind === 2) ? true : undefined));
    await until('the mongodb spans of the search', () =>
      receiver.spans.some((s) => s.traceId === traceId && s.scope.includes('mongodb')) ? true : undefined,
    );
    const text = JSON.stringify(receiver.spans).toLowerCase();
    for (const personal of ['tracewell', 'tracy', PERSON.email, '98765']) expect(text).not.toContain(personal.toLowerCase());
  }, 60_000);
});

describe('When tracing is not configured', () => {
  const preload = join(process.cwd(), 'dist', 'src', 'telemetry', 'preload.js');
  /** Which modules of the SDK a process has loaded after the preload ran, under `env`. */
  async function loadedTelemetryModules(env: Record<string, string>): Promise<string[]> {
    const script = `
      await import(${JSON.stringify(preload)});
      const { createRequire } = await import('node:module');
      const require = createRequire(import.meta.url);
      console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('@opentelemetry'))));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    return JSON.parse(stdout) as string[];
  }

  it('then nothing of the OpenTelemetry SDK is loaded (and it is when an endpoint is set)', async () => {
    expect(await loadedTelemetryModules({})).toEqual([]);
    expect(await loadedTelemetryModules({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_SDK_DISABLED: 'true' })).toEqual([]);
    expect(await loadedTelemetryModules({ OTEL_TRACES_EXPORTER: 'none' })).toEqual([]);
    const on = await loadedTelemetryModules({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(on.some((m) => m.includes('sdk-node'))).toBe(true);
  }, 60_000);

  it('then requests carry no trace context onward and log lines no trace ids', async () => {
    const siblings = await startSiblings();
    const env = Object.fromEntries(Object.entries(testEnv(siblings.env)).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const crms = await startCrmsProcess({ ...env, LOG_LEVEL: 'info' });
    try {
      const { customerId } = await createCustomer(crms);
      const res = await fetch(`${crms.url}/api/customers/${customerId}/orders`, {
        headers: { ...bearer(adminToken()), traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` },
      });
      expect(res.status).toBe(200);
      const [call] = siblings.order.received('/api/admin/orders');
      expect(call).toBeDefined();
      expect(call?.headers['traceparent']).toBeUndefined();
      const requestId = res.headers.get('x-request-id');
      const line = await until('the request log line', () => crms.logLines().find((l) => l['requestId'] === requestId && l['route']));
      expect(line).not.toHaveProperty('traceId');
      expect(line).not.toHaveProperty('spanId');
    } finally {
      await crms.stop();
      await siblings.close();
    }
  }, 60_000);
});
