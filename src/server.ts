import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import { connectDatabase, type Database } from './data/mongo.js';
import { ensureIndexes } from './data/indexes.js';
import { createLogger } from './logger.js';
import { createServices, type Services } from './services/index.js';
import type { Logger } from 'pino';

const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  server: Server;
  services: Services;
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
  await ensureIndexes(database.db);
  const services = createServices({ config, logger, database });
  const app = createApp({ config, logger, services });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  services.startBackgroundWork();
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      services.beginShutdown();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(timer);
      await services.stopBackgroundWork();
      await database.client.close();
    })();
    return stopping;
  };
  return { server, services, database, stop };
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
  logger.info({ config: describeConfig(config), node: process.version }, 'starting CRMS');
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
  logger.info({ address }, `CRMS listening on port ${typeof address === 'object' && address ? address.port : config.port}`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running
      .stop()
      .then(() => {
        logger.info('stopped cleanly');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.fatal({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  main().catch((err: unknown) => {
    process.stderr.write(`crms: fatal: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
