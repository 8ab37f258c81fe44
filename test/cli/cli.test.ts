import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoCustomer } from '../../src/cli/demo-data.js';
import { DEV_JWT_SECRET, DEV_SERVICE_API_KEY, EXAMPLE_PLACEHOLDERS } from '../../src/secrets.js';
import { startTestApp, testEnv, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const PATH = `${join(process.cwd(), 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`make build`) with exactly `env` (plus PATH). */
async function crms(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { PATH, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The environment of a test app as strings (the CLI reads the same variables). */
function envOf(overrides: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(testEnv(overrides)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

describe('When an operator runs the crms command line', () => {
  it('then `npx crms --help` in the repository lists every command, and each command has its own --help', async () => {
    const { stdout } = await run('npx', ['crms', '--help'], { env: { PATH, HOME: process.env['HOME'] ?? '/tmp' }, timeout: 120_000 });
    const commands = [...stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['token', 'seed']));
    for (const command of commands) {
      const help = await crms([command as string, '--help'], {});
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: crms ${command}`);
    }
  }, 120_000);
});

describe('When `crms token` is asked for an access token', () => {
  /** The service as `make run` runs it: development, with the development secrets. */
  const development = { ENVIRONMENT: 'development', JWT_SECRET: '' };
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(development);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('then in development with the development secret it prints a token the service accepts, for the role asked', async () => {
    const env = envOf(development);
    const admin = await crms(['token', '--role', 'Administrator'], env);
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    await t.http.get('/api/customers').set(bearer(admin.stdout.trim())).expect(200);

    const userId = 'cli-user-0001';
    await t.http
      .post('/api/customers/internal/create')
      .set('X-Service-API-Key', t.config.services.apiKey)
      .send({ userId, email: 'cli.user@example.com', fullName: 'Cli User' })
      .expect(201);
    const customer = await crms(['token', '--role', 'Customer', '--user', userId], env);
    expect(customer.code).toBe(0);
    const me = await t.http.get('/api/customers/me').set(bearer(customer.stdout.trim())).expect(200);
    expect(me.body.data.userId).toBe(userId);
    // a customer token is not an administrator's
    await t.http.get('/api/customers').set(bearer(customer.stdout.trim())).expect(403);
  }, 60_000);

  it.each([
    [
      'production',
      {
        ENVIRONMENT: 'production',
        JWT_SECRET: 'a-real-secret-of-the-auth-service-0123456789',
        SERVICE_API_KEY: 'a-real-service-api-key-0123',
      },
    ],
    ['production without secrets', { ENVIRONMENT: 'production' }],
    [
      'test',
      { ENVIRONMENT: 'test', JWT_SECRET: 'a-real-secret-of-the-auth-service-0123456789', SERVICE_API_KEY: 'a-real-service-api-key-0123' },
    ],
    ['development with a real JWT_SECRET', { ENVIRONMENT: 'development', JWT_SECRET: 'a-real-secret-of-the-auth-service-0123456789' }],
    ['ENVIRONMENT unset', {}],
    ['production with the development JWT secret set explicitly', { ENVIRONMENT: 'production', JWT_SECRET: DEV_JWT_SECRET }],
  ])('then in %s it refuses with one line and exit code 1, printing no token', async (_name, env) => {
    const result = await crms(['token', '--role', 'Administrator'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^crms token: refused: .*ENVIRONMENT=development.*JWT_SECRET/);
  });

  it('then a missing or unknown role is refused with the allowed values', async () => {
    const missing = await crms(['token'], envOf(development));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--role');
    const unknown = await crms(['token', '--role', 'Root'], envOf(development));
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Administrator, Customer');
    expect(unknown.stdout).toBe('');
  });
});

describe('When `crms seed` loads demo customers', () => {
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    env = envOf({ ENVIRONMENT: 'test', MONGODB_DB_NAME: t.config.mongo.dbName });
  });
  afterAll(async () => {
    await t?.close();
  });

  const admin = () => bearer(adminToken());

  it('then N realistic customers are readable and searchable through the API, with statistics, history, notes and tags', async () => {
    const count = 24;
    const result = await crms(['seed', '--count', String(count)], env);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`seeded ${count} demo customers`);

    const list = await t.http.get('/api/customers').query({ limit: '100' }).set(admin()).expect(200);
    expect(list.body.data.pagination.totalItems).toBe(count);
    const all = list.body.data.customers as Array<Record<string, unknown>>;
    for (const c of all) {
      expect(c['email']).toMatch(/^[a-z.]+\d+@[a-z.]+$/);
      if (c['contactNumber'] !== undefined) expect(String(c['contactNumber']).replace(/\D/g, '')).toMatch(/^(91)?[6-9]\d{9}$/);
    }
    expect(new Set(all.map((c) => c['customerType'])).size).toBeGreaterThan(1);
    expect(all.some((c) => Number(c['totalOrders']) > 0 && Number(c['totalOrderValue']) > 0)).toBe(true);

    // every seeded customer as the generator describes it, through the admin API
    for (let i = 0; i < count; i++) {
      const demo = demoCustomer(i);
      const summary = all.find((c) => c['userId'] === demo.registration.userId);
      expect(summary).toBeDefined();
      const detail = (
        await t.http
          .get(`/api/customers/${String(summary?.['customerId'])}`)
          .set(admin())
          .expect(200)
      ).body.data;
      expect(detail).toMatchObject({
        fullName: demo.registration.fullName,
        customerStatus: demo.customerStatus,
        customerType: demo.customerType,
        tags: demo.tags,
        totalOrders: demo.statistics.totalOrders,
        openComplaints: demo.statistics.openComplaints,
      });
      expect(detail.noteHistory.map((n: { note: string }) => n.note)).toEqual(demo.notes);
      if (demo.customerStatus !== 'Active')
        expect(detail.statusHistory.at(-1)).toMatchObject({ to: demo.customerStatus, reason: demo.statusReason });
      if (demo.customerType !== 'Regular') expect(detail.typeHistory.at(-1)).toMatchObject({ from: 'Regular', to: demo.customerType });
    }
    const demos = Array.from({ length: count }, (_, i) => demoCustomer(i));
    expect(demos.some((d) => d.notes.length > 0)).toBe(true);
    expect(demos.some((d) => d.tags.length > 0)).toBe(true);

    // search keys are right: by surname, by e-mail local part, by phone digits without the country code
    const withPhone = demos.find((d) => d.registration.contactNumber) ?? demos[0];
    const surname = withPhone?.registration.fullName.split(' ').at(-1) ?? '';
    const phoneDigits = (withPhone?.registration.contactNumber ?? '').replace(/\D/g, '').slice(-10);
    for (const q of [surname, withPhone?.registration.email.split('@')[0] ?? '', phoneDigits]) {
      const found = await t.http.get('/api/customers/search').query({ q }).set(admin()).expect(200);
      const emails = (found.body.data.results as Array<{ email: string }>).map((r) => r.email);
      expect(emails).toContain(withPhone?.registration.email);
    }
  }, 120_000);

  it('then a database that already holds customers is refused unless --force, which adds new ones', async () => {
    const before = (await t.http.get('/api/customers').set(admin()).expect(200)).body.data.pagination.totalItems as number;
    expect(before).toBeGreaterThan(0);
    const refused = await crms(['seed', '--count', '3'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^crms seed: the database already holds \d+ customers; pass --force/);
    expect((await t.http.get('/api/customers').set(admin()).expect(200)).body.data.pagination.totalItems).toBe(before);

    const forced = await crms(['seed', '--count', '3', '--force'], env);
    expect(forced.code).toBe(0);
    expect((await t.http.get('/api/customers').set(admin()).expect(200)).body.data.pagination.totalItems).toBe(before + 3);
  }, 60_000);

  it('then a count that is not a whole number from 1 is refused before anything is written', async () => {
    for (const count of ['0', 'ten', '1.5', '100001']) {
      const result = await crms(['seed', '--count', count, '--force'], env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('--count must be a whole number from 1 to 100000');
    }
  });

  it.each([
    ['the development JWT secret', { JWT_SECRET: DEV_JWT_SECRET }, 'JWT_SECRET'],
    ['the development service key', { SERVICE_API_KEY: DEV_SERVICE_API_KEY }, 'SERVICE_API_KEY'],
    ['the .env.example placeholder', { JWT_SECRET: EXAMPLE_PLACEHOLDERS[0]! }, 'JWT_SECRET'],
    ['a repeated character', { SERVICE_API_KEY: 'z'.repeat(24) }, 'SERVICE_API_KEY'],
  ])(
    'then outside development with %s it refuses with one line naming the variable, and writes nothing',
    async (_name, secrets, name) => {
      const before = await t.database.db.collection('customers').countDocuments();
      for (const environment of ['production', 'test']) {
        const result = await crms(['seed', '--count', '2', '--force'], { ...env, ENVIRONMENT: environment, ...secrets });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(new RegExp(`^crms seed: Invalid configuration: ${name} .*ENVIRONMENT=development`));
      }
      expect(await t.database.db.collection('customers').countDocuments()).toBe(before);
    },
    60_000,
  );
});
