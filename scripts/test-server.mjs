#!/usr/bin/env node
// Runs the reference server's Node tests (server/test/*.test.ts, node:test): bundles each
// test file and the server CLI with esbuild into .cache/, then runs them with node:test's
// run() and the spec reporter. Prints `N passed, N failed` on a plain line; exits 1 on failure.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { buildServer, nodeBundleOptions, root } from './run-server.mjs';

const outdir = join(root, '.cache/server-test');
const testDir = join(root, 'server/test');
const only = process.argv.slice(2);

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
const stream = run({ files, concurrency: 2, timeout: 60_000 });
stream.on('test:pass', (event) => {
  if (event.details?.type !== 'suite') passed += 1;
});
stream.on('test:fail', (event) => {
  if (event.details?.type !== 'suite') failed += 1;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.once('end', resolve));
// Let the reporter flush before the summary line.
await new Promise((resolve) => setImmediate(resolve));
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
// npm test adds these counts to its own total.
if (process.env.SERVER_TEST_COUNT_FILE) writeFileSync(process.env.SERVER_TEST_COUNT_FILE, JSON.stringify({ passed, failed }));
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
