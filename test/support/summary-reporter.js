import { appendFileSync } from 'node:fs';

/**
 * Closes each jest run with the plain line CI reads: "jest: N passed, N failed" (skipped tests,
 * if any, are reported as skipped, never as passed). When CRMS_TEST_SUMMARY names a file, the
 * counts are also appended to it as one JSON line, so that `make test`, which runs jest twice
 * (parallel suite, then the serial load/fuzz pass), can close with one line for both runs
 * (scripts/test-summary.mjs) after everything jest prints on stderr.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      failedSuites: results.numFailedTestSuites,
      runtimeErrorSuites: results.numRuntimeErrorTestSuites,
    };
    const suffix = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`\njest: ${counts.passed} passed, ${counts.failed} failed${suffix}\n`);
    const file = process.env.CRMS_TEST_SUMMARY;
    if (file) appendFileSync(file, `${JSON.stringify(counts)}\n`);
  }
}
