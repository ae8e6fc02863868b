#!/usr/bin/env node
// `npm test`: every check the project has, in order, then one plain "N passed, N failed" line.
// Steps: types, lint, generated files fresh (address data, OpenAPI, custom-elements.json, framework
// entries), browser tests (Chromium, three time zones), reference-server tests, the packed package in
// React and Vue apps, size budgets, Storybook build, axe on every story.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, options = {}) {
  process.stdout.write(`\n=== ${name}: ${[command, ...args].join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...options.env } });
  const ok = result.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

function step(name, command, args, options) {
  if (!run(name, command, args, options)) failed++;
  else passed++;
}

const bin = (name) => join('node_modules', '.bin', name);

step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
if (existsSync('server/tsconfig.json')) step('typecheck (reference server)', bin('tsc'), ['--noEmit', '-p', 'server/tsconfig.json']);
step('lint (eslint: TypeScript, lit, wc, lit-a11y)', bin('eslint'), ['.', '--max-warnings', '0']);
if (existsSync('scripts/build-address-data.mjs')) step('address data fresh', 'node', ['scripts/build-address-data.mjs', '--check']);
if (existsSync('scripts/build-openapi.mjs')) step('OpenAPI document fresh', 'node', ['scripts/build-openapi.mjs', '--check']);
step('custom-elements.json fresh', 'node', ['scripts/manifest.mjs', '--check']);
if (existsSync('scripts/i18n.mjs')) step('i18n catalogs complete, compiled modules fresh (xliff/)', 'node', ['scripts/i18n.mjs', '--check']);
step('custom-elements.json lists every part, token, state, slot and event the code uses', 'node', ['scripts/manifest-truth.mjs']);
step('framework entries fresh (React wrappers, JSX and Vue types)', 'node', ['scripts/generate-frameworks.mjs', '--check']);

mkdirSync('.cache', { recursive: true });
const dir = mkdtempSync(join('.cache', 'wtr-'));
const countFile = join(dir, 'count.json');
const browserOk = run('browser tests', bin('web-test-runner'), [], { env: { WTR_COUNT_FILE: countFile } });
if (existsSync(countFile)) {
  const totals = JSON.parse(readFileSync(countFile, 'utf8'));
  passed += totals.passed;
  failed += totals.failed;
  skipped += totals.skipped;
  if (!browserOk && totals.failed === 0) failed++;
} else {
  failed++;
}
rmSync(dir, { recursive: true, force: true });

if (existsSync('scripts/test-server.mjs')) {
  const serverDir = mkdtempSync(join('.cache', 'srv-'));
  const serverCount = join(serverDir, 'count.json');
  const ok = run('reference server tests', 'node', ['scripts/test-server.mjs'], { env: { SERVER_TEST_COUNT_FILE: serverCount } });
  if (existsSync(serverCount)) {
    const totals = JSON.parse(readFileSync(serverCount, 'utf8'));
    passed += totals.passed;
    failed += totals.failed;
    if (!ok && totals.failed === 0) failed++;
  } else if (!ok) failed++;
  rmSync(serverDir, { recursive: true, force: true });
}

// The packed tarball in a React 19 app and a Vue 3 app (Vite, Chromium), server rendering, package checks.
{
  const appsDir = mkdtempSync(join('.cache', 'apps-'));
  const appsCount = join(appsDir, 'count.json');
  const ok = run('packed package in React and Vue apps, server rendering', 'node', ['scripts/test-apps.mjs'], { env: { APPS_TEST_COUNT_FILE: appsCount } });
  if (existsSync(appsCount)) {
    const totals = JSON.parse(readFileSync(appsCount, 'utf8'));
    passed += totals.passed;
    failed += totals.failed;
    if (!ok && totals.failed === 0) failed++;
  } else if (!ok) failed++;
  rmSync(appsDir, { recursive: true, force: true });
}

step('size budgets', 'node', ['scripts/size.mjs', '--check']);
// Build outputs stay inside the checkout (ignored by git): two checkouts never share a folder.
step('Storybook build', bin('storybook'), ['build', '--quiet', '--disable-telemetry', '-o', 'storybook-static'], {
  env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
});
// axe on every story of that build in light, dark, forced colors and RTL: any violation fails.
step('accessibility of every story (axe; light, dark, forced colors, RTL, Arabic, Hebrew)', 'node', ['scripts/a11y-stories.mjs', '--static', 'storybook-static']);

process.stdout.write('\n=== summary\n');
for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
