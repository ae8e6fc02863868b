/** Which invoices the history lists and which can be downloaded. No DOM. */
import { parseInstant, toCalendarDate } from './dates.js';
import type { Invoice } from './types.js';

/** Invoices finalized before this UTC calendar date are neither listed nor downloadable. */
export const INVOICE_HISTORY_START = '2022-01-01';
/** At most this many (the most recent) invoices are listed. */
export const INVOICE_HISTORY_LIMIT = 12;

/** Whether the invoice was finalized on or after {@link INVOICE_HISTORY_START} (UTC calendar date). */
export function isDownloadable(invoice: Invoice): boolean {
  // `YYYY-MM-DD` strings order like the dates they name.
  return toCalendarDate(invoice.finalizedAt) >= INVOICE_HISTORY_START;
}

const numberCollator = new Intl.Collator('en', { numeric: true });

function newestFirst(a: Invoice, b: Invoice): number {
  const byFinalized = (parseInstant(b.finalizedAt) ?? 0) - (parseInstant(a.finalizedAt) ?? 0);
  if (byFinalized !== 0) return byFinalized;
  const byNumber = numberCollator.compare(b.number, a.number);
  if (byNumber !== 0) return byNumber;
  return b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
}

export interface InvoiceListing {
  /** The listed invoices: downloadable ones, newest first, at most {@link INVOICE_HISTORY_LIMIT}. */
  invoices: Invoice[];
  /**
   * Whether some invoices are not listed (finalized before {@link INVOICE_HISTORY_START}, or
   * beyond the limit): the history then says to contact the account manager.
   */
  hasOlder: boolean;
}

/** The invoices the history shows (newest first; ties by invoice number, descending). */
export function listInvoices(invoices: readonly Invoice[]): InvoiceListing {
  const eligible = invoices.filter(isDownloadable).sort(newestFirst);
  const hasOlder = eligible.length > INVOICE_HISTORY_LIMIT || eligible.length < invoices.length;
  return { invoices: eligible.slice(0, INVOICE_HISTORY_LIMIT), hasOlder };
}
