/**
 * The request machinery of HttpBillingAdapter (retries, deadline, validation, problem details),
 * loaded with the adapter's first call so that a page that never uses HTTP, or has not called
 * yet, does not pay for it. See http-adapter.ts for the contract.
 */
import { BillingError } from '../domain/errors.js';
import { parsePaymentSubmission, parseProblemDetails, parseSnapshotInSlices, parseSubmitResult } from '../domain/schemas.js';
import type { BillingSnapshot, PaymentSubmission, SubmitResult } from '../domain/types.js';
import { raceAbort, sleep } from './abort.js';
import type { HttpBillingHeaders, HttpBillingRetryOptions } from './http-adapter.js';
import { errorFromResponse, fieldErrorCodes, parseRetryAfter, redactCardData } from './problem.js';

/** An adapter's checked options. */
export interface HttpConfig {
  baseUrl: string;
  fetch: typeof fetch;
  headers: HttpBillingHeaders | undefined;
  timeoutMs: number;
  credentials: RequestCredentials | undefined;
  retry: Required<HttpBillingRetryOptions>;
}

const JSON_TYPES = 'application/json, application/problem+json';
const RETRY_GET = new Set([429, 502, 503, 504]);
const RETRY_PUT = new Set([409, 429, 502, 503, 504]);

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

export function load(config: HttpConfig, signal: AbortSignal | undefined): Promise<BillingSnapshot> {
  return request(
    config,
    {
      label: 'GET /billing',
      method: 'GET',
      path: '/billing',
      accept: JSON_TYPES,
      retryStatuses: RETRY_GET,
      // A large snapshot is validated in slices that yield, so the page stays responsive.
      read: async (response, label) => validated(label, parseSnapshotInSlices, await readJson(response, label)),
    },
    signal,
  );
}

export function submit(config: HttpConfig, submission: PaymentSubmission, key: string, signal: AbortSignal | undefined): Promise<SubmitResult> {
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
  return request(
    config,
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
    signal,
  );
}

export function download(config: HttpConfig, invoiceId: string, signal: AbortSignal | undefined): Promise<Blob> {
  return request(
    config,
    {
      label: 'GET /billing/invoices/{id}/pdf',
      method: 'GET',
      path: `/billing/invoices/${encodeURIComponent(invoiceId)}/pdf`,
      accept: `application/pdf, ${JSON_TYPES}`,
      retryStatuses: RETRY_GET,
      read: readPdf,
    },
    signal,
  );
}

async function resolveHeaders(config: HttpConfig): Promise<Record<string, string>> {
  const source = config.headers;
  if (!source) return {};
  return typeof source === 'function' ? await source() : source;
}

async function request<T>(config: HttpConfig, spec: RequestSpec<T>, callerSignal: AbortSignal | undefined): Promise<T> {
  callerSignal?.throwIfAborted();
  const deadline = new Deadline(config.timeoutMs, callerSignal);
  const url = config.baseUrl + spec.path;
  try {
    for (let attempt = 0; ; attempt += 1) {
      let failure: Retryable;
      try {
        return await exchange(config, spec, url, deadline);
      } catch (error) {
        if (!(error instanceof Retryable)) throw settle(error, spec, deadline);
        failure = error;
      }
      if (attempt >= config.retry.retries) throw failure.error;
      let wait: number;
      if (failure.retryAfterMs !== undefined) {
        if (failure.retryAfterMs > config.retry.maxDelayMs) throw failure.error;
        wait = failure.retryAfterMs;
      } else {
        const ceiling = Math.min(config.retry.maxDelayMs, config.retry.baseDelayMs * 2 ** attempt);
        wait = ceiling / 2 + Math.random() * (ceiling / 2);
      }
      if (wait >= deadline.remainingMs()) throw failure.error;
      try {
        await sleep(wait, deadline.signal);
      } catch (error) {
        throw settle(error, spec, deadline);
      }
    }
  } finally {
    deadline.dispose();
  }
}

/** One HTTP exchange: resolves with the validated value, throws Retryable or anything else. */
async function exchange<T>(config: HttpConfig, spec: RequestSpec<T>, url: string, deadline: Deadline): Promise<T> {
  let response: Response;
  try {
    const headers: Record<string, string> = {
      ...(await raceAbort(resolveHeaders(config), deadline.signal)),
      Accept: spec.accept,
      ...spec.extraHeaders,
    };
    const init: RequestInit = { method: spec.method, headers, signal: deadline.signal, cache: 'no-store' };
    if (spec.body !== undefined) init.body = spec.body;
    if (config.credentials !== undefined) init.credentials = config.credentials;
    response = await config.fetch(url, init);
  } catch (error) {
    throw networkFailure(error, spec, deadline);
  }

  if (response.ok) {
    try {
      return await spec.read(response, spec.label);
    } catch (error) {
      throw networkFailure(error, spec, deadline);
    }
  }

  let problem = null;
  if (isJsonType(mediaType(response))) {
    try {
      const text = await response.text();
      problem = parseProblemDetails(JSON.parse(text) as unknown);
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
function networkFailure(error: unknown, spec: RequestSpec<unknown>, deadline: Deadline): unknown {
  if (error instanceof TypeError && !deadline.signal.aborted) {
    return new Retryable(new BillingError('network', `${spec.label}: the billing service could not be reached.`, { cause: error }));
  }
  return error;
}

/** The final rejection for a non-retryable failure: the caller's abort, the timeout, or a BillingError. */
function settle(error: unknown, spec: RequestSpec<unknown>, deadline: Deadline): unknown {
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
