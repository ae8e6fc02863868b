export * from './billing-update-request.js';
export * from './payment-method-submit.js';
export * from './payment-method-updated.js';
export * from './invoice-download.js';
export * from './billing-error.js';
