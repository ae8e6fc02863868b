// ESLint (flat config): TypeScript, Lit, web components and Lit accessibility rules, for the
// library, its tests, stories and the demo. `npm run lint` fails on any warning.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'demo-dist/', 'storybook-static/', '.cache/', 'src/domain/address/data/', 'openapi/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Custom elements are defined through the guarded defineElement() helper.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**', 'stories/**', 'bench/**', 'scripts/**', 'server/**', '.storybook/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // chai assertions such as `expect(x).to.be.true` are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // The domain knows no DOM: plain data and rules, shared with the reference server.
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-utils/**'],
    rules: {
      'no-restricted-globals': ['error', ...['window', 'document', 'navigator', 'customElements', 'sessionStorage', 'localStorage', 'HTMLElement', 'Element', 'Node', 'Event', 'CustomEvent', 'Blob', 'fetch'].map((name) => ({ name, message: 'src/domain/ is DOM-free: move this to a component or an adapter.' }))],
      '@typescript-eslint/no-restricted-types': ['error', { types: Object.fromEntries(['HTMLElement', 'Element', 'Node', 'Document', 'Window', 'Event', 'Blob', 'ShadowRoot'].map((name) => [name, 'src/domain/ is DOM-free: move this to a component or an adapter.'])) }],
    },
  },
  {
    files: ['scripts/**', '*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { window: 'readonly', process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', Buffer: 'readonly', setImmediate: 'readonly' } },
  },
);
