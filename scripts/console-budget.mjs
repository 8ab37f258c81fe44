#!/usr/bin/env node
/**
 * The console's bundle-size budget (gzip): the JavaScript loaded by the first screen (index.html's
 * entry and the chunks it preloads) and all JavaScript together (the analytics charts load lazily).
 * Exits non-zero when a budget is exceeded, the SDK's unused exports are in the bundle (tree-shaking), or the build is
 * missing.
 *
 *   node scripts/console-budget.mjs console/dist
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET = { initialJsGzip: 120 * 1024, totalJsGzip: 260 * 1024 };

const dist = process.argv[2] ?? 'console/dist';
let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error(`console-budget: ${dist}/index.html is missing: run \`make build\``);
  process.exit(1);
}
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const initial = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const initialBytes = initial.reduce((sum, f) => sum + gz(f), 0);
const totalBytes = all.reduce((sum, f) => sum + gz(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `console bundle (gzip): first screen ${kb(initialBytes)} of ${kb(BUDGET.initialJsGzip)}, all JS ${kb(totalBytes)} of ${kb(BUDGET.totalJsGzip)}`,
);
const problems = [];
if (initial.length === 0) problems.push('index.html references no script under /console/assets/');
// tree-shaking: @crms/sdk is `sideEffects: false` ESM, so what the console does not import stays out of the bundle;
// its operation table (every path, internal ones included) is such an export
const shaken = all.filter((f) => readFileSync(join(dist, f), 'utf8').includes('/api/customers/internal/create'));
if (shaken.length > 0)
  problems.push(`${shaken.join(', ')} carry the SDK's operationTable, which the console does not import: tree-shaking failed`);
if (initialBytes > BUDGET.initialJsGzip) problems.push(`first-screen JS ${kb(initialBytes)} exceeds ${kb(BUDGET.initialJsGzip)}`);
if (totalBytes > BUDGET.totalJsGzip) problems.push(`total JS ${kb(totalBytes)} exceeds ${kb(BUDGET.totalJsGzip)}`);
if (problems.length > 0) {
  console.error(`console-budget: ${problems.join('; ')}`);
  process.exit(1);
}
