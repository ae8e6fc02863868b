/** Errors every adapter rejects with (shared/API.md). No DOM. */

export type BillingErrorCode =
  | 'card_declined'
  | 'invalid_request'
  | 'unauthorized'
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'server'
  | 'invalid_response';

export const BILLING_ERROR_CODES: readonly BillingErrorCode[] = [
  'card_declined',
  'invalid_request',
  'unauthorized',
  'network',
  'timeout',
  'rate_limited',
  'server',
  'invalid_response',
];

export interface BillingErrorOptions {
  /** Messages keyed by submission field (e.g. `billingAddress.postalCode`, `card.number`). */
  fieldErrors?: Record<string, string>;
  /** Seconds to wait before retrying (from `Retry-After`). */
  retryAfter?: number;
  /** HTTP status, when the error came from HTTP. */
  status?: number;
  cause?: unknown;
}

/**
 * The one error type of billing-elements. Its message must never contain a card number or
 * security code: build it from codes and field names, never from submitted values.
 */
export class BillingError extends Error {
  override name = 'BillingError';
  readonly code: BillingErrorCode;
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfter?: number;
  readonly status?: number;

  constructor(code: BillingErrorCode, message: string, options: BillingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.fieldErrors) this.fieldErrors = options.fieldErrors;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.status !== undefined) this.status = options.status;
  }

  /** Whether the same request may succeed if sent again (with the same idempotency key). */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.code === 'rate_limited' || this.code === 'server';
  }
}

/**
 * The error code an HTTP error status stands for when the response names none (the REST
 * contract's table, used by HttpBillingAdapter and the reference server alike). 409 — the
 * same idempotency key is still being processed — is `server`: retryable with the same key.
 */
export function codeForStatus(status: number): BillingErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 402) return 'card_declined';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 409 || status >= 500) return 'server';
  return 'invalid_request';
}

export function isBillingError(value: unknown): value is BillingError {
  return value instanceof BillingError || (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'BillingError' && typeof (value as { code?: unknown }).code === 'string');
}

/** Wraps anything thrown into a BillingError; an AbortError passes through untouched. */
export function toBillingError(error: unknown): BillingError {
  if (isBillingError(error)) return error;
  if (error instanceof TypeError) return new BillingError('network', 'The billing service could not be reached.', { cause: error });
  return new BillingError('server', 'The billing service failed unexpectedly.', { cause: error });
}

/**
 * Field codes for a body the schema refused: `required` where the value is missing or blank,
 * else `invalid`. Reads only whether a value is present, never the value itself.
 */
export function fieldErrorCodes(data: unknown, fieldErrors: Record<string, string> | undefined): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const path of Object.keys(fieldErrors ?? {})) {
    let value: unknown = data;
    for (const segment of path.split('.')) {
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
    }
    codes[path] = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? 'required' : 'invalid';
  }
  return codes;
}
