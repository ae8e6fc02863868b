/**
 * The billing adapter: the one interface between the elements and a billing backend
 * (MemoryBillingAdapter, HttpBillingAdapter, or any a host writes). It lives with the
 * adapters, not in the domain, because it speaks the browser's types (`Blob`, `HTMLElement`).
 */
import type { BillingSnapshot, PaymentSubmission, SubmitResult, TokenizedCard } from '../domain/types.js';

/** What `mountCardFields` resolves to: processor-hosted card inputs living in `container`. */
export interface CardFields {
  /** Tokenizes what the user typed in the hosted fields. */
  tokenize(): Promise<TokenizedCard>;
  /** Whether the hosted fields currently hold a complete, valid card. */
  isComplete?(): boolean;
  /**
   * Called whenever what the hosted fields hold changes (at least whenever their completeness
   * changes), with whether they hold a complete, valid card. The form then stops reusing the
   * token of a failed attempt.
   */
  onChange?(listener: (complete: boolean) => void): void;
  /** Removes the hosted fields. */
  destroy?(): void;
}

export interface BillingAdapter {
  /** Everything the elements show, in one call. */
  load(options?: { signal?: AbortSignal }): Promise<BillingSnapshot>;
  /** Replaces the payment method (there is no delete) and charges the outstanding balance. */
  submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult>;
  /** The invoice as a PDF (type application/pdf). */
  downloadInvoice(invoiceId: string, options?: { signal?: AbortSignal }): Promise<Blob>;
  /** Optional: processor-hosted card fields (keeps raw card data out of the host page). */
  mountCardFields?(container: HTMLElement): Promise<CardFields>;
}

