#!/usr/bin/env node
// Headless screenshots of the demo portal, one per scenario (and a few page variants), for
// looking at what users see: `npm start` in one shell, then `node scripts/screenshots.mjs`.
// Options: --base http://127.0.0.1:5173  --out .cache/screenshots  --only suspended-50,overdue-35
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const base = arg('base', 'http://127.0.0.1:5173');
const out = arg('out', '.cache/screenshots');
const only = arg('only', '')?.split(',').filter(Boolean);
mkdirSync(out, { recursive: true });

const pages = [
  ['all-paid', ''],
  ['outstanding-5', ''],
  ['overdue-35', ''],
  ['suspended-50', ''],
  ['no-permission', ''],
  ['pending-card', ''],
  ['many-invoices', ''],
  ['failing-backend', ''],
  ['empty', ''],
  ['overdue-35', '&dark'],
  ['outstanding-5', '&rtl&locale=de-DE'],
].filter(([name]) => !only?.length || only.includes(name));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('pageerror', (error) => errors.push(error.message));
page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
for (const [name, extra] of pages) {
  await page.goto(`${base}/?scenario=${name}${extra}`);
  await page.waitForTimeout(1500);
  const file = `${out}/${name}${extra.replace(/[&=]/g, '_')}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
if (errors.length) {
  console.error(`Page errors:\n${errors.join('\n')}`);
  process.exitCode = 1;
}
