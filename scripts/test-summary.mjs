#!/usr/bin/env node
/**
 * Prints the closing line of `make test`: the sum of the runs (the console's vitest run, the jest runs, the Python
 * SDK's pytest run, the image checks) recorded by test/support/summary-reporter.js, console/test/summary-reporter.ts
 * and test/sdk/python-sdk.test.ts in the file named on the command line, as
 * "tests: N passed, N failed[, N skipped]". Exits non-zero when a run is missing
 * (fewer runs than expected), when any test or suite failed, or when no test ran at all.
 *
 *   node scripts/test-summary.mjs FILE EXPECTED_RUNS
 */
import { readFileSync } from 'node:fs';
import { countsLine } from '../test/support/summary-reporter.js';

const [file, expectedRuns] = process.argv.slice(2);
if (!file || !expectedRuns) {
  console.error('usage: test-summary.mjs FILE EXPECTED_RUNS');
  process.exit(2);
}
const runs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const total = { passed: 0, failed: 0, skipped: 0, failedSuites: 0 };
for (const run of runs) {
  total.passed += run.passed;
  total.failed += run.failed;
  total.skipped += run.skipped;
  total.failedSuites += run.failedSuites;
}
process.stdout.write(`\n${countsLine('tests', total)}\n`);
const problems = [];
if (runs.length !== Number(expectedRuns))
  problems.push(`${runs.length} test runs recorded (vitest, jest, jest, pytest, image), ${expectedRuns} expected`);
if (total.failed > 0 || total.failedSuites > 0) problems.push(`${total.failed} tests and ${total.failedSuites} suites failed`);
if (total.passed === 0) problems.push('no test passed');
if (problems.length > 0) {
  console.error(`test-summary: ${problems.join('; ')}`);
  process.exit(1);
}
