import { defineConfig } from 'vite';

/** Storybook's Vite config: nothing of the demo portal's (root, proxy, build output). */
export default defineConfig({});
