/**
 * Seconds a submission may go unanswered before the form aborts it (`submit-timeout`). Longer
 * than `HttpBillingAdapter`'s own 15 s deadline (which covers its retries), so an HTTP adapter
 * usually answers `timeout` itself; this catches adapters that never settle. A module of its own:
 * the element's shell needs it (the property's default) without the submission's code.
 */
export const DEFAULT_SUBMIT_TIMEOUT_S = 60;
