// Builds the SDK into dist/: ESM (dist/esm) and CommonJS (dist/cjs), each with its .d.ts.
// Uses the TypeScript compiler of the CRMS repository (or one on PATH); run by `npm pack` (prepack).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const local = join(here, '..', 'node_modules', '.bin', 'tsc');
const tsc = existsSync(local) ? local : 'tsc';
rmSync(join(here, 'dist'), { recursive: true, force: true });
for (const config of ['tsconfig.esm.json', 'tsconfig.cjs.json']) {
  execFileSync(tsc, ['-p', join(here, config)], { stdio: 'inherit' });
}
// the package is "type": "module"; this marks the CommonJS build as such
mkdirSync(join(here, 'dist', 'cjs'), { recursive: true });
writeFileSync(join(here, 'dist', 'cjs', 'package.json'), '{\n  "type": "commonjs"\n}\n');
