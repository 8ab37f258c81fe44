#!/usr/bin/env node
/**
 * The console's bundle-size budget, in bytes actually sent: the build's precompressed copies that
 * CRMS serves (src/http/console.ts), brotli to browsers that accept it and gzip to the rest, so
 * each budget holds for the larger of the two. Three budgets: the JavaScript and CSS of the first
 * screen (index.html's entry and what it preloads), the analytics chunk (the charts, loaded only
 * when Analytics opens), and all JavaScript together. Exits non-zero when a budget is exceeded, a
 * compressed copy is missing, the SDK's unused exports are in the bundle (tree-shaking), or the build is missing.
 *
 *   node scripts/console-budget.mjs console/dist
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUDGET = { firstScreen: 110 * 1024, analyticsChunk: 140 * 1024, totalJs: 240 * 1024 };

const dist = process.argv[2] ?? 'console/dist';
let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error(`console-budget: ${dist}/index.html is missing: run \`make build\``);
  process.exit(1);
}
const problems = [];
/** Bytes sent for `file`: the larger of its brotli and gzip copies. */
const sent = (file) => {
  const sizes = ['br', 'gz'].map((ext) => {
    const copy = join(dist, `${file}.${ext}`);
    if (!existsSync(copy)) {
      problems.push(`${file}.${ext} is missing (the build precompresses every asset)`);
      return statSync(join(dist, file)).size;
    }
    return statSync(copy).size;
  });
  return Math.max(...sizes);
};
const firstScreen = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const js = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const analytics = js.filter((f) => /\/Analytics-[^/]+\.js$/.test(f));
const sum = (files) => files.reduce((total, f) => total + sent(f), 0);
const firstBytes = sum(firstScreen);
const analyticsBytes = sum(analytics);
const totalBytes = sum(js);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `console bundle (bytes sent): first screen ${kb(firstBytes)} of ${kb(BUDGET.firstScreen)}, ` +
    `analytics chunk ${kb(analyticsBytes)} of ${kb(BUDGET.analyticsChunk)}, all JS ${kb(totalBytes)} of ${kb(BUDGET.totalJs)}`,
);
if (!firstScreen.some((f) => f.endsWith('.js'))) problems.push('index.html references no script under /console/assets/');
if (analytics.length === 0) problems.push('no Analytics-*.js chunk: the charts are no longer loaded lazily');
if (analytics.some((f) => firstScreen.includes(f))) problems.push('the analytics chunk is loaded by the first screen');
if (firstBytes > BUDGET.firstScreen) problems.push(`first screen ${kb(firstBytes)} exceeds ${kb(BUDGET.firstScreen)}`);
if (analyticsBytes > BUDGET.analyticsChunk) problems.push(`analytics chunk ${kb(analyticsBytes)} exceeds ${kb(BUDGET.analyticsChunk)}`);
if (totalBytes > BUDGET.totalJs) problems.push(`all JS ${kb(totalBytes)} exceeds ${kb(BUDGET.totalJs)}`);
// tree-shaking: @crms/sdk is `sideEffects: false` ESM, so what the console does not import stays out of the bundle;
// its operation table (every path, internal ones included) is such an export
const shaken = js.filter((f) => readFileSync(join(dist, f), 'utf8').includes('/api/customers/internal/create'));
if (shaken.length > 0)
  problems.push(`${shaken.join(', ')} carry the SDK's operationTable, which the console does not import: tree-shaking failed`);
if (problems.length > 0) {
  console.error(`console-budget: ${problems.join('; ')}`);
  process.exit(1);
}
