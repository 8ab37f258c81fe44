import { createClient } from 'redis';
import type { Logger } from 'pino';

/** Raised for a Redis command that cannot run now (not connected, or no answer in time). */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

/** The raw reply types the rate-limit store works with. */
export type RedisReply = boolean | number | string | Array<boolean | number | string>;

/** A shared Redis connection that never makes a caller wait for an outage. */
export interface RedisConnection {
  /** Sends one raw command; rejects at once while disconnected and after `commandTimeoutMs` otherwise. */
  sendCommand(...args: string[]): Promise<RedisReply>;
  readonly isReady: boolean;
  /** Called on every (re)connection, e.g. to reload server-side scripts. */
  onReady(listener: () => void): void;
  close(): Promise<void>;
}

export interface RedisOptions {
  url: string;
  logger: Logger;
  /** Upper bound of one command (the rate limiter runs on every request). */
  commandTimeoutMs?: number;
}

/**
 * Connects in the background and reconnects forever with a capped backoff. Commands are not queued
 * while disconnected (`disableOfflineQueue`): they fail fast, and callers degrade instead of hanging.
 */
export function connectRedis({ url, logger, commandTimeoutMs = 250 }: RedisOptions): RedisConnection {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 1000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 2000),
    },
  });
  let lastError = '';
  client.on('error', (err: unknown) => {
    // one warning per distinct problem, not one per reconnect attempt
    const message = err instanceof Error ? err.message : String(err);
    if (message !== lastError) logger.warn({ err: message }, 'redis connection problem; rate limiting falls back to this instance');
    lastError = message;
  });
  client.on('ready', () => {
    if (lastError) logger.info('redis connection restored');
    lastError = '';
  });
  client.connect().catch((err: unknown) => {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'redis connection failed');
  });
  let closed = false;

  return {
    get isReady() {
      return client.isReady;
    },
    onReady(listener: () => void) {
      client.on('ready', listener);
    },
    async sendCommand(...args: string[]): Promise<RedisReply> {
      if (closed || !client.isReady) throw new RedisUnavailableError('redis is not connected');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RedisUnavailableError(`redis did not answer within ${commandTimeoutMs} ms`)), commandTimeoutMs);
      });
      try {
        return await Promise.race([client.sendCommand<RedisReply>(args), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (client.isOpen) await client.close();
        else client.destroy();
      } catch {
        client.destroy();
      }
    },
  };
}
