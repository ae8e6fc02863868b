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
import type { Account, BillingSnapshot, Invoice, Money, Organization, PaymentMethod, PaymentSubmission, SubmitResult, Viewer } from '../domain/types.js';
import type { BillingAdapter } from './adapter.js';
import type { MemoryState } from './memory-backend.js';

/**
 * What the adapter does (failures, submissions, downloads, validation with zod) loads with the
 * first call, keeping it out of the initial bundle: creating the adapter only sets up its state.
 */
const loadBackend = () => import('./memory-backend.js');
type Backend = Awaited<ReturnType<typeof loadBackend>>;

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

const DEFAULT_USER_CAP = 5;

const DEFAULT_ORGANIZATIONS: readonly Organization[] = [
  { id: 'org_engineering', name: 'Acme Engineering' },
  { id: 'org_sales', name: 'Acme Sales' },
  { id: 'org_support', name: 'Acme Support' },
];

function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!value) return out;
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) (out as Record<string, unknown>)[key] = entry;
  return out;
}

/**
 * The in-memory BillingAdapter. See the module documentation for how it behaves.
 *
 * @example
 * const adapter = new MemoryBillingAdapter({ latencyMs: 300, invoices });
 * adapter.failNext('submit', 'network'); // the next submit fails, the retry succeeds
 */
export class MemoryBillingAdapter implements BillingAdapter {
  readonly #state: MemoryState;
  /** The loaded backend, once the seed passed the schema; rejects every call otherwise. */
  readonly #ready: Promise<Backend>;

  constructor(options: MemoryBillingAdapterOptions = {}) {
    const copy = structuredClone(options);
    if (copy.now !== undefined) calendarToday(copy.now); // throws RangeError for a bad `now`
    const paymentMethod = copy.paymentMethod ?? null;
    const accountOverrides = withoutUndefined(copy.account);
    const derivedNextCharge = accountOverrides.nextChargeDate === undefined;
    const account: Account = {
      id: 'acct_acme',
      name: 'Acme Corp',
      currency: 'USD',
      userCap: paymentMethod ? null : DEFAULT_USER_CAP,
      // Derived (the 1st of next month) in every snapshot when not given.
      nextChargeDate: '',
      organizations: DEFAULT_ORGANIZATIONS.map((organization) => ({ ...organization })),
      ...accountOverrides,
    };
    this.#state = {
      fixedNow: copy.now,
      account,
      derivedNextCharge,
      viewer: { canManageBilling: true, ...withoutUndefined(copy.viewer) } as Viewer,
      paymentMethod,
      invoices: copy.invoices ?? [],
      latencyMs: Number.isFinite(copy.latencyMs) && copy.latencyMs! > 0 ? copy.latencyMs! : 0,
      failure: copy.fail ?? null,
      nextFailures: { load: [], submit: [], download: [] },
      idempotency: new Map(),
      charges: [],
    };
    // Seeds are checked once the backend (with the schemas) has loaded; bad options reject every call.
    const state = this.#state;
    this.#ready = loadBackend().then((backend) => {
      backend.checkSeed(state);
      return backend;
    });
    this.#ready.catch(() => undefined);
  }

  /** Makes every later call fail this way (`null`: succeed again). */
  setFailure(failure: MemoryFailure): void {
    this.#state.failure = failure;
  }

  /**
   * Makes exactly the next call of `operation` fail this way, whatever `setFailure` says
   * (`null`: the next call succeeds). Calls queue: two `failNext` fail the next two calls.
   */
  failNext(operation: MemoryOperation, failure: MemoryFailure): void {
    this.#state.nextFailures[operation].push(failure);
  }

  /** Every charge made so far, oldest first (copies). */
  get charges(): Money[] {
    return this.#state.charges.map((charge) => ({ ...charge }));
  }

  async load(options: { signal?: AbortSignal } = {}): Promise<BillingSnapshot> {
    return (await this.#ready).load(this.#state, options);
  }

  async submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult> {
    return (await this.#ready).submitPaymentMethod(this.#state, submission, options);
  }

  async downloadInvoice(invoiceId: string, options: { signal?: AbortSignal } = {}): Promise<Blob> {
    return (await this.#ready).downloadInvoice(this.#state, invoiceId, options);
  }
}
