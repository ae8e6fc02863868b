import type { Invoice } from '../../domain/types.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { renderNoPermission, renderSharedState } from '../../internal/shared-states.js';
import { LazyView } from '../../internal/lazy-view.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { invoiceHistoryStyles } from './invoice-history.styles.js';

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
  static override styles = [sharedStyles, invoiceHistoryStyles];

  /** The listing, table, rows and downloads (invoice-history.view.ts), loaded when the element connects. */
  #view = new LazyView(this, () => import('./invoice-history.view.js'));

  /** Downloads one invoice's PDF (what the row's button does). */
  async download(invoice: Invoice): Promise<void> {
    await this.#view.settled;
    return this.#view.view?.download(this.billing, invoice);
  }

  /** Also waits for the history's view to load (or fail). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#view.settled;
    return super.getUpdateComplete();
  }

  protected override render() {
    const shared = renderSharedState(this, this.billing);
    if (shared !== null) return shared;
    if (!this.canManageBilling) return renderNoPermission();
    return this.#view.view?.render(this.billing!, this.locale) ?? this.#view.render();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invoice-history': InvoiceHistory;
  }
}
