import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two pages: native tags rendered with createRoot, and the billing-elements/react wrappers
// server-rendered (src/entry-server.tsx) then hydrated with hydrateRoot.
export default defineConfig({
  plugins: [react()],
  logLevel: 'warn',
  build: { rollupOptions: { input: { native: 'native.html', wrappers: 'wrappers.html' } } },
});
