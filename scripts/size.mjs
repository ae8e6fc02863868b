#!/usr/bin/env node
// Size report: min+gzip of what each public entry loads up front (its chunk and every chunk it
// imports statically), and of the chunks it loads lazily (dynamic import()).
//   node scripts/size.mjs            print the report
//   node scripts/size.mjs --check    also exit 1 past a budget
//   node scripts/size.mjs --write    also write docs/size.md
//   node scripts/size.mjs --inputs   also list, per entry, the minified bytes of each input in its
//                                    initial chunks (where the bytes go; before gzip)
// Budgets: issue 12's targets (root ≤ 30 kB, billing-form.js ≤ 16 kB, any other tag alone ≤ 12 kB).
// How they are met: each element's view loads with import() when it connects; reactive properties
// are declared in `static properties` (no decorator code or helper chunk in any entry); the
// suspension modal's shell holds no shared states or shared styles (its lazy part does), so what it
// shares with the <billing-form> it loads later is not split into extra initial chunks. Each tag
// entry still defines the provider synchronously; pdf-lib never in an initial chunk; one country's
// address data ≤ 3 kB. `--bytes` prints exact byte counts.
// The published build minifies Lit's templates (scripts/build.mjs); this measures the same transform
// (`--raw-literals` measures without it, for comparison).
import { build } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifyLiteralsPlugin } from './minify-literals.mjs';

const KB = 1000;
const entries = [
  { name: 'billing-elements (root)', file: 'src/index.ts', budget: 30 * KB },
  { name: 'billing-elements/billing-provider.js', file: 'src/billing-provider.ts', budget: 9 * KB },
  existsSync('src/billing-form.ts') && { name: 'billing-elements/billing-form.js', file: 'src/billing-form.ts', budget: 16 * KB },
  { name: 'billing-elements/invoice-history.js', file: 'src/invoice-history.ts', budget: 12 * KB },
  { name: 'billing-elements/overdue-banner.js', file: 'src/overdue-banner.ts', budget: 12 * KB },
  { name: 'billing-elements/suspension-modal.js', file: 'src/suspension-modal.ts', budget: 12 * KB },
].filter(Boolean);
const ADDRESS_CHUNK_BUDGET = 3 * KB;

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => (process.argv.includes('--bytes') ? `${n} B` : `${(n / KB).toFixed(1)} kB`);

async function measure(entry) {
  const result = await build({
    entryPoints: [entry.file],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    metafile: true,
    outdir: '/virtual',
    legalComments: 'none',
    charset: 'utf8', // as published: non-ASCII texts (translations) are UTF-8, not \u escapes
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    // The published build minifies Lit's templates (scripts/build.mjs): measure the same.
    plugins: process.argv.includes('--raw-literals') ? [] : [minifyLiteralsPlugin()],
  });
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((p) => outputs[p].entryPoint === entry.file);
  const initial = new Set();
  const stack = [entryOut];
  while (stack.length) {
    const path = stack.pop();
    if (initial.has(path)) continue;
    initial.add(path);
    for (const imp of outputs[path].imports) if (imp.kind === 'import-statement' && !imp.external) stack.push(imp.path);
  }
  const abs = (p) => resolve(process.cwd(), p);
  const sizeOf = (p) => gz(files.get(abs(p)) ?? files.get(p) ?? new Uint8Array());
  const initialBytes = [...initial].reduce((sum, p) => sum + sizeOf(p), 0);
  const inputsOf = (p) => Object.keys(outputs[p].inputs);
  const pdfInInitial = [...initial].some((p) => inputsOf(p).some((i) => i.includes('node_modules/pdf-lib')));
  const lazy = Object.keys(outputs)
    .filter((p) => !initial.has(p) && p.endsWith('.js'))
    .map((p) => ({ path: p, bytes: sizeOf(p), inputs: inputsOf(p) }));
  const inputs = new Map();
  for (const p of initial) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[p].inputs)) inputs.set(input, (inputs.get(input) ?? 0) + bytesInOutput);
  }
  return { initialBytes, pdfInInitial, lazy, inputs };
}

/** An input's group in the --inputs listing: a package, or our own file. */
function groupOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (!match) return input;
  return ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(match[1]) ? 'lit (lit-html, lit-element, reactive-element)' : match[1];
}

function describeLazy(chunk) {
  const has = (part) => chunk.inputs.some((i) => i.includes(part));
  if (has('node_modules/pdf-lib')) return 'pdf-lib (invoice download)';
  if (has('invoice-pdf')) return 'invoice PDF layout (invoice download)';
  if (has('billing-form.engine')) return '<billing-form> rules and texts: address index, card checks (card-validator), validation';
  if (has('domain/schemas')) return 'response schemas (zod/mini), loaded with the first adapter call';
  if (has('http-transport')) return 'HttpBillingAdapter requests (retries, deadline, problem details), with its first call';
  if (has('billing-provider.data') || has('domain/dunning')) return "the provider's lazy half: dunning rules, date parsing, the work around each adapter call, with the first load";
  if (has('memory-backend')) return "MemoryBillingAdapter's behaviour (failures, charges, idempotency, downloads), with its first call";
  if (has('adapters/abort')) return 'abort-aware waiting shared by the adapters and the provider';
  if (has('suspension-modal') || has('billing-form/billing-form.ts')) return '<billing-form> for the suspension modal';
  const language = chunk.inputs.map((i) => /i18n\/locales\/([\w.-]+)\.ts$/.exec(i)?.[1]).find(Boolean);
  if (language) return `texts:${language}`;
  const country = chunk.inputs.map((i) => /address\/data\/([A-Z]{2})\.ts$/.exec(i)?.[1]).find(Boolean);
  if (country) return `address:${country}`;
  return `shared by lazy chunks: ${chunk.inputs.map((i) => i.replace(/^.*\//, '')).slice(0, 3).join(', ')}`;
}

const check = process.argv.includes('--check');
const write = process.argv.includes('--write');
const problems = [];
const lines = ['| entry | initial (min+gzip) | budget |', '| --- | ---: | ---: |'];
let lazyLines = [];
for (const entry of entries) {
  const { initialBytes, pdfInInitial, lazy, inputs } = await measure(entry);
  if (process.argv.includes('--inputs')) {
    const groups = new Map();
    for (const [input, bytes] of inputs) groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytes);
    console.log(`\n${entry.name}: ${kb(initialBytes)} min+gzip; minified bytes per input:`);
    for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) if (bytes > 0) console.log(`  ${String(bytes).padStart(6)}  ${group}`);
  }
  lines.push(`| \`${entry.name}\` | ${kb(initialBytes)} | ${kb(entry.budget)} |`);
  if (initialBytes > entry.budget) problems.push(`${entry.name}: ${kb(initialBytes)} > ${kb(entry.budget)}`);
  if (pdfInInitial) problems.push(`${entry.name}: pdf-lib is in an initial chunk`);
  if (entry.file === 'src/index.ts') lazyLines = lazy.map((c) => ({ kind: describeLazy(c), bytes: c.bytes }));
}
const address = lazyLines.filter((c) => c.kind.startsWith('address:'));
// One lazily loaded chunk of texts per shipped language (issue 8): each ≤ 3 kB.
const LANGUAGE_CHUNK_BUDGET = 3 * KB;
const languages = lazyLines.filter((c) => c.kind.startsWith('texts:'));
for (const c of languages) if (c.bytes > LANGUAGE_CHUNK_BUDGET) problems.push(`${c.kind}: ${kb(c.bytes)} > ${kb(LANGUAGE_CHUNK_BUDGET)}`);
const other = lazyLines.filter((c) => !c.kind.startsWith('address:') && !c.kind.startsWith('texts:'));
for (const c of address) if (c.bytes > ADDRESS_CHUNK_BUDGET) problems.push(`${c.kind}: ${kb(c.bytes)} > ${kb(ADDRESS_CHUNK_BUDGET)}`);
lines.push('', '| lazily loaded chunk (from the root) | min+gzip |', '| --- | ---: |');
for (const c of other.sort((a, b) => b.bytes - a.bytes)) lines.push(`| ${c.kind} | ${kb(c.bytes)} |`);
if (address.length) {
  const sorted = [...address].sort((a, b) => b.bytes - a.bytes);
  const median = sorted[Math.floor(sorted.length / 2)];
  lines.push(
    `| address data, one country each (${address.length} chunks) | largest ${kb(sorted[0].bytes)} (${sorted[0].kind.slice(8)}), median ${kb(median.bytes)}; budget ${kb(ADDRESS_CHUNK_BUDGET)} |`,
  );
}
if (languages.length) {
  lines.push('', `| texts of one language, loaded when a provider needs it (budget ${kb(LANGUAGE_CHUNK_BUDGET)} each) | min+gzip |`, '| --- | ---: |');
  for (const c of languages) lines.push(`| ${c.kind.slice(6)} | ${kb(c.bytes)} |`);
}
const report = lines.join('\n');
console.log(report);
if (write) {
  writeFileSync(
    'docs/size.md',
    `# Size report\n\nGenerated by \`node scripts/size.mjs --write\` (esbuild, minified, gzip level 9, lit and every dependency included: what a host pays when it imports the entry alone; Lit's templates minified as the published build does, \`scripts/build.mjs\`). \`npm test\` fails past a budget.\n\n${report}\n`,
  );
}
if (problems.length) {
  console.error(`\nOver budget:\n- ${problems.join('\n- ')}`);
  if (check) process.exit(1);
}
