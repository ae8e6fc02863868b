/**
 * Test helpers shared by the element tests: snapshots built relative to a fixed "today",
 * adapters whose answers the test controls, and mounting inside a provider.
 */
import { expect, fixture, html, waitUntil as owcWaitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { BillingProvider } from '../src/components/billing-provider/billing-provider.js';
import { addDays } from '../src/domain/dates.js';
import { BillingError } from '../src/domain/errors.js';
import type { BillingSnapshot, Invoice, PaymentSubmission, SubmitResult } from '../src/domain/types.js';
import type { BillingAdapter } from '../src/adapters/adapter.js';
import { MemoryBillingAdapter, type MemoryBillingAdapterOptions } from '../src/adapters/memory-adapter.js';
import '../src/billing-provider.js';
import './lit-warnings.js';

export const TODAY = '2025-06-15';

export interface InvoiceSpec {
  /** Days between the due date and today (positive: past due). */
  daysPastDue: number;
  billed?: number;
  paid?: number;
  /** Finalized date; defaults to 15 days before the due date. */
  finalizedAt?: string;
  number?: string;
}

let invoiceCounter = 0;

export function invoice(spec: InvoiceSpec, today = TODAY): Invoice {
  const billed = spec.billed ?? 12000;
  const paid = spec.paid ?? 0;
  const owed = billed - paid;
  const dueDate = addDays(today, -spec.daysPastDue);
  const n = ++invoiceCounter;
  return {
    id: `inv_${n}`,
    number: spec.number ?? `INV-${String(n).padStart(4, '0')}`,
    finalizedAt: spec.finalizedAt ?? addDays(dueDate, -15),
    dueDate,
    status: owed === 0 ? 'paid' : paid > 0 ? 'partially_paid' : 'open',
    currency: 'USD',
    amountBilled: billed,
    amountPaid: paid,
    amountOwed: owed,
  };
}

export function snapshot(
  options: {
    invoices?: Invoice[];
    canManageBilling?: boolean;
    suspended?: boolean;
    currency?: string;
    now?: string;
  } = {},
): BillingSnapshot {
  return {
    now: options.now ?? `${TODAY}T12:00:00Z`,
    account: {
      id: 'acct_1',
      name: 'Acme Corp',
      currency: options.currency ?? 'USD',
      ...(options.suspended ? { suspended: true } : {}),
      userCap: 5,
      nextChargeDate: '2025-07-01',
      organizations: [
        { id: 'org_1', name: 'Acme EU' },
        { id: 'org_2', name: 'Acme US' },
      ],
    },
    viewer: { canManageBilling: options.canManageBilling ?? true },
    paymentMethod: null,
    invoices: options.invoices ?? [],
  };
}

/** A minimal PDF, enough for download tests that are not about the PDF itself. */
export function pdfBlob(): Blob {
  return new Blob(['%PDF-1.7\n%test\n'], { type: 'application/pdf' });
}

/** An adapter that answers with a fixed snapshot (a copy each time). */
export class StaticAdapter implements BillingAdapter {
  loads = 0;
  downloads: string[] = [];
  downloadResult: () => Promise<Blob> = async () => pdfBlob();

  constructor(public data: unknown) {}

  async load(): Promise<BillingSnapshot> {
    this.loads++;
    return structuredClone(this.data) as BillingSnapshot;
  }

  async submitPaymentMethod(_submission: PaymentSubmission): Promise<SubmitResult> {
    return { snapshot: structuredClone(this.data) as BillingSnapshot };
  }

  downloadInvoice(invoiceId: string): Promise<Blob> {
    this.downloads.push(invoiceId);
    return this.downloadResult();
  }
}

interface PendingLoad {
  signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** An adapter whose loads stay pending until the test settles them. */
export class ControlledAdapter implements BillingAdapter {
  pending: PendingLoad[] = [];

  load(options?: { signal?: AbortSignal }): Promise<BillingSnapshot> {
    return new Promise((resolve, reject) => {
      this.pending.push({ signal: options?.signal, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  async submitPaymentMethod(): Promise<SubmitResult> {
    throw new Error('not used');
  }

  async downloadInvoice(): Promise<Blob> {
    return pdfBlob();
  }
}

/** Mounts `inner` inside a provider with `adapter` and waits for the first load to settle. */
/**
 * How long a test waits for something the page does asynchronously. Long on purpose: on a busy
 * 2-core machine a render can take seconds; no test asserts speed (benchmarks do that).
 */
export const PATIENCE_MS = 60_000;

/** `waitUntil` of @open-wc/testing with {@link PATIENCE_MS} (a shorter `timeout` is raised to it). */
export function waitUntil(predicate: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> {
  return owcWaitUntil(predicate, message, { interval: options.interval ?? 20, timeout: Math.max(options.timeout ?? 0, PATIENCE_MS) });
}

export async function mount<T extends Element = Element>(
  adapter: BillingAdapter,
  inner: TemplateResult,
  selector?: string,
): Promise<{ provider: BillingProvider; element: T }> {
  const provider = await fixture<BillingProvider>(html`<billing-provider .adapter=${adapter}>${inner}</billing-provider>`);
  await waitUntil(() => provider.state.status === 'ready' || provider.state.status === 'error', 'provider did not settle');
  const element = (selector ? provider.querySelector(selector) : provider.firstElementChild) as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  // Elements with lazily loaded parts (the form's rules) show a loading state first.
  await waitUntil(() => !element.shadowRoot?.querySelector('[part="loading"]'), 'element still loading');
  return { provider, element };
}

/** The visible text of an element's shadow root, whitespace folded. */
export function textOf(element: Element): string {
  const root = element.shadowRoot ?? element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What `promise` rejected with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The BillingError `promise` rejected with; fails on anything else. */
export async function billingError(promise: Promise<unknown>): Promise<BillingError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(BillingError);
  return error as BillingError;
}

/** The memory adapter, recording what each submission was sent with. */
export class RecordingAdapter extends MemoryBillingAdapter {
  calls: { submission: PaymentSubmission; idempotencyKey: string }[] = [];

  constructor(options: MemoryBillingAdapterOptions = {}) {
    super(options);
  }

  override submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult> {
    this.calls.push({ submission: structuredClone(submission), idempotencyKey: options.idempotencyKey });
    return super.submitPaymentMethod(submission, options);
  }
}
