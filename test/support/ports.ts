import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port on loopback that nothing listens on now, outside the kernel's ephemeral range, for a process
 * that must be given its port (one that cannot report a port it bound itself, as CRMS does over IPC).
 * A port from that range, released and handed over, can be taken meanwhile by any process binding an
 * ephemeral port (supertest binds one per request); outside it, only a process naming the port can,
 * so callers still retry when the start fails or the port answers for another process.
 */
export async function unusedPortOutsideEphemeralRange(): Promise<number> {
  const [low = 32768] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  const from = Math.max(1024, low - 12_000);
  if (low <= from) throw new Error(`the ephemeral range starts at ${low}: no room below it`);
  for (;;) {
    const port = from + Math.floor(Math.random() * (low - from));
    const bound = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (bound) return port;
  }
}
