// Native tags with createRoot, importing only the tag entries the page uses (no provider import):
// each entry defines <billing-provider> first, so React sets `adapter` as a property.
import type {} from 'billing-elements/jsx';
import 'billing-elements/overdue-banner.js';
import 'billing-elements/billing-form.js';
import 'billing-elements/invoice-history.js';
import { MemoryBillingAdapter, scenario } from 'billing-elements/adapters.js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EventsLog, describe } from './events-log.js';

const adapter = new MemoryBillingAdapter({ ...scenario('outstanding-5'), paymentMethod: null });

function App() {
  const [entries, setEntries] = useState<string[]>([]);
  const add = (entry: string) => setEntries((list) => [...list, entry]);
  return (
    <>
      <billing-provider
        adapter={adapter}
        onbilling-update-request={(event) => {
          event.preventDefault();
          add(describe(event));
        }}
        onbilling-error={(event) => add(describe(event))}
        onpayment-method-updated={(event) => add(describe(event))}
      >
        <overdue-banner update-href="/account/billing" support-email="billing@example.com" />
        <billing-form terms-href="/terms" />
        <invoice-history />
      </billing-provider>
      <EventsLog entries={entries} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
