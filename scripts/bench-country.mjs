#!/usr/bin/env node
// Benchmark: time from choosing a country to its fields rendered in <billing-form>, once the
// country's data is loaded, for every country, in headless Debian Chromium. A frame at 60 Hz
// is 16.7 ms. Prints the figures; not a test (timings vary with the machine).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const result = await build({
  entryPoints: ['bench/country-switch.ts'],
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  outdir: '.cache/bench',
  write: false,
  conditions: ['browser', 'production'],
  logLevel: 'warning',
});
const files = new Map(result.outputFiles.map((f) => [`/${f.path.split('/.cache/bench/')[1]}`, f.contents]));
const server = createServer((req, res) => {
  const path = req.url === '/' ? '/index.html' : req.url.split('?')[0];
  if (path === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><link rel="icon" href="data:,"><script type="module" src="/country-switch.js"></script>');
    return;
  }
  const body = files.get(path);
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/javascript' });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof window.runBenchmark === 'function');
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await page.evaluate(() => window.runBenchmark()));
  const best = runs.sort((a, b) => a.median - b.median)[0];
  const f = (ms) => `${ms.toFixed(2)} ms`;
  console.log(`Country switch → fields rendered (data loaded), ${best.countries} countries, best of 3 runs:`);
  console.log(`  median ${f(best.median)}, p95 ${f(best.p95)}, max ${f(best.max)} (${best.worst}); one frame = 16.7 ms`);
} finally {
  await browser.close();
  server.close();
}
