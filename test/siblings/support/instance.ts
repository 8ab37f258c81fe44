import supertest from 'supertest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { connectDatabase } from '../../../src/data/mongo.js';
import { createLogger } from '../../../src/logger.js';
import { createServices } from '../../../src/services/index.js';
import { testEnv, type TestApp } from '../../support/harness.js';

/**
 * Another CRMS instance on an existing test database (a restart, or a second replica). It skips
 * `ensureIndexes`: the indexes exist, and FerretDB v1 drops the connection when createIndexes runs
 * again over an existing set. `close()` leaves the database to its owner.
 */
export async function startInstance(dbName: string, env: Record<string, string>): Promise<TestApp> {
  const config = loadConfig(testEnv({ ...env, MONGODB_DB_NAME: dbName }));
  const logger = createLogger(config);
  const database = await connectDatabase(config.mongo);
  const services = createServices({ config, logger, database });
  const app = createApp({ config, logger, services });
  return {
    app,
    config,
    database,
    services,
    http: supertest(app),
    async close() {
      await services.stopBackgroundWork();
      await database.client.close();
    },
  };
}
