import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = (name: string, ...args: string[]) => execFileSync(join(root, 'scripts', name), args, { stdio: 'inherit' });

/**
 * Picks the database for the whole run: MONGODB_URI when set (e.g. a real MongoDB), else the local
 * FerretDB started by scripts/db.sh (idempotent). Each test file then uses its own database name.
 * Also provides a local Redis (REDIS_URL when set, else scripts/redis.sh) for the shared rate-limit
 * tests, and Debian's Chromium for the documentation browser test (installed when missing).
 */
export default function globalSetup(): void {
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
  script('db.sh', 'start');
  process.env['CRMS_TEST_MONGODB_URI'] = 'mongodb://127.0.0.1:27017/';
}
