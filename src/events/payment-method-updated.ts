import type { Money, PaymentMethod } from '../domain/types.js';

export const PAYMENT_METHOD_UPDATED = 'payment-method-updated';

export interface PaymentMethodUpdatedDetail {
  /** The account's payment method now (brand, last 4, expiry, status; never the number). */
  paymentMethod: PaymentMethod;
  /** What submitting the card charged, when anything was outstanding. */
  charged?: Money;
}

/** Fired once the billing system accepted a new payment method. */
export class PaymentMethodUpdatedEvent extends Event {
  readonly detail: PaymentMethodUpdatedDetail;

  constructor(detail: PaymentMethodUpdatedDetail) {
    super(PAYMENT_METHOD_UPDATED, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [PAYMENT_METHOD_UPDATED]: PaymentMethodUpdatedEvent;
  }
}
