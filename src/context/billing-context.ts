import { createContext } from '@lit/context';
import type { BillingError } from '../domain/errors.js';
import type { DunningState } from '../domain/dunning.js';
import type { BillingSnapshot, PaymentSubmission, SubmitResult } from '../domain/types.js';
import type { CardFields } from '../adapters/adapter.js';

/** Where the provider is in loading its snapshot. */
export type BillingStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * What every element inside a `<billing-provider>` reads. A new object on every change
 * (context notices changes by identity), never mutated in place.
 */
export interface BillingState {
  /** `idle` until the provider has an adapter. */
  readonly status: BillingStatus;
  /** The last snapshot that passed validation; kept while a refresh is under way or failed. */
  readonly snapshot: BillingSnapshot | null;
  /** The last load error, if the last load failed. */
  readonly error: BillingError | null;
  /** True while a (re)load is in flight. */
  readonly loading: boolean;
  /** Dunning state derived from the snapshot (null without one). */
  readonly dunning: DunningState | null;
  /** "Today" for every date rule: the snapshot's `now` when given, else the browser's (UTC date). */
  readonly today: string;
  /** The locale used to format money and dates. */
  readonly locale: string;
  /** Whether the adapter offers processor-hosted card fields. */
  readonly hostedCardFields: boolean;
}

/** What elements may ask the provider to do. Elements never reach the adapter directly. */
export interface BillingActions {
  refresh(): Promise<void>;
  submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult>;
  downloadInvoice(invoiceId: string, options?: { signal?: AbortSignal }): Promise<Blob>;
  mountCardFields(container: HTMLElement): Promise<CardFields>;
}

export interface BillingContextValue {
  readonly state: BillingState;
  readonly actions: BillingActions;
}

export const billingContext = createContext<BillingContextValue>(Symbol.for('billing-elements/billing'));

// No ContextRoot: every entry defines <billing-provider> before any element that needs it (a tag entry
// imports the provider's entry first), so a provider is always upgraded, and listening, before its
// consumers connect.
