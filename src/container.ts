import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createSiblingClients } from './clients/index.js';
import { AnalyticsRepository } from './data/analytics-repository.js';
import { countPendingAuthSync } from './data/auth-sync-backlog.js';
import { AuthSyncOutbox } from './data/auth-sync-outbox.js';
import { RedisCacheStore } from './data/cache-store.js';
import { CustomerExportReader } from './data/customer-export-stream.js';
import { CustomerRepository } from './data/customer-repository.js';
import { IdempotencyRepository } from './data/idempotency-repository.js';
import { observeCommands, pingDatabase, probeWrites, type Database } from './data/mongo.js';
import { connectRedis, type RedisConnection } from './data/redis.js';
import { SchemaStatus } from './data/schema-status.js';
import { createWriteLocks } from './data/write-lock.js';
import { WebhookStore } from './data/webhook-store.js';
import { WebhookClient } from './clients/webhook-client.js';
import { BackgroundLoop } from './services/background-loop.js';
import { WebhookDelivery } from './services/webhook-delivery.js';
import { WebhookService } from './services/webhook-service.js';
import { toWebhookEvent } from './handlers/presenters/webhook.js';
import { systemClock, type Clock } from './domain/clock.js';
import { Metrics } from './observability/metrics.js';
import { AnalyticsService } from './services/analytics-service.js';
import { AuthSync } from './services/auth-sync.js';
import { BulkService } from './services/bulk-service.js';
import { CustomerService } from './services/customer-service.js';
import { DeletionService } from './services/deletion-service.js';
import { ErasureService } from './services/erasure-service.js';
import { ExportService } from './services/export-service.js';
import { HealthService } from './services/health-service.js';
import { HistoryService } from './services/history-service.js';
import type { Services } from './services/index.js';
import { ProfileService } from './services/profile-service.js';
import { StatisticsService } from './services/statistics-service.js';
import { StatusChangeService } from './services/status-service.js';

export interface ContainerDeps {
  config: Config;
  logger: Logger;
  database: Database;
  /** The app instance's metrics; a fresh registry when not given. */
  metrics?: Metrics;
  /** The one notion of now: every date a service writes or answers, and the timers (cache expiry, breaker half-open wait, Auth-sync retries); the system clock when not given. */
  clock?: Clock;
}

/** Everything one CRMS instance runs on, wired once; what the app and its background work need. */
export interface Container {
  config: Config;
  logger: Logger;
  services: Services;
  metrics: Metrics;
  /** Shared state across instances (rate limits, analytics cache), when `REDIS_URL` is set. */
  redis: RedisConnection | undefined;
  /** The count of records below the current schema version (made at start, then rarely). */
  schemaStatus: SchemaStatus;
  startBackgroundWork(): void;
  beginShutdown(): void;
  stopBackgroundWork(): Promise<void>;
}

const PURGE_INTERVAL_MS = 3600 * 1000;

/**
 * The composition root: config → database → repositories → clients → services → what the
 * handlers get. The only place that knows every layer.
 */
export function createContainer({ config, logger, database, metrics = new Metrics(), clock = systemClock }: ContainerDeps): Container {
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

  // repositories
  const lockMode = config.mongo.writeLocks;
  const locks = createWriteLocks(db, lockMode === 'on' || (lockMode === 'auto' && database.isFerretDb));
  const webhookStore = new WebhookStore(db, locks, clock);
  const customerRepo = new CustomerRepository(db, locks, config.mongo.queryTimeoutMs, webhookStore);
  const idempotency = new IdempotencyRepository(db);
  const analyticsRepo = new AnalyticsRepository(db, {
    oneAccumulatorPerGroup: database.isFerretDb,
    sequential: database.isFerretDb,
    queryTimeoutMs: config.mongo.queryTimeoutMs,
  });

  // clients
  const siblings = createSiblingClients(config, logger, clock);

  const webhookClient = new WebhookClient(config.webhooks);

  // services
  const webhookDelivery = new WebhookDelivery(webhookStore, webhookClient, toWebhookEvent, config.webhooks, logger, clock, {
    attempt: (outcome, seconds) => metrics.observeWebhookAttempt(outcome, seconds),
  });
  const webhookBacklog = () =>
    webhookStore.backlog().catch((err: unknown) => {
      logger.warn({ err }, 'could not count the event delivery backlog for /metrics');
      return undefined;
    });
  metrics.registerScrapeGauge(
    'webhook_backlog',
    'Event deliveries not delivered yet (all subscriptions).',
    async () => (await webhookBacklog())?.count,
  );
  metrics.registerScrapeGauge(
    'webhook_oldest_undelivered_age_seconds',
    'Age of the oldest undelivered event delivery (0 when none).',
    async () => {
      const backlog = await webhookBacklog();
      if (!backlog) return undefined;
      return backlog.oldest ? Math.max(0, (clock.now().getTime() - backlog.oldest.getTime()) / 1000) : 0;
    },
  );
  const customers = new CustomerService(customerRepo, config, clock);
  const statistics = new StatisticsService(customerRepo, customers, idempotency, clock);
  const analytics = new AnalyticsService(
    analyticsRepo,
    {
      ttlSeconds: config.cacheTtlSeconds,
      shared: redis ? new RedisCacheStore(redis) : undefined,
      key: `crms:${config.mongo.dbName}:analytics:v1`,
      logger,
    },
    clock,
  );
  const health = new HealthService({
    pingDatabase: () => pingDatabase(db),
    identity: config,
    breakers: siblings.breakers,
    onDatabaseDown: (err) =>
      logger.warn({ err: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, 'readiness: database ping failed'),
    recordsBelowSchema: () => schemaStatus.belowCurrent(),
    probeWrites: () => probeWrites(db, locks),
    clock,
  });
  const authSync = new AuthSync(new AuthSyncOutbox(customerRepo), siblings.auth, config, logger, clock, () => metrics.countAuthSyncPass());
  const statusChanges = new StatusChangeService(customers, authSync, clock);
  const services: Services = {
    customers,
    statistics,
    statusChanges,
    erasures: new ErasureService(statusChanges),
    bulk: new BulkService(customers, statusChanges, logger, clock),
    exports: new ExportService(new CustomerExportReader(customerRepo), customers, clock),
    history: new HistoryService(customers, siblings),
    deletions: new DeletionService(customers, siblings, clock),
    profiles: new ProfileService(customers, siblings.auth),
    authSync,
    analytics,
    health,
    webhooks: new WebhookService(webhookStore, webhookClient, clock, () => webhookDelivery.kick()),
  };

  const purge = new BackgroundLoop(
    () => idempotency.purgeExpired().then(() => false),
    PURGE_INTERVAL_MS,
    (err) => logger.warn({ err }, 'purging idempotency keys failed'),
  );
  return {
    config,
    logger,
    services,
    metrics,
    redis,
    schemaStatus,
    startBackgroundWork() {
      purge.start(PURGE_INTERVAL_MS);
      authSync.start();
      webhookDelivery.start();
    },
    beginShutdown() {
      health.beginShutdown();
    },
    async stopBackgroundWork() {
      stopObservingCommands();
      await redis?.close();
      await purge.stop();
      await authSync.stop();
      await webhookDelivery.stop();
    },
  };
}
