/**
 * Reflow (WCAG 1.4.10, issue 9 item 2): at a 320 CSS px viewport — what 1280 px at 400 % zoom
 * gives — no element makes the page scroll sideways, and the invoice table is a stacked list
 * that labels every value.
 */
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { fillForm } from '../src/components/billing-form/billing-form.harness.js';
import type { BillingForm } from '../src/components/billing-form/billing-form.js';
import type { InvoiceHistory } from '../src/components/invoice-history/invoice-history.js';
import type { OverdueBanner } from '../src/components/overdue-banner/overdue-banner.js';
import type { SuspensionModal } from '../src/components/suspension-modal/suspension-modal.js';
import { StaticAdapter, invoice, mount, snapshot, textOf, waitUntil } from './helpers.js';
import '../src/billing-form.js';
import '../src/invoice-history.js';
import '../src/overdue-banner.js';
import '../src/suspension-modal.js';

const COLUMNS = ['Invoice Number', 'Due Date', 'Status', 'Amount Billed', 'Amount Paid', 'Amount Owed'];

/** Long values on purpose: the widest invoice numbers, amounts and statuses a row can hold. */
const invoices = () => [
  invoice({ daysPastDue: 40, number: 'ACME-2025060100042', billed: 123456789, paid: 23456789 }),
  invoice({ daysPastDue: 10, number: 'ACME-2025070100043', billed: 9900 }),
  invoice({ daysPastDue: 70, number: 'ACME-2025050100041', billed: 10000, paid: 10000 }),
];

/** How far the page scrolls sideways (0 when it reflows). */
function horizontalOverflow(): number {
  const root = document.documentElement;
  return root.scrollWidth - root.clientWidth;
}

function isShown(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && box.width > 1 && box.height > 1;
}

describe('reflow at a 320 px viewport (1280 px at 400 % zoom)', () => {
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('<invoice-history> stacks its rows, labels every value and does not scroll the page sideways', async () => {
    const { element } = await mount<InvoiceHistory>(new StaticAdapter(snapshot({ invoices: invoices() })), html`<invoice-history></invoice-history>`);
    await waitUntil(() => element.shadowRoot!.querySelectorAll('tbody tr').length === 3, 'three rows');
    expect(horizontalOverflow()).to.equal(0);
    const table = element.shadowRoot!.querySelector('table')!;
    // Nothing inside the element is cut off or scrolled either: every row fits its width.
    const scroller = table.parentElement!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    for (const row of element.shadowRoot!.querySelectorAll('tbody tr')) {
      const cells = [...row.querySelectorAll('th, td')];
      const labels = cells.slice(0, 6).map((cell) => cell.querySelector('.cell-label')!);
      expect(labels.map((label) => textOf(label))).to.deep.equal(COLUMNS);
      for (const label of labels) {
        expect(isShown(label), `${textOf(label)} is visible`).to.be.true;
        // Next to its value: on the same line, or right above it when both don't fit one line.
        const value = label.nextElementSibling!;
        expect(isShown(value)).to.be.true;
        const [a, b] = [label.getBoundingClientRect(), value.getBoundingClientRect()];
        const sameLine = Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) < 12;
        const justAbove = a.bottom <= b.top + 1 && b.top - a.bottom < 12;
        expect(sameLine || justAbove, `${textOf(label)} next to its value`).to.be.true;
      }
      const download = row.querySelector('button')!;
      const box = download.getBoundingClientRect();
      expect(box.right).to.be.at.most(320);
      expect(box.left).to.be.at.least(0);
    }
    // The visually hidden header and caption stay inside the element.
    const host = element.getBoundingClientRect();
    for (const hidden of element.shadowRoot!.querySelectorAll('.visually-hidden, thead')) {
      const box = hidden.getBoundingClientRect();
      expect(box.right, 'hidden text stays inside').to.be.at.most(host.right + 1);
    }
    // Still a table to assistive technology, and still clean for axe.
    expect(table.getAttribute('role')).to.equal('table');
    expect(element.shadowRoot!.querySelectorAll('tbody [role="row"]')).to.have.length(3);
    expect(element.shadowRoot!.querySelectorAll('tbody [role="cell"]')).to.have.length(18);
    expect(element.shadowRoot!.querySelectorAll('thead [role="columnheader"]')).to.have.length(7);
    await expect(element).to.be.accessible();
  });

  it('<invoice-history> shows the table with column headers, no cell labels, where it has room', async () => {
    await setViewport({ width: 1280, height: 800 });
    try {
      const { element } = await mount<InvoiceHistory>(new StaticAdapter(snapshot({ invoices: invoices() })), html`<invoice-history></invoice-history>`);
      await waitUntil(() => element.shadowRoot!.querySelectorAll('tbody tr').length === 3, 'three rows');
      const headers = [...element.shadowRoot!.querySelectorAll('thead th')].slice(0, 6);
      expect(headers.every((header) => isShown(header))).to.be.true;
      expect([...element.shadowRoot!.querySelectorAll('.cell-label')].some((label) => isShown(label))).to.be.false;
      expect(horizontalOverflow()).to.equal(0);
    } finally {
      await setViewport({ width: 320, height: 640 });
    }
  });

  it('<overdue-banner> wraps its text and button', async () => {
    const { element } = await mount<OverdueBanner>(
      new StaticAdapter(snapshot({ invoices: [invoice({ daysPastDue: 35, billed: 123456789 })] })),
      html`<overdue-banner update-href="/account/billing" support-email="accounts-payable.billing-team@example-enterprise.com"></overdue-banner>`,
    );
    expect(element.level).to.equal('overdue');
    expect(horizontalOverflow()).to.equal(0);
    const button = element.shadowRoot!.querySelector('[part="action"]')!.getBoundingClientRect();
    expect(button.right).to.be.at.most(320);
  });

  it('<billing-form>, filled in (region and postal code shown), fits', async () => {
    const { element } = await mount<BillingForm>(new StaticAdapter(snapshot()), html`<billing-form terms-href="/terms"></billing-form>`);
    await waitUntil(() => element.shadowRoot!.querySelector('input'), 'the form renders its fields');
    await fillForm(element);
    expect(horizontalOverflow()).to.equal(0);
    for (const input of element.shadowRoot!.querySelectorAll('input, select, button')) {
      const box = input.getBoundingClientRect();
      expect(box.right, `${input.id || input.textContent} inside the viewport`).to.be.at.most(320);
    }
  });

  it('<suspension-modal> fits its dialog and the card form inside it', async () => {
    const { element } = await mount<SuspensionModal>(
      new StaticAdapter(snapshot({ invoices: [invoice({ daysPastDue: 50, billed: 123456789 })] })),
      html`<suspension-modal support-email="billing@example.com"></suspension-modal>`,
    );
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the dialog opens');
    // Whatever the dialog holds (its card form, once it loads and is shown) fits its width.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(horizontalOverflow()).to.equal(0);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    const box = dialog.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(320);
  });
});
