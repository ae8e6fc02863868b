export { MemoryBillingAdapter, type MemoryBillingAdapterOptions, type MemoryFailure } from './memory-adapter.js';
export { scenario, SCENARIOS, type ScenarioName } from './scenarios.js';
export { HttpBillingAdapter, type HttpBillingAdapterOptions } from './http-adapter.js';
export type { BillingAdapter, CardFields } from './adapter.js';
