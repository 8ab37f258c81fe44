import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

/**
 * Query strings within the contract's bounds can exceed Node's default 16 KiB header limit once
 * percent-encoded (e.g. 2,600 characters of tags at up to 12 bytes each), so the server allows 64 KiB:
 * a request the spec accepts is never refused by the transport with 431.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

export function createHttpServer(app: Express): Server {
  return createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
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
