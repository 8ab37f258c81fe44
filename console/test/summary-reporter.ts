import { appendFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Appends this run's counts to CRMS_TEST_SUMMARY as one JSON line, as the jest runs do
 * (test/support/summary-reporter.js), so that `make test` closes with one sum for all runs.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>) {
    const counts = { passed: 0, failed: 0, skipped: 0, failedSuites: errors.length };
    for (const module of modules) {
      if (module.state() === 'failed') counts.failedSuites += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    process.stdout.write(`\nvitest: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`);
    const file = process.env['CRMS_TEST_SUMMARY'];
    if (file) appendFileSync(file, `${JSON.stringify(counts)}\n`);
  }
}
