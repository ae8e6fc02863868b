// @ts-check
// A web-test-runner plugin that runs the reference billing server (server/) for the browser
// tests in test/http/: in `serverStart` it bundles the server and starts it on 127.0.0.1 on a
// free port with a fresh SQLite file in a temp folder, its own random JWT secret, the test
// endpoints on (their secret stays here, in Node) and CORS allowing exactly the test page's
// origin; `serverStop` stops it and deletes the folder. Tests ask the dev server for the URL and
// for development tokens it mints:
//   GET  /__billing-server-url  → {"url":"http://127.0.0.1:PORT","tokens":{"billingAdmin":"…","plainAdmin":"…","otherAccount":"…"}}
//                                 (or {"error":"…"})
//   POST /__billing-server-test  {"method":"POST","path":"/__test/reset","body":{…}}
//                               → {"status":200,"body":{…}}   (the test endpoint's answer)
// and talk to the server itself cross-origin, as a host page on another origin would.
// A server that fails to start fails only the tests that need it, never the whole run.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServer, root } from '../scripts/run-server.mjs';

export const BILLING_SERVER_URL_PATH = '/__billing-server-url';
export const BILLING_SERVER_TEST_PATH = '/__billing-server-test';

/** @param {import('node:http').IncomingMessage} req */
async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** @returns {import('@web/dev-server-core').Plugin} */
export function billingServerPlugin() {
  /** @type {Promise<{ url: string, testSecret: string, tokens: Record<string, string>, close(): Promise<void> }> | undefined} */
  let starting;
  /** @type {string | undefined} */
  let dir;
  /** @type {string[]} */
  let origins = ['http://localhost:8000'];

  async function start() {
    dir = await mkdtemp(join(tmpdir(), 'billing-wtr-'));
    const server = await loadServer(join(root, '.cache/server-wtr/index.mjs'));
    const jwtSecret = randomBytes(32).toString('base64url');
    const running = await server.startBillingServer({
      dbPath: join(dir, 'billing.sqlite'),
      host: '127.0.0.1',
      port: 0,
      testEndpoints: true,
      scenario: 'outstanding-5',
      corsOrigins: origins,
      auth: { jwtSecret },
      // The adapter tests send bursts on purpose (retries, concurrent submits).
      rateLimit: { perSecond: 200, burst: 500 },
    });
    const mint = (/** @type {string} */ sub, /** @type {string} */ account, /** @type {string[]} */ roles) =>
      server.mintDevToken(jwtSecret, { sub, account, roles });
    const tokens = {
      billingAdmin: await mint('wtr-billing-admin', 'acct_acme', [server.BILLING_ROLE]),
      plainAdmin: await mint('wtr-admin', 'acct_acme', ['admin']),
      otherAccount: await mint('wtr-globex-admin', server.SECOND_ACCOUNT_ID, [server.BILLING_ROLE]),
    };
    return { url: running.url, testSecret: running.testSecret, tokens, close: () => running.close() };
  }

  return {
    name: 'billing-server',
    serverStart({ config }) {
      const port = config.port ?? 8000;
      origins = [...new Set([`http://${config.hostname ?? 'localhost'}:${port}`, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
      starting = start();
      starting.catch(() => {}); // reported to the tests through the URL route
    },
    async serve(context) {
      if (context.path === BILLING_SERVER_URL_PATH) {
        starting ??= start();
        try {
          const { url, tokens } = await starting;
          return { body: JSON.stringify({ url, tokens }), type: 'json' };
        } catch (error) {
          return { body: JSON.stringify({ error: error instanceof Error ? error.message : String(error) }), type: 'json' };
        }
      }
      if (context.path === BILLING_SERVER_TEST_PATH && context.method === 'POST') {
        try {
          starting ??= start();
          const { url, testSecret } = await starting;
          const call = await readJson(context.req);
          if (typeof call.path !== 'string' || !call.path.startsWith('/__test/')) throw new TypeError('path must start with /__test/');
          const response = await globalThis.fetch(`${url}${call.path}`, {
            method: call.method ?? 'GET',
            headers: { 'X-Test-Secret': testSecret, ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
          });
          const text = await response.text();
          return { body: JSON.stringify({ status: response.status, body: text ? JSON.parse(text) : null }), type: 'json' };
        } catch (error) {
          return { body: JSON.stringify({ status: 0, error: error instanceof Error ? error.message : String(error) }), type: 'json' };
        }
      }
      return undefined;
    },
    async serverStop() {
      if (starting) await starting.then((server) => server.close(), () => {});
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
