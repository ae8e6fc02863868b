/** The domain layer: types, errors and pure rules. No DOM. */
export * from './types.js';
export * from './errors.js';
export * from './money.js';
export * from './dates.js';
export * from './dunning.js';
export * from './invoices.js';
export * from './schemas.js';
export * from './card.js';
export * from './contact.js';
export * from './idempotency.js';
export * from './address/index.js';
