import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { AnalyticsRepository } from '../data/analytics-repository.js';
import { CustomerRepository } from '../data/customer-repository.js';
import { IdempotencyRepository } from '../data/idempotency-repository.js';
import { countPendingAuthSync } from '../data/auth-sync-backlog.js';
import { SchemaStatus } from '../data/schema-status.js';
import { observeCommands, type Database } from '../data/mongo.js';
import { connectRedis, type RedisConnection } from '../data/redis.js';
import { RedisCacheStore } from '../data/cache-store.js';
import { Metrics } from '../observability/metrics.js';
import { createWriteLocks } from '../data/write-lock.js';
import { AnalyticsService } from './analytics-service.js';
import { CustomerService } from './customer-service.js';
import { HealthService } from './health-service.js';
import { StatisticsService } from './statistics-service.js';
import { createSiblingClients, type SiblingClients } from '../clients/index.js';
import { AuthSyncOutbox } from '../data/auth-sync-outbox.js';
import { AuthSync } from './auth-sync.js';
import { DeletionService } from './deletion-service.js';
import { HistoryService } from './history-service.js';
import { ProfileService } from './profile-service.js';
import { StatusChangeService } from './status-service.js';
import { BulkService } from './bulk-service.js';
import { ErasureService } from './erasure-service.js';
import { ExportService } from './export-service.js';
import { CustomerExportReader } from '../data/customer-export-stream.js';

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  database: Database;
  /** The app instance's metrics; a fresh registry when not given. */
  metrics?: Metrics;
  /** The timers' notion of now (cache expiry, breaker half-open wait, Auth-sync retries); the system clock when not given. */
  clock?: Clock;
}

export interface Services {
  customers: CustomerService;
  statistics: StatisticsService;
  statusChanges: StatusChangeService;
  /** GDPR erasure, bulk operations, exports (beyond the guide). */
  erasures: ErasureService;
  bulk: BulkService;
  exports: ExportService;
  history: HistoryService;
  deletions: DeletionService;
  profiles: ProfileService;
  authSync: AuthSync;
  siblings: SiblingClients;
  analytics: AnalyticsService;
  health: HealthService;
  metrics: Metrics;
  /** Shared state across instances (rate limits), when `REDIS_URL` is set. */
  redis: RedisConnection | undefined;
  startBackgroundWork(): void;
  beginShutdown(): void;
  stopBackgroundWork(): Promise<void>;
}

const PURGE_INTERVAL_MS = 3600 * 1000;

/** Wires repositories and services over one database connection. */
export function createServices({ config, logger, database, metrics = new Metrics(), clock = systemClock }: ServiceDeps): Services {
  const { db } = database;
  const stopObservingCommands = observeCommands(database.client, (command, outcome, seconds) =>
    metrics.observeDbCommand(command, outcome, seconds),
  );
  metrics.registerScrapeGauge('auth_sync_backlog', 'Customers whose status change is still to be delivered to the Auth Service.', () =>
    countPendingAuthSync(db).catch((err: unknown) => {
      logger.warn({ err }, 'could not count the Auth sync backlog for /metrics');
      return undefined;
    }),
  );
  const schemaStatus = new SchemaStatus(db, (err) => logger.warn({ err }, 'could not count the records below the current schema version'));
  metrics.registerScrapeGauge(
    'records_below_schema_version',
    'Customer records below the schema version this CRMS writes (records of the previous implementation not migrated yet; `make migrate`).',
    () => schemaStatus.belowCurrent(),
  );
  const redis = config.redisUrl ? connectRedis({ url: config.redisUrl, logger }) : undefined;
  const lockMode = config.mongo.writeLocks;
  const locks = createWriteLocks(db, lockMode === 'on' || (lockMode === 'auto' && database.isFerretDb));
  const customerRepo = new CustomerRepository(db, locks, config.mongo.queryTimeoutMs);
  const idempotency = new IdempotencyRepository(db);
  const customers = new CustomerService(customerRepo, config);
  const statistics = new StatisticsService(customerRepo, customers, idempotency);
  const analytics = new AnalyticsService(new AnalyticsRepository(db, { oneAccumulatorPerGroup: database.isFerretDb, sequential: database.isFerretDb, queryTimeoutMs: config.mongo.queryTimeoutMs }), {
    ttlSeconds: config.cacheTtlSeconds,
    shared: redis ? new RedisCacheStore(redis) : undefined,
    key: `crms:${config.mongo.dbName}:analytics:v1`,
    logger,
  }, clock);
  const siblings = createSiblingClients(config, logger, clock);
  const health = new HealthService(
    db,
    config,
    siblings.breakers,
    (err) => logger.warn({ err: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, 'readiness: database ping failed'),
    () => schemaStatus.belowCurrent(),
  );
  let purgeTimer: NodeJS.Timeout | undefined;
  const authSync = new AuthSync(new AuthSyncOutbox(customerRepo), siblings.auth, config, logger, clock);
  const statusChanges = new StatusChangeService(customers, authSync, clock);
  return {
    customers,
    statistics,
    statusChanges,
    erasures: new ErasureService(statusChanges),
    bulk: new BulkService(customers, statusChanges, logger),
    exports: new ExportService(new CustomerExportReader(customerRepo), customers),
    history: new HistoryService(customers, siblings),
    deletions: new DeletionService(customers, siblings),
    profiles: new ProfileService(customers, siblings.auth),
    authSync,
    siblings,
    analytics,
    health,
    metrics,
    redis,
    startBackgroundWork() {
      purgeTimer = setInterval(() => {
        idempotency.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'purging idempotency keys failed'));
      }, PURGE_INTERVAL_MS);
      purgeTimer.unref();
      authSync.start();
    },
    beginShutdown() {
      health.beginShutdown();
    },
    async stopBackgroundWork() {
      stopObservingCommands();
      await redis?.close();
      if (purgeTimer) clearInterval(purgeTimer);
      await authSync.stop();
    },
  };
}
