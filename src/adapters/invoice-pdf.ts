/**
 * A real one-page PDF invoice for the in-memory adapter (and the reference server), drawn with
 * pdf-lib's standard Helvetica fonts. No DOM, no UI.
 *
 * pdf-lib (about 180 kB min+gzip) is loaded with a dynamic `import()` inside
 * {@link renderInvoicePdf} only, so it stays out of the initial bundle: never import it
 * statically from this module or anything the elements load.
 *
 * The standard fonts encode WinAnsi (Windows-1252) only. Every drawn string goes through
 * {@link toFontText}, which swaps what the font can't encode (U+202F from `Intl`, the minus
 * sign U+2212, accents outside Latin-1, scripts such as CJK) for the closest encodable text or
 * `?`, instead of letting pdf-lib throw.
 *
 * The texts of the document are English; `locale` formats its dates and amounts.
 */
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { formatDate, today } from '../domain/dates.js';
import { formatMoney } from '../domain/money.js';
import type { Account, Invoice, InvoiceStatus } from '../domain/types.js';

export interface RenderInvoicePdfOptions {
  /** BCP 47 locale for dates and amounts (default `en-US`). */
  locale?: string;
}

/** The status texts of the invoice history (shared/API.md), in English. */
export const INVOICE_STATUS_TEXT: Readonly<Record<InvoiceStatus, string>> = {
  open: 'Open',
  partially_paid: 'Partially Paid',
  paid: 'Paid in Full',
};

const SPACES = /\p{Zs}/gu;
const INVISIBLE = /[\p{Cf}]/gu;
const CONTROLS = /\p{Cc}+/gu;
const MARKS = /\p{M}/gu;
/** Characters `Intl` and people type that WinAnsi lacks but has a plain stand-in for. */
const STAND_INS: Readonly<Record<string, string>> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign (negative amounts in some locales)
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u2044': '/', // fraction slash
  '\u2236': ':', // ratio
};

/**
 * `text` made drawable with a font whose encodable code points are `supported`: every space
 * separator becomes a plain space, invisible format characters (bidi marks, joiners) and
 * controls go, a few typographic characters get a plain stand-in, letters with accents the font
 * lacks lose the accent (`ō` → `o`), compatibility forms decompose (`ﬁ` → `fi`, full-width `Ａ`
 * → `A`), and whatever is left unencodable becomes `?`.
 */
export function toFontText(text: string, supported: ReadonlySet<number>): string {
  const cleaned = text.replace(CONTROLS, ' ').replace(SPACES, ' ').replace(INVISIBLE, '');
  let out = '';
  for (const char of cleaned) {
    if (supported.has(char.codePointAt(0)!)) {
      out += char;
      continue;
    }
    out += STAND_INS[char] ?? fallback(char, supported);
  }
  return out;
}

function fallback(char: string, supported: ReadonlySet<number>): string {
  for (const form of ['NFD', 'NFKD'] as const) {
    const stripped = char.normalize(form).replace(MARKS, '');
    if (stripped !== '' && [...stripped].every((c) => supported.has(c.codePointAt(0)!))) return stripped;
  }
  return '?';
}

// Letter, in PDF points.
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 56;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 130;
const MAX_ORGANIZATION_LINES = 14;

interface Palette {
  text: RGB;
  muted: RGB;
  rule: RGB;
  accent: RGB;
  status: Readonly<Record<InvoiceStatus, RGB>>;
}

/** Draws one text run at a time, top to bottom, keeping every string encodable. */
class Writer {
  y = PAGE_HEIGHT - MARGIN;

  constructor(
    readonly page: PDFPage,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    readonly supported: ReadonlySet<number>,
    readonly palette: Palette,
  ) {}

  text(s: string): string {
    return toFontText(s, this.supported);
  }

  /** `s` cut with an ellipsis so it fits `maxWidth` at `size`. */
  fit(s: string, font: PDFFont, size: number, maxWidth: number): string {
    let out = this.text(s);
    if (font.widthOfTextAtSize(out, size) <= maxWidth) return out;
    const chars = [...out];
    while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join('')}\u2026`, size) > maxWidth) chars.pop();
    out = `${chars.join('').trimEnd()}\u2026`;
    return out;
  }

  draw(s: string, x: number, options: { size?: number; bold?: boolean; color?: RGB; maxWidth?: number; alignRight?: boolean } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const text = this.fit(s, font, size, options.maxWidth ?? PAGE_WIDTH - MARGIN - x);
    const width = font.widthOfTextAtSize(text, size);
    this.page.drawText(text, {
      x: options.alignRight ? x - width : x,
      y: this.y,
      size,
      font,
      color: options.color ?? this.palette.text,
    });
  }

  rule(thickness = 0.75, color = this.palette.rule): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness, color });
  }

  /** A label in the left column and its value next to it. */
  row(label: string, value: string, options: { valueColor?: RGB; boldValue?: boolean } = {}): void {
    this.draw(label, MARGIN, { color: this.palette.muted, maxWidth: LABEL_WIDTH - 8 });
    this.draw(value, MARGIN + LABEL_WIDTH, {
      bold: options.boldValue ?? false,
      color: options.valueColor ?? this.palette.text,
      maxWidth: CONTENT_WIDTH - LABEL_WIDTH,
    });
    this.y -= 18;
  }

  /** A label on the left and an amount aligned to the right margin. */
  amount(label: string, value: string, strong = false): void {
    const size = strong ? 12 : 10;
    this.draw(label, MARGIN, { size, bold: strong, color: strong ? this.palette.text : this.palette.muted, maxWidth: CONTENT_WIDTH / 2 });
    this.draw(value, PAGE_WIDTH - MARGIN, { size, bold: strong, alignRight: true, maxWidth: CONTENT_WIDTH / 2 });
    this.y -= strong ? 22 : 18;
  }
}

/**
 * Renders `invoice` of `account` as a one-page PDF (US Letter): the title "Invoice <number>",
 * the account's name and id, the organizations billed, finalized and due dates, the status
 * (Open / Partially Paid / Paid in Full) and the amounts billed, paid and owed.
 *
 * Object streams are off (`useObjectStreams: false`) so the file opens in older readers too;
 * page content is Flate-compressed as usual.
 */
export async function renderInvoicePdf(invoice: Invoice, account: Account, options: RenderInvoicePdfOptions = {}): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const locale = options.locale ?? 'en-US';

  const doc = await PDFDocument.create();
  const title = `Invoice ${invoice.number}`;
  // Document information is stored as UTF-16, so it needs no font sanitizing.
  doc.setTitle(title);
  doc.setAuthor(account.name);
  doc.setSubject(`${title} for ${account.name}`);
  doc.setCreator('billing-elements');
  doc.setProducer('billing-elements (pdf-lib)');
  doc.setLanguage('en');

  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const palette: Palette = {
    text: rgb(0.11, 0.12, 0.14),
    muted: rgb(0.4, 0.42, 0.46),
    rule: rgb(0.82, 0.84, 0.87),
    accent: rgb(0.16, 0.33, 0.62),
    status: { open: rgb(0.7, 0.13, 0.13), partially_paid: rgb(0.62, 0.4, 0.02), paid: rgb(0.1, 0.45, 0.22) },
  };
  const w = new Writer(page, regular, bold, supported, palette);
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);

  // Header band.
  page.drawRectangle({ x: 0, y: PAGE_HEIGHT - 8, width: PAGE_WIDTH, height: 8, color: palette.accent });
  w.draw(account.name, MARGIN, { size: 11, bold: true, color: palette.accent, maxWidth: CONTENT_WIDTH / 2 });
  w.draw(`Account ${account.id}`, PAGE_WIDTH - MARGIN, { size: 9, color: palette.muted, alignRight: true, maxWidth: CONTENT_WIDTH / 2 });
  w.y -= 40;
  w.draw(title, MARGIN, { size: 22, bold: true });
  w.y -= 16;
  w.rule(1.5, palette.accent);
  w.y -= 26;

  // Details.
  w.row('Invoice number', invoice.number);
  w.row('Account', `${account.name} (${account.id})`);
  w.row('Finalized', formatDate(today(invoice.finalizedAt), locale));
  w.row('Due date', formatDate(invoice.dueDate, locale));
  w.row('Status', INVOICE_STATUS_TEXT[invoice.status], { valueColor: palette.status[invoice.status], boldValue: true });
  w.y -= 10;

  // Organizations billed.
  w.draw('Organizations billed', MARGIN, { size: 12, bold: true });
  w.y -= 8;
  w.rule();
  w.y -= 16;
  const organizations = account.organizations;
  if (organizations.length === 0) {
    w.draw('No organizations', MARGIN, { color: palette.muted });
    w.y -= 16;
  } else {
    const shown = organizations.length > MAX_ORGANIZATION_LINES ? organizations.slice(0, MAX_ORGANIZATION_LINES - 1) : organizations;
    for (const organization of shown) {
      w.draw('\u2022', MARGIN + 4, { color: palette.muted });
      w.draw(organization.name || organization.id, MARGIN + 16, { maxWidth: CONTENT_WIDTH - 16 - 150 });
      w.draw(organization.id, PAGE_WIDTH - MARGIN, { size: 8, color: palette.muted, alignRight: true, maxWidth: 140 });
      w.y -= 16;
    }
    const more = organizations.length - shown.length;
    if (more > 0) {
      w.draw(`and ${more} more`, MARGIN + 16, { color: palette.muted });
      w.y -= 16;
    }
  }
  w.y -= 14;

  // Amounts.
  w.draw('Summary', MARGIN, { size: 12, bold: true });
  w.y -= 8;
  w.rule();
  w.y -= 18;
  w.amount('Amount billed', money(invoice.amountBilled));
  w.amount('Amount paid', money(invoice.amountPaid));
  w.y += 6;
  w.rule();
  w.y -= 20;
  w.amount('Amount owed', money(invoice.amountOwed), true);

  // Footer.
  w.y = MARGIN + 14;
  w.rule();
  w.y -= 16;
  w.draw(`Questions about this invoice? Contact your account manager and quote ${invoice.number}.`, MARGIN, { size: 8, color: palette.muted });

  return doc.save({ useObjectStreams: false });
}
