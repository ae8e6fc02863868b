import { BillingForm } from './components/billing-form/billing-form.js';
import { defineElement } from './internal/define.js';

export * from './components/billing-form/billing-form.js';

defineElement('billing-form', BillingForm);
