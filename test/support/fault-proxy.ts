import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy the test controls, in front of a database or Redis:
 * `down()` drops every connection and refuses new ones, `up()` listens again on the same port,
 * `delay(ms)` holds every chunk the server sends back for `ms` (a slow database), `hold()` holds
 * them until `release()` (a database that answers when the test says so).
 */
export class FaultProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private delayMs = 0;
  private held: (() => void)[] | undefined;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<number> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      this.sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.on('data', (chunk: Buffer) => upstream.write(chunk));
      upstream.on('data', (chunk: Buffer) => {
        if (this.held) this.held.push(() => client.destroyed || client.write(chunk));
        else if (this.delayMs === 0) client.write(chunk);
        else setTimeout(() => client.destroyed || client.write(chunk), this.delayMs);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : this.port;
    return this.port;
  }

  delay(ms: number): void {
    this.delayMs = ms;
  }

  hold(): void {
    this.held ??= [];
  }

  /** Sends what hold() kept back, in order, and forwards at once again. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const send of held) send();
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Host and port of a mongodb:// or redis:// URI (first host). */
export function hostAndPort(uri: string, defaultPort: number): { host: string; port: number } {
  const match = /^[a-z+]+:\/\/(?:[^@/]+@)?([^:/,?]+)(?::(\d+))?/.exec(uri);
  return { host: match?.[1] ?? '127.0.0.1', port: Number(match?.[2] ?? defaultPort) };
}
