import { expect, html, oneEvent } from '@open-wc/testing';
import { StaticAdapter, invoice, mount, pdfBlob, snapshot, textOf, waitUntil } from '../../../test/helpers.js';
import { sharedBehaviour } from '../../../test/shared-behaviour.js';
import type { BillingProvider } from '../billing-provider/billing-provider.js';
import type { InvoiceHistory } from './invoice-history.js';
import '../../invoice-history.js';

async function history(data: unknown, adapter = new StaticAdapter(data)) {
  const mounted = await mount<InvoiceHistory>(adapter, html`<invoice-history></invoice-history>`);
  return { ...mounted, adapter };
}

/** A cell's value, without the column label it carries for the stacked layout. */
function cellValue(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.cell-label').forEach((label) => label.remove());
  return textOf(copy);
}

function rows(element: InvoiceHistory): string[][] {
  return [...element.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cellValue(cell)),
  );
}

function downloadButton(element: InvoiceHistory, number: string): HTMLButtonElement {
  const button = element.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="Download Invoice ${number}"]`);
  if (!button) throw new Error(`no download button for ${number}`);
  return button;
}

/** Catches the `<a download>` the element clicks, reads the file it would save, and stops the real download. */
function catchSave(): Promise<{ name: string; bytes: Uint8Array }> {
  return new Promise((resolve) => {
    const onClick = async (event: MouseEvent) => {
      const link = event.composedPath()[0];
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
      const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
      resolve({ name: link.download, bytes });
    };
    document.addEventListener('click', onClick, true);
  });
}

const threeInvoices = () => [
  invoice({ daysPastDue: 70, number: 'INV-1001', billed: 10000, paid: 10000, finalizedAt: '2025-03-22' }),
  invoice({ daysPastDue: 40, number: 'INV-1002', billed: 12550, paid: 5000, finalizedAt: '2025-04-21' }),
  invoice({ daysPastDue: 10, number: 'INV-1003', billed: 9900, finalizedAt: '2025-05-21' }),
];

describe('<invoice-history>', () => {
  it('is accessible', async () => {
    const { element } = await history(snapshot({ invoices: threeInvoices() }));
    await expect(element).to.be.accessible();
  });

  it('shows the contract columns and one row per invoice, newest first', async () => {
    const { element } = await history(snapshot({ invoices: threeInvoices() }));
    const headers = [...element.shadowRoot!.querySelectorAll('thead th')].map((th) => textOf(th));
    expect(headers.slice(0, 6)).to.deep.equal([
      'Invoice Number',
      'Due Date',
      'Status',
      'Amount Billed',
      'Amount Paid',
      'Amount Owed',
    ]);
    expect(rows(element).map((r) => r.slice(0, 6))).to.deep.equal([
      ['INV-1003', 'Jun 5, 2025', 'Open', '$99.00', '$0.00', '$99.00'],
      ['INV-1002', 'May 6, 2025', 'Partially Paid', '$125.50', '$50.00', '$75.50'],
      ['INV-1001', 'Apr 6, 2025', 'Paid in Full', '$100.00', '$100.00', '$0.00'],
    ]);
    expect(element.shadowRoot!.querySelector('table')!.getAttribute('part')).to.equal('table');
  });

  it('lists at most the 12 most recent invoices since 2022 and says where older ones are', async () => {
    const invoices = [
      invoice({ daysPastDue: 1400, number: 'OLD-1', paid: 12000, finalizedAt: '2021-11-01' }),
      invoice({ daysPastDue: 1370, number: 'OLD-2', paid: 12000, finalizedAt: '2021-12-01' }),
      ...Array.from({ length: 13 }, (_, i) =>
        invoice({ daysPastDue: 400 - i * 30, number: `N-${i + 1}`, paid: 12000, finalizedAt: `2024-${String((i % 12) + 1).padStart(2, '0')}-01` }),
      ),
    ];
    invoices[invoices.length - 1]!.finalizedAt = '2025-01-15';
    const { element } = await history(snapshot({ invoices }));
    const numbers = rows(element).map((r) => r[0]);
    expect(numbers).to.have.length(12);
    expect(numbers[0]).to.equal('N-13');
    expect(numbers).to.not.include('OLD-1');
    expect(numbers).to.not.include('OLD-2');
    expect(textOf(element.shadowRoot!.querySelector('[part="older-note"]')!)).to.contain('contact your account manager');
  });

  it('shows an empty state without invoices', async () => {
    const { element } = await history(snapshot());
    expect(element.shadowRoot!.querySelector('table')).to.be.null;
    expect(textOf(element)).to.equal('No invoices yet.');
  });

  it('downloads the PDF and saves it as invoice-<number>.pdf', async () => {
    const { element, adapter } = await history(snapshot({ invoices: threeInvoices() }));
    const saved = catchSave();
    setTimeout(() => downloadButton(element, 'INV-1002').click());
    const event = await oneEvent(element, 'invoice-download');
    expect(event.detail).to.deep.equal({ invoiceId: adapter.data && (adapter.data as ReturnType<typeof snapshot>).invoices[1]!.id });
    const file = await saved;
    expect(file.name).to.equal('invoice-INV-1002.pdf');
    expect(new TextDecoder().decode(file.bytes.slice(0, 5))).to.equal('%PDF-');
  });

  it('saves a real PDF from the memory adapter', async () => {
    const { MemoryBillingAdapter } = await import('../../adapters/memory-adapter.js');
    const { scenario } = await import('../../adapters/scenarios.js');
    const adapter = new MemoryBillingAdapter(scenario('overdue-35', '2025-06-15'));
    const { element } = await mount<InvoiceHistory>(adapter, html`<invoice-history></invoice-history>`);
    const first = element.shadowRoot!.querySelector<HTMLButtonElement>('button[part="download"]')!;
    const number = first.getAttribute('aria-label')!.replace('Download Invoice ', '');
    const saved = catchSave();
    first.click();
    const file = await saved;
    expect(file.name).to.equal(`invoice-${number}.pdf`);
    expect(new TextDecoder().decode(file.bytes.slice(0, 5))).to.equal('%PDF-');
    expect(file.bytes.length).to.be.greaterThan(1000);
  });

  it('shows a busy state on the row while the PDF is fetched, and ignores a second press', async () => {
    const adapter = new StaticAdapter(snapshot({ invoices: threeInvoices() }));
    let release!: () => void;
    adapter.downloadResult = () => new Promise<Blob>((resolve) => (release = () => resolve(pdfBlob())));
    const { element } = await history(null, adapter);
    const saved = catchSave();
    const button = downloadButton(element, 'INV-1003');
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    // The button keeps its name and text (WCAG 2.5.3); the row's status line says what happens.
    expect(textOf(button)).to.equal('Download Invoice');
    const status = button.parentElement!.querySelector('[role="status"]')!;
    expect(textOf(status)).to.equal('Downloading…');
    expect(button.getAttribute('aria-label')).to.equal('Download Invoice INV-1003');
    await expect(element).to.be.accessible();
    // axe leaves this WCAG 2.5.3 rule out by default (experimental): run it on its own.
    const { axe } = window as unknown as { axe: { run(node: Element, options: object): Promise<{ violations: unknown[]; passes: { id: string }[] }> } };
    const result = await axe.run(element, { runOnly: ['label-content-name-mismatch'] });
    expect(result.violations).to.deep.equal([]);
    expect(result.passes.map((rule) => rule.id)).to.include('label-content-name-mismatch');
    button.click();
    expect(adapter.downloads).to.have.length(1);
    release();
    await saved;
    await waitUntil(() => button.getAttribute('aria-disabled') === 'false', undefined);
    expect(textOf(button)).to.equal('Download Invoice');
    expect(textOf(status)).to.equal('');
  });

  it('shows an error on the row and fires billing-error when the download fails', async () => {
    const adapter = new StaticAdapter(snapshot({ invoices: threeInvoices() }));
    const { BillingError } = await import('../../domain/errors.js');
    adapter.downloadResult = () => Promise.reject(new BillingError('network', 'The billing service could not be reached.'));
    const { element } = await history(null, adapter);
    setTimeout(() => downloadButton(element, 'INV-1001').click());
    const event = await oneEvent(element, 'billing-error');
    expect(event.detail.error.code).to.equal('network');
    await element.updateComplete;
    const alert = element.shadowRoot!.querySelector('.row-error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.equal("The invoice couldn't be downloaded. Try again.");
    expect(downloadButton(element, 'INV-1001').getAttribute('aria-describedby')).to.equal(alert.id);
  });

  it('lets the host take over a download by cancelling invoice-download', async () => {
    const { element, adapter } = await history(snapshot({ invoices: threeInvoices() }));
    element.addEventListener('invoice-download', (event) => event.preventDefault(), { once: true });
    downloadButton(element, 'INV-1003').click();
    await element.updateComplete;
    expect(adapter.downloads).to.deep.equal([]);
  });

  it('shows a viewer without the billing role only the no-permission message', async () => {
    const { element } = await history(snapshot({ canManageBilling: false, invoices: threeInvoices() }));
    expect(textOf(element)).to.equal("You don't have permission to see payment information");
    expect(element.shadowRoot!.querySelector('table')).to.be.null;
  });

  it('shows loading, then the table', async () => {
    const { ControlledAdapter } = await import('../../../test/helpers.js');
    const adapter = new ControlledAdapter();
    const { fixture } = await import('@open-wc/testing');
    const provider = await fixture(html`<billing-provider .adapter=${adapter}><invoice-history></invoice-history></billing-provider>`);
    const element = provider.querySelector('invoice-history')!;
    await element.updateComplete;
    expect(textOf(element.shadowRoot!.querySelector('[role="status"]')!)).to.equal('Loading billing information…');
    adapter.pending[0]!.resolve(snapshot({ invoices: threeInvoices() }));
    await waitUntil(() => element.shadowRoot!.querySelector('table'), undefined);
  });

  it('shows the 12 newest of 100,000 invoices and the dunning level of all of them', async function () {
    this.timeout(120_000); // building and validating 100,000 invoices on a busy machine
    // One invoice per hour back from 2025-06-01, all paid but two: the oldest of those is 40 days past due.
    const base = Date.UTC(2025, 5, 1);
    const invoices = Array.from({ length: 100_000 }, (_, i) => {
      const owed = i === 99_000 || i === 99_500 ? 500 : 0;
      return {
        id: `in_${i}`,
        number: `INV-${String(100_000 - i).padStart(6, '0')}`,
        finalizedAt: new Date(base - i * 3_600_000).toISOString(),
        dueDate: owed ? (i === 99_000 ? '2025-05-06' : '2025-06-01') : '2014-01-01',
        status: owed ? ('partially_paid' as const) : ('paid' as const),
        currency: 'USD',
        amountBilled: 1500,
        amountPaid: 1500 - owed,
        amountOwed: owed,
      };
    });
    // Shuffled, so the newest are not simply the first ones.
    for (let i = invoices.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [invoices[i], invoices[j]] = [invoices[j]!, invoices[i]!];
    }
    const data = snapshot({ invoices });
    const adapter = { load: async () => data, submitPaymentMethod: async () => ({ snapshot: data }), downloadInvoice: async () => pdfBlob() };
    const { fixture } = await import('@open-wc/testing');
    await import('../../overdue-banner.js');
    const provider = await fixture(
      html`<billing-provider .adapter=${adapter}><overdue-banner></overdue-banner><invoice-history></invoice-history></billing-provider>`,
    );
    const element = provider.querySelector('invoice-history')!;
    const banner = provider.querySelector('overdue-banner')!;
    await waitUntil(() => element.shadowRoot!.querySelectorAll('tbody tr').length === 12, '12 rows', { timeout: 60_000, interval: 100 });
    expect(rows(element).map((row) => row[0])).to.deep.equal(
      Array.from({ length: 12 }, (_, i) => `INV-${String(100_000 - i).padStart(6, '0')}`),
    );
    expect(element.shadowRoot!.querySelector('[part="older-note"]')).to.exist;
    await waitUntil(() => banner.level !== 'none', 'banner level');
    // The banner's texts arrive with its view (loaded when it connected): updateComplete waits for it.
    await banner.updateComplete;
    expect(banner.level).to.equal('overdue');
    expect(textOf(banner)).to.contain('Your account is overdue');
    // Both outstanding invoices count: $5.00 each.
    expect(textOf(banner)).to.contain('$10.00 has been past due for 40 days');
    expect((provider as BillingProvider).state.dunning!.outstandingCount).to.equal(2);
  });
});

sharedBehaviour('invoice-history');
