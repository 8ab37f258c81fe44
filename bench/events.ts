/**
 * The events part of `make bench` (issue 22, docs/events.md): the internal statistics increment on an
 * instance with a subscription to `customer.statistics_changed` against the same instance with none,
 * and the delivery throughput to a receiver on loopback in this process (a sink answering 204).
 *
 * The instance (`crms-events`) has a database of its own, `crms_bench_<N>_events`, seeded like the
 * main one: a subscription in the shared database would make the writes of every other instance fan
 * out deliveries and their workers deliver them. Its subscriptions and deliveries are cleared before
 * the run (a run stopped halfway may have left one) and each subscription is deleted when done with.
 */
import { createServer, type Server } from 'node:http';
import { cpuTicks } from '../support/node-process.js';
import { ticksToMs } from './measurement.js';
import { ADMIN, CONNECTIONS, DB_NAME, EVENTS, EVENTS_TIMEOUT_S, INTERNAL, round } from './settings.js';
import type { Target } from './targets.js';

export const EVENTS_INSTANCE = 'crms-events';
export const EVENTS_DB_NAME = `${DB_NAME}_events`;
export const EVENTS_SCENARIO = 'events: statistics increment, subscribed';
export const THROUGHPUT = 'events: delivery throughput';
const SINK_PORT = 18_107;

/** What the events instance adds to its environment: its database, and the sink allowed as a receiver. */
export const EVENTS_ENV = {
  MONGODB_DB_NAME: EVENTS_DB_NAME,
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
};

/** A receiver that answers 204 to every POST and counts the distinct event ids per path. */
class Sink {
  private readonly ids = new Map<string, Set<string>>();
  private readonly waiters: (() => void)[] = [];
  private server: Server | undefined;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const id = req.headers['webhook-id'];
        if (typeof id === 'string') this.received(req.url ?? '/').add(id);
        res.writeHead(204).end();
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(SINK_PORT, '127.0.0.1', resolve));
  }

  received(path: string): Set<string> {
    let ids = this.ids.get(path);
    if (!ids) this.ids.set(path, (ids = new Set()));
    return ids;
  }

  /** Resolves when `path` has received `count` events, or at the deadline (false). */
  async waitFor(path: string, count: number, deadline: number): Promise<boolean> {
    while (this.received(path).size < count) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function call(target: Target, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${target.port}${path}`, {
    method,
    headers: { ...ADMIN, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The measured part of the with/without pair: what the sink got during the subscribed load. */
export interface SubscribedLoad {
  /** Events the sink received from the subscription that was active during the measured load. */
  delivered: number;
}

export interface ThroughputResult {
  events: number;
  /** Seconds from the first write until every write was answered. */
  writeSeconds: number;
  /** Seconds from the first write until the sink had every event (null: not within the timeout). */
  deliveredSeconds: number | null;
  received: number;
  eventsPerSecond: number;
  /** CPU of the CRMS process per event over the whole phase (the write and its delivery). */
  cpuMsPerEvent: number;
}

/**
 * The sink and the subscriptions of the events instance: `subscribe` before a side that is measured
 * with a subscription, `unsubscribe` before one measured without (each idempotent).
 */
export class Events {
  private readonly sink = new Sink();
  private current: { id: string; path: string } | undefined;
  private subscriptions = 0;
  /** Set when a subscription is deleted: what it delivered. */
  lastDelivered = 0;

  async start(): Promise<void> {
    await this.sink.start();
  }

  async subscribe(target: Target): Promise<void> {
    if (this.current) return;
    const path = `/subscription-${++this.subscriptions}`;
    const answer = (await call(target, 'POST', '/api/webhooks/subscriptions', {
      url: `http://127.0.0.1:${SINK_PORT}${path}`,
      eventTypes: ['customer.statistics_changed'],
      description: 'make bench: loopback sink',
    })) as { data: { subscription: { subscriptionId: string } } };
    this.current = { id: answer.data.subscription.subscriptionId, path };
  }

  /** Deletes the subscription (and with it its undelivered deliveries). */
  async unsubscribe(target: Target): Promise<void> {
    if (!this.current) return;
    await call(target, 'DELETE', `/api/webhooks/subscriptions/${this.current.id}`);
    this.lastDelivered = this.sink.received(this.current.path).size;
    this.current = undefined;
  }

  /**
   * Subscribes, sends `EVENTS` increments over CONNECTIONS connections (each answered one makes one
   * `customer.statistics_changed` event), and waits on the sink's count until it has every event.
   */
  async throughput(target: Target, ids: string[]): Promise<ThroughputResult> {
    await this.unsubscribe(target);
    await this.subscribe(target);
    const path = this.current?.path ?? '';
    const body = JSON.stringify({ increment: { totalOrders: 1, totalOrderValue: 100 } });
    const cpuBefore = cpuTicks(target.process.pid);
    const started = performance.now();
    let next = 0;
    let answered = 0;
    const writer = async () => {
      while (next < EVENTS) {
        const id = ids[next++ % ids.length] as string;
        const res = await fetch(`http://127.0.0.1:${target.port}/api/customers/internal/${id}/statistics`, {
          method: 'PATCH',
          headers: { ...INTERNAL, 'content-type': 'application/json' },
          body,
        }).catch(() => undefined);
        await res?.arrayBuffer();
        if (res?.ok) answered++;
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, writer));
    const written = performance.now();
    const all = await this.sink.waitFor(path, answered, Date.now() + EVENTS_TIMEOUT_S * 1000);
    const ended = performance.now();
    const cpuMs = ticksToMs(cpuTicks(target.process.pid) - cpuBefore);
    const received = this.sink.received(path).size;
    await this.unsubscribe(target);
    const seconds = (ended - started) / 1000;
    return {
      events: answered,
      writeSeconds: round((written - started) / 1000, 1),
      deliveredSeconds: all ? round(seconds, 1) : null,
      received,
      eventsPerSecond: round(received / seconds, 1),
      cpuMsPerEvent: received > 0 ? round(cpuMs / received, 2) : 0,
    };
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}

/** The report's lines on events: what the subscribed load delivered, and the delivery throughput. */
export function eventsSummary(
  rows: { name: string; crms: { requests: number } }[],
  facts: { subscribedLoad?: SubscribedLoad | undefined; throughput?: ThroughputResult | undefined },
): string[] {
  const pair = rows.find((r) => r.name === EVENTS_SCENARIO);
  const t = facts.throughput;
  if (!pair && !t) return [];
  return [
    '## Events (issue 22)',
    '',
    `On the instance \`${EVENTS_INSTANCE}\` alone on its own database (\`${EVENTS_DB_NAME}\`, the same seed), default \`WEBHOOK_INTERVAL_MS\` (1000): a delivery pass takes at most 50 due deliveries and sends 4 at a time, and a pass that found a full batch is followed at once (otherwise the next one starts an interval after it ends). Every increment records its \`customer.statistics_changed\` event with or without a subscription (the outbox on the customer document, drained into \`events\` by the request); a subscription adds a delivery record per event and the deliveries themselves.`,
    '',
    ...(pair
      ? [
          `- **${EVENTS_SCENARIO}**: the CRMS row is the load with a subscription to \`customer.statistics_changed\` (receiver: a sink on loopback answering 204), its baseline the same instance with none, measured right after it; the ratios are the cost of having a subscriber on the write path. During the measured load the sink received ${facts.subscribedLoad?.delivered ?? '–'} events of the about ${pair.crms.requests} written: the CPU of that row includes the deliveries made meanwhile, not the backlog left, which was deleted with the subscription before the load without one.`,
        ]
      : []),
    ...(t
      ? [
          `- **${THROUGHPUT}**: ${t.events} increments over ${CONNECTIONS} connections (answered in ${t.writeSeconds} s), with a subscription to the sink: ${t.deliveredSeconds === null ? `**not all delivered**: ${t.received} of ${t.events} within ${EVENTS_TIMEOUT_S} s` : `all ${t.received} events at the sink ${t.deliveredSeconds} s after the first write`}, **${t.eventsPerSecond} events/s** delivered by one instance; CRMS's CPU ${t.cpuMsPerEvent} ms per event (the write and its delivery).`,
        ]
      : []),
    '',
  ];
}
