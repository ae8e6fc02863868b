export const PAYMENT_METHOD_SUBMIT = 'payment-method-submit';

export interface PaymentMethodSubmitDetail {
  /** The key the submission is sent with; a retry of the same data reuses it. */
  idempotencyKey: string;
}

/** Fired when the form sends a payment method. Carries no card data, by design. */
export class PaymentMethodSubmitEvent extends Event {
  readonly detail: PaymentMethodSubmitDetail;

  constructor(detail: PaymentMethodSubmitDetail) {
    super(PAYMENT_METHOD_SUBMIT, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [PAYMENT_METHOD_SUBMIT]: PaymentMethodSubmitEvent;
  }
}
