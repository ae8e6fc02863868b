/**
 * MemoryBillingAdapter's behaviour (see memory-adapter.ts for what it does): loaded with the
 * adapter's first call, so a page that only creates the adapter pays for its state alone.
 * Every function works on the adapter's state object; none keeps state of its own.
 */
import { today as calendarToday } from '../domain/dates.js';
import { isOutstanding } from '../domain/dunning.js';
import { BillingError } from '../domain/errors.js';
import { sumMoney } from '../domain/money.js';
import { parseSnapshot, parseSubmitResult } from '../domain/schemas.js';
import { isDeclinedTestCard } from '../domain/test-cards.js';
import type { Account, BillingSnapshot, Invoice, Money, PaymentMethod, PaymentSubmission, SubmitResult, Viewer } from '../domain/types.js';
import { raceAbort as raceAbortWith, sleep } from './abort.js';
import type { MemoryFailure, MemoryOperation } from './memory-adapter.js';

/** The adapter's state, owned by the MemoryBillingAdapter instance. */
export interface MemoryState {
  readonly fixedNow: string | undefined;
  readonly account: Account;
  /** Whether `nextChargeDate` follows "today" (it was not given). */
  readonly derivedNextCharge: boolean;
  readonly viewer: Viewer;
  paymentMethod: PaymentMethod | null;
  readonly invoices: Invoice[];
  readonly latencyMs: number;
  failure: MemoryFailure;
  readonly nextFailures: Record<MemoryOperation, MemoryFailure[]>;
  readonly idempotency: Map<string, IdempotencyRecord>;
  readonly charges: Money[];
}

/** Invoices finalized before this UTC date can't be downloaded (shared/API.md). */
const DOWNLOADABLE_FROM = '2022-01-01';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

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

/** A copy of `raw` that fails the snapshot schema (for the `malformed` failure). */
function corrupt(raw: BillingSnapshot): unknown {
  return {
    ...raw,
    account: { ...raw.account, userCap: 'unlimited', nextChargeDate: 'next month' },
    invoices: raw.invoices.map((invoice) => ({ ...invoice, amountOwed: (invoice.amountOwed / 100).toFixed(2) })),
  };
}

// ---------------------------------------------------------------------------------------------
// The adapter's calls

export async function load(state: MemoryState, options: { signal?: AbortSignal } = {}): Promise<BillingSnapshot> {
  const { signal } = options;
  throwIfAborted(signal);
  const failure = takeFailure(state, 'load');
  await wait(state.latencyMs, signal);
  if (failure && failure !== 'malformed') throw failureError(failure, 'GET /billing');
  const raw = rawSnapshot(state);
  return parseSnapshot(failure === 'malformed' ? corrupt(raw) : raw);
}

export async function submitPaymentMethod(
  state: MemoryState,
  submission: PaymentSubmission,
  options: { idempotencyKey: string; signal?: AbortSignal },
): Promise<SubmitResult> {
  const signal = options?.signal;
  throwIfAborted(signal);
  const failure = takeFailure(state, 'submit');
  const key = options?.idempotencyKey;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new BillingError('invalid_request', 'submitPaymentMethod: idempotencyKey must be 1 to 255 visible ASCII characters.');
  }
  // The only place the submission is read; from here on the call holds brand, last 4 and expiry.
  const prepared = await prepareSubmission(submission, todayOf(state));

  if (failure && failure !== 'malformed') {
    await wait(state.latencyMs, signal);
    throw failureError(failure, 'PUT /billing/payment-method');
  }
  const result = await submitOnce(state, key, prepared, signal);
  if (failure === 'malformed') {
    return parseSubmitResult({ ...result, snapshot: corrupt(result.snapshot) });
  }
  return result;
}

export async function downloadInvoice(state: MemoryState, invoiceId: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
  const { signal } = options;
  throwIfAborted(signal);
  const failure = takeFailure(state, 'download');
  await wait(state.latencyMs, signal);
  const label = 'GET /billing/invoices/{id}/pdf';
  if (failure === 'malformed') throw new BillingError('invalid_response', `${label}: the body is not a PDF document.`, { status: 200 });
  if (failure) throw failureError(failure, label);
  const invoice = state.invoices.find((candidate) => candidate.id === invoiceId);
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
  const bytes = await renderInvoicePdf(structuredClone(invoice), rawSnapshot(state).account);
  throwIfAborted(signal);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}

function nowOf(state: MemoryState): string {
  return state.fixedNow ?? new Date().toISOString();
}

function todayOf(state: MemoryState): string {
  return calendarToday(nowOf(state));
}

function takeFailure(state: MemoryState, operation: MemoryOperation): MemoryFailure {
  const queue = state.nextFailures[operation];
  return queue.length > 0 ? queue.shift()! : state.failure;
}

/** The current state as a fresh, unvalidated snapshot. */
export function rawSnapshot(state: MemoryState): BillingSnapshot {
  const now = nowOf(state);
  const account = structuredClone(state.account);
  if (state.derivedNextCharge) account.nextChargeDate = firstOfNextMonth(calendarToday(now));
  return {
    now,
    account,
    viewer: { ...state.viewer },
    paymentMethod: state.paymentMethod ? { ...state.paymentMethod } : null,
    invoices: structuredClone(state.invoices),
  };
}

/** Runs the submission for `key` once; concurrent and later calls with the key share it. */
async function submitOnce(state: MemoryState, key: string, prepared: PreparedSubmission, signal: AbortSignal | undefined): Promise<SubmitResult> {
  const existing = state.idempotency.get(key);
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
      if (isAbortError(error) && !signal?.aborted) return submitOnce(state, key, prepared, signal);
      throw error;
    }
  }
  const record: IdempotencyRecord = { fingerprint: prepared.fingerprint, result: process(state, prepared, signal) };
  state.idempotency.set(key, record);
  record.result.catch(() => {
    if (state.idempotency.get(key) === record) state.idempotency.delete(key);
  });
  return structuredClone(await record.result);
}

/** The server's side of a submission: checks, then one atomic state change. */
async function process(state: MemoryState, prepared: PreparedSubmission, signal: AbortSignal | undefined): Promise<SubmitResult> {
  await wait(state.latencyMs, signal);
  throwIfAborted(signal);
  const label = 'PUT /billing/payment-method';
  if (!state.viewer.canManageBilling) {
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

  const day = todayOf(state);
  const outstanding = state.invoices.filter((invoice) => isOutstanding(invoice, day));
  const charged = sumMoney(
    outstanding.map((invoice) => ({ amount: invoice.amountOwed, currency: invoice.currency })),
    state.account.currency,
  );
  for (const invoice of outstanding) {
    invoice.amountPaid += invoice.amountOwed;
    invoice.amountOwed = 0;
    invoice.status = 'paid';
  }
  state.paymentMethod = { ...prepared.card, status: 'pending' };
  state.account.userCap = null;
  state.account.suspended = false;
  if (charged.amount > 0) state.charges.push({ ...charged });

  const raw: SubmitResult = { snapshot: rawSnapshot(state) };
  if (charged.amount > 0) raw.charged = charged;
  return parseSubmitResult(raw);
}

/** Checks the options' seed against the snapshot schema; bad options reject every call. */
export function checkSeed(state: MemoryState): void {
  try {
    parseSnapshot(rawSnapshot(state));
  } catch (error) {
    throw new TypeError(`MemoryBillingAdapter: invalid options: ${(error as Error).message}`, { cause: error });
  }
}
