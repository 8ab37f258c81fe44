import type { RedisConnection } from './redis.js';

/** A string cache with per-entry expiry. Implementations may reject when their backend is unavailable. */
export interface CacheStore {
  /** 'memory' (this process) or 'redis' (shared by every instance). */
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** Entries of this process only; never rejects. */
export class MemoryCacheStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) this.entries.delete(key);
    return Promise.resolve(entry && entry.expiresAt > this.now() ? entry.value : undefined);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    return Promise.resolve();
  }
}

/**
 * Entries in Redis (`GET`, `SET … PX`), shared by all instances. Rejects at once while Redis is
 * disconnected and after the connection's command timeout otherwise (see redis.ts: no offline queue).
 */
export class RedisCacheStore implements CacheStore {
  readonly kind = 'redis' as const;

  constructor(private readonly redis: RedisConnection) {}

  async get(key: string): Promise<string | undefined> {
    const reply = await this.redis.sendCommand('GET', key);
    return typeof reply === 'string' ? reply : undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.sendCommand('SET', key, value, 'PX', String(Math.max(1, Math.round(ttlMs))));
  }
}
