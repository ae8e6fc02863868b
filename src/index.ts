/**
 * billing-elements: importing this module defines every element. To define one element only,
 * import its entry instead (`billing-elements/billing-form.js`).
 */
import { BillingForm } from './components/billing-form/billing-form.js';
import { BillingProvider } from './components/billing-provider/billing-provider.js';
import { InvoiceHistory } from './components/invoice-history/invoice-history.js';
import { OverdueBanner } from './components/overdue-banner/overdue-banner.js';
import { SuspensionModal } from './components/suspension-modal/suspension-modal.js';
import { defineElement } from './internal/define.js';

export * from './components/billing-provider/billing-provider.js';
export * from './components/billing-form/billing-form.js';
export * from './components/overdue-banner/overdue-banner.js';
export * from './components/suspension-modal/suspension-modal.js';
export * from './components/invoice-history/invoice-history.js';
export { registerMessages } from './i18n/index.js';
export type { ShippedLocale } from './i18n/resolve.js';

// The provider first: the elements inside it find it as they connect.
defineElement('billing-provider', BillingProvider);
defineElement('billing-form', BillingForm);
defineElement('overdue-banner', OverdueBanner);
defineElement('suspension-modal', SuspensionModal);
defineElement('invoice-history', InvoiceHistory);

export { MemoryBillingAdapter, type MemoryBillingAdapterOptions, type MemoryFailure } from './adapters/memory-adapter.js';
export { HttpBillingAdapter, type HttpBillingAdapterOptions } from './adapters/http-adapter.js';
export { billingContext, type BillingActions, type BillingContextValue, type BillingState, type BillingStatus } from './context/billing-context.js';
export * from './domain/types.js';
export type { BillingAdapter, CardFields } from './adapters/adapter.js';
export { BillingError, isBillingError, BILLING_ERROR_CODES, type BillingErrorCode, type BillingErrorOptions } from './domain/errors.js';
export { dunningState, type DunningLevel, type DunningState } from './domain/dunning.js';
export * from './events/index.js';
