import { BillingUpdateRequestEvent, type BillingUpdateRequestDetail } from '../events/billing-update-request.js';

/**
 * The Update action shared by banner and modal: fires the cancelable `billing-update-request`
 * and, when nobody cancelled it, goes to `href`. Says what happened: `cancelled` (the host took
 * over), `navigated`, or `unhandled` (not cancelled and no `href`: the element's own default).
 */
export function requestUpdate(
  host: HTMLElement,
  source: BillingUpdateRequestDetail['source'],
  href: string | undefined,
): 'cancelled' | 'navigated' | 'unhandled' {
  const event = new BillingUpdateRequestEvent({ source });
  if (!host.dispatchEvent(event)) return 'cancelled';
  if (!href) return 'unhandled';
  window.location.assign(href);
  return 'navigated';
}
