export const INVOICE_DOWNLOAD = 'invoice-download';

export interface InvoiceDownloadDetail {
  invoiceId: string;
}

/**
 * Fired when the viewer presses Download Invoice, before the PDF is fetched. Cancel it to
 * handle the download in the host instead.
 */
export class InvoiceDownloadEvent extends Event {
  readonly detail: InvoiceDownloadDetail;

  constructor(detail: InvoiceDownloadDetail) {
    super(INVOICE_DOWNLOAD, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [INVOICE_DOWNLOAD]: InvoiceDownloadEvent;
  }
}
