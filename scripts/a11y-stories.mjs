#!/usr/bin/env node
// `npm run a11y-stories`: every story of the built Storybook, in six modes (light, dark, forced
// colors, right-to-left, Arabic, Hebrew), checked with axe (the accessibility addon's own run, the one its panel
// shows), in headless Chromium. Prints each violation with the stories and modes it appears in,
// writes the details to .cache/a11y-stories.json and exits 1 when there is any violation of any
// impact, when a story fails to render or its play function throws, when a story of the ar or he
// mode is not shown in that language within 30 s, or when no story was found.
//
//   node scripts/a11y-stories.mjs                      builds Storybook into .cache/, then checks it
//   node scripts/a11y-stories.mjs --static dir         checks an existing build (storybook-static/)
//   node scripts/a11y-stories.mjs --only billing-form  only stories whose id contains this text
//   node scripts/a11y-stories.mjs --mode dark          only one mode (light, dark, forced-colors, rtl, ar, he)
//
// A step of `npm test` (scripts/test.mjs runs it on the storybook-static/ its previous step built).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const option = (name) => {
  const index = argv.indexOf(`--${name}`);
  return index === -1 ? undefined : argv[index + 1];
};

const MODES = {
  light: { globals: 'scheme:light;dir:ltr' },
  dark: { globals: 'scheme:dark;dir:ltr' },
  'forced-colors': { globals: 'scheme:light;dir:ltr', forcedColors: 'active' },
  rtl: { globals: 'scheme:light;dir:rtl' },
  // The toolbar's Language: every element in Arabic (light) and Hebrew (dark), right to left.
  // The addon's automatic run is off there: runStory starts it once the texts are in (see there).
  ar: { globals: 'scheme:light;dir:rtl;locale:ar;a11y.manual:!true', locale: 'ar' },
  he: { globals: 'scheme:dark;dir:rtl;locale:he;a11y.manual:!true', locale: 'he' },
};
const modes = option('mode') ? [option('mode')] : Object.keys(MODES);
for (const mode of modes) if (!MODES[mode]) throw new Error(`Unknown mode ${mode}: one of ${Object.keys(MODES).join(', ')}`);
/** A story's render, play function and axe run; generous, the machine may be busy. */
const STORY_TIMEOUT_MS = Number(option('timeout') ?? 90_000);

let root = option('static');
if (!root) {
  root = join('.cache', 'storybook-a11y');
  process.stdout.write(`Building Storybook into ${root}…\n`);
  const built = spawnSync(join('node_modules', '.bin', 'storybook'), ['build', '--quiet', '--disable-telemetry', '-o', root], {
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
root = resolve(root);
if (!existsSync(join(root, 'index.json'))) throw new Error(`${root} is not a Storybook build (no index.json)`);

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const only = option('only');
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story' && (!only || entry.id.includes(only)))
  .map((entry) => ({ id: entry.id, title: `${entry.title} / ${entry.name}` }));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});

/**
 * One story in the open preview: its render, play function and the addon's axe run.
 *
 * In a locale mode (`locale`) the addon's automatic run is off (`a11y.manual`): once the story has
 * finished, the runner waits until every billing element of the story is read in that language
 * (each rendered root's `lang` is its provider's locale: the texts arrive a moment after the
 * render), then asks the addon for its run (its Run button's event), so axe never checks English
 * texts in an Arabic mode. Elements whose provider has a `locale` of its own (a story about it),
 * that have no provider (the developer error) or that render nothing are not the toolbar's.
 */
function runStory(page, storyId, timeout, locale) {
  return page.evaluate(
    ({ storyId, timeout, locale }) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const errors = [];
        const onError = (payload) => errors.push(String(payload?.message ?? payload?.title ?? payload?.description ?? payload));
        const finish = (result) => {
          clearTimeout(timer);
          window.clearInterval(poll);
          channel.off('storyFinished', onFinished);
          channel.off('storybook/a11y/result', onResult);
          channel.off('storybook/a11y/error', onAxeError);
          for (const name of ['storyErrored', 'storyThrewException', 'playFunctionThrewException']) channel.off(name, onError);
          resolve({ ...result, errors });
        };
        const report = (status, result) => {
          if (!result) return finish({ status, error: 'no accessibility report' });
          if (result.error) return finish({ status, error: String(result.error?.message ?? result.error) });
          finish({
            status,
            violations: result.violations.map((violation) => ({
              id: violation.id,
              impact: violation.impact,
              help: violation.help,
              helpUrl: violation.helpUrl,
              nodes: violation.nodes.map((node) => ({ target: node.target, summary: node.failureSummary })),
            })),
          });
        };
        const notInLocale = () => {
          const wrong = [];
          const root = window.document.getElementById('storybook-root') ?? window.document.body;
          for (const element of root.querySelectorAll('billing-form, invoice-history, overdue-banner, suspension-modal')) {
            const provider = element.closest('billing-provider');
            if (!provider || provider.hasAttribute('locale')) continue;
            const first = [...(element.shadowRoot?.children ?? [])].find((child) => child.localName !== 'style');
            if (first && first.getAttribute('lang') !== locale) wrong.push(`<${element.localName}> in ${first.getAttribute('lang')}`);
          }
          return wrong;
        };
        let poll;
        let finishedStatus;
        const onResult = (result, id) => id === storyId && report(finishedStatus, result);
        const onAxeError = (error) => finish({ status: finishedStatus, error: String(error?.message ?? error) });
        const onFinished = (payload) => {
          if (payload?.storyId !== storyId) return;
          if (!locale) return report(payload.status, payload.reporters?.find((reporter) => reporter.type === 'a11y')?.result);
          finishedStatus = payload.status;
          const started = Date.now();
          poll = window.setInterval(() => {
            const wrong = notInLocale();
            if (wrong.length && Date.now() - started < 30_000) return;
            window.clearInterval(poll);
            if (wrong.length) return finish({ status: payload.status, error: `${wrong.join(', ')} after 30 s, not ${locale}` });
            channel.emit('storybook/a11y/manual', storyId, { config: {}, options: {} });
          }, 50);
        };
        const timer = setTimeout(() => finish({ status: 'timeout', error: `no result within ${timeout} ms` }), timeout);
        channel.on('storyFinished', onFinished);
        channel.on('storybook/a11y/result', onResult);
        channel.on('storybook/a11y/error', onAxeError);
        for (const name of ['storyErrored', 'storyThrewException', 'playFunctionThrewException']) channel.on(name, onError);
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    { storyId, timeout, locale },
  );
}

const results = [];
const started = Date.now();
for (const mode of modes) {
  const { globals, forcedColors, locale } = MODES[mode];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  if (forcedColors) await page.emulateMedia({ forcedColors });
  // The URL's globals apply only when it names a story too (without one the preview ignores them:
  // every mode was checked in light, left-to-right mode).
  await page.goto(`${base}/iframe.html?id=${stories[0]?.id}&viewMode=story&globals=${globals}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__STORYBOOK_ADDONS_CHANNEL__ && window.__STORYBOOK_PREVIEW__, null, { timeout: 60_000 });
  process.stdout.write(`\n${mode}: ${stories.length} stories\n`);
  for (const story of stories) {
    const result = await runStory(page, story.id, STORY_TIMEOUT_MS, locale);
    results.push({ mode, story: story.id, title: story.title, ...result });
    const count = result.violations?.length ?? 0;
    const mark = result.error ? `error: ${result.error}` : count ? `${count} violation${count === 1 ? '' : 's'}` : 'ok';
    process.stdout.write(`  ${mark.padEnd(16)} ${story.title}${result.errors?.length ? ` (story errors: ${result.errors.join('; ')})` : ''}\n`);
  }
  await context.close();
}
await browser.close();
server.close();

// One line per rule: where it fails, in which modes, and a sample element.
const byRule = new Map();
for (const result of results) {
  for (const violation of result.violations ?? []) {
    const entry = byRule.get(violation.id) ?? { ...violation, stories: new Set(), modes: new Set(), targets: new Set() };
    entry.stories.add(result.title);
    entry.modes.add(result.mode);
    for (const node of violation.nodes) entry.targets.add(JSON.stringify(node.target));
    byRule.set(violation.id, entry);
  }
}
const failedRuns = results.filter((result) => result.error || result.errors?.length);
process.stdout.write(`\n=== ${byRule.size} axe rule${byRule.size === 1 ? '' : 's'} violated (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
for (const rule of byRule.values()) {
  process.stdout.write(`\n${rule.id} (${rule.impact}): ${rule.help}\n  modes: ${[...rule.modes].join(', ')}\n`);
  process.stdout.write(`  stories (${rule.stories.size}): ${[...rule.stories].join('; ')}\n`);
  process.stdout.write(`  elements: ${[...rule.targets].slice(0, 5).join(' ')}${rule.targets.size > 5 ? ' …' : ''}\n`);
}
if (failedRuns.length) {
  process.stdout.write(`\n${failedRuns.length} run(s) without a result:\n`);
  for (const run of failedRuns) process.stdout.write(`  ${run.mode} ${run.title}: ${[run.error, ...(run.errors ?? [])].filter(Boolean).join('; ')}\n`);
}
mkdirSync('.cache', { recursive: true });
writeFileSync(join('.cache', 'a11y-stories.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('\nDetails: .cache/a11y-stories.json\n');
const clean = results.filter((result) => !result.error && !result.errors?.length && result.violations?.length === 0).length;
if (stories.length === 0) process.stdout.write('No stories found: nothing was checked.\n');
process.stdout.write(`${clean} passed, ${results.length - clean} failed (story × mode)\n`);
process.exit(stories.length > 0 && byRule.size === 0 && failedRuns.length === 0 ? 0 : 1);
