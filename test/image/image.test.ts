/**
 * The container image as an operator meets it (docs/deployment.md): the image scripts/image.sh
 * built, named by CRMS_IMAGE (`make image-test` sets it; without it jest leaves this directory
 * out), started with podman on the host network against the test database, with a read-only root
 * file system and secrets of its own, as in production.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request, type ClientRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { eventually } from '../support/eventually.js';
import { unusedPortOutsideEphemeralRange } from '../support/ports.js';
import { ADMIN_ID, signToken } from '../support/tokens.js';

const run = promisify(execFile);
const image = process.env['CRMS_IMAGE'] ?? '';
const name = `crms-image-test-${randomBytes(4).toString('hex')}`;
const dbName = `crms_image_${randomBytes(6).toString('hex')}`;
const mongoUri = process.env['CRMS_TEST_MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
const jwtSecret = randomBytes(32).toString('hex');
const serviceApiKey = randomBytes(24).toString('hex');
/** docker-compose.yml's stop_grace_period: past it the engine kills the process (exit 137). */
const GRACE_SECONDS = 15;
let url = '';

function podman(args: string[], timeout = 60_000): Promise<{ stdout: string; stderr: string }> {
  return run('podman', args, { encoding: 'utf8', timeout, maxBuffer: 16 * 1024 * 1024 });
}

/** The container's environment: production (the image's default) with this run's database and secrets. */
function envArgs(port: number): string[] {
  const env = { MONGODB_URI: mongoUri, MONGODB_DB_NAME: dbName, JWT_SECRET: jwtSecret, SERVICE_API_KEY: serviceApiKey, PORT: String(port) };
  return Object.entries(env).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
}

/** Runs a command in a fresh container of the image (its entry point, user and working directory). */
function runInImage(command: string[]): Promise<{ stdout: string; stderr: string }> {
  return podman(['run', '--rm', '--network', 'host', '--read-only', ...envArgs(0), image, ...command]);
}

async function inspect(format: string, what: 'image' | 'container' = 'container'): Promise<string> {
  const { stdout } = await podman([
    what === 'image' ? 'image' : 'container',
    'inspect',
    '--format',
    format,
    what === 'image' ? image : name,
  ]);
  return stdout.trim();
}

/** The port of the container's "CRMS listening on port N" log line (its JSON states the bound address). */
async function loggedPort(): Promise<number | undefined> {
  const { stdout, stderr } = await podman(['logs', name]);
  for (const line of `${stdout}${stderr}`.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; address?: { port?: unknown } };
    if (entry.msg?.startsWith('CRMS listening') && typeof entry.address?.port === 'number') return entry.address.port;
  }
  return undefined;
}

beforeAll(async () => {
  if (!image) throw new Error('CRMS_IMAGE names the image to check: run `make image-test`');
  // the container is given its port (the image's HEALTHCHECK asks PORT), one no ephemeral bind can
  // take meanwhile; if another process took it anyway, CRMS exits (EADDRINUSE) and it gets another
  for (let attempt = 1; !url; attempt++) {
    const port = await unusedPortOutsideEphemeralRange();
    await podman(['run', '--detach', '--name', name, '--network', 'host', '--read-only', ...envArgs(port), image]);
    const started = await eventually(
      async () => {
        if ((await loggedPort()) === port) return 'listening';
        return (await inspect('{{.State.Running}}')) === 'false' && 'exited';
      },
      { timeout: 60_000, interval: 250, what: 'the container listening on its port, or exiting' },
    );
    if (started === 'listening') url = `http://127.0.0.1:${port}`;
    else if (attempt === 3) throw new Error(`the container exited: ${JSON.stringify(await podman(['logs', name]))}`);
    else await podman(['rm', '--force', '--time', '0', name]);
  }
  await eventually(async () => (await fetch(`${url}/health`)).ok, {
    timeout: 60_000,
    interval: 250,
    what: 'the container answering /health',
  });
}, 120_000);

afterAll(async () => {
  await podman(['rm', '--force', '--time', '0', name]).catch(() => undefined);
  const client = new MongoClient(mongoUri);
  await client
    .db(dbName)
    .dropDatabase()
    .catch(() => undefined);
  await client.close();
});

describe('When CRMS runs as its container image', () => {
  it('when the image is inspected, then it runs as the user node, keeps its HEALTHCHECK and reports its size', async () => {
    expect(await inspect('{{.Config.User}}', 'image')).toBe('node');
    expect(await inspect('{{json .Config.Healthcheck.Test}}', 'image')).toContain('/health');
    const megabytes = Math.round(Number(await inspect('{{.Size}}', 'image')) / 1e6);
    expect(megabytes).toBeGreaterThan(0);
    process.stdout.write(`\nimage ${image}: ${megabytes} MB\n`);
  });

  it('when the container runs, then its process is not root', async () => {
    const { stdout } = await podman(['exec', name, 'id', '-u']);
    expect(stdout.trim()).toBe('1000');
    expect(await inspect('{{.Config.User}}')).toBe('node');
  });

  it('when it started against the database, then /health says it is up and /health/ready that the database answers', async () => {
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const ready = await eventually(async () => {
      const response = await fetch(`${url}/health/ready`);
      return response.status === 200 && ((await response.json()) as { data: { checks: { database: { status: string } } } });
    });
    expect(ready.data.checks.database.status).toBe('up');
  });

  it('when an administrator calls the API with a token signed with the configured secret, then it answers; without a token it refuses', async () => {
    const token = signToken({ secret: jwtSecret, role: 'Administrator', userId: ADMIN_ID, email: 'admin@example.com' });
    const listed = await fetch(`${url}/api/customers`, { headers: { Authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { success: boolean }).success).toBe(true);
    const anonymous = await fetch(`${url}/api/customers`);
    expect(anonymous.status).toBe(401);
  });

  it('when a browser opens the documentation, the contract and the console, then each is served', async () => {
    const docs = await fetch(`${url}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    const spec = await fetch(`${url}/openapi.json`);
    expect(spec.status).toBe(200);
    expect(((await spec.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
    const consolePage = await fetch(`${url}/console/`);
    expect(consolePage.status).toBe(200);
    expect(await consolePage.text()).toContain('<div id="root">');
  });

  it('when the operator runs crms --help and crms migrate --dry-run in the image, then both succeed', async () => {
    const help = await runInImage(['crms', '--help']);
    expect(help.stdout).toContain('migrate');
    const migrate = await runInImage(['crms', 'migrate', '--dry-run']);
    expect(migrate.stdout).toContain(`Database ${dbName}, schema version`);
  });

  it('when podman runs the HEALTHCHECK, then the container turns healthy', async () => {
    // without systemd podman schedules no checks: `podman healthcheck run` evaluates the image's
    // (exit status 0 once the check passed)
    await eventually(async () => (await podman(['healthcheck', 'run', name]), true), {
      timeout: 30_000,
      interval: 500,
      what: 'podman healthcheck run answering healthy',
    });
    expect(await inspect('{{.State.Health.Status}}')).toBe('healthy');
  });

  it('when the root file system is read-only, then CRMS serves and nothing can be written into the image', async () => {
    expect(await inspect('{{.HostConfig.ReadonlyRootfs}}')).toBe('true');
    await expect(podman(['exec', name, 'touch', '/app/written'])).rejects.toThrow(/Read-only file system/);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('when its files are listed, then there are no dev dependencies, TypeScript sources, tests, source maps or npm cache', async () => {
    // what the lockfile marks as needed only for development (dev: true), wherever it is installed
    const lockfile = JSON.parse(readFileSync(join(process.cwd(), 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(lockfile.packages)
      .filter(([path, entry]) => entry.dev === true && path.includes('node_modules/'))
      .map(([path]) => path);
    expect(devOnly).toContain('node_modules/typescript');
    const script = `
      const { existsSync, readdirSync } = require('node:fs');
      const files = (dir) => readdirSync(dir, { recursive: true }).map(String);
      const app = files('/app').filter((f) => !f.startsWith('node_modules/') && !f.includes('/node_modules/'));
      console.log(JSON.stringify({
        dev: process.argv.slice(1).filter((path) => existsSync('/app/' + path)),
        typescript: app.filter((f) => /\\.(ts|tsx|mts|cts)$/.test(f) && !/\\.d\\.[mc]?ts$/.test(f)),
        tests: app.filter((f) => /(^|\\/)(test|tests|__tests__)\\//.test(f) || /\\.(test|spec)\\.[cm]?[jt]sx?$/.test(f)),
        maps: app.filter((f) => f.endsWith('.map')),
        npmCache: existsSync('/root/.npm'),
      }));`;
    // as root, to see /root as well
    const { stdout } = await podman(['run', '--rm', '--user', 'root', '--entrypoint', 'node', image, '-e', script, ...devOnly]);
    expect(JSON.parse(stdout)).toEqual({ dev: [], typescript: [], tests: [], maps: [], npmCache: false });
  });

  it('when docker-compose reads docker-compose.yml, then it is valid, starts MongoDB and Redis healthy before CRMS and maps the host', async () => {
    // the mongo and redis images cannot be pulled here: the file is checked, not started
    const env = { ...process.env, JWT_SECRET: jwtSecret, SERVICE_API_KEY: serviceApiKey };
    const compose = (args: string[]) => run('docker-compose', ['--file', 'docker-compose.yml', ...args], { encoding: 'utf8', env });
    const services = (await compose(['--profile', 'tracing', 'config', '--services'])).stdout.trim().split('\n');
    expect(services).toEqual(expect.arrayContaining(['crms', 'mongo', 'redis', 'jaeger']));
    expect(services.indexOf('crms')).toBeGreaterThan(Math.max(services.indexOf('mongo'), services.indexOf('redis')));
    const { stdout: config } = await compose(['config']);
    expect(config.match(/condition: service_healthy/g)).toHaveLength(2);
    expect(config).toMatch(/extra_hosts:\n\s+- host\.docker\.internal:host-gateway/);
  });

  it('when podman is installed, then no Docker engine answers (make test keeps the local database)', () => {
    // test/support/global-setup.ts switches to a mongo:7 testcontainer (not pullable here) whenever one does
    const docker = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 5000 });
    expect(docker.status === 0 && docker.stdout.trim() !== '').toBe(false);
  });

  it(`when the container is stopped (SIGTERM) during a request, then it answers that request and exits 0 within the ${GRACE_SECONDS} s grace period`, async () => {
    expect(await inspect('{{.Config.StopSignal}}', 'image')).toMatch(/SIGTERM|15/);
    const token = signToken({ secret: jwtSecret, role: 'Administrator', userId: ADMIN_ID, email: 'admin@example.com' });
    const body = JSON.stringify({ customerIds: ['aaaaaaaaaaaaaaaaaaaaaaaa'], action: 'addTags', value: ['drain'] });
    let restSent = false;
    // a request in flight: its headers and the first byte of its body are sent, the rest after SIGTERM
    let inFlight: ClientRequest | undefined;
    const answered = new Promise<number>((resolve, reject) => {
      inFlight = request(
        `${url}/api/customers/bulk`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(body)),
          },
        },
        (response) => {
          response.resume();
          // an answer before the whole body was sent would be no proof of draining
          response.on('end', () => (restSent ? resolve(response.statusCode ?? 0) : reject(new Error('answered before the body was sent'))));
        },
      );
      inFlight.on('error', reject);
      inFlight.write(body.slice(0, 1));
    });
    // podman stop sends SIGTERM and kills (exit 137) only once the grace period has passed
    const stopped = podman(['stop', '--time', String(GRACE_SECONDS), name], (GRACE_SECONDS + 30) * 1000);
    const logMessages = async () => {
      const { stdout, stderr } = await podman(['logs', name]);
      return `${stdout}${stderr}`
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg?: string }).msg);
    };
    await eventually(async () => (await logMessages()).includes('shutting down'), {
      timeout: 10_000,
      interval: 100,
      what: 'the log line "shutting down"',
    });
    restSent = true;
    inFlight?.end(body.slice(1));
    expect(await answered).toBe(200);
    await stopped;
    expect(await inspect('{{.State.ExitCode}}')).toBe('0');
    expect(await logMessages()).toEqual(expect.arrayContaining(['shutting down', 'stopped cleanly']));
  });
});
