/**
 * MemoryBillingAdapter: the embedded BillingAdapter for demos, Storybook and tests. It plays
 * the billing server with state held in memory: it charges outstanding invoices when a card is
 * submitted, produces real PDF invoices, declines the card number `4000000000000002`, and can
 * be told to fail in every way a real backend fails. No DOM beyond `Blob`, no UI, no console.
 *
 * Behaviour, as a server would have it:
 * - Every result is a deep copy, produced as raw data and validated with the same schemas the
 *   HTTP adapter uses (`parseSnapshot`, `parseSubmitResult`), so callers can't touch the
 *   adapter's state and a `'malformed'` failure rejects exactly like a malformed HTTP response:
 *   `BillingError('invalid_response')` naming the bad field.
 * - "Today" is `options.now` when given (a fixed server clock), else the real clock at each call.
 *   The snapshot always carries `now`.
 * - The snapshot is returned as configured, also to a viewer without `canManageBilling` (the
 *   elements must gate card data themselves); submitting as such a viewer rejects `unauthorized`.
 * - `submitPaymentMethod` validates the submission (`invalid_request` with `fieldErrors` keyed by
 *   field path, values are codes: `required`, `invalid`, `expired`), then charges every
 *   outstanding invoice in full, makes the card the payment method with status `pending` (a new
 *   card can take up to 24 hours to reach the billing system), lifts the user cap (`null`) and
 *   clears `account.suspended`. `charged` is present only when something was charged (amount > 0).
 * - Postal codes are required for billing and mailing addresses in US, CA and GB (the countries
 *   whose card address checks use them) and pattern-checked for US and CA.
 * - Idempotency: a key's first successful result is stored and every later call with that key
 *   returns a copy of it without charging again; concurrent calls with one key share one
 *   charge. A key reused with a different submission rejects `invalid_request`. A failed call
 *   stores nothing, so the same key may be retried. Only brand, last 4 digits and expiry of a
 *   card are kept; the key's record holds a hash of the submission without the card number and
 *   security code.
 * - Failures (`fail`, `setFailure`, `failNext`): `network`, `timeout`, `server`, `unauthorized`
 *   and `rate_limited` reject after the latency, before the call has any effect (nothing is
 *   charged), so a retry with the same idempotency key succeeds once the failure is gone.
 *   `malformed` lets the call take effect and then answers with a body that fails validation
 *   (for a submit: the card was charged but the response was lost; retrying with the same key
 *   returns the stored result). For downloads, `malformed` answers a non-PDF body.
 * - `latencyMs` delays every call; an aborted `signal` rejects with a DOMException
 *   `AbortError`, also while waiting, and an aborted submit charges nothing.
 */
import { today as calendarToday } from '../domain/dates.js';
import { isOutstanding } from '../domain/dunning.js';
import { BillingError } from '../domain/errors.js';
import { sumMoney } from '../domain/money.js';
import { raceAbort as raceAbortWith, sleep } from './abort.js';
import type { Account, BillingSnapshot, Invoice, Money, Organization, PaymentMethod, PaymentSubmission, SubmitResult, Viewer } from '../domain/types.js';
import type { BillingAdapter } from './adapter.js';

/** The schemas (zod) load with the first call, keeping the validator out of the initial bundle. */
const loadSchemas = () => import('../domain/schemas.js');

/** How the adapter fails: `null` for not at all. */
export type MemoryFailure = null | 'network' | 'server' | 'timeout' | 'malformed' | 'unauthorized' | 'rate_limited';

/** The adapter calls a failure can be aimed at with `failNext`. */
export type MemoryOperation = 'load' | 'submit' | 'download';

export interface MemoryBillingAdapterOptions {
  /** The server clock (ISO 8601). Omitted: the real clock at each call. */
  now?: string;
  /** Overrides of the demo account ("Acme Corp", USD, three organizations). */
  account?: Partial<Account>;
  viewer?: Partial<Viewer>;
  /** The card on file (default none). */
  paymentMethod?: PaymentMethod | null;
  /** Invoices, in the account's currency (default none). */
  invoices?: Invoice[];
  /** Delay of every call in ms (default 0). */
  latencyMs?: number;
  /** Make every call fail this way until `setFailure(null)` (default `null`). */
  fail?: MemoryFailure;
}

export { DECLINED_CARD_NUMBER, DECLINED_TOKEN_PREFIX } from '../domain/test-cards.js';
import { isDeclinedTestCard } from '../domain/test-cards.js';

/** Invoices finalized before this UTC date can't be downloaded (shared/API.md). */
const DOWNLOADABLE_FROM = '2022-01-01';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const DEFAULT_USER_CAP = 5;

const DEFAULT_ORGANIZATIONS: readonly Organization[] = [
  { id: 'org_engineering', name: 'Acme Engineering' },
  { id: 'org_sales', name: 'Acme Sales' },
  { id: 'org_support', name: 'Acme Support' },
];

/** The card facts the adapter keeps: never the number or the security code. */
interface CardRecord {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** What a submission boils down to, computed when the call starts. */
interface PreparedSubmission {
  fingerprint: string;
  card: CardRecord | null;
  fieldErrors: Record<string, string>;
  declined: boolean;
}

interface IdempotencyRecord {
  fingerprint: string;
  result: Promise<SubmitResult>;
}

// ---------------------------------------------------------------------------------------------
// Errors

function abortError(signal: AbortSignal | undefined): DOMException {
  const reason: unknown = signal?.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException('The billing request was aborted.', 'AbortError');
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Waits `ms` (at least a macrotask turn when positive), rejecting with an AbortError on abort. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  return ms <= 0 ? Promise.resolve() : sleep(ms, signal, abortError);
}

/** `promise`, or an AbortError as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return raceAbortWith(promise, signal, abortError);
}

function failureError(failure: Exclude<MemoryFailure, null | 'malformed'>, label: string): BillingError {
  switch (failure) {
    case 'network':
      return new BillingError('network', `${label}: the billing service could not be reached (simulated network failure).`);
    case 'timeout':
      return new BillingError('timeout', `${label}: the billing service did not answer in time (simulated).`, { status: 504 });
    case 'server':
      return new BillingError('server', `${label}: the billing service failed (simulated server error).`, { status: 500 });
    case 'unauthorized':
      return new BillingError('unauthorized', `${label}: the session is not authorized (simulated).`, { status: 401 });
    case 'rate_limited':
      return new BillingError('rate_limited', `${label}: too many requests (simulated).`, { status: 429, retryAfter: 1 });
  }
}

// ---------------------------------------------------------------------------------------------
// Submission checks: the rules of src/domain/submission.ts (the form's own), loaded with the
// first submission so they weigh nothing on a page that only shows invoices.

const loadSubmissionRules = () => import('../domain/submission.js');

/** 53-bit string hash (cyrb53): tells submissions apart without keeping them. */
function hash(input: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Validates `submission` with the shared backend rules and reduces it to what the adapter may
 * keep. Reads the card number once, here, and keeps only its brand and last 4 digits; the
 * fingerprint hashes the canonical JSON with the security code left out and the number reduced
 * to brand and last 4 (a decline and its retry with another code are the same submission).
 */
async function prepareSubmission(submission: unknown, todayDate: string): Promise<PreparedSubmission> {
  const { validateSubmission, cardOnFile } = await loadSubmissionRules();
  const { canonicalJson } = await import('../domain/canonical-json.js');
  const verdict = await validateSubmission(submission, todayDate);
  if (!verdict.ok) {
    const root = typeof submission === 'object' && submission !== null ? (submission as Record<string, unknown>) : {};
    const { card: _card, ...rest } = root;
    return { fingerprint: hash(canonicalJson(rest)), card: null, fieldErrors: verdict.fieldErrors, declined: false };
  }
  const { card, ...rest } = verdict.submission;
  const record = cardOnFile(card);
  const cardFacts = 'token' in card ? { token: card.token, ...record, name: card.name } : { ...record, name: card.name };
  return {
    fingerprint: hash(canonicalJson({ ...rest, card: cardFacts })),
    card: record,
    fieldErrors: {},
    declined: isDeclinedTestCard(card),
  };
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The 1st of the month after `date` (`YYYY-MM-DD`). */
function firstOfNextMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `${String(next.year).padStart(4, '0')}-${String(next.month).padStart(2, '0')}-01`;
}

function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!value) return out;
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) (out as Record<string, unknown>)[key] = entry;
  return out;
}

/** A copy of `raw` that fails the snapshot schema (for the `malformed` failure). */
function corrupt(raw: BillingSnapshot): unknown {
  return {
    ...raw,
    account: { ...raw.account, userCap: 'unlimited', nextChargeDate: 'next month' },
    invoices: raw.invoices.map((invoice) => ({ ...invoice, amountOwed: (invoice.amountOwed / 100).toFixed(2) })),
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The in-memory BillingAdapter. See the module documentation for how it behaves.
 *
 * @example
 * const adapter = new MemoryBillingAdapter({ latencyMs: 300, invoices });
 * adapter.failNext('submit', 'network'); // the next submit fails, the retry succeeds
 */
export class MemoryBillingAdapter implements BillingAdapter {
  readonly #fixedNow: string | undefined;
  readonly #account: Account;
  /** Whether `nextChargeDate` follows "today" (it was not given). */
  readonly #derivedNextCharge: boolean;
  readonly #viewer: Viewer;
  #paymentMethod: PaymentMethod | null;
  readonly #invoices: Invoice[];
  readonly #latencyMs: number;
  #failure: MemoryFailure;
  readonly #nextFailures: Record<MemoryOperation, MemoryFailure[]> = { load: [], submit: [], download: [] };
  readonly #idempotency = new Map<string, IdempotencyRecord>();
  readonly #charges: Money[] = [];
  readonly #ready: Promise<void>;

  constructor(options: MemoryBillingAdapterOptions = {}) {
    const copy = structuredClone(options);
    if (copy.now !== undefined) calendarToday(copy.now); // throws RangeError for a bad `now`
    this.#fixedNow = copy.now;
    this.#paymentMethod = copy.paymentMethod ?? null;
    const accountOverrides = withoutUndefined(copy.account);
    this.#derivedNextCharge = accountOverrides.nextChargeDate === undefined;
    this.#account = {
      id: 'acct_acme',
      name: 'Acme Corp',
      currency: 'USD',
      userCap: this.#paymentMethod ? null : DEFAULT_USER_CAP,
      nextChargeDate: firstOfNextMonth(this.#today()),
      organizations: DEFAULT_ORGANIZATIONS.map((organization) => ({ ...organization })),
      ...accountOverrides,
    };
    this.#viewer = { canManageBilling: true, ...withoutUndefined(copy.viewer) };
    this.#invoices = copy.invoices ?? [];
    this.#latencyMs = Number.isFinite(copy.latencyMs) && copy.latencyMs! > 0 ? copy.latencyMs! : 0;
    this.#failure = copy.fail ?? null;
    // Seeds are checked once the schemas have loaded; bad options reject every call.
    const seed = this.#rawSnapshot();
    this.#ready = loadSchemas().then(({ parseSnapshot }) => {
      try {
        parseSnapshot(seed);
      } catch (error) {
        throw new TypeError(`MemoryBillingAdapter: invalid options: ${(error as Error).message}`, { cause: error });
      }
    });
    this.#ready.catch(() => undefined);
  }

  /** Makes every later call fail this way (`null`: succeed again). */
  setFailure(failure: MemoryFailure): void {
    this.#failure = failure;
  }

  /**
   * Makes exactly the next call of `operation` fail this way, whatever `setFailure` says
   * (`null`: the next call succeeds). Calls queue: two `failNext` fail the next two calls.
   */
  failNext(operation: MemoryOperation, failure: MemoryFailure): void {
    this.#nextFailures[operation].push(failure);
  }

  /** Every charge made so far, oldest first (copies). */
  get charges(): Money[] {
    return this.#charges.map((charge) => ({ ...charge }));
  }

  async load(options: { signal?: AbortSignal } = {}): Promise<BillingSnapshot> {
    const { signal } = options;
    throwIfAborted(signal);
    await this.#ready;
    const failure = this.#takeFailure('load');
    await wait(this.#latencyMs, signal);
    if (failure && failure !== 'malformed') throw failureError(failure, 'GET /billing');
    const raw = this.#rawSnapshot();
    const { parseSnapshot } = await loadSchemas();
    return parseSnapshot(failure === 'malformed' ? corrupt(raw) : raw);
  }

  async submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult> {
    const signal = options?.signal;
    throwIfAborted(signal);
    await this.#ready;
    const failure = this.#takeFailure('submit');
    const key = options?.idempotencyKey;
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw new BillingError('invalid_request', 'submitPaymentMethod: idempotencyKey must be 1 to 255 visible ASCII characters.');
    }
    // The only place the submission is read; from here on the call holds brand, last 4 and expiry.
    const prepared = await prepareSubmission(submission, this.#today());

    if (failure && failure !== 'malformed') {
      await wait(this.#latencyMs, signal);
      throw failureError(failure, 'PUT /billing/payment-method');
    }
    const result = await this.#submitOnce(key, prepared, signal);
    if (failure === 'malformed') {
      const { parseSubmitResult } = await loadSchemas();
      return parseSubmitResult({ ...result, snapshot: corrupt(result.snapshot) });
    }
    return result;
  }

  async downloadInvoice(invoiceId: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
    await this.#ready;
    const { signal } = options;
    throwIfAborted(signal);
    const failure = this.#takeFailure('download');
    await wait(this.#latencyMs, signal);
    const label = 'GET /billing/invoices/{id}/pdf';
    if (failure === 'malformed') throw new BillingError('invalid_response', `${label}: the body is not a PDF document.`, { status: 200 });
    if (failure) throw failureError(failure, label);
    const invoice = this.#invoices.find((candidate) => candidate.id === invoiceId);
    if (!invoice) throw new BillingError('invalid_request', `${label}: no invoice has this id.`, { status: 404 });
    if (calendarToday(invoice.finalizedAt) < DOWNLOADABLE_FROM) {
      throw new BillingError(
        'invalid_request',
        `${label}: invoices finalized before ${DOWNLOADABLE_FROM} can't be downloaded; contact your account manager.`,
        { status: 404 },
      );
    }
    // The PDF layout and pdf-lib load only when an invoice is downloaded.
    const { renderInvoicePdf } = await import('./invoice-pdf.js');
    const bytes = await renderInvoicePdf(structuredClone(invoice), this.#rawSnapshot().account);
    throwIfAborted(signal);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  }

  // -------------------------------------------------------------------------------------------

  #now(): string {
    return this.#fixedNow ?? new Date().toISOString();
  }

  #today(): string {
    return calendarToday(this.#now());
  }

  #takeFailure(operation: MemoryOperation): MemoryFailure {
    const queue = this.#nextFailures[operation];
    return queue.length > 0 ? queue.shift()! : this.#failure;
  }

  /** The current state as a fresh, unvalidated snapshot. */
  #rawSnapshot(): BillingSnapshot {
    const now = this.#now();
    const account = structuredClone(this.#account);
    if (this.#derivedNextCharge) account.nextChargeDate = firstOfNextMonth(calendarToday(now));
    return {
      now,
      account,
      viewer: { ...this.#viewer },
      paymentMethod: this.#paymentMethod ? { ...this.#paymentMethod } : null,
      invoices: structuredClone(this.#invoices),
    };
  }

  /** Runs the submission for `key` once; concurrent and later calls with the key share it. */
  async #submitOnce(key: string, prepared: PreparedSubmission, signal: AbortSignal | undefined): Promise<SubmitResult> {
    const existing = this.#idempotency.get(key);
    if (existing) {
      if (existing.fingerprint !== prepared.fingerprint) {
        throw new BillingError(
          'invalid_request',
          'PUT /billing/payment-method: this idempotency key was already used with a different submission.',
          { status: 422 },
        );
      }
      try {
        return structuredClone(await raceAbort(existing.result, signal));
      } catch (error) {
        // The call that owns the key was aborted before it charged: run this one instead.
        if (isAbortError(error) && !signal?.aborted) return this.#submitOnce(key, prepared, signal);
        throw error;
      }
    }
    const record: IdempotencyRecord = { fingerprint: prepared.fingerprint, result: this.#process(prepared, signal) };
    this.#idempotency.set(key, record);
    record.result.catch(() => {
      if (this.#idempotency.get(key) === record) this.#idempotency.delete(key);
    });
    return structuredClone(await record.result);
  }

  /** The server's side of a submission: checks, then one atomic state change. */
  async #process(prepared: PreparedSubmission, signal: AbortSignal | undefined): Promise<SubmitResult> {
    await wait(this.#latencyMs, signal);
    throwIfAborted(signal);
    const label = 'PUT /billing/payment-method';
    if (!this.#viewer.canManageBilling) {
      throw new BillingError('unauthorized', `${label}: the viewer may not change payment information.`, { status: 403 });
    }
    const fields = Object.keys(prepared.fieldErrors);
    if (fields.length > 0 || !prepared.card) {
      throw new BillingError('invalid_request', `${label}: invalid payment submission: ${fields.join(', ')}.`, {
        status: 422,
        fieldErrors: { ...prepared.fieldErrors },
      });
    }
    if (prepared.declined) {
      throw new BillingError('card_declined', 'The card was declined.', { status: 402, fieldErrors: { 'card.number': 'declined' } });
    }

    const day = this.#today();
    const outstanding = this.#invoices.filter((invoice) => isOutstanding(invoice, day));
    const charged = sumMoney(
      outstanding.map((invoice) => ({ amount: invoice.amountOwed, currency: invoice.currency })),
      this.#account.currency,
    );
    for (const invoice of outstanding) {
      invoice.amountPaid += invoice.amountOwed;
      invoice.amountOwed = 0;
      invoice.status = 'paid';
    }
    this.#paymentMethod = { ...prepared.card, status: 'pending' };
    this.#account.userCap = null;
    this.#account.suspended = false;
    if (charged.amount > 0) this.#charges.push({ ...charged });

    const raw: SubmitResult = { snapshot: this.#rawSnapshot() };
    if (charged.amount > 0) raw.charged = charged;
    const { parseSubmitResult } = await loadSchemas();
    return parseSubmitResult(raw);
  }
}
