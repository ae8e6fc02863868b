import { defineConfig } from 'vite';

/**
 * The demo portal (`npm start`): demo/index.html on the in-memory adapter, or on the HTTP
 * adapter against the reference server (`npm run server`), reached through the `/api` proxy.
 */
export default defineConfig({
  root: 'demo',
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: ['..'] },
    proxy: {
      '/api': {
        target: process.env.BILLING_SERVER_URL ?? 'http://127.0.0.1:8787',
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/api/, ''),
      },
    },
  },
  build: {
    outDir: '../demo-dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
