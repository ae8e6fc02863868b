import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { defineConfig, type Plugin } from 'vite';

/**
 * The demo portal (`npm start`): demo/index.html on the in-memory adapter, or on the HTTP
 * adapter against the reference server, reached through the `/api` proxy. Start the server
 * for the demo with `npm run server -- --test-endpoints`: it writes its development secrets to
 * `.server-data/dev-credentials.json` (`BILLING_DEV_CREDENTIALS` overrides the path), which
 * this config reads to
 * - mint development tokens: `GET /__demo/token?role=billing_admin|admin` (HS256 under the
 *   server's secret, or `BILLING_JWT_SECRET` when the server was given one), and
 * - add the test endpoints' secret to `/api/__test/*` requests (the page never holds it).
 */
const CREDENTIALS = process.env.BILLING_DEV_CREDENTIALS ?? '.server-data/dev-credentials.json';

function credentials(): { jwtSecret: string | null; testSecret: string | null } {
  try {
    const file = JSON.parse(readFileSync(CREDENTIALS, 'utf8')) as { jwtSecret?: string | null; testSecret?: string | null };
    return { jwtSecret: process.env.BILLING_JWT_SECRET || file.jwtSecret || null, testSecret: file.testSecret ?? null };
  } catch {
    return { jwtSecret: process.env.BILLING_JWT_SECRET || null, testSecret: null };
  }
}

function demoTokens(): Plugin {
  return {
    name: 'billing-demo-tokens',
    configureServer(server) {
      server.middlewares.use('/__demo/token', (req, res) => {
        const role = new URL(req.url ?? '/', 'http://localhost').searchParams.get('role') === 'admin' ? 'admin' : 'billing_admin';
        const { jwtSecret } = credentials();
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        if (!jwtSecret) {
          res.statusCode = 503;
          res.end(JSON.stringify({ error: `No development secret: start the server with npm run server -- --test-endpoints (${CREDENTIALS}).` }));
          return;
        }
        void new SignJWT({ account: 'acct_acme', roles: [role] })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(role === 'admin' ? 'demo-admin' : 'demo-billing-admin')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(jwtSecret))
          .then((token) => res.end(JSON.stringify({ token })));
      });
    },
  };
}

export default defineConfig({
  root: 'demo',
  plugins: [demoTokens()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: ['..'] },
    proxy: {
      '/api': {
        target: process.env.BILLING_SERVER_URL ?? 'http://127.0.0.1:8787',
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/api/, ''),
        configure(proxy) {
          proxy.on('proxyReq', (proxyReq, req) => {
            const { testSecret } = credentials();
            if (testSecret && /^(\/api)?\/__test\//.test(req.url ?? '')) proxyReq.setHeader('X-Test-Secret', testSecret);
          });
        },
      },
    },
  },
  build: {
    outDir: '../demo-dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
