import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { stringUnions } from './string-unions.ts';

/** `import unions from 'virtual:billing-string-unions'`: the string-literal type aliases of src/. */
const STRING_UNIONS = 'virtual:billing-string-unions';
const SOURCE = fileURLToPath(new URL('../src', import.meta.url));

function stringUnionsPlugin(): Plugin {
  const resolved = `\0${STRING_UNIONS}`;
  return {
    name: 'billing-string-unions',
    resolveId: (id) => (id === STRING_UNIONS ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(stringUnions(SOURCE))};` : undefined),
  };
}

/**
 * Storybook for billing-elements. Stories live in stories/ (one file per element). Vite 8
 * compiles the TypeScript with Oxc, which follows tsconfig.json (`experimentalDecorators`,
 * `useDefineForClassFields: false`), so Lit's decorators work as in the tests.
 *
 * The project's vite.config.ts serves the demo portal (`root: 'demo'`, a proxy): Storybook
 * reads its own small config instead.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages (one per element, from custom-elements.json) and the accessibility panel (axe).
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {
    disableTelemetry: true,
    builder: {
      name: '@storybook/builder-vite',
      options: { viteConfigPath: '.storybook/vite.config.ts' },
    },
  },
  // The preview's own "Scheme" toolbar sets `color-scheme`; the elements follow it through
  // system colors, which a painted background would contradict.
  features: { backgrounds: false },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), stringUnionsPlugin()],
    build: {
      ...viteConfig.build,
      // Storybook's own preview bundle is large by nature; that is not the package's size.
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        ...viteConfig.build?.rolldownOptions,
        // The stories load the memory adapter (and its schemas) up front, so the provider's
        // lazy `import()` of the schemas cannot split here; it does in the package build.
        checks: { ...viteConfig.build?.rolldownOptions?.checks, ineffectiveDynamicImport: false },
      },
    },
  }),
};

export default config;
