// A web-test-runner reporter that writes the totals of a run (all groups) to a JSON file, so
// scripts/test.mjs can print one plain "N passed, N failed" line.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countReporter(file = process.env.WTR_COUNT_FILE) {
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0, sessionsFailed: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.sessionsFailed++;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
