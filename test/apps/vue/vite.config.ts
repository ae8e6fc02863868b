import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const BILLING_TAGS = ['billing-provider', 'billing-form', 'invoice-history', 'overdue-banner', 'suspension-modal'];

export default defineConfig({
  // Without isCustomElement Vue tries to resolve the tags as Vue components ("Failed to resolve component").
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => BILLING_TAGS.includes(tag) } } })],
  logLevel: 'warn',
});
