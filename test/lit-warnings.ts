/**
 * Fails the run when Lit's dev mode warned (every Lit warning links to lit.dev/msg), except
 * the one-time "Lit is in dev mode" notice. The check runs once, after all tests, and names
 * the tests that warned, so one warning does not stop the other tests from running.
 */
const warnings: string[] = [];
let current = '(outside a test)';
const originalWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (text.includes('lit.dev/msg/') && !text.includes('lit.dev/msg/dev-mode')) warnings.push(`${current}: ${text}`);
  originalWarn(...args);
};

beforeEach(function () {
  current = this.currentTest?.fullTitle() ?? '(unknown test)';
});

after(() => {
  if (warnings.length > 0) throw new Error(`Lit warned during these tests:\n${warnings.join('\n')}`);
});
