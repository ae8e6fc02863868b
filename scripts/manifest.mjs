#!/usr/bin/env node
// Generates custom-elements.json from the elements' JSDoc; `--check` fails when the committed
// file differs from what the analyzer produces now.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
// The analyzer resolves --outdir against the working directory, so the check writes below .cache/.
const outdir = check ? join('.cache', 'cem-check') : '.';
if (check) mkdirSync(outdir, { recursive: true });
const result = spawnSync(
  join('node_modules', '.bin', 'custom-elements-manifest'),
  ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir, '--quiet'],
  { stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);
if (check) {
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
  rmSync(outdir, { recursive: true, force: true });
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
}
