#!/usr/bin/env node
// `npm run bench`: the side-by-side benchmark (bench/side-by-side.ts). Each row times an element
// and a hand-written vanilla-DOM version of the same markup and texts (bench/vanilla.ts) in one
// page, interleaved, in headless Debian Chromium on a production esbuild bundle of the root
// export; it prints medians, p90 and the ratio of the medians. Then the big-data rows: 10,000
// and 100,000 invoices, from load() resolving to the rows shown, with the longest task.
// Not a test: timings vary with the machine; record them in docs/performance.md.
//   node scripts/bench.mjs [--samples 40] [--rows history,form,countrySwitch,banner|none] [--no-big] [--json]
//   node scripts/bench-country.mjs   (every country, the form alone)
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SAMPLES = Number(arg('--samples', 40));
const JSON_OUT = process.argv.includes('--json');
const ONLY = arg('--rows', 'history,form,countrySwitch,banner').split(',');
const BIG = !process.argv.includes('--no-big');

const result = await build({
  entryPoints: ['bench/side-by-side.ts'],
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2022',
  outdir: '/bench',
  write: false,
  conditions: ['browser', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const files = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/bench/') + 6), f.contents]));
// Cross-origin isolated: performance.now() at 5 µs instead of 100 µs.
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const server = createServer((req, res) => {
  const path = req.url === '/' ? '/index.html' : req.url.split('?')[0];
  if (path === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html', ...ISOLATED });
    res.end('<!doctype html><html lang="en"><link rel="icon" href="data:,"><body><script type="module" src="/side-by-side.js"></script></body></html>');
    return;
  }
  const body = files.get(path);
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/javascript', ...ISOLATED });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (n) => `${n.toFixed(2)} ms`;
const ROWS = [
  ['history', '`<invoice-history>` first render, 12 invoices (new provider + memory adapter, latency 0)'],
  ['form', '`<billing-form>` first render, no card on file'],
  ['countrySwitch', 'country switch in Billing information (US → CA → JP …), warm'],
  ['banner', 'banner none → outstanding after `refresh()`'],
];
const out = { samples: SAMPLES, rows: [], big: [] };
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => message.type() === 'error' && errors.push(new Error(message.text())));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.benchSetup === 'function');
  await page.evaluate(() => window.benchSetup());
  const lines = ['| benchmark | library median | p90 | vanilla median | p90 | ratio |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const [name, label] of ROWS.filter(([n]) => ONLY.includes(n))) {
    const { library, vanilla } = await page.evaluate(([n, s]) => window.benchRow(n, s), [name, SAMPLES]);
    const row = {
      name,
      library: { median: quantile(library, 0.5), p90: quantile(library, 0.9) },
      vanilla: { median: quantile(vanilla, 0.5), p90: quantile(vanilla, 0.9) },
    };
    row.ratio = row.library.median / row.vanilla.median;
    out.rows.push(row);
    lines.push(`| ${label} | ${ms(row.library.median)} | ${ms(row.library.p90)} | ${ms(row.vanilla.median)} | ${ms(row.vanilla.p90)} | ×${row.ratio.toFixed(2)} |`);
    if (!JSON_OUT) process.stderr.write(`${lines.at(-1)}\n`);
  }
  lines.push('', '| big data (invoice history + banner) | load() resolved → rows shown, median | max | longest task | shown |', '| --- | ---: | ---: | ---: | --- |');
  for (const [count, samples] of BIG ? [[10_000, 7], [100_000, 3]] : []) {
    const runs = [];
    for (let i = 0; i < samples; i++) runs.push(await page.evaluate((c) => window.benchBig(c), count));
    const times = runs.map((r) => r.ms);
    const longest = Math.max(...runs.map((r) => r.longest));
    const entry = { count, median: quantile(times, 0.5), max: Math.max(...times), longestTask: longest, level: runs[0].level, firstRow: runs[0].firstRow };
    out.big.push(entry);
    lines.push(
      `| ${count.toLocaleString('en-US')} invoices (${samples} runs) | ${ms(entry.median)} | ${ms(entry.max)} | ${longest === 0 ? 'none ≥ 50 ms' : ms(longest)} | newest ${entry.firstRow}, level ${entry.level} |`,
    );
    if (!JSON_OUT) process.stderr.write(`${lines.at(-1)}\n`);
  }
  if (errors.length) throw errors[0];
  console.log(JSON_OUT ? JSON.stringify(out, null, 2) : `\n${lines.join('\n')}\n\n${SAMPLES} samples per column; headless Chromium; ${new Date().toISOString().slice(0, 10)}`);
} finally {
  await browser.close();
  server.close();
}
