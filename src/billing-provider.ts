import { BillingProvider } from './components/billing-provider/billing-provider.js';
import { defineElement } from './internal/define.js';

export * from './components/billing-provider/billing-provider.js';

defineElement('billing-provider', BillingProvider);
