import { html, nothing, type ReactiveController } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingContextValue } from '../../context/billing-context.js';
import { formatDate } from '../../domain/dates.js';
import { toBillingError, type BillingError } from '../../domain/errors.js';
import { listInvoices } from '../../domain/invoices.js';
import { formatMoney } from '../../domain/money.js';
import type { Invoice, InvoiceStatus } from '../../domain/types.js';
import { BillingErrorEvent } from '../../events/billing-error.js';
import { InvoiceDownloadEvent } from '../../events/invoice-download.js';
import { msg } from '../../i18n/index.js';
import type { InvoiceHistory } from './invoice-history.js';
import { viewStyles } from '../../internal/view.styles.js';
import { styles as ownStyles } from './invoice-history.view.styles.js';

/** What the view adopts when it arrives: the views' shared rules, then its own. */
export const styles = [viewStyles, ownStyles];

function statusLabel(status: InvoiceStatus): string {
  switch (status) {
    case 'paid':
      return msg('Paid in Full', { id: 'billing.invoice.paid' });
    case 'partially_paid':
      return msg('Partially Paid', { id: 'billing.invoice.partiallyPaid' });
    default:
      return msg('Open', { id: 'billing.invoice.open' });
  }
}

/** Saves a Blob under a file name through a temporary `<a download>`. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The history itself (loaded by `<invoice-history>` when it connects): the listing, the table and
 * its rows, and the downloads with their busy and error state per row.
 */
export class View implements ReactiveController {
  /** Invoice ids whose PDF is being fetched. */
  #busy = new Set<string>();
  /** The last download error per invoice id. */
  #errors = new Map<string, BillingError>();
  #controllers = new Map<string, AbortController>();

  /** Watches the element's width (the table stacks when its columns don't fit; see #fit). */
  #resize?: ResizeObserver;
  #width = -1;
  #frame = 0;

  constructor(private readonly host: InvoiceHistory) {}

  hostConnected(): void {
    this.#resize ??= new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (width === this.#width) return;
      this.#width = width;
      // Next frame: changing the layout inside the observer's callback would notify it again.
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#fit());
    });
    this.#resize.observe(this.host);
  }

  hostDisconnected(): void {
    for (const controller of this.#controllers.values()) controller.abort();
    this.#controllers.clear();
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#width = -1;
  }

  hostUpdated(): void {
    this.#fit();
  }

  /**
   * Stacks the table (class `stacked`, the layout the container query gives below 44rem) when its
   * columns don't fit the element's width as a table, whatever the width: the longest language,
   * amounts and invoice numbers decide, never a cut-off Download column or a sideways scroll.
   * Measured synchronously, so no frame shows the overflowing table.
   */
  #fit(): void {
    const scroller = this.host.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    scroller.classList.remove('stacked');
    scroller.classList.toggle('stacked', scroller.scrollWidth > scroller.clientWidth);
  }

  /** Downloads one invoice's PDF (what the row's button does). */
  async download(billing: BillingContextValue | undefined, invoice: Invoice): Promise<void> {
    const { host } = this;
    if (!billing || this.#busy.has(invoice.id)) return;
    if (!host.dispatchEvent(new InvoiceDownloadEvent({ invoiceId: invoice.id }))) return;
    const controller = new AbortController();
    this.#controllers.set(invoice.id, controller);
    this.#busy.add(invoice.id);
    this.#errors.delete(invoice.id);
    host.requestUpdate();
    try {
      const blob = await billing.actions.downloadInvoice(invoice.id, { signal: controller.signal });
      saveBlob(blob, `invoice-${invoice.number}.pdf`);
    } catch (error) {
      if (controller.signal.aborted) return;
      const billingError = toBillingError(error);
      this.#errors.set(invoice.id, billingError);
      host.dispatchEvent(new BillingErrorEvent({ error: billingError }));
    } finally {
      this.#controllers.delete(invoice.id);
      this.#busy.delete(invoice.id);
      host.requestUpdate();
    }
  }

  #renderRow(billing: BillingContextValue, locale: string, invoice: Invoice, index: number, labels: readonly string[]) {
    const money = (amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);
    const busy = this.#busy.has(invoice.id);
    const error = this.#errors.get(invoice.id);
    // Each cell carries its column's label, shown only when the table is stacked (narrow). Values
    // (number, date, amounts) are <bdi>: their own direction, whatever the cell's (right to left in ar, he).
    const label = (column: number) => html`<span class="cell-label" aria-hidden="true">${labels[column]}</span>`;
    return html`
      <tr role="row">
        <th role="rowheader" scope="row">${label(0)}<bdi>${invoice.number}</bdi></th>
        <td role="cell">${label(1)}<bdi>${formatDate(invoice.dueDate, locale)}</bdi></td>
        <td role="cell">${label(2)}<span part="status" class="badge status--${invoice.status}">${statusLabel(invoice.status)}</span></td>
        <td role="cell" class="amount">${label(3)}<bdi>${money(invoice.amountBilled)}</bdi></td>
        <td role="cell" class="amount">${label(4)}<bdi>${money(invoice.amountPaid)}</bdi></td>
        <td role="cell" class="amount">${label(5)}<bdi>${money(invoice.amountOwed)}</bdi></td>
        <td role="cell" class="download">
          <button
            part="download"
            class="button button--secondary"
            type="button"
            aria-label=${msg('Download Invoice {number}', { id: 'billing.invoice.downloadNamed', args: { number: invoice.number } })}
            aria-disabled=${busy ? 'true' : 'false'}
            aria-describedby=${error ? `download-error-${index}` : nothing}
            @click=${() => void this.download(billing, invoice)}
          >
            ${msg('Download Invoice', { id: 'billing.invoice.download' })}
          </button>
          <span class="busy" role="status">${busy ? msg('Downloading…', { id: 'billing.invoice.downloading' }) : nothing}</span>
          ${error
            ? html`<p class="row-error" id=${`download-error-${index}`} role="alert">
                ${msg("The invoice couldn't be downloaded. Try again.", { id: 'billing.invoice.downloadFailed' })}
              </p>`
            : nothing}
        </td>
      </tr>
    `;
  }

  #renderTable(billing: BillingContextValue, locale: string, invoices: Invoice[]) {
    const labels = [
      msg('Invoice Number', { id: 'billing.invoice.number' }),
      msg('Due Date', { id: 'billing.invoice.dueDate' }),
      msg('Status', { id: 'billing.invoice.status' }),
      msg('Amount Billed', { id: 'billing.invoice.amountBilled' }),
      msg('Amount Paid', { id: 'billing.invoice.amountPaid' }),
      msg('Amount Owed', { id: 'billing.invoice.amountOwed' }),
    ];
    // Explicit roles: the stacked (narrow) layout changes the cells' display, which must not
    // cost the table its semantics. Rows are keyed by invoice (focus stays with its invoice when the
    // list changes); `repeat` loads with the view, so it costs the entry nothing.
    return html`
      <div class="scroller">
        <table part="table" role="table">
          <caption class="visually-hidden">${msg('Payment history', { id: 'billing.invoice.caption' })}</caption>
          <thead>
            <tr role="row">
              ${labels.map(
                (text, column) => html`<th role="columnheader" scope="col" class=${column > 2 ? 'amount' : nothing}>${text}</th>`,
              )}
              <th role="columnheader" scope="col"><span class="visually-hidden">${msg('Download', { id: 'billing.invoice.downloadColumn' })}</span></th>
            </tr>
          </thead>
          <tbody>
            ${repeat(invoices, (invoice) => invoice.id, (invoice, index) => this.#renderRow(billing, locale, invoice, index, labels))}
          </tbody>
        </table>
      </div>
    `;
  }

  /** The table of the listed invoices (or the empty state), and the note about older ones. */
  render(billing: BillingContextValue, locale: string) {
    const { invoices, hasOlder } = listInvoices(billing.state.snapshot!.invoices);
    return html`
      ${invoices.length > 0
        ? this.#renderTable(billing, locale, invoices)
        : html`<p part="empty" class="empty">${msg('No invoices yet.', { id: 'billing.invoice.empty' })}</p>`}
      ${hasOlder
        ? html`<p part="older-note" class="older">
            ${msg('Only invoices from 2022 onwards are listed here, up to the 12 most recent. For older invoices, contact your account manager.', {
              id: 'billing.invoice.older',
            })}
          </p>`
        : nothing}
    `;
  }
}
