/**
 * Runtime validation of everything that crosses the wire (zod/mini, to keep the bundle small).
 * Responses are checked before any element uses them; a malformed one becomes a
 * `BillingError('invalid_response')` whose message names the first bad field's path and never
 * echoes a value (a value could be card data). No DOM.
 */
import * as z from 'zod/mini';
import { isCalendarDate, isIsoDateOrDateTime } from './dates.js';
import { BILLING_ERROR_CODES, BillingError, type BillingErrorCode } from './errors.js';
import { isCurrencyCode } from './currency.js';
import type { BillingSnapshot, Invoice, PaymentSubmission, SubmitResult } from './types.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

const nonEmpty = (max: number) =>
  z.string().check(z.refine((s) => s.trim().length > 0 && s.length <= max, `must be a non-empty string of at most ${max} characters`));
const optionalText = (max: number) =>
  z.optional(z.string().check(z.refine((s) => s.length <= max, `must be at most ${max} characters`)));
const pattern = (re: RegExp, description: string) => z.string().check(z.refine((s) => re.test(s), description));

const safeInteger = z.number().check(z.refine((n) => Number.isSafeInteger(n), 'must be a safe integer'));
const nonNegativeSafeInteger = z.number().check(z.refine((n) => Number.isSafeInteger(n) && n >= 0, 'must be a non-negative safe integer'));
const calendarDate = z.string().check(z.refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD'));
const isoDateOrDateTime = z.string().check(z.refine(isIsoDateOrDateTime, 'must be an ISO 8601 date or date-time'));
// The pattern first (its message is the one reported), then the list: "XYZ 10.00" is never shown.
const currencyCode = z
  .string()
  .check(
    z.refine((s) => /^[A-Z]{3}$/.test(s), 'must be a 3-letter uppercase ISO 4217 code'),
    z.refine(isCurrencyCode, 'must be a known ISO 4217 currency code'),
  );
const last4 = pattern(/^\d{4}$/, 'must be exactly 4 digits');
const expMonth = z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1 && n <= 12, 'must be an integer from 1 to 12'));
const expYear = z.number().check(z.refine((n) => Number.isInteger(n) && n >= 2000 && n <= 9999, 'must be a 4-digit year'));
const countryCode = pattern(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

// ---------------------------------------------------------------------------------------------
// Responses

export const moneySchema = z.object({ amount: safeInteger, currency: currencyCode });

export const invoiceSchema = z
  .object({
    id: nonEmpty(200),
    number: nonEmpty(200),
    finalizedAt: isoDateOrDateTime,
    dueDate: calendarDate,
    status: z.enum(['open', 'partially_paid', 'paid']),
    currency: currencyCode,
    amountBilled: nonNegativeSafeInteger,
    amountPaid: nonNegativeSafeInteger,
    amountOwed: nonNegativeSafeInteger,
  })
  .check(
    z.superRefine((invoice, ctx) => {
      const { amountBilled, amountPaid, amountOwed, status } = invoice;
      if (amountPaid + amountOwed !== amountBilled || !Number.isSafeInteger(amountPaid + amountOwed)) {
        ctx.addIssue({ code: 'custom', path: ['amountOwed'], message: 'amountBilled must equal amountPaid + amountOwed' });
        return;
      }
      const expected = amountOwed === 0 ? 'paid' : amountPaid === 0 ? 'open' : 'partially_paid';
      if (status !== expected) {
        const why =
          expected === 'paid'
            ? 'amountOwed is 0'
            : expected === 'open'
              ? 'amountPaid is 0 and amountOwed is above 0'
              : 'amountPaid and amountOwed are both above 0';
        ctx.addIssue({ code: 'custom', path: ['status'], message: `must be "${expected}" when ${why}` });
      }
    }),
  );

export const organizationSchema = z.object({ id: nonEmpty(200), name: z.string() });

export const accountSchema = z.object({
  id: nonEmpty(200),
  name: z.string(),
  currency: currencyCode,
  suspended: z.optional(z.boolean()),
  userCap: z.nullable(nonNegativeSafeInteger),
  nextChargeDate: calendarDate,
  organizations: z.array(organizationSchema),
});

export const viewerSchema = z.object({ canManageBilling: z.boolean() });

export const paymentMethodSchema = z.object({
  brand: nonEmpty(100),
  last4,
  expMonth,
  expYear,
  status: z.enum(['active', 'pending']),
});

/** What no single invoice can show: every invoice in the account's currency, ids unique. */
function crossCheckInvoices(
  currency: string,
  invoices: readonly Invoice[],
  report: (path: (string | number)[], message: string) => void,
): void {
  const seen = new Set<string>();
  invoices.forEach((invoice, index) => {
    if (invoice.currency !== currency) report(['invoices', index, 'currency'], 'must equal account.currency');
    if (seen.has(invoice.id)) report(['invoices', index, 'id'], 'must be unique among the invoices');
    seen.add(invoice.id);
  });
}

const snapshotShape = {
  now: z.optional(isoDateOrDateTime),
  account: accountSchema,
  viewer: viewerSchema,
  paymentMethod: z.nullable(paymentMethodSchema),
  invoices: z.array(invoiceSchema),
};

export const snapshotSchema = z.object(snapshotShape).check(
  z.superRefine((snapshot, ctx) => {
    crossCheckInvoices(snapshot.account.currency, snapshot.invoices, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  }),
);

/**
 * The rules of {@link invoiceSchema}, written out for speed (zod/mini spends about 10 µs per
 * invoice; a snapshot may hold 100,000). Returns the invoice as the schema would (known keys
 * only), or `null` when anything is off — the schema then decides and names the field, so
 * this check may be stricter than the schema, never looser (schemas.test.ts compares them).
 */
function quickInvoice(value: unknown): Invoice | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, number, finalizedAt, dueDate, status, currency, amountBilled, amountPaid, amountOwed } = value as Record<string, unknown>;
  if (
    typeof id !== 'string' || id.length > 200 || id.trim().length === 0 ||
    typeof number !== 'string' || number.length > 200 || number.trim().length === 0 ||
    typeof finalizedAt !== 'string' || !isIsoDateOrDateTime(finalizedAt) ||
    typeof dueDate !== 'string' || !isCalendarDate(dueDate) ||
    typeof currency !== 'string' || !isCurrencyCode(currency) ||
    typeof amountBilled !== 'number' || !Number.isSafeInteger(amountBilled) || amountBilled < 0 ||
    typeof amountPaid !== 'number' || !Number.isSafeInteger(amountPaid) || amountPaid < 0 ||
    typeof amountOwed !== 'number' || !Number.isSafeInteger(amountOwed) || amountOwed < 0 ||
    amountPaid + amountOwed !== amountBilled ||
    (status !== 'paid' && status !== 'open' && status !== 'partially_paid') ||
    status !== (amountOwed === 0 ? 'paid' : amountPaid === 0 ? 'open' : 'partially_paid')
  ) {
    return null;
  }
  return { id, number, finalizedAt, dueDate, status, currency, amountBilled, amountPaid, amountOwed };
}

/** The snapshot without its invoices, for validating a large snapshot in slices. */
const snapshotHeadSchema = z.object({ ...snapshotShape, invoices: z.array(z.never()) });
const invoiceSliceSchema = z.array(invoiceSchema);

export const submitResultSchema = z.object({
  snapshot: snapshotSchema,
  charged: z.optional(z.object({ amount: nonNegativeSafeInteger, currency: currencyCode })),
});

/** An RFC 9457 problem details body with the billing error code (and optional field errors). */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: BillingErrorCode;
  /** Messages keyed by submission field (e.g. `billingAddress.postalCode`). */
  fieldErrors?: Record<string, string>;
}

export const problemDetailsSchema = z.object({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.number().check(z.refine((n) => Number.isInteger(n) && n >= 100 && n <= 599, 'must be an HTTP status code')),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.enum(BILLING_ERROR_CODES as [BillingErrorCode, ...BillingErrorCode[]]),
  fieldErrors: z.optional(z.record(z.string(), z.string())),
});

// ---------------------------------------------------------------------------------------------
// Requests

export const postalAddressSchema = z.object({
  country: countryCode,
  line1: nonEmpty(200),
  line2: optionalText(200),
  city: optionalText(200),
  region: optionalText(200),
  postalCode: optionalText(32),
});

export const billingAddressSchema = z.object({
  country: countryCode,
  region: optionalText(200),
  postalCode: optionalText(32),
});

const email = z
  .string()
  .check(z.refine((s) => s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'must be an email address'));

export const mailingContactSchema = z.object({
  firstName: nonEmpty(200),
  lastName: nonEmpty(200),
  email,
  company: optionalText(200),
  phone: optionalText(64),
  address: postalAddressSchema,
});

export const rawCardSchema = z.object({
  number: pattern(/^\d{12,19}$/, 'must be 12 to 19 digits'),
  expMonth,
  expYear,
  cvc: pattern(/^\d{3,4}$/, 'must be 3 or 4 digits'),
  name: nonEmpty(200),
});

export const tokenizedCardSchema = z.object({
  token: nonEmpty(4096),
  brand: nonEmpty(100),
  last4,
  expMonth,
  expYear,
  name: nonEmpty(200),
});

export const paymentSubmissionSchema = z.object({
  mailing: mailingContactSchema,
  billingAddress: billingAddressSchema,
  card: z.union([rawCardSchema, tokenizedCardSchema]),
});

// ---------------------------------------------------------------------------------------------
// Issues → messages that name the field, never the value

type Issue = z.core.$ZodIssue;

/** `['invoices', 3, 'amountOwed']` → `invoices[3].amountOwed`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(root)';
}

/** The issue to report: for a union, the first issue of the branch that came closest. */
function resolveIssue(issue: Issue, prefix: readonly PropertyKey[] = []): { path: PropertyKey[]; issue: Issue } {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    if (closest[0]) return resolveIssue(closest[0], path);
  }
  return { path, issue };
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'custom':
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(typeof v === 'bigint' ? String(v) : v)).join(', ')}`;
    case 'too_small':
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'unrecognized_keys':
      return 'has unexpected keys';
    default:
      return 'is invalid';
  }
}

function describe(issues: readonly Issue[]): { path: string; message: string }[] {
  return issues.map((raw) => {
    const { path, issue } = resolveIssue(raw);
    return { path: formatIssuePath(path), message: describeIssue(issue) };
  });
}

function fail(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): never {
  const [first] = describe(issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }) as Issue));
  throw new BillingError('invalid_response', `Invalid billing response: ${first!.path}: ${first!.message}`);
}

function parseResponse<T>(schema: z.ZodMiniType<T>, data: unknown): T {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  return fail(result.error.issues);
}

/**
 * Snapshots this module validated and returned (our adapters validate what they load): the
 * provider does not validate the same object twice. A copy or anything else is validated.
 */
const validatedSnapshots = new WeakSet<object>();

/** Validates a `GET /billing` body (or what an adapter loaded). Throws `BillingError('invalid_response')`. */
export function parseSnapshot(data: unknown): BillingSnapshot {
  const snapshot = parseResponse(snapshotSchema, data);
  validatedSnapshots.add(snapshot);
  return snapshot;
}

/** Invoices validated per slice; between slices the main thread is yielded to. */
const SLICE = 1000;
/** Snapshots with at most this many invoices are validated in one go. */
const SLICE_ABOVE = 2000;
/** Time spent validating before the main thread is yielded to (one frame has 16.7 ms). */
const SLICE_BUDGET_MS = 12;

/** Lets the browser paint and handle input: `scheduler.yield()` where it exists, else a message-channel task (no timer clamping). */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Validates a snapshot like {@link parseSnapshot}, with the same result and the same messages,
 * without freezing the page on a large one: above 2,000 invoices, the invoices are checked
 * by a fast path with the schema's rules (the schema itself names the field of a bad one),
 * 1,000 at a time, yielding to the main thread about every 12 ms, so 100,000 invoices never
 * make one long task. A snapshot {@link parseSnapshot} already returned is not checked
 * again. Rejects with `signal`'s reason once it aborts.
 */
export async function parseSnapshotInSlices(data: unknown, options: { signal?: AbortSignal } = {}): Promise<BillingSnapshot> {
  if (typeof data === 'object' && data !== null && validatedSnapshots.has(data)) return data as BillingSnapshot;
  const invoices = (data as { invoices?: unknown } | null)?.invoices;
  if (!Array.isArray(invoices) || invoices.length <= SLICE_ABOVE) return parseSnapshot(data);
  const { signal } = options;
  const head = parseResponse(snapshotHeadSchema, { ...(data as object), invoices: [] });
  const checked: Invoice[] = [];
  let since = performance.now();
  for (let start = 0; start < invoices.length; start += SLICE) {
    if (performance.now() - since > SLICE_BUDGET_MS) {
      await yieldToMain();
      signal?.throwIfAborted();
      since = performance.now();
    }
    const end = Math.min(invoices.length, start + SLICE);
    let index = start;
    for (; index < end; index++) {
      const invoice = quickInvoice(invoices[index]);
      if (!invoice) break;
      checked.push(invoice);
    }
    if (index < end) {
      // Something is off in this slice: the schema checks the rest of it and names the field.
      const result = z.safeParse(invoiceSliceSchema, invoices.slice(index, end));
      if (!result.success) {
        // Paths inside a slice count from its start.
        fail(result.error.issues.map((issue) => ({ ...issue, path: [index + (issue.path[0] as number), ...issue.path.slice(1)] }) as Issue), ['invoices']);
      }
      for (const invoice of result.data) checked.push(invoice);
    }
  }
  crossCheckInvoices(head.account.currency, checked, (path, message) => fail([{ code: 'custom', path, message, input: undefined } as Issue]));
  const snapshot: BillingSnapshot = { ...head, invoices: checked };
  validatedSnapshots.add(snapshot);
  return snapshot;
}

/** Validates a submit response. Throws `BillingError('invalid_response')`. */
export function parseSubmitResult(data: unknown): SubmitResult {
  return parseResponse(submitResultSchema, data);
}

/**
 * Reads an RFC 9457 problem details body with a billing error code; `null` when `data` is not
 * one (e.g. a proxy's HTML error page), so the caller falls back to the HTTP status.
 */
export function parseProblemDetails(data: unknown): ProblemDetails | null {
  const result = z.safeParse(problemDetailsSchema, data);
  return result.success ? result.data : null;
}

/**
 * Validates a payment submission (for the reference server). Throws
 * `BillingError('invalid_request')` naming the first bad field, with `fieldErrors` keyed by
 * field path (`billingAddress.postalCode`, `card.number`) — never the submitted values.
 */
export function parsePaymentSubmission(data: unknown): PaymentSubmission {
  const result = z.safeParse(paymentSubmissionSchema, data);
  if (result.success) return result.data;
  const described = describe(result.error.issues);
  const fieldErrors: Record<string, string> = {};
  for (const { path, message } of described) if (!(path in fieldErrors)) fieldErrors[path] = message;
  const [first] = described;
  throw new BillingError('invalid_request', `Invalid payment submission: ${first!.path}: ${first!.message}`, { fieldErrors });
}
