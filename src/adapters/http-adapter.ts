/**
 * HttpBillingAdapter: the BillingAdapter over the REST contract (docs/rest-contract.md,
 * openapi/billing.openapi.json). No DOM beyond `fetch`, no UI.
 *
 * - `GET {baseUrl}/billing` → BillingSnapshot
 * - `PUT {baseUrl}/billing/payment-method` (JSON PaymentSubmission, `Idempotency-Key`) → SubmitResult
 * - `GET {baseUrl}/billing/invoices/{id}/pdf` → application/pdf
 *
 * Every call honours the caller's AbortSignal (an abort rejects with the signal's reason, an
 * AbortError, and is never retried) and one deadline, `timeoutMs`, that covers every attempt
 * and every wait between attempts (→ BillingError `timeout`). Retries:
 * - GET /billing and the PDF: a network failure (fetch's TypeError, a connection reset while
 *   reading the body), 502, 503, 504, and 429 (waiting `Retry-After` seconds or until its date);
 * - the PUT: the same, plus 409 (the same key is still being processed), always with the same
 *   `Idempotency-Key`, which makes the retry safe: the server answers a repeated key with the
 *   stored response and charges once.
 * Waits grow exponentially from `baseDelayMs` to `maxDelayMs` with jitter; a `Retry-After`
 * longer than `maxDelayMs`, or a wait past the deadline, ends the call with the last error.
 *
 * Every 2xx response is validated (content type, JSON syntax, the zod schema) before it is
 * returned; anything else rejects with `invalid_response` naming the field. Error statuses
 * map to BillingError codes (400/404/422 → invalid_request, 401/403 → unauthorized,
 * 402 → card_declined, 408 → timeout, 409/5xx → server, 429 → rate_limited); an RFC 9457
 * problem's `code` wins when it is one of the contract's codes, and its `fieldErrors` are kept.
 * Card data travels only in the PUT body: never in a URL, a header or an error message.
 */
import { BillingError } from '../domain/errors.js';
import type { BillingSnapshot, PaymentSubmission, SubmitResult } from '../domain/types.js';
import type { BillingAdapter } from './adapter.js';
import type { HttpConfig } from './http-transport.js';

/**
 * The request machinery and the schemas (zod) load with the first call, keeping them out of
 * the initial bundle of every page.
 */
const loadTransport = () => import('./http-transport.js');

export type HttpBillingHeaders =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

export interface HttpBillingRetryOptions {
  /** Retries after the first attempt (default 2; 0 disables retrying). */
  retries?: number;
  /** First backoff wait in ms (default 250); doubles on each retry, with jitter. */
  baseDelayMs?: number;
  /** Longest wait in ms between attempts, `Retry-After` included (default 5000). */
  maxDelayMs?: number;
}

export interface HttpBillingAdapterOptions {
  /** Where the contract's paths live, e.g. `https://api.example.com/v1` or `/api`. */
  baseUrl: string;
  /** Injectable fetch (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /** Extra request headers, or a (possibly async) function called before every attempt, e.g. for bearer tokens that refresh. */
  headers?: HttpBillingHeaders;
  /** Deadline for a whole call, retries included, in ms (default 15000; `Infinity` for none). */
  timeoutMs?: number;
  /** Passed to fetch (e.g. `'include'` for cookie sessions on another origin). */
  credentials?: RequestCredentials;
  retry?: HttpBillingRetryOptions;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY: Required<HttpBillingRetryOptions> = { retries: 2, baseDelayMs: 250, maxDelayMs: 5_000 };
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export class HttpBillingAdapter implements BillingAdapter {
  readonly #config: HttpConfig;

  constructor(options: HttpBillingAdapterOptions) {
    if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('HttpBillingAdapter: options.baseUrl is required.');
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new RangeError('HttpBillingAdapter: options.timeoutMs must be a positive number of milliseconds.');
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    if (!Number.isInteger(retry.retries) || retry.retries < 0) throw new RangeError('HttpBillingAdapter: options.retry.retries must be a non-negative integer.');
    if (!(retry.baseDelayMs >= 0) || !(retry.maxDelayMs >= 0)) throw new RangeError('HttpBillingAdapter: options.retry delays must be non-negative.');
    this.#config = {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: options.headers,
      timeoutMs,
      credentials: options.credentials,
      retry,
    };
  }

  load(options: { signal?: AbortSignal } = {}): Promise<BillingSnapshot> {
    return loadTransport().then((transport) => transport.load(this.#config, options.signal));
  }

  submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult> {
    const key = options?.idempotencyKey;
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      return Promise.reject(
        new BillingError('invalid_request', 'submitPaymentMethod: options.idempotencyKey must be 1–255 visible ASCII characters.'),
      );
    }
    return loadTransport().then((transport) => transport.submit(this.#config, submission, key, options.signal));
  }

  downloadInvoice(invoiceId: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
    if (typeof invoiceId !== 'string' || invoiceId === '') {
      return Promise.reject(new BillingError('invalid_request', 'downloadInvoice: invoiceId must be a non-empty string.'));
    }
    return loadTransport().then((transport) => transport.download(this.#config, invoiceId, options.signal));
  }
}
