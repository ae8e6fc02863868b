import { BillingUpdateRequestEvent, type BillingUpdateRequestDetail } from '../events/billing-update-request.js';

/**
 * The Update action shared by banner and modal: fires the cancelable `billing-update-request`
 * and, when nobody cancelled it, goes to `href`. Returns whether it navigated.
 */
export function requestUpdate(host: HTMLElement, source: BillingUpdateRequestDetail['source'], href: string | undefined): boolean {
  const event = new BillingUpdateRequestEvent({ source });
  const proceed = host.dispatchEvent(event);
  if (!proceed || !href) return false;
  window.location.assign(href);
  return true;
}
