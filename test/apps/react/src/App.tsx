// The same page through the billing-elements/react wrappers: rendered on the server
// (entry-server.tsx), hydrated in the browser (wrappers.tsx).
import { MemoryBillingAdapter, scenario } from 'billing-elements/adapters.js';
import { BillingForm, BillingProvider, InvoiceHistory, OverdueBanner } from 'billing-elements/react';
import { useState } from 'react';
import { EventsLog, describe } from './events-log.js';

export function App({ adapter }: { adapter?: MemoryBillingAdapter }) {
  const [entries, setEntries] = useState<string[]>([]);
  const add = (entry: string) => setEntries((list) => [...list, entry]);
  return (
    <>
      <BillingProvider
        adapter={adapter}
        onBillingUpdateRequest={(event) => {
          event.preventDefault();
          add(describe(event));
        }}
        onBillingError={(event) => add(describe(event))}
      >
        <OverdueBanner updateHref="/account/billing" supportEmail="billing@example.com" />
        <BillingForm termsHref="/terms" onPaymentMethodUpdated={(event) => add(describe(event))} />
        <InvoiceHistory />
      </BillingProvider>
      <EventsLog entries={entries} />
    </>
  );
}

/** The browser's adapter; the server renders without one (the elements show their loading state). */
export function browserAdapter(): MemoryBillingAdapter {
  return new MemoryBillingAdapter({ ...scenario('outstanding-5'), paymentMethod: null });
}
