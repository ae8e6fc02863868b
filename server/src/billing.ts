/**
 * The billing domain as the reference server runs it, over {@link BillingStore}: the caller's
 * snapshot, replacing the card (which charges every outstanding invoice, lifts the user cap
 * and clears suspension), idempotency, and the server's clock. The rules themselves come from
 * src/domain (isOutstanding, today, card checks, the zod schemas); nothing here re-states them.
 */
import { createHmac } from 'node:crypto';
import { canonicalJson } from '../../src/domain/canonical-json.js';
import { isDeclinedTestCard } from '../../src/domain/test-cards.js';
import { isOutstanding } from '../../src/domain/dunning.js';
import { isIsoDateOrDateTime, today } from '../../src/domain/dates.js';
import { cardOnFile, validateSubmission } from '../../src/domain/submission.js';
import type { BillingSnapshot, PaymentSubmission, SubmitResult, Viewer } from '../../src/domain/types.js';
import type { MemoryFailure } from '../../src/adapters/memory-adapter.js';
import { PROBLEM_TYPES, problem } from './http.js';
import type { BillingStore, SeedData } from './store.js';

/** How long an idempotency key's stored response is kept. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface Outcome {
  status: number;
  /** JSON text of the body (a SubmitResult or problem details). */
  body: string;
  /** Whether this is a stored response sent again for a repeated Idempotency-Key. */
  replayed: boolean;
}

/** The server's clock: fixed (tests, demos of a given day) or the real one. Persisted in the database. */
export class Clock {
  constructor(private readonly store: BillingStore) {}

  /** The fixed instant, or null when the clock follows real time. */
  fixed(): Promise<string | null> {
    return this.store.getMeta('clock');
  }

  async set(now: string | null): Promise<void> {
    if (now !== null && !isIsoDateOrDateTime(now)) throw new RangeError('now must be an ISO 8601 date or date-time.');
    await this.store.setMeta('clock', now);
  }

  async now(): Promise<string> {
    return (await this.fixed()) ?? new Date().toISOString();
  }
}

/** Who is calling, as the bearer token says (server/src/auth.ts). */
export interface Caller {
  /** The token's `sub`. */
  sub: string;
  /** The account the caller acts for (the token's `account`): the only one it sees. */
  account: string;
  roles: readonly string[];
}

/** The role that may see and change payment information ("Administrator with Billing"). */
export const BILLING_ROLE = 'billing_admin';

export function viewerOf(caller: Caller): Viewer {
  return { canManageBilling: caller.roles.includes(BILLING_ROLE) };
}

export class BillingService {
  readonly clock: Clock;

  constructor(readonly store: BillingStore) {
    this.clock = new Clock(store);
  }

  /**
   * Replaces all data with `accounts`, sets the clock (null: real time) and how the backend
   * fails (a scenario such as `failing-backend`; null: it does not).
   */
  async reset(accounts: SeedData[], now: string | null, fail: MemoryFailure = null): Promise<void> {
    if (now !== null && !isIsoDateOrDateTime(now)) throw new RangeError('now must be an ISO 8601 date or date-time.');
    await this.store.seed(accounts);
    await this.clock.set(now);
    await this.store.setMeta('fail', fail);
  }

  /** How every contract request fails in this scenario, if it does (persisted). */
  async failure(): Promise<MemoryFailure> {
    return (await this.store.getMeta('fail')) as MemoryFailure;
  }

  /** The caller's snapshot: its own account only; card data only with the billing role. */
  async snapshot(caller: Caller): Promise<BillingSnapshot | null> {
    return this.store.snapshot(caller.account, await this.clock.now(), viewerOf(caller));
  }

  /**
   * HMAC-SHA-256 of the body's canonical JSON under the database's secret — with the card
   * number reduced to its length and last 4 and the security code left out first, so that
   * nothing stored next to the secret lets anyone search for the card's missing digits.
   */
  async fingerprint(body: unknown): Promise<string> {
    return createHmac('sha256', await this.store.fingerprintSecret()).update(canonicalJson(withoutCardSecrets(body))).digest('hex');
  }

  /**
   * `PUT /billing/payment-method` with a parsed JSON body, for the caller's account, in one
   * transaction that locks the account: a repeated key answers the stored response (or 422
   * when the body differs); otherwise the submission is validated, declined or applied, and a
   * decline or success is stored under the key.
   */
  async submitPaymentMethod(caller: Caller, key: string, body: unknown): Promise<Outcome> {
    const accountId = caller.account;
    // Per caller, before anything else: not even a stored response for a caller without the role.
    if (!viewerOf(caller).canManageBilling) {
      return this.#problem(403, 'unauthorized', PROBLEM_TYPES.forbidden, 'Forbidden', 'You may not change payment information.');
    }
    const fingerprint = await this.fingerprint(body);
    const received = Date.now();
    const now = await this.clock.now();
    // The same rules as the form and MemoryBillingAdapter (src/domain/submission.ts), judged
    // before the transaction (they load address data); used only for a key not seen before.
    const verdict = await validateSubmission(body, today(now));
    await this.store.expireResponses(received - IDEMPOTENCY_TTL_MS);

    return this.store.transaction(async (tx): Promise<Outcome> => {
      await tx.lockAccount(accountId);
      const prior = await tx.findResponse(accountId, key);
      if (prior) {
        if (prior.fingerprint === fingerprint) return { status: prior.status, body: prior.body, replayed: true };
        return this.#problem(
          422,
          'invalid_request',
          PROBLEM_TYPES.idempotencyKeyReused,
          'Idempotency key reused',
          'This Idempotency-Key was used with a different request body. Use a new key for a new submission.',
        );
      }

      if (!(await tx.account(accountId))) {
        return this.#problem(403, 'unauthorized', PROBLEM_TYPES.forbidden, 'Forbidden', 'The token names no billing account of this server.');
      }

      if (!verdict.ok) {
        return this.#problem(422, 'invalid_request', PROBLEM_TYPES.validation, 'Invalid payment submission', verdict.message, verdict.fieldErrors);
      }
      const submission = verdict.submission;

      let outcome: Outcome;
      const card = submission.card;
      if (isDeclinedTestCard(card)) {
        outcome = this.#problem(402, 'card_declined', PROBLEM_TYPES.cardDeclined, 'Card declined', 'The card was declined. Try another card.', {
          'card.number': 'declined',
        });
      } else {
        outcome = { status: 200, body: JSON.stringify(await this.#apply(tx, caller, key, submission, now)), replayed: false };
      }
      await tx.saveResponse(accountId, key, { fingerprint, status: outcome.status, body: outcome.body, createdAt: received });
      return outcome;
    });
  }

  /** Replaces the card, charges every outstanding invoice, lifts the user cap, clears suspension. */
  async #apply(tx: BillingStore, caller: Caller, key: string, submission: PaymentSubmission, now: string): Promise<SubmitResult> {
    const accountId = caller.account;
    const card = submission.card;
    const stamp = new Date().toISOString();
    await tx.saveCard(accountId, { ...cardOnFile(card), status: 'pending' }, stamp);
    await tx.saveBillingProfile(accountId, submission.mailing, submission.billingAddress, stamp);

    const day = today(now);
    const account = (await tx.account(accountId))!;
    const outstanding = (await tx.invoices(accountId)).filter((invoice) => isOutstanding(invoice, day));
    let amount = 0;
    for (const invoice of outstanding) {
      await tx.payInvoice(accountId, invoice.id, invoice.amountOwed);
      amount += invoice.amountOwed;
    }
    if (outstanding.length > 0) {
      await tx.recordCharge({
        accountId,
        idempotencyKey: key,
        amount,
        currency: account.currency,
        invoiceIds: outstanding.map((invoice) => invoice.id),
        createdAt: stamp,
      });
    }
    await tx.updateAccount(accountId, { suspended: false, userCap: null });
    const snapshot = (await tx.snapshot(accountId, now, viewerOf(caller)))!;
    return outstanding.length > 0 ? { snapshot, charged: { amount, currency: account.currency } } : { snapshot };
  }

  #problem(status: number, code: Parameters<typeof problem>[1], type: string, title: string, detail?: string, fieldErrors?: Record<string, string>): Outcome {
    return { status, body: JSON.stringify(problem(status, code, type, title, detail, fieldErrors)), replayed: false };
  }
}

/** The body with `card.number` replaced by its length and last 4, and `card.cvc` removed. */
function withoutCardSecrets(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('card' in body)) return body;
  const card = (body as { card: unknown }).card;
  if (typeof card !== 'object' || card === null) return body;
  const { number, cvc: _cvc, ...rest } = card as Record<string, unknown>;
  const digits = typeof number === 'string' ? number.replace(/\D/g, '') : '';
  return { ...body, card: { ...rest, ...(typeof number === 'string' ? { numberLength: digits.length, last4: digits.slice(-4) } : {}) } };
}
