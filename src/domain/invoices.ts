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
const START_MS = parseInstant(INVOICE_HISTORY_START)!;

interface Ranked {
  invoice: Invoice;
  /** Epoch ms of `finalizedAt`, computed once per invoice. */
  at: number;
}

/** Newest first; ties by invoice number (numeric, descending), then id. */
function newestFirst(a: Ranked, b: Ranked): number {
  if (a.at !== b.at) return b.at - a.at;
  const byNumber = numberCollator.compare(b.invoice.number, a.invoice.number);
  if (byNumber !== 0) return byNumber;
  return b.invoice.id < a.invoice.id ? -1 : b.invoice.id > a.invoice.id ? 1 : 0;
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

const listings = new WeakMap<readonly Invoice[], InvoiceListing>();

/**
 * The invoices the history shows (newest first; ties by invoice number, descending).
 * One pass over the invoices keeping the 12 newest (no sort of the whole list), remembered per
 * array: a snapshot with 100,000 invoices costs one linear scan, once.
 */
export function listInvoices(invoices: readonly Invoice[]): InvoiceListing {
  const known = listings.get(invoices);
  if (known) return { invoices: [...known.invoices], hasOlder: known.hasOlder };
  const top: Ranked[] = [];
  let eligible = 0;
  for (const invoice of invoices) {
    const at = parseInstant(invoice.finalizedAt);
    // Same as isDownloadable: the UTC calendar date is on or after the start iff the instant is.
    if (at === null || at < START_MS) continue;
    eligible++;
    const ranked = { invoice, at };
    if (top.length === INVOICE_HISTORY_LIMIT && newestFirst(ranked, top[INVOICE_HISTORY_LIMIT - 1]!) >= 0) continue;
    // Insertion into the (at most 12) kept so far.
    let i = Math.min(top.length, INVOICE_HISTORY_LIMIT - 1);
    top[i] = ranked;
    while (i > 0 && newestFirst(top[i]!, top[i - 1]!) < 0) {
      [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
      i--;
    }
  }
  const listing = {
    invoices: top.map((ranked) => ranked.invoice),
    hasOlder: eligible > INVOICE_HISTORY_LIMIT || eligible < invoices.length,
  };
  listings.set(invoices, listing);
  return { invoices: [...listing.invoices], hasOlder: listing.hasOlder };
}
