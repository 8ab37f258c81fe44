import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Addresses no event is delivered to unless the allow-list names them: loopback, private, link-local (cloud metadata), and the like. */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv6');
}

/** The part of the answer kept for the delivery log. */
const RESPONSE_BYTES_KEPT = 256;
/** Reading stops here: a receiver's answer is acknowledged by its status, not its body. */
const RESPONSE_BYTES_READ = 64 * 1024;

export interface DestinationPolicy {
  allowHttp: boolean;
  /** Host names or addresses exempt from the forbidden ranges (lower case). */
  allowedHosts: readonly string[];
}

/** Raised when a destination breaks the policy (scheme, or a forbidden address after resolution). */
export class DestinationRefusedError extends Error {
  override readonly name = 'DestinationRefusedError';
}

function forbiddenReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return forbiddenReason(mapped);
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6')
    ? `${address} is a loopback, private, link-local or reserved address`
    : null;
}

export interface WebhookPost {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export interface WebhookAnswer {
  statusCode?: number;
  durationMs: number;
  /** The first bytes of the answer. */
  body?: string;
  /** Why there is no answer (refused destination, timeout, connection error). */
  error?: string;
}

/**
 * The only code that speaks HTTP to event receivers. Each POST: no redirects followed (a 3xx is a
 * failed attempt), one timeout for the whole attempt, at most 64 KiB of the answer read, and the
 * destination checked after DNS resolution at connect time (a name that resolves to a private
 * address is refused even when it resolved elsewhere at creation).
 */
export class WebhookClient {
  private readonly allowed: ReadonlySet<string>;

  constructor(private readonly policy: DestinationPolicy) {
    this.allowed = new Set(policy.allowedHosts.map((h) => h.toLowerCase()));
  }

  /** Why `url` may not receive events (null: it may), resolving its host name. */
  async refusal(url: string): Promise<string | null> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'The URL is not valid';
    }
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && this.policy.allowHttp)) {
      return this.policy.allowHttp ? 'The URL must be http or https' : 'The URL must be https';
    }
    if (parsed.username || parsed.password) return 'The URL must not carry credentials';
    const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (this.allowed.has(host)) return null;
    try {
      const addresses = isIP(host)
        ? [host]
        : (
            await new Promise<LookupAddress[]>((resolve, reject) =>
              dnsLookup(host, { all: true }, (err, a) => (err ? reject(err) : resolve(a))),
            )
          ).map((a) => a.address);
      for (const address of addresses) {
        if (this.allowed.has(address)) continue;
        const reason = forbiddenReason(address);
        if (reason) return `The URL's host resolves to ${reason}`;
      }
    } catch {
      return `The URL's host ${host} does not resolve`;
    }
    return null;
  }

  /** A DNS lookup for the connection that refuses forbidden addresses (the check at delivery time). */
  private readonly guardedLookup = (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { all: true, family: typeof options.family === 'number' ? options.family : 0 }, (err, addresses) => {
      if (err) return callback(err, '');
      if (!this.allowed.has(hostname.toLowerCase())) {
        for (const { address } of addresses) {
          const reason = this.allowed.has(address) ? null : forbiddenReason(address);
          if (reason) return callback(new DestinationRefusedError(`refused: ${reason}`), '');
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '');
      callback(null, first.address, first.family);
    });
  };

  async post(request: WebhookPost): Promise<WebhookAnswer> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const url = new URL(request.url);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.policy.allowHttp)) {
      return { durationMs: 0, error: 'refused: the URL scheme is not allowed' };
    }
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (isIP(host) && !this.allowed.has(host)) {
      const reason = forbiddenReason(host);
      if (reason) return { durationMs: 0, error: `refused: ${reason}` };
    }
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<WebhookAnswer>((resolve) => {
      let settled = false;
      const finish = (answer: Omit<WebhookAnswer, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...answer, durationMs: elapsed() });
      };
      const req = transport.request(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(request.body)),
            'user-agent': 'CRMS-Webhooks/1',
            ...request.headers,
          },
          lookup: this.guardedLookup as never,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size < RESPONSE_BYTES_KEPT) chunks.push(chunk);
            size += chunk.length;
            if (size > RESPONSE_BYTES_READ) res.destroy();
          });
          const done = () =>
            finish({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, RESPONSE_BYTES_KEPT).toString('utf8') });
          res.on('end', done);
          res.on('close', done);
          res.on('error', done);
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new Error(`timed out after ${request.timeoutMs} ms`));
      }, request.timeoutMs);
      req.on('error', (err) => finish({ error: err.message }));
      req.end(request.body);
    });
  }
}
