import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Config } from '../config.js';

/**
 * Query strings within the contract's bounds can exceed Node's default 16 KiB header limit once
 * percent-encoded (e.g. 2,600 characters of tags at up to 12 bytes each), so the server allows 64 KiB:
 * a request the spec accepts is never refused by the transport with 431.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

/** The defaults of HTTP_HEADERS_TIMEOUT_MS / HTTP_REQUEST_TIMEOUT_MS (src/config.ts). */
export const DEFAULT_HTTP_TIMEOUTS: Config['http'] = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 };

/**
 * A client gets `headersTimeoutMs` to send its headers and `requestTimeoutMs` to send the whole
 * request, body included (a body is at most 100 kB: 30 s allows about 3.4 kB/s); past either,
 * Node answers 408 and closes the connection, so a slow sender cannot hold a connection. Node
 * checks these deadlines every `connectionsCheckingInterval` (30 s by default): checking every
 * second (at most) keeps them close to what is configured.
 */
export function createHttpServer(app: Express, timeouts: Config['http'] = DEFAULT_HTTP_TIMEOUTS): Server {
  return createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeoutMs),
    },
    app,
  );
}

/** Listens on host:port; rejects on a listen error (e.g. EADDRINUSE). */
export function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
