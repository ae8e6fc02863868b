/**
 * The invoice history fits its width in every language (issue 8): at 900, 400 and 320 CSS px, in
 * en, de, ja and ar, no column is cut off, the table's own box does not scroll sideways and the page
 * does not either. Japanese and Arabic have the longest Download button and amounts ("‏1,234,567.89
 * US$"); the widest invoice numbers and amounts are used on purpose.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { BillingProvider } from '../src/components/billing-provider/billing-provider.js';
import type { InvoiceHistory } from '../src/components/invoice-history/invoice-history.js';
import { StaticAdapter, invoice, snapshot, waitUntil } from './helpers.js';
import '../src/invoice-history.js';

const invoices = () => [
  invoice({ daysPastDue: 40, number: 'ACME-2025060100042', billed: 123456789, paid: 23456789 }),
  invoice({ daysPastDue: 10, number: 'ACME-2025070100043', billed: 9900 }),
  invoice({ daysPastDue: 70, number: 'ACME-2025050100041', billed: 10000, paid: 10000 }),
];

async function history(locale: string) {
  const provider = await fixture<BillingProvider>(
    html`<billing-provider locale=${locale} .adapter=${new StaticAdapter(snapshot({ invoices: invoices() }))}><invoice-history></invoice-history></billing-provider>`,
  );
  const element = provider.querySelector<InvoiceHistory>('invoice-history')!;
  await waitUntil(
    () => element.shadowRoot?.firstElementChild?.getAttribute('lang') === locale && element.shadowRoot.querySelectorAll('tbody tr').length === 3,
    `history not shown in ${locale}`,
  );
  // Layout settles (container queries, adopted styles) before anything is measured.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return element;
}

describe('<invoice-history> fits its width in every language', () => {
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('ar: re-fits when the width changes after it rendered (a table when wide, stacked when not)', async () => {
    await setViewport({ width: 1400, height: 800 });
    const element = await history('ar');
    const scroller = element.shadowRoot!.querySelector('table')!.parentElement!;
    // Stacked, each value shows its column's label beside it; as a table, the column headers do.
    const headerShown = () => getComputedStyle(element.shadowRoot!.querySelector('.cell-label')!).display === 'none';
    expect(headerShown(), 'a table at 1400 px').to.equal(true);
    await setViewport({ width: 900, height: 800 });
    await waitUntil(() => !headerShown(), 'not stacked at 900 px');
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    await setViewport({ width: 1400, height: 800 });
    await waitUntil(() => headerShown(), 'not a table again at 1400 px');
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
  });

  for (const width of [900, 400, 320]) {
    for (const locale of ['en', 'de', 'ja', 'ar']) {
      it(`${locale} at ${width} px: no column cut off, no sideways scroll`, async () => {
        await setViewport({ width, height: 800 });
        const element = await history(locale);
        const root = document.documentElement;
        expect(root.scrollWidth - root.clientWidth, 'the page scrolls sideways').to.equal(0);
        const scroller = element.shadowRoot!.querySelector('table')!.parentElement!;
        expect(scroller.scrollWidth, "the table's box scrolls sideways").to.be.at.most(scroller.clientWidth);
        const box = element.getBoundingClientRect();
        expect(box.right).to.be.at.most(width);
        // Every cell (the Download buttons included) lies wholly inside the element.
        for (const cell of element.shadowRoot!.querySelectorAll('tbody th, tbody td, tbody button')) {
          const rect = cell.getBoundingClientRect();
          expect(rect.left, `${cell.textContent!.trim()} starts inside`).to.be.at.least(box.left - 0.5);
          expect(rect.right, `${cell.textContent!.trim()} ends inside`).to.be.at.most(box.right + 0.5);
        }
        // Nothing inside a cell spills out of it either (a value wider than its column).
        for (const value of element.shadowRoot!.querySelectorAll('tbody bdi, tbody button')) {
          const cell = value.closest('th, td')!.getBoundingClientRect();
          const rect = value.getBoundingClientRect();
          expect(rect.left, `${value.textContent!.trim()} inside its cell`).to.be.at.least(cell.left - 0.5);
          expect(rect.right, `${value.textContent!.trim()} inside its cell`).to.be.at.most(cell.right + 0.5);
        }
        // Still a table to assistive technology, whichever layout the width chose.
        expect(element.shadowRoot!.querySelector('table')!.getAttribute('role')).to.equal('table');
        expect(element.shadowRoot!.querySelectorAll('tbody [role="row"]')).to.have.length(3);
      });
    }
  }
});
