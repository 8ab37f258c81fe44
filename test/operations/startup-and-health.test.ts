import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createMongoClient } from '../../src/data/mongo.js';
import { createLogger } from '../../src/logger.js';
import { createContainer } from '../../src/container.js';
import { startTestApp, testEnv, type TestApp } from '../support/harness.js';
import { DEV_JWT_SECRET, DEV_SERVICE_API_KEY } from '../../src/secrets.js';
import { adminToken, bearer, TEST_API_KEY, TEST_JWT_SECRET } from '../support/tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('When the service runs on a reachable database', () => {
  test('then GET /health answers 200 with the service identity', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Service is healthy',
      data: { status: 'ok', service: 'customer-service', version: '1.0.0', uptimeSeconds: expect.any(Number) },
    });
  });

  test('then GET /health/ready answers 200 with the database up and breaker states', async () => {
    const res = await t.http.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('ready');
    expect(res.body.data.checks.database.status).toBe('up');
    expect(Object.keys(res.body.data.checks.services).sort()).toEqual(['auth', 'complaint', 'order']);
  });

  test('then an unknown route is a 404 envelope, never HTML', async () => {
    const res = await t.http.get('/api/nope').set(bearer(adminToken()));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({
      success: false,
      message: 'Route not found',
      errors: [{ field: 'path', message: 'No route matches GET /api/nope' }],
    });
  });

  test('then a validation error uses the guide envelope with one entry per problem', async () => {
    const res = await t.http.get('/api/customers?page=0&limit=500&sortBy=name').set(bearer(adminToken()));
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.message).toBe('Validation failed');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['limit', 'page', 'sortBy']);
  });

  test('then malformed JSON is a 400 envelope', async () => {
    const res = await t.http
      .post('/api/customers/internal/create')
      .set('X-Service-API-Key', t.config.services.apiKey)
      .set('Content-Type', 'application/json')
      .send('{"userId": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, errors: [{ field: 'body', message: 'Malformed JSON' }] });
  });

  test('then a wrong HTTP method is an envelope too', async () => {
    const res = await t.http.post('/health');
    expect([404, 405]).toContain(res.status);
    expect(res.body.success).toBe(false);
  });
});

describe('When the database cannot be reached', () => {
  test('then readiness answers 503 and liveness stays 200', async () => {
    const config = loadConfig(testEnv({ MONGODB_URI: 'mongodb://127.0.0.1:1/customer_db', MONGODB_SERVER_SELECTION_TIMEOUT_MS: '500' }));
    const client = createMongoClient(config.mongo);
    const logger = createLogger(config);
    const services = createContainer({ config, logger, database: { client, db: client.db('customer_db'), isFerretDb: false } });
    const http = supertest(createApp(services));
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ success: false, errors: [{ field: 'database' }] });
    expect((await http.get('/health')).status).toBe(200);
    const read = await http.get('/api/customers').set(bearer(adminToken()));
    expect(read.status).toBe(503);
    expect(read.body.message).toBe('Service temporarily unavailable');
    await client.close();
  });
});

describe('When the configuration is loaded', () => {
  test('when JWT_SECRET is missing outside development, then loading fails with a one-line message', () => {
    const env = testEnv();
    delete env['JWT_SECRET'];
    expect(() => loadConfig({ ...env, ENVIRONMENT: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, ENVIRONMENT: 'production' })).toThrow(/JWT_SECRET is required/);
  });

  test('when a value is malformed, then the message names the variable', () => {
    expect(() => loadConfig(testEnv({ PORT: 'eighty' }))).toThrow(/PORT/);
    expect(() => loadConfig(testEnv({ AUTH_SERVICE_URL: 'ftp://x' }))).toThrow(/AUTH_SERVICE_URL/);
    expect(() => loadConfig(testEnv({ MONGODB_URI: 'postgres://x' }))).toThrow(/MONGODB_URI/);
    expect(() => loadConfig(testEnv({ CORS_ORIGINS: '["*"]', CORS_CREDENTIALS: 'true' }))).toThrow(/CORS_ORIGINS/);
  });

  test('when ENVIRONMENT=development, then secrets fall back to flagged development defaults', () => {
    const env = testEnv({ ENVIRONMENT: 'development' });
    delete env['JWT_SECRET'];
    delete env['SERVICE_API_KEY'];
    const config = loadConfig(env);
    expect(config.developmentDefaults.sort()).toEqual(['JWT_SECRET', 'SERVICE_API_KEY']);
  });

  test("then the guide's formats are accepted: JSON-array CORS origins, LOG_LEVEL=INFO, port 8001 by default", () => {
    const config = loadConfig(testEnv({ CORS_ORIGINS: '["http://localhost:3000", "http://localhost:19006"]', LOG_LEVEL: 'INFO' }));
    expect(config.cors.origins).toEqual(['http://localhost:3000', 'http://localhost:19006']);
    expect(config.log.level).toBe('info');
    expect(config.port).toBe(8001);
  });

  test('when the real entry point starts without JWT_SECRET, then it exits 1 with one line and no stack trace', () => {
    const entry = join(process.cwd(), 'dist', 'src', 'server.js');
    const result = spawnSync(process.execPath, [entry], {
      env: { PATH: process.env['PATH'], ENVIRONMENT: 'production', SERVICE_API_KEY: TEST_API_KEY },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^crms: Invalid configuration: JWT_SECRET is required/);
  });

  test.each([
    ['JWT_SECRET', { JWT_SECRET: DEV_JWT_SECRET, SERVICE_API_KEY: TEST_API_KEY }],
    ['SERVICE_API_KEY', { JWT_SECRET: TEST_JWT_SECRET, SERVICE_API_KEY: DEV_SERVICE_API_KEY }],
    ['JWT_SECRET', { JWT_SECRET: 'a'.repeat(48), SERVICE_API_KEY: TEST_API_KEY }],
  ])(
    'when the real entry point starts in production with a guessable %s, then it exits 1 with one line naming it, before touching the database',
    (name, secrets) => {
      const entry = join(process.cwd(), 'dist', 'src', 'server.js');
      const result = spawnSync(process.execPath, [entry], {
        // an unreachable database: the refusal comes first, so the process never waits for it
        env: { PATH: process.env['PATH'], ENVIRONMENT: 'production', MONGODB_URI: 'mongodb://127.0.0.1:1/customer_db', ...secrets },
        encoding: 'utf8',
        timeout: 20000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^crms: Invalid configuration: ${name} .*ENVIRONMENT=development`));
    },
  );
});
