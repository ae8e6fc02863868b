import { BillingProvider } from './components/billing-provider/billing-provider.js';
import { defineElement } from './internal/define.js';

export * from './components/billing-provider/billing-provider.js';
/** A host's own messages and languages (see docs/localization.md); every tag entry loads this one first. */
export { registerMessages } from './i18n/index.js';

defineElement('billing-provider', BillingProvider);
