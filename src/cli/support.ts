import { InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { ensureIndexes } from '../data/indexes.js';
import { connectDatabase } from '../data/mongo.js';
import { createLogger } from '../logger.js';
import { createContainer } from '../container.js';
import type { Services } from '../services/index.js';

/** A command that cannot do what was asked: main.ts prints `crms <command>: <message>` and exits 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** A commander argument parser for an integer in 1..max. */
export function positiveInteger(flag: string, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw new InvalidArgumentError(`${flag} must be a whole number from 1 to ${max}`);
    }
    return n;
  };
}

/** The service's configuration from the environment (a ConfigError is one line, printed by main.ts). */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(env);
}

/**
 * Runs `fn` with the service layer over the configured database (indexes ensured, as the service
 * does at start-up), then closes the connection. Logs only warnings unless LOG_LEVEL says otherwise.
 */
export async function withServices<T>(fn: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = configFromEnvironment();
  const logger = createLogger({
    ...config,
    log: { format: 'json', level: process.env['LOG_LEVEL'] ? config.log.level : 'warn' },
  });
  const database = await connectDatabase(config.mongo);
  try {
    await ensureIndexes(database.db);
    const container = createContainer({ config, logger, database });
    try {
      return await fn(container.services, config);
    } finally {
      await container.stopBackgroundWork();
    }
  } finally {
    await database.client.close();
  }
}
