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
import type { BillingAdapter, BillingSnapshot, PaymentSubmission, SubmitResult } from '../domain/types.js';
import { errorFromResponse, fieldErrorCodes, parseRetryAfter, redactCardData } from './problem.js';
import { raceAbort, sleep } from './abort.js';

/** The schemas (zod) load with the first call, keeping the validator out of the initial bundle. */
const loadSchemas = () => import('../domain/schemas.js');

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
const JSON_TYPES = 'application/json, application/problem+json';
const RETRY_GET = new Set([429, 502, 503, 504]);
const RETRY_PUT = new Set([409, 429, 502, 503, 504]);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

interface RequestSpec<T> {
  /** e.g. `GET /billing`: used in error messages, never holds data. */
  label: string;
  method: 'GET' | 'PUT';
  path: string;
  accept: string;
  retryStatuses: ReadonlySet<number>;
  extraHeaders?: Record<string, string>;
  body?: string;
  read(response: Response, label: string): Promise<T>;
}

/** Thrown inside an attempt when the failure may pass if the same request is sent again. */
class Retryable {
  constructor(
    readonly error: BillingError,
    readonly retryAfterMs?: number,
  ) {}
}

/** The response's media type, lower case, without parameters (redacted: it may end up in a message). */
function mediaType(response: Response): string {
  return redactCardData((response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase());
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

async function readJson(response: Response, label: string): Promise<unknown> {
  const type = mediaType(response);
  if (!isJsonType(type)) {
    throw new BillingError('invalid_response', `${label}: expected application/json, got ${type || 'no content type'}.`, { status: response.status });
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BillingError('invalid_response', `${label}: the body is not valid JSON.`, { status: response.status });
  }
}

/** Runs a schema parser; its `invalid_response` message (naming the field) gains the request's label. */
async function validated<T>(label: string, parse: (data: unknown) => T | Promise<T>, data: unknown): Promise<T> {
  try {
    return await parse(data);
  } catch (error) {
    if (error instanceof BillingError) {
      throw new BillingError(error.code, `${label}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

async function readPdf(response: Response, label: string): Promise<Blob> {
  const type = mediaType(response);
  if (type !== 'application/pdf') {
    throw new BillingError('invalid_response', `${label}: expected application/pdf, got ${type || 'no content type'}.`, { status: response.status });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const magic = String.fromCharCode(...bytes.subarray(0, 5));
  if (magic !== '%PDF-') {
    throw new BillingError('invalid_response', `${label}: the body is not a PDF document.`, { status: response.status });
  }
  return new Blob([bytes], { type: 'application/pdf' });
}

/** The caller's signal and the call's deadline, combined. */
class Deadline {
  readonly signal: AbortSignal;
  timedOut = false;
  readonly #controller = new AbortController();
  readonly #end: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly timeoutMs: number,
    readonly caller: AbortSignal | undefined,
  ) {
    this.#end = Date.now() + timeoutMs;
    if (Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        this.#controller.abort(new DOMException('The billing request timed out.', 'TimeoutError'));
      }, timeoutMs);
    }
    this.signal = caller ? anySignal([caller, this.#controller.signal]) : this.#controller.signal;
  }

  remainingMs(): number {
    return this.#end - Date.now();
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

export class HttpBillingAdapter implements BillingAdapter {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #headers: HttpBillingHeaders | undefined;
  readonly #timeoutMs: number;
  readonly #credentials: RequestCredentials | undefined;
  readonly #retry: Required<HttpBillingRetryOptions>;

  constructor(options: HttpBillingAdapterOptions) {
    if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('HttpBillingAdapter: options.baseUrl is required.');
    }
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new RangeError('HttpBillingAdapter: options.timeoutMs must be a positive number of milliseconds.');
    this.#timeoutMs = timeoutMs;
    this.#credentials = options.credentials;
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    if (!Number.isInteger(retry.retries) || retry.retries < 0) throw new RangeError('HttpBillingAdapter: options.retry.retries must be a non-negative integer.');
    if (!(retry.baseDelayMs >= 0) || !(retry.maxDelayMs >= 0)) throw new RangeError('HttpBillingAdapter: options.retry delays must be non-negative.');
    this.#retry = retry;
  }

  load(options: { signal?: AbortSignal } = {}): Promise<BillingSnapshot> {
    return this.#request(
      {
        label: 'GET /billing',
        method: 'GET',
        path: '/billing',
        accept: JSON_TYPES,
        retryStatuses: RETRY_GET,
        // A large snapshot is validated in slices that yield, so the page stays responsive.
        read: async (response, label) => validated(label, (await loadSchemas()).parseSnapshotInSlices, await readJson(response, label)),
      },
      options.signal,
    );
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
    return loadSchemas().then(({ parsePaymentSubmission, parseSubmitResult }) => {
      let body: string;
      try {
        body = JSON.stringify(parsePaymentSubmission(submission));
      } catch (error) {
        if (!(error instanceof BillingError)) throw error;
        // The schema's messages become the codes the form maps to its fields, as from the server.
        throw new BillingError(error.code, `submitPaymentMethod: ${error.message}`, {
          fieldErrors: fieldErrorCodes(submission, error.fieldErrors),
        });
      }
      return this.#request(
        {
          label: 'PUT /billing/payment-method',
          method: 'PUT',
          path: '/billing/payment-method',
          accept: JSON_TYPES,
          retryStatuses: RETRY_PUT,
          extraHeaders: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body,
          read: async (response, label) => validated(label, parseSubmitResult, await readJson(response, label)),
        },
        options.signal,
      );
    });
  }

  downloadInvoice(invoiceId: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
    if (typeof invoiceId !== 'string' || invoiceId === '') {
      return Promise.reject(new BillingError('invalid_request', 'downloadInvoice: invoiceId must be a non-empty string.'));
    }
    return this.#request(
      {
        label: 'GET /billing/invoices/{id}/pdf',
        method: 'GET',
        path: `/billing/invoices/${encodeURIComponent(invoiceId)}/pdf`,
        accept: `application/pdf, ${JSON_TYPES}`,
        retryStatuses: RETRY_GET,
        read: readPdf,
      },
      options.signal,
    );
  }

  async #resolveHeaders(): Promise<Record<string, string>> {
    const source = this.#headers;
    if (!source) return {};
    return typeof source === 'function' ? await source() : source;
  }

  async #request<T>(spec: RequestSpec<T>, callerSignal: AbortSignal | undefined): Promise<T> {
    callerSignal?.throwIfAborted();
    const deadline = new Deadline(this.#timeoutMs, callerSignal);
    const url = this.#baseUrl + spec.path;
    try {
      for (let attempt = 0; ; attempt += 1) {
        let failure: Retryable;
        try {
          return await this.#attempt(spec, url, deadline);
        } catch (error) {
          if (!(error instanceof Retryable)) throw this.#settle(error, spec, deadline);
          failure = error;
        }
        if (attempt >= this.#retry.retries) throw failure.error;
        let wait: number;
        if (failure.retryAfterMs !== undefined) {
          if (failure.retryAfterMs > this.#retry.maxDelayMs) throw failure.error;
          wait = failure.retryAfterMs;
        } else {
          const ceiling = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** attempt);
          wait = ceiling / 2 + Math.random() * (ceiling / 2);
        }
        if (wait >= deadline.remainingMs()) throw failure.error;
        try {
          await sleep(wait, deadline.signal);
        } catch (error) {
          throw this.#settle(error, spec, deadline);
        }
      }
    } finally {
      deadline.dispose();
    }
  }

  /** One HTTP exchange: resolves with the validated value, throws Retryable or anything else. */
  async #attempt<T>(spec: RequestSpec<T>, url: string, deadline: Deadline): Promise<T> {
    let response: Response;
    try {
      const headers: Record<string, string> = {
        ...(await raceAbort(this.#resolveHeaders(), deadline.signal)),
        Accept: spec.accept,
        ...spec.extraHeaders,
      };
      const init: RequestInit = { method: spec.method, headers, signal: deadline.signal, cache: 'no-store' };
      if (spec.body !== undefined) init.body = spec.body;
      if (this.#credentials !== undefined) init.credentials = this.#credentials;
      response = await this.#fetch(url, init);
    } catch (error) {
      throw this.#networkFailure(error, spec, deadline);
    }

    if (response.ok) {
      try {
        return await spec.read(response, spec.label);
      } catch (error) {
        throw this.#networkFailure(error, spec, deadline);
      }
    }

    let problem = null;
    if (isJsonType(mediaType(response))) {
      try {
        const text = await response.text();
        problem = (await loadSchemas()).parseProblemDetails(JSON.parse(text) as unknown);
      } catch (error) {
        if (deadline.signal.aborted) throw error;
        problem = null; // An unreadable error body still has a status.
      }
    }
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    const billingError = errorFromResponse(spec.label, response.status, problem, retryAfter);
    if (spec.retryStatuses.has(response.status)) {
      throw new Retryable(billingError, retryAfter === undefined ? undefined : retryAfter * 1000);
    }
    throw billingError;
  }

  /** A fetch or body-read failure: a TypeError is a network failure worth another attempt. */
  #networkFailure(error: unknown, spec: RequestSpec<unknown>, deadline: Deadline): unknown {
    if (error instanceof TypeError && !deadline.signal.aborted) {
      return new Retryable(new BillingError('network', `${spec.label}: the billing service could not be reached.`, { cause: error }));
    }
    return error;
  }

  /** The final rejection for a non-retryable failure: the caller's abort, the timeout, or a BillingError. */
  #settle(error: unknown, spec: RequestSpec<unknown>, deadline: Deadline): unknown {
    if (deadline.caller?.aborted) return deadline.caller.reason;
    if (deadline.timedOut) {
      return new BillingError('timeout', `${spec.label} did not complete within ${deadline.timeoutMs} ms.`, { cause: error });
    }
    if (error instanceof BillingError) return error;
    if (error instanceof TypeError) {
      return new BillingError('network', `${spec.label}: the billing service could not be reached.`, { cause: error });
    }
    return new BillingError('server', `${spec.label} failed unexpectedly.`, { cause: error });
  }
}
