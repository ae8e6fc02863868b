#!/usr/bin/env node
// The published build (`npm run build`): tsc writes dist/ (ES modules, declarations, source maps),
// then the static text of Lit's templates in dist/**/*.js is minified (scripts/minify-literals.mjs:
// css`` through esbuild's CSS minifier, whitespace runs in html`` folded). scripts/size.mjs applies
// the same transform to what it measures, so the size report is what hosts receive.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { minifyLiterals } from './minify-literals.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

let before = 0;
let after = 0;
let changed = 0;
for (const entry of readdirSync('dist', { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = join(entry.parentPath ?? entry.path, entry.name);
  const code = readFileSync(file, 'utf8');
  const minified = await minifyLiterals(code, file);
  before += code.length;
  after += minified.length;
  if (minified !== code) {
    writeFileSync(file, minified);
    changed++;
  }
}
console.log(`dist/: Lit templates minified in ${changed} files (${before} → ${after} characters of JavaScript).`);
