// @ts-check
// A web-test-runner plugin that runs the reference billing server (server/) for the browser
// tests in test/http/: in `serverStart` it bundles the server and starts it on 127.0.0.1 on a
// free port with a fresh SQLite file in a temp folder, test endpoints on; `serverStop` stops
// it and deletes the folder. Tests ask the dev server for the URL:
//   GET /__billing-server-url → {"url":"http://127.0.0.1:PORT"}   (or {"error":"…"})
// and talk to it cross-origin (CORS allows any loopback origin), as the demo does.
// A server that fails to start fails only the tests that need it, never the whole run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServer, root } from '../scripts/run-server.mjs';

export const BILLING_SERVER_URL_PATH = '/__billing-server-url';

/** @returns {import('@web/dev-server-core').Plugin} */
export function billingServerPlugin() {
  /** @type {Promise<{ url: string, close(): Promise<void> }> | undefined} */
  let starting;
  /** @type {string | undefined} */
  let dir;

  async function start() {
    dir = await mkdtemp(join(tmpdir(), 'billing-wtr-'));
    const server = await loadServer(join(root, '.cache/server-wtr/index.mjs'));
    return server.startBillingServer({
      dbPath: join(dir, 'billing.sqlite'),
      host: '127.0.0.1',
      port: 0,
      testEndpoints: true,
      scenario: 'outstanding-5',
    });
  }

  return {
    name: 'billing-server',
    serverStart() {
      starting = start();
      starting.catch(() => {}); // reported to the tests through the URL route
    },
    async serve(context) {
      if (context.path !== BILLING_SERVER_URL_PATH) return undefined;
      starting ??= start();
      try {
        const { url } = await starting;
        return { body: JSON.stringify({ url }), type: 'json' };
      } catch (error) {
        return { body: JSON.stringify({ error: error instanceof Error ? error.message : String(error) }), type: 'json' };
      }
    },
    async serverStop() {
      if (starting) await starting.then((server) => server.close(), () => {});
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
