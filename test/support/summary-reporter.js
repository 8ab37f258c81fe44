import { appendFileSync } from 'node:fs';

/**
 * Closes each jest run with the plain line CI reads: "jest: N passed, N failed" (skipped tests,
 * if any, are reported as skipped, never as passed). When CRMS_TEST_SUMMARY names a file, the
 * counts are also appended to it as one JSON line, so that `make test`, which runs jest twice
 * (parallel suite, then the serial load/fuzz pass), can close with one line for both runs
 * (scripts/test-summary.mjs) after everything jest prints on stderr.
 */
/** The plain count line: "<label>: N passed, N failed[, N skipped]". */
export function countsLine(label, { passed, failed, skipped }) {
  const suffix = skipped > 0 ? `, ${skipped} skipped` : '';
  return `${label}: ${passed} passed, ${failed} failed${suffix}`;
}

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      // suites that failed, those that could not run (runtime errors) included
      failedSuites: results.numFailedTestSuites,
    };
    process.stdout.write(`\n${countsLine('jest', counts)}\n`);
    const file = process.env.CRMS_TEST_SUMMARY;
    if (file) appendFileSync(file, `${JSON.stringify(counts)}\n`);
  }
}
