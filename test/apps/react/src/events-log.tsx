import type { BillingErrorEvent, BillingUpdateRequestEvent, PaymentMethodUpdatedEvent } from 'billing-elements';

/** What the host received, shown on the page so the test reads it as a user would. */
export function describe(event: BillingUpdateRequestEvent | BillingErrorEvent | PaymentMethodUpdatedEvent): string {
  switch (event.type) {
    case 'billing-update-request':
      return `billing-update-request from ${(event as BillingUpdateRequestEvent).detail.source}`;
    case 'billing-error':
      return `billing-error ${(event as BillingErrorEvent).detail.error.code}`;
    default:
      return `payment-method-updated ${(event as PaymentMethodUpdatedEvent).detail.paymentMethod.last4}`;
  }
}

export function EventsLog({ entries }: { entries: string[] }) {
  return (
    <ul aria-label="Host events">
      {entries.map((entry, index) => (
        <li key={index}>{entry}</li>
      ))}
    </ul>
  );
}
