// Type tests: every line below the @ts-expect-error comments is a mistake a host can make. `tsc`
// fails if one of them stops being an error (an unused @ts-expect-error is itself an error).
import type { InvoiceDownloadEvent, PaymentMethodUpdatedEvent } from 'billing-elements';
import type {} from 'billing-elements/jsx';
import { BillingForm, BillingProvider, OverdueBanner } from 'billing-elements/react';

const onUpdated = (event: PaymentMethodUpdatedEvent) => event.detail.paymentMethod.last4;
const onDownload = (event: InvoiceDownloadEvent) => event.detail.invoiceId;

export const nativeTags = (
  <>
    {/* Correct use type-checks. */}
    <billing-form terms-href="/terms" expanded onpayment-method-updated={onUpdated} />
    <overdue-banner level="overdue" update-href="/account/billing" />
    {/* @ts-expect-error wrong prop type: adapter is a BillingAdapter */}
    <billing-provider adapter="oops" />
    {/* @ts-expect-error unknown enum value for level */}
    <overdue-banner level="very-late" />
    {/* @ts-expect-error handler of the wrong event type */}
    <billing-form onpayment-method-updated={onDownload} />
    {/* @ts-expect-error refresh-interval is a number */}
    <billing-provider refreshInterval="soon" />
  </>
);

export const wrappers = (
  <>
    <BillingForm termsHref="/terms" onPaymentMethodUpdated={onUpdated} />
    {/* @ts-expect-error wrong prop type: adapter is a BillingAdapter */}
    <BillingProvider adapter="oops" />
    {/* @ts-expect-error unknown enum value for level */}
    <OverdueBanner level="very-late" />
    {/* @ts-expect-error handler of the wrong event type */}
    <BillingForm onPaymentMethodUpdated={onDownload} />
  </>
);
