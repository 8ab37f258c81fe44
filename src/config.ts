import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { generatedFile } from './generated-files.js';
import { DEV_JWT_SECRET, DEV_SERVICE_API_KEY, secretWeakness } from './secrets.js';

/** Raised when the environment does not describe a runnable service; the message is one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);
const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

/** `CORS_ORIGINS` as the guide writes it (a JSON array) or as a comma-separated list. */
const origins = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === '') return [];
  let list: unknown = text.split(',').map((s) => s.trim());
  if (text.startsWith('[')) {
    try {
      list = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of origins or a comma-separated list' });
      return z.NEVER;
    }
  }
  const parsed = z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ })])).safeParse(list);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'each origin must be an http(s) URL (or *)' });
    return z.NEVER;
  }
  return parsed.data.map((o) => o.replace(/\/+$/, ''));
});

/** The API contract's info.version: the default service version, so /health, the contract and both SDKs agree. */
function contractVersion(): string {
  return (JSON.parse(readFileSync(generatedFile('openapi.json'), 'utf8')) as { info: { version: string } }).info.version;
}

const envSchema = z.object({
  ENVIRONMENT: z.enum(['development', 'test', 'staging', 'production']).default('production'),
  SERVICE_NAME: z.string().min(1).default('customer-service'),
  SERVICE_VERSION: z.string().min(1).default(contractVersion),
  PORT: z.coerce.number().int().min(0).max(65535).default(8001),
  HOST: z.string().min(1).default('0.0.0.0'),
  API_VERSION: z.string().min(1).default('v1'),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt.max(600_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt.max(600_000).default(30_000),

  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// connection string')
    .default('mongodb://127.0.0.1:27017/customer_db'),
  MONGODB_DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/)
    .optional(),
  MONGODB_MIN_POOL_SIZE: nonNegativeInt.default(10),
  MONGODB_MAX_POOL_SIZE: positiveInt.default(50),
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: positiveInt.default(400),
  // below the driver's 30 s socket timeout (src/data/mongo.ts): the database gives up first
  MONGODB_QUERY_TIMEOUT_MS: positiveInt.max(29_000).default(20_000),
  DB_WRITE_LOCKS: z.enum(['auto', 'on', 'off']).default('auto'),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_ALGORITHM: z.enum(['HS256', 'HS384', 'HS512']).default('HS256'),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(30).default(30),

  AUTH_SERVICE_URL: httpUrl.default('http://localhost:3001'),
  ORDER_SERVICE_URL: httpUrl.default('http://localhost:8002'),
  COMPLAINT_SERVICE_URL: httpUrl.default('http://localhost:8003'),
  SERVICE_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  SERVICE_TIMEOUT: z.coerce.number().positive().max(120).default(30),
  SERVICE_BREAKER_THRESHOLD: positiveInt.max(100).default(5),
  SERVICE_BREAKER_HALF_OPEN_SECONDS: z.coerce.number().positive().max(3600).default(30),

  CORS_ORIGINS: origins.default([]),
  CORS_CREDENTIALS: bool.default(false),

  DEFAULT_PAGE_SIZE: positiveInt.max(100).default(20),
  MAX_PAGE_SIZE: positiveInt.max(100).default(100),

  LOG_LEVEL: z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(['fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace', 'silent']))
    .transform((v) => (v === 'warning' ? 'warn' : v))
    .default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),

  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  CACHE_TTL: nonNegativeInt.default(300),

  METRICS_TOKEN: z.string().min(16).optional(),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
  RATE_LIMIT_MAX: positiveInt.default(600),
  VALIDATE_RESPONSES: bool.optional(),
  AUTH_SYNC_INTERVAL_MS: positiveInt.default(2000),
  WEBHOOK_INTERVAL_MS: positiveInt.default(1000),
  WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
  WEBHOOK_RETRY_HOURS: z.coerce.number().positive().max(720).default(72),
  WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
  WEBHOOK_ALLOW_HTTP: bool.optional(),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),

  DOCS_TRY_IT_OUT: bool.optional(),

  CONSOLE_ENABLED: bool.default(true),
  CONSOLE_AUTH_URL: httpUrl.optional(),

  COMPRESSION_ENABLED: bool.default(true),
});

export type Environment = z.infer<typeof envSchema>['ENVIRONMENT'];

export interface Config {
  environment: Environment;
  serviceName: string;
  serviceVersion: string;
  port: number;
  host: string;
  apiVersion: string;
  /** How long a client may take to send the request headers, and the whole request (body included). */
  http: { headersTimeoutMs: number; requestTimeoutMs: number };
  mongo: {
    uri: string;
    dbName: string;
    minPoolSize: number;
    maxPoolSize: number;
    serverSelectionTimeoutMs: number;
    /** Server-side time limit (maxTimeMS) of the reads that grow with the collection. */
    queryTimeoutMs: number;
    writeLocks: 'auto' | 'on' | 'off';
  };
  jwt: { secret: string; algorithm: 'HS256' | 'HS384' | 'HS512'; clockToleranceSeconds: number };
  services: {
    authUrl: string;
    orderUrl: string;
    complaintUrl: string;
    apiKey: string;
    /** Overall deadline of one sibling call, retries included (`SERVICE_TIMEOUT`). */
    timeoutMs: number;
    /** Consecutive failures that open a sibling's circuit breaker. */
    breakerThreshold: number;
    /** How long an open breaker short-circuits before it lets a trial call through. */
    breakerHalfOpenMs: number;
  };
  cors: { origins: string[]; credentials: boolean };
  pagination: { defaultPageSize: number; maxPageSize: number };
  log: { level: string; format: 'json' | 'pretty' };
  redisUrl: string | undefined;
  cacheTtlSeconds: number;
  metricsToken: string | undefined;
  rateLimit: { windowSeconds: number; max: number };
  validateResponses: boolean;
  authSyncIntervalMs: number;
  /** Swagger UI's "Try it out" at /docs: off in production unless DOCS_TRY_IT_OUT=true. */
  docs: { tryItOut: boolean };
  /**
   * Event deliveries: the worker's poll interval, the timeout per attempt, how long a failing
   * delivery is retried before its subscription is disabled, how long events are kept, whether plain `http://` URLs are
   * accepted (default: outside production), and the hosts/addresses exempt from the private-address
   * rule (`WEBHOOK_ALLOWED_HOSTS=127.0.0.1,hooks.internal`).
   */
  webhooks: {
    intervalMs: number;
    timeoutMs: number;
    retryHours: number;
    retentionDays: number;
    allowHttp: boolean;
    allowedHosts: string[];
  };
  /** The admin web app at /console; `authUrl` is where its sign-in form posts (the Auth Service's login). */
  console: { enabled: boolean; authUrl: string | undefined };
  /** gzip/brotli/deflate of responses of 1 KiB and more that the client accepts (off when a reverse proxy compresses). */
  compression: boolean;
  /** Settings that fell back to development defaults (logged as a warning at start-up). */
  developmentDefaults: string[];
}

function databaseName(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

type ParsedEnv = z.infer<typeof envSchema>;

function mongoConfigOf(e: ParsedEnv): Config['mongo'] {
  return {
    uri: e.MONGODB_URI,
    dbName: e.MONGODB_DB_NAME ?? databaseName(e.MONGODB_URI) ?? 'customer_db',
    minPoolSize: e.MONGODB_MIN_POOL_SIZE,
    maxPoolSize: e.MONGODB_MAX_POOL_SIZE,
    serverSelectionTimeoutMs: e.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
    queryTimeoutMs: e.MONGODB_QUERY_TIMEOUT_MS,
    writeLocks: e.DB_WRITE_LOCKS,
  };
}

/**
 * The database settings alone (MONGODB_*), for the command-line tools (src/cli/): they need neither
 * the secrets nor the rest of the service's configuration.
 */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): Config['mongo'] {
  const raw = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => (key.startsWith('MONGODB_') || key === 'DB_WRITE_LOCKS') && value !== undefined && value !== '',
    ),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return mongoConfigOf(parsed.data);
}

/** Reads and validates the configuration; throws {@link ConfigError} with a one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in envSchema.shape && value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const developmentDefaults: string[] = [];
  const secret = (name: 'JWT_SECRET' | 'SERVICE_API_KEY', dev: string): string => {
    const value = e[name];
    if (value) {
      const weakness = e.ENVIRONMENT === 'development' ? undefined : secretWeakness(value);
      if (weakness) {
        throw new ConfigError(
          `Invalid configuration: ${name} ${weakness}; set a secret of your own (such values are accepted only with ENVIRONMENT=development)`,
        );
      }
      return value;
    }
    if (e.ENVIRONMENT !== 'development') {
      throw new ConfigError(`Invalid configuration: ${name} is required (development defaults apply only with ENVIRONMENT=development)`);
    }
    developmentDefaults.push(name);
    return dev;
  };
  const jwtSecret = secret('JWT_SECRET', DEV_JWT_SECRET);
  const apiKey = secret('SERVICE_API_KEY', DEV_SERVICE_API_KEY);
  if (e.MONGODB_MIN_POOL_SIZE > e.MONGODB_MAX_POOL_SIZE) {
    throw new ConfigError('Invalid configuration: MONGODB_MIN_POOL_SIZE must not exceed MONGODB_MAX_POOL_SIZE');
  }
  if (e.DEFAULT_PAGE_SIZE > e.MAX_PAGE_SIZE) {
    throw new ConfigError('Invalid configuration: DEFAULT_PAGE_SIZE must not exceed MAX_PAGE_SIZE');
  }
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (e.CORS_CREDENTIALS && e.CORS_ORIGINS.includes('*')) {
    throw new ConfigError('Invalid configuration: CORS_ORIGINS must list explicit origins when CORS_CREDENTIALS=true');
  }
  return {
    environment: e.ENVIRONMENT,
    serviceName: e.SERVICE_NAME,
    serviceVersion: e.SERVICE_VERSION,
    port: e.PORT,
    host: e.HOST,
    apiVersion: e.API_VERSION,
    http: { headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS },
    mongo: mongoConfigOf(e),
    jwt: { secret: jwtSecret, algorithm: e.JWT_ALGORITHM, clockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_SECONDS },
    services: {
      authUrl: e.AUTH_SERVICE_URL,
      orderUrl: e.ORDER_SERVICE_URL,
      complaintUrl: e.COMPLAINT_SERVICE_URL,
      apiKey,
      timeoutMs: Math.round(e.SERVICE_TIMEOUT * 1000),
      breakerThreshold: e.SERVICE_BREAKER_THRESHOLD,
      breakerHalfOpenMs: Math.round(e.SERVICE_BREAKER_HALF_OPEN_SECONDS * 1000),
    },
    cors: { origins: e.CORS_ORIGINS, credentials: e.CORS_CREDENTIALS },
    pagination: { defaultPageSize: e.DEFAULT_PAGE_SIZE, maxPageSize: e.MAX_PAGE_SIZE },
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    redisUrl: e.REDIS_URL,
    cacheTtlSeconds: e.CACHE_TTL,
    metricsToken: e.METRICS_TOKEN,
    rateLimit: { windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS, max: e.RATE_LIMIT_MAX },
    validateResponses: e.VALIDATE_RESPONSES ?? e.ENVIRONMENT !== 'production',
    authSyncIntervalMs: e.AUTH_SYNC_INTERVAL_MS,
    docs: { tryItOut: e.DOCS_TRY_IT_OUT ?? e.ENVIRONMENT !== 'production' },
    webhooks: {
      intervalMs: e.WEBHOOK_INTERVAL_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      retryHours: e.WEBHOOK_RETRY_HOURS,
      retentionDays: e.WEBHOOK_RETENTION_DAYS,
      allowHttp: e.WEBHOOK_ALLOW_HTTP ?? e.ENVIRONMENT !== 'production',
      allowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
    },
    console: { enabled: e.CONSOLE_ENABLED, authUrl: e.CONSOLE_AUTH_URL },
    compression: e.COMPRESSION_ENABLED,
    developmentDefaults,
  };
}

/** The configuration with secrets masked, for the start-up log line. */
export function describeConfig(config: Config): Record<string, unknown> {
  const mask = (value: string | undefined) => (value ? `${value.slice(0, 2)}***(${value.length})` : undefined);
  return {
    ...config,
    mongo: { ...config.mongo, uri: config.mongo.uri.replace(/\/\/([^@/]+)@/, '//***@') },
    jwt: { ...config.jwt, secret: mask(config.jwt.secret) },
    services: { ...config.services, apiKey: mask(config.services.apiKey) },
    redisUrl: config.redisUrl?.replace(/\/\/([^@/]+)@/, '//***@'),
    metricsToken: mask(config.metricsToken),
  };
}
