export const BILLING_UPDATE_REQUEST = 'billing-update-request';

export interface BillingUpdateRequestDetail {
  /** The tag name of the element whose Update was pressed. */
  source: 'overdue-banner' | 'suspension-modal';
}

/**
 * Fired when the viewer presses Update. Cancel it (`preventDefault()`) to handle the update in
 * the host (open your own dialog, route in a single-page app); otherwise the element goes to
 * its `update-href`.
 */
export class BillingUpdateRequestEvent extends Event {
  readonly detail: BillingUpdateRequestDetail;

  constructor(detail: BillingUpdateRequestDetail) {
    super(BILLING_UPDATE_REQUEST, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [BILLING_UPDATE_REQUEST]: BillingUpdateRequestEvent;
  }
}
