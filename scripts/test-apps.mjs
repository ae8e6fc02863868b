#!/usr/bin/env node
// The package as hosts get it: `npm pack` (which builds dist/), then checks on the tarball and on a
// React 19 app and a Vue 3 app that install it, driven in Chromium. Every check is counted; prints
// `N passed, N failed` on a plain line, and writes the counts to $APPS_TEST_COUNT_FILE for npm test.
//   node scripts/test-apps.mjs            everything
//   node scripts/test-apps.mjs --no-pack  reuse the tarball of the last run (faster while iterating)
// Apps live in test/apps/<name>/ and are copied to .cache/apps/<name>/ with the tarball unpacked as
// node_modules/billing-elements: what `npm install ./billing-elements-x.tgz` puts there, without
// the network. Their other packages (react, vue, vite, lit…) resolve from this repository's
// node_modules, like a host that already has lit.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.cache/apps');
const bin = (name) => join(root, 'node_modules/.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const CARD_OK = '4242424242424242';
const CARD_DECLINED = '4000000000000002';
const LOADING = 'Loading billing information…';
const NO_PROVIDER = 'must be placed inside';

let passed = 0;
let failed = 0;
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${name}\n${String(error?.stack ?? error).replace(/^/gm, '      ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${output}`);
  return { status: result.status, output, stdout: result.stdout ?? '' };
}

// ---------------------------------------------------------------------------------------------
console.log('Packing (npm pack runs the build)…');
mkdirSync(work, { recursive: true });
const packInfo = join(work, 'pack.json');
if (!process.argv.includes('--no-pack') || !existsSync(packInfo)) {
  for (const name of readdirSync(work)) if (name.endsWith('.tgz')) rmSync(join(work, name));
  const packed = sh('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
  writeFileSync(packInfo, packed.stdout.slice(packed.stdout.indexOf('[')));
}
const [packed] = JSON.parse(readFileSync(packInfo, 'utf8'));
const tarball = join(work, packed.filename);
const packedFiles = packed.files.map((f) => f.path);
console.log(`${packed.filename}: ${packedFiles.length} files, ${(packed.size / 1000).toFixed(0)} kB`);

const unpacked = join(work, 'unpacked');
rmSync(unpacked, { recursive: true, force: true });
mkdirSync(unpacked, { recursive: true });
sh('tar', ['-xzf', tarball, '-C', unpacked]);

/** Copies test/apps/<name> to .cache/apps/<name> and installs the tarball there. */
function prepareApp(name) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'test/apps', name), dir, { recursive: true, filter: (src) => !/node_modules|dist/.test(src.slice(root.length)) });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(unpacked, 'package'), join(dir, 'node_modules/billing-elements'), { recursive: true });
  return dir;
}

const exportEntries = Object.keys(pkg.exports).filter((key) => !key.endsWith('.json'));
const specifier = (key) => (key === '.' ? 'billing-elements' : `billing-elements/${key.slice(2)}`);

console.log('\nPackage');
await check('the tarball carries no test files, and every exports target', () => {
  const tests = packedFiles.filter((p) => /\.test\.|(^|\/)test-utils\/|(^|\/)test\//.test(p));
  assert(tests.length === 0, `test files in the tarball: ${tests.join(', ')}`);
  const targets = Object.values(pkg.exports).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value)));
  const missing = targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !packedFiles.includes(t));
  assert(missing.length === 0, `exports targets missing from the tarball: ${missing.join(', ')}`);
});
await check('no unused runtime dependency (each is imported by the published code)', () => {
  const code = packedFiles.filter((p) => p.startsWith('dist/') && p.endsWith('.js')).map((p) => readFileSync(join(unpacked, 'package', p), 'utf8')).join('\n');
  const unused = Object.keys(pkg.dependencies).filter((dep) => !code.includes(`'${dep}`) && !code.includes(`"${dep}`));
  assert(unused.length === 0, `dependencies nothing imports: ${unused.join(', ')}`);
});
await check('publint: no suggestion, warning or error', () => {
  const { output } = sh(bin('publint'), ['run', join(unpacked, 'package'), '--pack', 'false', '--strict']);
  assert(!/Suggestions|Warnings|Errors/.test(output), output);
});
await check('attw --profile esm-only: types resolve for every entry', () => {
  sh(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
});
await check("a host with its own lit 3.x gets one copy of lit (npm's resolution)", () => {
  const host = join(work, 'dedupe-host');
  rmSync(host, { recursive: true, force: true });
  mkdirSync(host, { recursive: true });
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', private: true, dependencies: { lit: '~3.2.0', 'billing-elements': `file:${tarball}` } }));
  sh('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: host });
  const lock = JSON.parse(readFileSync(join(host, 'package-lock.json'), 'utf8'));
  for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context']) {
    const copies = Object.keys(lock.packages).filter((p) => p === `node_modules/${name}` || p.endsWith(`/node_modules/${name}`));
    assert(copies.length <= 1, `${name}: ${copies.length} copies (${copies.join(', ')})`);
  }
  assert(lock.packages['node_modules/lit']?.version?.startsWith('3.2.'), `host's lit is ${lock.packages['node_modules/lit']?.version}`);
});

console.log('\nServer rendering: imports in Node');
const reactDir = prepareApp('react');
await check("every export imports in Node (the `node` condition: Lit's node build)", () => {
  const failures = [];
  for (const key of exportEntries) {
    const result = sh('node', ['--input-type=module', '-e', `await import(${JSON.stringify(specifier(key))});`], { cwd: reactDir, allowFailure: true });
    if (result.status !== 0) failures.push(`${specifier(key)}: ${result.output.split('\n').find((line) => /Error/.test(line)) ?? result.output}`);
  }
  assert(failures.length === 0, failures.join('\n'));
});
await check('every export imports in Node bundled for a neutral platform (no `node` condition)', async () => {
  const { build } = await import('esbuild');
  const failures = [];
  for (const key of exportEntries) {
    const outfile = join(work, 'neutral', `${key === '.' ? 'index' : key.slice(2).replace(/\W/g, '_')}.mjs`);
    await build({
      stdin: { contents: `import ${JSON.stringify(specifier(key))};`, resolveDir: reactDir, loader: 'js' },
      bundle: true,
      platform: 'neutral',
      format: 'esm',
      mainFields: ['module', 'main'],
      outfile,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const text = readFileSync(outfile, 'utf8');
    if (key === '.') assert(!/from\s*["']node:|require\(["']node:/.test(text), 'the neutral bundle imports node: modules');
    const result = sh('node', [outfile], { allowFailure: true });
    if (result.status !== 0) failures.push(`${specifier(key)}: ${result.output.split('\n').find((line) => /Error/.test(line)) ?? result.output}`);
  }
  assert(failures.length === 0, failures.join('\n'));
});

// ---------------------------------------------------------------------------------------------
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
/** A static server on loopback; `pages` maps a path to a function returning HTML (server renders). */
function serve(dir, pages = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    try {
      if (pages[path]) {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(await pages[path]());
        return;
      }
      const file = join(dir, path === '/' ? 'index.html' : path);
      if (!file.startsWith(dir) || !existsSync(file)) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    } catch (error) {
      response.writeHead(500).end(String(error?.stack ?? error));
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const TIMEOUT = 60_000;

/** Opens a page and collects console errors and uncaught exceptions. */
async function open(url) {
  const page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

/** Fills <billing-form> as a user does (labels, not ids): a German address, the given card. */
async function fillForm(page, card) {
  const mailing = page.getByRole('group', { name: 'Mailing information' });
  const billing = page.getByRole('group', { name: 'Billing information' });
  await mailing.getByLabel('First name').fill('Ada');
  await mailing.getByLabel('Last name').fill('Lovelace');
  await mailing.getByLabel('Email').fill('ada@example.com');
  await mailing.getByLabel('Country').selectOption('DE');
  await mailing.getByLabel('Address line 1').fill('Hauptstraße 1');
  await mailing.getByLabel('City').fill('Berlin');
  await mailing.getByLabel('Postal code').fill('10115');
  await billing.getByLabel('Name on card').fill('Ada Lovelace');
  await billing.getByLabel('Card number').fill(card);
  await billing.getByLabel('Expiration date').fill('12/30');
  await billing.getByLabel('Security code').fill('964');
  await billing.getByLabel('Country').selectOption('DE');
  await billing.getByLabel('Postal code').fill('10115');
  await billing.getByLabel('Postal code').blur();
}

/** What every app page must do once its adapter is set: load, and hand the host each event. */
async function exerciseHostPage(page, problems) {
  await page.getByRole('columnheader', { name: 'Invoice Number' }).waitFor();
  assert((await page.locator('billing-provider').getAttribute('adapter')) === null, 'the adapter became an attribute');
  const log = page.getByRole('list', { name: 'Host events' });
  await page.locator('overdue-banner').getByRole('button', { name: 'Update' }).click();
  await log.getByText('billing-update-request from overdue-banner').waitFor();
  await fillForm(page, CARD_DECLINED);
  await page.getByRole('button', { name: 'Submit Payment Information' }).click();
  await log.getByText('billing-error card_declined').waitFor();
  // After a decline everything typed stays but the security code.
  await page.getByRole('group', { name: 'Billing information' }).getByLabel('Card number').fill(CARD_OK);
  await page.getByRole('group', { name: 'Billing information' }).getByLabel('Security code').fill('964');
  await page.getByRole('button', { name: 'Submit Payment Information' }).click();
  await log.getByText('payment-method-updated 4242').waitFor();
  const html = await page.content();
  assert(!html.includes(CARD_OK) && !html.includes(CARD_DECLINED), 'a card number reached the DOM');
  assert(problems.length === 0, problems.join('\n'));
}

async function viteBuild(dir, options = {}) {
  const { build } = await import('vite');
  await build({ root: dir, configFile: join(dir, 'vite.config.ts'), logLevel: 'warn', ...options });
}

try {
  console.log('\nServer rendering: @lit-labs/ssr');
  const litDir = join(work, 'lit-ssr');
  rmSync(litDir, { recursive: true, force: true });
  mkdirSync(litDir, { recursive: true });
  cpSync(join(reactDir, 'node_modules'), join(litDir, 'node_modules'), { recursive: true });
  writeFileSync(
    join(litDir, 'render.mjs'),
    `import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import 'billing-elements';
export const renderPage = async () => \`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Lit SSR</title></head><body>
\${await collectResult(render(html\`<billing-provider><overdue-banner update-href="/account/billing"></overdue-banner><billing-form terms-href="/terms"></billing-form><invoice-history></invoice-history></billing-provider>\`))}
<ul aria-label="Host events"></ul>
<script type="module" src="/client.js"></script></body></html>\`;
`,
  );
  writeFileSync(
    join(litDir, 'client.mjs'),
    `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { MemoryBillingAdapter, scenario } from 'billing-elements/adapters.js';
import 'billing-elements';
const provider = document.querySelector('billing-provider');
const log = document.querySelector('ul');
const add = (text) => log.append(Object.assign(document.createElement('li'), { textContent: text }));
provider.addEventListener('billing-update-request', (e) => { e.preventDefault(); add('billing-update-request from ' + e.detail.source); });
provider.addEventListener('billing-error', (e) => add('billing-error ' + e.detail.error.code));
provider.addEventListener('payment-method-updated', (e) => add('payment-method-updated ' + e.detail.paymentMethod.last4));
provider.adapter = new MemoryBillingAdapter({ ...scenario('outstanding-5'), paymentMethod: null });
`,
  );
  const { renderPage } = await import(pathToFileURL(join(litDir, 'render.mjs')).href);
  let litHtml = '';
  await check('@lit-labs/ssr renders each element inside a provider in its loading state, never the developer error', async () => {
    litHtml = await renderPage();
    assert(!litHtml.includes(NO_PROVIDER), 'the developer error was rendered');
    assert(litHtml.split(LOADING).length - 1 === 2, `expected the loading text from <billing-form> and <invoice-history>:\n${litHtml.slice(0, 2000)}`);
    assert((litHtml.match(/<template shadowroot(mode)?="open"/g) ?? []).length >= 4, 'no declarative shadow roots');
  });
  await check('the server-rendered page hydrates in Chromium to the loaded state and hands the host its events', async () => {
    const { build } = await import('esbuild');
    await build({ entryPoints: [join(litDir, 'client.mjs')], bundle: true, format: 'esm', platform: 'browser', outfile: join(litDir, 'client.js'), logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
    const server = await serve(litDir, { '/': () => litHtml });
    try {
      const { page, problems } = await open(`${server.url}/`);
      await exerciseHostPage(page, problems);
      await page.close();
    } finally {
      server.close();
    }
  });

  await check('a property set before the elements are defined is kept on upgrade (adapter first, tag entry after)', async () => {
    const { build } = await import('esbuild');
    writeFileSync(
      join(litDir, 'early-adapter.mjs'),
      `import { MemoryBillingAdapter, scenario } from 'billing-elements/adapters.js';
const provider = document.querySelector('billing-provider');
provider.adapter = new MemoryBillingAdapter(scenario('outstanding-5'));
document.body.dataset.definedBefore = String(customElements.get('billing-provider') !== undefined);
`,
    );
    writeFileSync(join(litDir, 'late-entry.mjs'), `import 'billing-elements/invoice-history.js';\n`);
    for (const name of ['early-adapter', 'late-entry']) {
      await build({ entryPoints: [join(litDir, `${name}.mjs`)], bundle: true, format: 'esm', platform: 'browser', outfile: join(litDir, `${name}.js`), logLevel: 'silent' });
    }
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Upgrade</title></head><body>
<billing-provider><invoice-history></invoice-history></billing-provider>
<script type="module" src="/early-adapter.js"></script><script type="module" src="/late-entry.js"></script></body></html>`;
    const server = await serve(litDir, { '/upgrade.html': () => page });
    try {
      const { page: tab, problems } = await open(`${server.url}/upgrade.html`);
      await tab.getByRole('columnheader', { name: 'Invoice Number' }).waitFor();
      assert((await tab.locator('body').getAttribute('data-defined-before')) === 'false', 'the provider was defined before the adapter was set');
      assert(problems.length === 0, problems.join('\n'));
      await tab.close();
    } finally {
      server.close();
    }
  });

  console.log('\nReact 19 app (Vite build, the tarball installed)');
  await check('tsc: correct use type-checks, the deliberate mistakes of src/type-errors.tsx are errors', () => {
    sh(bin('tsc'), ['-p', join(reactDir, 'tsconfig.json')]);
  });
  await check('vite builds the app and its server entry', async () => {
    await viteBuild(reactDir);
    await viteBuild(reactDir, { build: { ssr: 'src/entry-server.tsx', outDir: 'dist-server' } });
  });
  await check('native tags with createRoot and only the tag entries: the adapter is a property, the host gets every event', async () => {
    const server = await serve(join(reactDir, 'dist'));
    try {
      const { page, problems } = await open(`${server.url}/native.html`);
      await exerciseHostPage(page, problems);
      await page.close();
    } finally {
      server.close();
    }
  });
  await check('the wrappers: server render, then hydrateRoot to the loaded state with props and callbacks', async () => {
    const { render } = await import(pathToFileURL(join(reactDir, 'dist-server/entry-server.js')).href);
    const ssr = render();
    assert(ssr.includes('<billing-provider') && ssr.includes('<billing-form'), `unexpected server HTML: ${ssr}`);
    const template = readFileSync(join(reactDir, 'dist/wrappers.html'), 'utf8');
    const server = await serve(join(reactDir, 'dist'), { '/wrappers.html': () => template.replace('<!--app-->', ssr) });
    try {
      const { page, problems } = await open(`${server.url}/wrappers.html`);
      await exerciseHostPage(page, problems);
      await page.close();
    } finally {
      server.close();
    }
  });

  console.log('\nVue 3 app (Vite build, the tarball installed)');
  const vueDir = prepareApp('vue');
  await check('vue-tsc: correct use type-checks, the deliberate mistakes of src/TypeErrors.vue are errors', () => {
    sh(bin('vue-tsc'), ['--noEmit', '-p', join(vueDir, 'tsconfig.json')]);
  });
  await check('vite builds the app', () => viteBuild(vueDir));
  await check('native tags in a Vue template: the adapter is a property, the host gets every event', async () => {
    const server = await serve(join(vueDir, 'dist'));
    try {
      const { page, problems } = await open(`${server.url}/`);
      await exerciseHostPage(page, problems);
      await page.close();
    } finally {
      server.close();
    }
  });
} finally {
  await browser.close();
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
if (process.env.APPS_TEST_COUNT_FILE) writeFileSync(process.env.APPS_TEST_COUNT_FILE, JSON.stringify({ passed, failed }));
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
