import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Picks the database for the whole run: MONGODB_URI when set (e.g. a real MongoDB), else the local
 * FerretDB started by scripts/db.sh (idempotent). Each test file then uses its own database name.
 */
export default function globalSetup(): void {
  if (process.env['MONGODB_URI']) {
    process.env['CRMS_TEST_MONGODB_URI'] = process.env['MONGODB_URI'];
    return;
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync(join(root, 'scripts', 'db.sh'), ['start'], { stdio: 'inherit' });
  process.env['CRMS_TEST_MONGODB_URI'] = 'mongodb://127.0.0.1:27017/';
}
