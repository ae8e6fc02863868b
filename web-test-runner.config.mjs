// @ts-check
// Tests run in Debian's Chromium (/usr/bin/chromium) through Playwright.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { countReporter } from './test/count-reporter.mjs';
import { billingServerPlugin } from './test/server-plugin.mjs';
import { accessibleDescriptionPlugin } from './test/accessible-description-plugin.mjs';

const commonjs = fromRollup(rollupCommonjs);

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** @param {{ timezoneId?: string, locale?: string }} [context] */
function chromium(context = {}) {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath, headless: true, args },
    createBrowserContext: ({ browser }) =>
      browser.newContext({ locale: context.locale ?? 'en-US', timezoneId: context.timezoneId ?? 'UTC' }),
  });
}

/**
 * Date rules must not depend on the viewer's time zone: the tests of what computes "today",
 * days outstanding, the 2022 cut-off and displayed dates run again in two far-apart zones.
 * Nothing else does (address data, card checks and the form are not about dates).
 */
const dateRuleTests = [
  'src/domain/dates.test.ts',
  'src/domain/dunning.test.ts',
  'src/domain/invoices.test.ts',
  'src/adapters/memory-adapter.test.ts',
  'src/adapters/scenarios.test.ts',
  'src/components/overdue-banner/*.test.ts',
  'src/components/invoice-history/*.test.ts',
  'src/components/billing-provider/*.test.ts',
];

export default {
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  reporters: [defaultReporter(), countReporter()],
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  browserStartTimeout: 60000,
  testsFinishTimeout: 900000,
  // No test asserts speed: a generous per-test limit, so a busy 2-core machine only makes the
  // run slower, never red. Hooks that load a lot (every country's data) set their own.
  testFramework: { config: { timeout: 120000 } },
  plugins: [
    // pdf-lib's default build imports CommonJS pako and JSON files; its own single-file ESM build has no imports.
    {
      name: 'pdf-lib-esm-bundle',
      resolveImport({ source }) {
        if (source === 'pdf-lib') return '/node_modules/pdf-lib/dist/pdf-lib.esm.js';
      },
    },
    billingServerPlugin(),
    accessibleDescriptionPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    commonjs({
      include: ['**/node_modules/card-validator/**', '**/node_modules/credit-card-type/**', '**/node_modules/i18n-iso-countries/**', '**/node_modules/diacritics/**'],
      strictRequires: false,
      requireReturnsDefault: true,
    }),
  ],
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', 'stories/**/*.test.ts'],
  browsers: [chromium()],
  groups: [
    
    { name: 'tz-kiritimati', files: dateRuleTests, browsers: [chromium({ timezoneId: 'Pacific/Kiritimati' })] },
    { name: 'tz-pago-pago', files: dateRuleTests, browsers: [chromium({ timezoneId: 'Pacific/Pago_Pago' })] },
  ],
};
