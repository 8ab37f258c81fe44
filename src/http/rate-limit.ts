import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  MemoryStore,
  ipKeyGenerator,
  rateLimit,
  type ClientRateLimitInfo,
  type Options,
  type RateLimitInfo,
  type Store,
} from 'express-rate-limit';
import type { Logger } from 'pino';
import { RedisStore } from 'rate-limit-redis';
import type { Config } from '../config.js';
import type { RedisConnection } from '../data/redis.js';
import { TooManyRequestsError } from '../errors.js';
import { apiKeyMatches, verifyRequestToken } from './auth.js';

/** Routes that are never limited: the probes (an orchestrator polls them). */
const UNLIMITED = /^\/health(\/ready)?\/?$/;

/**
 * Whom a request counts against: the verified user of a bearer token, the holder of the service
 * API key or the metrics token, and otherwise the client address. Unverifiable credentials count
 * against the address, so forged tokens cannot open fresh buckets.
 */
export function rateLimitKey(req: Request, config: Config): string {
  const authorization = req.get('authorization');
  if (authorization) {
    try {
      return `user:${verifyRequestToken(req, config.jwt).userId}`;
    } catch {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (config.metricsToken && apiKeyMatches(token, config.metricsToken)) return 'metrics';
    }
  }
  const apiKey = req.get('x-service-api-key') ?? req.get('x-api-key');
  if (apiKey !== undefined && apiKeyMatches(apiKey, config.services.apiKey)) return 'service';
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

/**
 * The shared store (Redis) with this instance's memory as fallback: while Redis is unreachable or
 * slow, requests are counted locally (per instance) instead of failing or waiting.
 */
export class FallbackStore implements Store {
  readonly localKeys = false;
  readonly prefix = 'crms:rl:';
  private readonly fallback = new MemoryStore();
  private readonly primary: RedisStore;
  private options: Options | undefined;
  private degraded = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.primary = new RedisStore({ sendCommand: (...args: string[]) => redis.sendCommand(...args), prefix: this.prefix });
    // (re)load the store's scripts on every connection: a load that failed while Redis was down is not retried otherwise
    redis.onReady(() => {
      if (this.options) this.initPrimary(this.options);
    });
  }

  init(options: Options): void {
    this.options = options;
    this.fallback.init(options);
    this.initPrimary(options);
  }

  private initPrimary(options: Options): void {
    this.primary.init(options).catch((err: unknown) => this.fellBack(err));
  }

  private fellBack(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'rate limiting: redis unavailable, counting per instance');
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.info('rate limiting: redis available again');
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    try {
      return await this.primary.get(key);
    } catch {
      return this.fallback.get(key);
    }
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    try {
      const result = await this.primary.increment(key);
      this.recovered();
      return result;
    } catch (err) {
      this.fellBack(err);
      return this.fallback.increment(key);
    }
  }

  async decrement(key: string): Promise<void> {
    try {
      await this.primary.decrement(key);
    } catch {
      await this.fallback.decrement(key);
    }
  }

  async resetKey(key: string): Promise<void> {
    await Promise.allSettled([this.primary.resetKey(key), this.fallback.resetKey(key)]);
  }

  shutdown(): void {
    this.fallback.shutdown();
  }
}

function retryAfterSeconds(info: RateLimitInfo | undefined, windowSeconds: number): number {
  if (!info?.resetTime) return windowSeconds;
  return Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000));
}

export interface RateLimitDeps {
  config: Config;
  logger: Logger;
  /** Shared counters across instances when set; else this instance's memory. */
  redis: RedisConnection | undefined;
}

/**
 * Per-caller rate limiting (`RATE_LIMIT_MAX` requests per `RATE_LIMIT_WINDOW_SECONDS`). Over the
 * limit it hands a {@link TooManyRequestsError} to the error handler (429 envelope + `Retry-After`).
 */
export function rateLimiter({ config, logger, redis }: RateLimitDeps): RequestHandler {
  const { windowSeconds, max } = config.rateLimit;
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit: max,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: redis ? new FallbackStore(redis, logger) : new MemoryStore(),
    // a store error must never turn into a failed request
    passOnStoreError: true,
    keyGenerator: (req: Request) => rateLimitKey(req, config),
    skip: (req: Request) => req.method === 'OPTIONS' || UNLIMITED.test(req.path),
    handler: (req: Request, _res: Response, next: NextFunction) => {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      next(new TooManyRequestsError(retryAfterSeconds(info, windowSeconds)));
    },
    logger: {
      error: (err: unknown, message?: string) => logger.error({ err }, message ?? 'rate limiter error'),
      warn: (err: unknown, message?: string) => logger.warn({ err }, message ?? 'rate limiter warning'),
    },
  });
}
