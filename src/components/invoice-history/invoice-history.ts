import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { state } from 'lit/decorators.js';
import { formatDate } from '../../domain/dates.js';
import { BillingError, toBillingError } from '../../domain/errors.js';
import { listInvoices } from '../../domain/invoices.js';
import { formatMoney } from '../../domain/money.js';
import type { Invoice, InvoiceStatus } from '../../domain/types.js';
import { InvoiceDownloadEvent } from '../../events/invoice-download.js';
import { msg } from '../../i18n/index.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { viewStyles } from '../../internal/view.styles.js';
import { invoiceHistoryStyles } from './invoice-history.styles.js';

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
 * The account's payment history: the 12 most recent invoices finalized since 2022-01-01,
 * newest first, each downloadable as a PDF. Older invoices are not listed; a note says to ask
 * the account manager for them. Only viewers with the billing role see it. Where the element is
 * narrower than 44rem (a container query on its own width, so a 320 px phone or 400 % zoom), each
 * invoice becomes a card that shows every column's label beside its value.
 *
 * @tagname invoice-history
 * @summary The invoice table with a Download Invoice button per row.
 *
 * @fires {InvoiceDownloadEvent} invoice-download - Download Invoice was pressed, before the PDF is fetched. Cancelable: cancel it to handle the download yourself. `detail: { invoiceId }`.
 * @fires {BillingErrorEvent} billing-error - A download failed. `detail: { error: BillingError }`.
 *
 * @csspart table - The invoice table.
 * @csspart download - Each Download Invoice button.
 * @csspart status - Each status badge.
 * @csspart older-note - The note about invoices before 2022.
 * @csspart empty - Shown when there are no invoices.
 *
 * @cssprop [--billing-color-success=light-dark(#137333, #81c995)] - Paid in Full badge.
 * @cssprop [--billing-color-warning=light-dark(#8f4a00, #fdd663)] - Partially Paid badge.
 * @cssprop [--billing-color-danger=light-dark(#c5221f, #f28b82)] - Open badge and download errors.
 * @cssprop [--billing-color-border] - Table rules.
 */
export class InvoiceHistory extends BillingConsumerElement {
  static override styles = [sharedStyles, viewStyles, invoiceHistoryStyles];

  /** Invoice ids whose PDF is being fetched. */
  @state() private _busy: ReadonlySet<string> = new Set();

  /** The last download error per invoice id. */
  @state() private _errors: ReadonlyMap<string, BillingError> = new Map();

  #controllers = new Map<string, AbortController>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const controller of this.#controllers.values()) controller.abort();
    this.#controllers.clear();
  }

  /** Downloads one invoice's PDF (what the row's button does). */
  async download(invoice: Invoice): Promise<void> {
    const billing = this.billing;
    if (!billing || this._busy.has(invoice.id)) return;
    if (!this.dispatchEvent(new InvoiceDownloadEvent({ invoiceId: invoice.id }))) return;
    const controller = new AbortController();
    this.#controllers.set(invoice.id, controller);
    this._busy = new Set([...this._busy, invoice.id]);
    const errors = new Map(this._errors);
    errors.delete(invoice.id);
    this._errors = errors;
    try {
      const blob = await billing.actions.downloadInvoice(invoice.id, { signal: controller.signal });
      saveBlob(blob, `invoice-${invoice.number}.pdf`);
    } catch (error) {
      if (controller.signal.aborted) return;
      const billingError = toBillingError(error);
      this._errors = new Map([...this._errors, [invoice.id, billingError]]);
      this.fireError(billingError);
    } finally {
      this.#controllers.delete(invoice.id);
      const busy = new Set(this._busy);
      busy.delete(invoice.id);
      this._busy = busy;
    }
  }

  #renderRow(invoice: Invoice, index: number, labels: readonly string[]) {
    const locale = this.locale;
    const money = (amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);
    const busy = this._busy.has(invoice.id);
    const error = this._errors.get(invoice.id);
    // Each cell carries its column's label, shown only when the table is stacked (narrow).
    const label = (column: number) => html`<span class="cell-label" aria-hidden="true">${labels[column]}</span>`;
    return html`
      <tr role="row">
        <th role="rowheader" scope="row">${label(0)}<span>${invoice.number}</span></th>
        <td role="cell">${label(1)}<span>${formatDate(invoice.dueDate, locale)}</span></td>
        <td role="cell">${label(2)}<span part="status" class="badge status--${invoice.status}">${statusLabel(invoice.status)}</span></td>
        <td role="cell" class="amount">${label(3)}<span>${money(invoice.amountBilled)}</span></td>
        <td role="cell" class="amount">${label(4)}<span>${money(invoice.amountPaid)}</span></td>
        <td role="cell" class="amount">${label(5)}<span>${money(invoice.amountOwed)}</span></td>
        <td role="cell" class="download">
          <button
            part="download"
            class="button button--secondary"
            type="button"
            aria-label=${msg('Download Invoice {number}', { id: 'billing.invoice.downloadNamed', args: { number: invoice.number } })}
            aria-disabled=${busy ? 'true' : 'false'}
            aria-describedby=${error ? `download-error-${index}` : nothing}
            @click=${() => void this.download(invoice)}
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

  #renderTable(invoices: Invoice[]) {
    const labels = [
      msg('Invoice Number', { id: 'billing.invoice.number' }),
      msg('Due Date', { id: 'billing.invoice.dueDate' }),
      msg('Status', { id: 'billing.invoice.status' }),
      msg('Amount Billed', { id: 'billing.invoice.amountBilled' }),
      msg('Amount Paid', { id: 'billing.invoice.amountPaid' }),
      msg('Amount Owed', { id: 'billing.invoice.amountOwed' }),
    ];
    // Explicit roles: the stacked (narrow) layout changes the cells' display, which must not
    // cost the table its semantics.
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
            ${repeat(invoices, (invoice) => invoice.id, (invoice, index) => this.#renderRow(invoice, index, labels))}
          </tbody>
        </table>
      </div>
    `;
  }

  protected override render() {
    const shared = this.renderSharedState();
    if (shared !== null) return shared;
    if (!this.canManageBilling) return this.renderNoPermission();
    const { invoices, hasOlder } = listInvoices(this.billing!.state.snapshot!.invoices);
    return html`
      ${invoices.length > 0
        ? this.#renderTable(invoices)
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

declare global {
  interface HTMLElementTagNameMap {
    'invoice-history': InvoiceHistory;
  }
}
