import type { BillingError } from '../domain/errors.js';

export const BILLING_ERROR = 'billing-error';

export interface BillingErrorDetail {
  error: BillingError;
}

/** Fired by any element (and the provider) when a billing call fails. */
export class BillingErrorEvent extends Event {
  readonly detail: BillingErrorDetail;

  constructor(detail: BillingErrorDetail) {
    super(BILLING_ERROR, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [BILLING_ERROR]: BillingErrorEvent;
  }
}
