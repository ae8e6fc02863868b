/**
 * billing-elements: importing this module defines every element. To define one element only,
 * import its entry instead (`billing-elements/billing-form.js`).
 */
import './billing-provider.js';
import './billing-form.js';
import './overdue-banner.js';
import './suspension-modal.js';
import './invoice-history.js';

export * from './billing-provider.js';
export * from './billing-form.js';
export * from './overdue-banner.js';
export * from './suspension-modal.js';
export * from './invoice-history.js';

export { MemoryBillingAdapter, type MemoryBillingAdapterOptions, type MemoryFailure } from './adapters/memory-adapter.js';
export { HttpBillingAdapter, type HttpBillingAdapterOptions } from './adapters/http-adapter.js';
export { billingContext, type BillingActions, type BillingContextValue, type BillingState, type BillingStatus } from './context/billing-context.js';
export * from './domain/types.js';
export { BillingError, isBillingError, BILLING_ERROR_CODES, type BillingErrorCode, type BillingErrorOptions } from './domain/errors.js';
export { dunningState, type DunningLevel, type DunningState } from './domain/dunning.js';
export * from './events/index.js';
