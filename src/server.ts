// first: starts OpenTelemetry (when OTEL_* asks for it) before the modules below are evaluated
import './telemetry/preload.js';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { setTimeout as delay } from 'node:timers/promises';
import { ConstantBackoff, handleWhen, retry } from 'cockatiel';
import { createApp } from './app.js';
import { createContainer, type Container } from './container.js';
import { createHttpServer, listen } from './http/http-server.js';
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import { connectDatabase, type Database } from './data/mongo.js';
import { ensureIndexes } from './data/indexes.js';
import type { SchemaStatus } from './data/schema-status.js';
import { CURRENT_SCHEMA_VERSION } from './data/stored-customer.js';
import { isDatabaseUnavailable } from './data/unavailable.js';
import { createLogger } from './logger.js';
import { Metrics } from './observability/metrics.js';
import { shutdownTracing } from './telemetry/tracing.js';
import type { Logger } from 'pino';

const SHUTDOWN_GRACE_MS = 10_000;
/** After this, a shutdown that has not finished is abandoned with exit code 1. */
const SHUTDOWN_DEADLINE_MS = SHUTDOWN_GRACE_MS + 5_000;

export interface RunningServer {
  server: Server;
  container: Container;
  database: Database;
  stop(): Promise<void>;
}

async function connectWithRetry(config: Config, logger: Logger): Promise<Database> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await connectDatabase(config.mongo);
    } catch (err) {
      if (Date.now() > deadline) throw err;
      logger.warn({ err: (err as Error).message }, 'database not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Connects, ensures indexes, listens; `stop()` drains in-flight requests and closes everything. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await connectWithRetry(config, logger);
  // a connection dropped while indexes are created (FerretDB v1 drops it when two instances
  // create the same index at once) is retried: the second attempt finds the indexes in place
  const indexRetry = retry(handleWhen(isDatabaseUnavailable), { maxAttempts: 2, backoff: new ConstantBackoff(1000) });
  indexRetry.onRetry((event) =>
    logger.warn({ err: 'error' in event ? event.error.message : undefined }, 'creating indexes failed; retrying'),
  );
  await indexRetry.execute(() => ensureIndexes(database.db));
  const container = createContainer({ config, logger, database, metrics: new Metrics({ processMetrics: true }) });
  await logSchemaStatus(container.schemaStatus, logger);
  const app = createApp(container);
  let server: Server;
  try {
    server = await listen(createHttpServer(app, config.http), config.port, config.host);
  } catch (err) {
    await container.stopBackgroundWork().catch(() => undefined);
    await database.client.close().catch(() => undefined);
    throw err;
  }
  container.startBackgroundWork();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      container.beginShutdown();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // keep-alive connections become idle as their in-flight requests finish: close them as they do
      server.closeIdleConnections();
      const sweeper = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearInterval(sweeper);
      clearTimeout(timer);
      await container.stopBackgroundWork();
      await database.client.close();
    })();
    return stopping;
  };
  return { server, container, database, stop };
}

/**
 * Logs how many records are below the current schema version (the instance's first count, which
 * readiness and /metrics then serve). Never stops the start and waits for it at most 5 s: a count
 * still running then (FerretDB reads every record for it) is logged when it ends.
 */
async function logSchemaStatus(status: SchemaStatus, logger: Logger): Promise<void> {
  const counted = status.belowCurrent().then((below) => {
    if (below === undefined) return; // the failure is logged by the SchemaStatus
    const fields = { schemaVersion: CURRENT_SCHEMA_VERSION, recordsBelowSchemaVersion: below };
    if (below === 0) logger.info(fields, 'all customer records are at the current schema version');
    else
      logger.warn(
        fields,
        `${below} customer record(s) below schema version ${CURRENT_SCHEMA_VERSION}: served as they are, upgraded when written; run \`make migrate\` to upgrade them all`,
      );
  });
  await Promise.race([counted, delay(5_000, undefined, { ref: false })]);
}

/** Versions worth knowing when reading a log: the service, the runtime, and the libraries that serve requests. */
function versions(config: Config): Record<string, string> {
  const require = createRequire(import.meta.url);
  const version = (name: string) => {
    try {
      return (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  return {
    service: config.serviceVersion,
    api: config.apiVersion,
    node: process.version,
    express: version('express'),
    mongodb: version('mongodb'),
    'express-openapi-validator': version('express-openapi-validator'),
  };
}

/**
 * A programming error nobody caught leaves the process in an unknown state: log it once (fatal)
 * and exit non-zero so the orchestrator restarts a clean process.
 */
function exitOnUncaughtErrors(logger: Logger): void {
  let exiting = false;
  const fatal = (err: unknown, message: string) => {
    if (exiting) return;
    exiting = true;
    logger.fatal({ err }, message);
    process.exit(1);
  };
  process.on('uncaughtException', (err) => fatal(err, 'uncaught exception'));
  process.on('unhandledRejection', (reason) => fatal(reason, 'unhandled promise rejection'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`crms: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config);
  exitOnUncaughtErrors(logger);
  logger.info({ config: describeConfig(config), versions: versions(config) }, 'starting CRMS');
  for (const name of config.developmentDefaults) {
    logger.warn(`${name} is not set: using the development default (ENVIRONMENT=development only)`);
  }
  let running: RunningServer;
  try {
    running = await startServer(config, logger);
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    process.exit(1);
  }
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ address }, `CRMS listening on port ${port}`);
  // a supervising parent with an IPC channel (the tests' launcher) learns the port
  // the process bound: with PORT=0 the kernel picks it atomically, so no other process can hold it
  if (process.send) {
    process.send({ crms: 'listening', port });
    process.channel?.unref();
  }
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal during shutdown: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.fatal(`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    running
      .stop()
      // spans still buffered are exported before the process exits
      .then(() => shutdownTracing().catch((err: unknown) => logger.warn({ err }, 'exporting the last spans failed')))
      .then(() => {
        logger.info('stopped cleanly');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.fatal({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  main().catch((err: unknown) => {
    process.stderr.write(`crms: fatal: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
