#!/usr/bin/env node
// Runs the reference server's Node tests (server/test/*.test.ts, node:test): bundles each
// test file and the server CLI with esbuild into .cache/, then runs the whole suite twice with
// node:test's run() and the spec reporter — once on SQLite, once on PostgreSQL (a throwaway
// cluster from scripts/postgres.mjs, or the admin URL in BILLING_TEST_DATABASE_URL). Prints
// `N passed, N failed` on a plain line; exits 1 on failure.
//
// Without PostgreSQL on the machine the PostgreSQL run is skipped with a message saying so;
// that counts as a failure only when CI=true (CI installs it: .ci/run).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { startPostgres } from './postgres.mjs';
import { buildServer, nodeBundleOptions, root } from './run-server.mjs';

const outdir = join(root, '.cache/server-test');
const testDir = join(root, 'server/test');
const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.startsWith('--'));
const stores = args.includes('--sqlite-only') ? ['sqlite'] : args.includes('--postgres-only') ? ['postgres'] : ['sqlite', 'postgres'];

const entries = (await readdir(testDir))
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .map((name) => join(testDir, name));
if (entries.length === 0) {
  console.error('No server tests found.');
  process.exit(1);
}

await rm(outdir, { recursive: true, force: true });
const serverBundle = await buildServer();
await build({
  ...nodeBundleOptions,
  entryPoints: entries,
  outdir,
  outExtension: { '.js': '.mjs' },
  external: [...nodeBundleOptions.external, 'ajv', 'ajv/*'],
});
const files = entries.map((entry) => join(outdir, entry.slice(testDir.length + 1).replace(/\.ts$/, '.mjs')));

process.chdir(root);
process.env.BILLING_SERVER_CLI = join(serverBundle, '..', 'cli.mjs');

let passed = 0;
let failed = 0;

/** Runs every test file once; the files see BILLING_TEST_DATABASE_URL (or not) through their environment. */
async function suite(label) {
  process.stdout.write(`\n--- server tests on ${label}\n`);
  const stream = run({ files, concurrency: 2, timeout: 180_000 });
  stream.on('test:pass', (event) => {
    if (event.details?.type !== 'suite') passed += 1;
  });
  stream.on('test:fail', (event) => {
    if (event.details?.type !== 'suite') failed += 1;
  });
  stream.compose(spec).pipe(process.stdout, { end: false });
  await new Promise((resolve) => stream.once('end', resolve));
  // Let the reporter flush before what comes next.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const started = Date.now();
if (stores.includes('sqlite')) {
  delete process.env.BILLING_TEST_DATABASE_URL;
  await suite('SQLite');
}
if (stores.includes('postgres')) {
  const given = process.env.BILLING_TEST_DATABASE_URL;
  const cluster = given ? { url: given, stop() {} } : await startPostgres();
  if ('missing' in cluster) {
    const ci = process.env.CI === 'true';
    process.stdout.write(
      `\n!!! PostgreSQL run SKIPPED: ${cluster.missing}.\n` +
        `!!! The storage and two-instance tests ran on SQLite only. ${ci ? 'CI=true: counted as a failure.' : 'Not counted as a failure (CI is not true).'}\n`,
    );
    if (ci) failed += 1;
  } else {
    const stop = () => cluster.stop();
    const onSignal = () => {
      stop();
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      process.env.BILLING_TEST_DATABASE_URL = cluster.url;
      await suite(`PostgreSQL (${given ? 'BILLING_TEST_DATABASE_URL' : 'a throwaway cluster on loopback'})`);
    } finally {
      stop();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}
process.stdout.write(`\nserver tests took ${((Date.now() - started) / 1000).toFixed(1)} s\n${passed} passed, ${failed} failed\n`);
// npm test adds these counts to its own total.
if (process.env.SERVER_TEST_COUNT_FILE) writeFileSync(process.env.SERVER_TEST_COUNT_FILE, JSON.stringify({ passed, failed }));
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
