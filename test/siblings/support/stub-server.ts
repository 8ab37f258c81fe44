import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stub answers every request until told otherwise. */
export type StubMode =
  | { kind: 'normal' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'malformed' }
  | { kind: 'non-json' }
  | { kind: 'oversized' }
  | { kind: 'hang' };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface StubAnswer {
  status: number;
  body: unknown;
}

export type Route = (request: RecordedRequest) => StubAnswer;

/**
 * A real HTTP server on 127.0.0.1 (port 0) speaking a sibling's contract through `route`, with a
 * switchable failure mode, recording every request it receives (headers included).
 */
export class StubServer {
  mode: StubMode = { kind: 'normal' };
  readonly requests: RecordedRequest[] = [];
  private server: Server | undefined;
  private pending: { times: number; mode: StubMode } | undefined;
  url = '';

  constructor(private readonly route: Route) {}

  /** Listens on `port` (0: any free one; pass the old port to bring a killed stub back). */
  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    return this.url;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests whose path matches (a string prefix or a pattern). */
  received(path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => (typeof path === 'string' ? r.path.startsWith(path) : path.test(r.path)));
  }

  /** The next `times` requests answer with `mode`, the following ones normally. */
  failTimes(times: number, mode: StubMode): void {
    this.pending = { times, mode };
    this.mode = { kind: 'normal' };
  }

  reset(): void {
    this.mode = { kind: 'normal' };
    this.pending = undefined;
    this.requests.length = 0;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stub');
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers };
    this.requests.push(recorded);
    req.resume();
    let mode = this.mode;
    if (this.pending && this.pending.times > 0) {
      this.pending.times -= 1;
      mode = this.pending.mode;
    }
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
      res.end(text);
    };
    switch (mode.kind) {
      case 'hang':
        return;
      case 'status':
        json(mode.status, { success: false, message: 'Stubbed failure' }, mode.retryAfter ? { 'Retry-After': mode.retryAfter } : {});
        return;
      case 'malformed':
        json(200, { success: true, data: { unexpected: [1, 2, 3] }, items: 'not-a-list' });
        return;
      case 'non-json':
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>Gateway says hello</body></html>');
        return;
      case 'oversized': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const filler = 'x'.repeat(64 * 1024);
        res.write('{"success":true,"filler":[');
        for (let i = 0; i < 40; i++) res.write(`${i ? ',' : ''}"${filler}"`);
        res.end(']}');
        return;
      }
      case 'slow': {
        const timer = setTimeout(() => {
          const answer = this.route(recorded);
          json(answer.status, answer.body);
        }, mode.delayMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'normal': {
        const answer = this.route(recorded);
        json(answer.status, answer.body);
      }
    }
  }
}
