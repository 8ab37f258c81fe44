import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type TestAgent from 'supertest/lib/agent.js';
import { Webhook } from 'standardwebhooks';
import { adminToken, bearer } from './tokens.js';

export interface ReceivedEvent {
  id: string;
  type: string;
  customerId: string;
  sequence: number;
  data: Record<string, unknown>;
  actor: { type: string; id?: string };
  /** The secrets (by index in `secrets`) this delivery verified under. */
  verifiedBy: number[];
  headers: http.IncomingHttpHeaders;
}

/**
 * A real HTTP receiver on loopback that verifies every delivery with the `standardwebhooks`
 * library and records the ones that verify (unverifiable ones are counted apart). `mode` says how
 * it answers: 2xx, 500, never (a hang until the caller gives up).
 */
export class WebhookReceiver {
  readonly received: ReceivedEvent[] = [];
  unverified = 0;
  /** Every request, answered or not, in arrival order (its webhook-id). */
  readonly requests: string[] = [];
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  secrets: string[] = [];
  private server: http.Server | undefined;
  private port = 0;
  private readonly hanging = new Set<http.ServerResponse>();

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.requests.push(String(req.headers['webhook-id']));
        if (this.mode === 'hang') {
          this.hanging.add(res);
          return;
        }
        if (this.mode === 'fail') {
          res.writeHead(500).end('receiver is failing');
          return;
        }
        const headers = {
          'webhook-id': String(req.headers['webhook-id']),
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        };
        const verifiedBy = this.secrets.flatMap((secret, index) => {
          try {
            new Webhook(secret).verify(body, headers);
            return [index];
          } catch {
            return [];
          }
        });
        if (verifiedBy.length === 0) {
          this.unverified++;
          res.writeHead(400).end('bad signature');
          return;
        }
        const event = JSON.parse(body) as Omit<ReceivedEvent, 'verifiedBy' | 'headers'>;
        this.received.push({ ...event, verifiedBy, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening (connections refused) until start() again on the same port. */
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The received events of one customer, in arrival order. */
  of(customerId: string): ReceivedEvent[] {
    return this.received.filter((e) => e.customerId === customerId);
  }
}

/**
 * A started receiver and an administrator's subscription of it to `eventTypes` (its secret known to
 * the receiver), paused at once when `status` says so. The caller stops the receiver.
 */
export async function subscribedReceiver(
  http: TestAgent,
  eventTypes: string[],
  status: 'active' | 'paused' = 'active',
): Promise<{ receiver: WebhookReceiver; subscriptionId: string }> {
  const admin = bearer(adminToken());
  const receiver = new WebhookReceiver();
  await receiver.start();
  const res = await http.post('/api/webhooks/subscriptions').set(admin).send({ url: receiver.url, eventTypes });
  if (res.status !== 201) throw new Error(`subscribing failed: ${res.status} ${JSON.stringify(res.body)}`);
  receiver.secrets.push(res.body.data.secret as string);
  const subscriptionId = res.body.data.subscription.subscriptionId as string;
  if (status === 'paused') await http.patch(`/api/webhooks/subscriptions/${subscriptionId}`).set(admin).send({ status }).expect(200);
  return { receiver, subscriptionId };
}
