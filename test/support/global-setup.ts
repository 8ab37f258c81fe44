import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StartedMongoDBContainer } from '@testcontainers/mongodb';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = (name: string, ...args: string[]) => execFileSync(join(root, 'scripts', name), args, { stdio: 'inherit' });

/** Shared with global-teardown.ts (jest runs both in one process; they cannot import each other). */
const holder = globalThis as typeof globalThis & { crmsMongoContainer?: StartedMongoDBContainer };

/** True when a Docker engine answers (a client alone, as on our machines, is not enough). */
function dockerEngineAnswers(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 5000 });
  return result.status === 0 && result.stdout.trim() !== '';
}

async function startMongoContainer(): Promise<string> {
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const container = await new MongoDBContainer('mongo:7').start();
  holder.crmsMongoContainer = container;
  return `${container.getConnectionString()}/?directConnection=true`;
}

/**
 * Picks the database for the whole run: MONGODB_URI when set (e.g. a real MongoDB), else
 * testcontainers' mongo:7 when a Docker engine answers, else the local FerretDB started by
 * scripts/db.sh (idempotent). Each test file then uses its own database name.
 * Also provides a local Redis (REDIS_URL when set, else scripts/redis.sh) for the shared rate-limit
 * tests, and Debian's Chromium for the documentation browser test (installed when missing).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['REDIS_URL']) {
    process.env['CRMS_TEST_REDIS_URL'] = process.env['REDIS_URL'];
  } else {
    script('redis.sh', 'start');
    process.env['CRMS_TEST_REDIS_URL'] = `redis://127.0.0.1:${process.env['CRMS_REDIS_PORT'] ?? '6390'}`;
  }
  script('chromium.sh');
  if (process.env['MONGODB_URI']) {
    process.env['CRMS_TEST_MONGODB_URI'] = process.env['MONGODB_URI'];
    return;
  }
  if (dockerEngineAnswers()) {
    process.env['CRMS_TEST_MONGODB_URI'] = await startMongoContainer();
    return;
  }
  script('db.sh', 'start');
  process.env['CRMS_TEST_MONGODB_URI'] = 'mongodb://127.0.0.1:27017/';
}
