import { expect } from '@open-wc/testing';
import type { Account, Invoice } from '../domain/types.js';
import { INVOICE_STATUS_TEXT, renderInvoicePdf, toFontText } from './invoice-pdf.js';

const account: Account = {
  id: 'acct_42',
  name: 'Acme Corp',
  currency: 'USD',
  userCap: null,
  nextChargeDate: '2025-07-01',
  organizations: [
    { id: 'org_eng', name: 'Acme Engineering' },
    { id: 'org_tokyo', name: 'Acme 東京' },
    { id: 'org_zurich', name: 'Acme Zürich' },
  ],
};

const invoice: Invoice = {
  id: 'in_1',
  number: 'INV-2025-0042',
  finalizedAt: '2025-05-31T23:30:00-05:00', // 2025-06-01 in UTC
  dueDate: '2025-06-16',
  status: 'partially_paid',
  currency: 'USD',
  amountBilled: 124_950,
  amountPaid: 24_950,
  amountOwed: 100_000,
};

/** WinAnsi codes that differ from Latin-1 and that these tests meet. */
const WIN_ANSI: Record<number, string> = { 0x80: '\u20ac', 0x85: '\u2026', 0x92: '\u2019', 0x95: '\u2022', 0x96: '\u2013' };

/** The text drawn on the PDF's first page: pdf-lib draws each run as a hex string (`<…> Tj`). */
async function pageText(bytes: Uint8Array): Promise<string> {
  const { PDFDocument, PDFArray, PDFRawStream, decodePDFRawStream } = await import('pdf-lib');
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPage(0).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  let operators = '';
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream');
    operators += new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
  }
  const runs = [...operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((match) =>
    (match[1]!.match(/../g) ?? []).map((hex) => WIN_ANSI[parseInt(hex, 16)] ?? String.fromCharCode(parseInt(hex, 16))).join(''),
  );
  return runs.join('\n');
}

describe('renderInvoicePdf', () => {
  it('renders a one-page PDF titled with the invoice number', async () => {
    const bytes = await renderInvoicePdf(invoice, account);
    expect(bytes).to.be.instanceOf(Uint8Array);
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).to.equal('%PDF-');
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).to.equal(1);
    expect(doc.getTitle()).to.equal('Invoice INV-2025-0042');
    expect(doc.getAuthor()).to.equal('Acme Corp');
  });

  it('shows the account, organizations, dates, status and amounts', async () => {
    const text = await pageText(await renderInvoicePdf(invoice, account));
    const lines = text.split('\n');
    expect(lines).to.include('Invoice INV-2025-0042');
    expect(lines).to.include('Acme Corp (acct_42)');
    expect(lines).to.include('Acme Engineering');
    expect(lines).to.include('Acme Zürich');
    // The finalized date is the UTC calendar date of the date-time.
    expect(lines).to.include('Jun 1, 2025');
    expect(lines).to.include('Jun 16, 2025');
    expect(lines).to.include('Partially Paid');
    expect(lines).to.include('$1,249.50');
    expect(lines).to.include('$249.50');
    expect(lines).to.include('$1,000.00');
  });

  it('writes each status with the texts of the invoice history', async () => {
    expect(INVOICE_STATUS_TEXT).to.deep.equal({ open: 'Open', partially_paid: 'Partially Paid', paid: 'Paid in Full' });
    const paid = await pageText(await renderInvoicePdf({ ...invoice, status: 'paid', amountPaid: 124_950, amountOwed: 0 }, account));
    expect(paid.split('\n')).to.include('Paid in Full');
    const open = await pageText(await renderInvoicePdf({ ...invoice, status: 'open', amountPaid: 0, amountOwed: 124_950 }, account));
    expect(open.split('\n')).to.include('Open');
  });

  it('replaces what Helvetica cannot encode instead of throwing', async () => {
    // fr-FR groups digits with U+202F, which WinAnsi lacks; the org name has CJK characters.
    const text = await pageText(await renderInvoicePdf(invoice, account, { locale: 'fr-FR' }));
    const lines = text.split('\n');
    expect(lines).to.include('Acme ??');
    expect(lines).to.include('1 000,00 $US');
    expect(text).not.to.include('\u202f');
  });

  it('cuts overlong names and lists at most one page of organizations', async () => {
    const crowded: Account = {
      ...account,
      name: 'A'.repeat(300),
      organizations: Array.from({ length: 40 }, (_, i) => ({ id: `org_${i}`, name: `Organization ${i}` })),
    };
    const bytes = await renderInvoicePdf(invoice, crowded);
    const { PDFDocument } = await import('pdf-lib');
    expect((await PDFDocument.load(bytes)).getPageCount()).to.equal(1);
    const lines = (await pageText(bytes)).split('\n');
    expect(lines).to.include('and 27 more');
    expect(lines).not.to.include('Organization 13');
    expect(lines.some((line) => line.startsWith('AAAA') && line.endsWith('\u2026') && line.length < 100)).to.equal(true);
  });

  it('loads pdf-lib only through a dynamic import', async () => {
    // The module as the browser receives it: no static import of pdf-lib may remain.
    const source = await (await fetch(new URL('./invoice-pdf.ts', import.meta.url))).text();
    expect(source).to.match(/import\(\s*["'][^"']*pdf-lib/);
    expect(source).not.to.match(/^\s*import\s[^(]*pdf-lib/m);
    expect(source).not.to.match(/^\s*export\s[^;]*from\s*["'][^"']*pdf-lib/m);
  });
});

describe('toFontText', () => {
  const latin1 = new Set(Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i).concat(Array.from({ length: 0x60 }, (_, i) => 0xa0 + i), [0x2026]));

  it('keeps what the font encodes', () => {
    expect(toFontText('Zürich – 100 €', new Set([...'Zürich 10€'].map((c) => c.codePointAt(0)!)))).to.equal('Zürich ? 100 €');
    expect(toFontText('Café déjà', latin1)).to.equal('Café déjà');
  });

  it('turns every space separator into a plain space and drops invisible marks', () => {
    expect(toFontText('1\u202f000\u00a0$', latin1)).to.equal('1 000 $');
    expect(toFontText('\u200eAcme\u200f\u200d', latin1)).to.equal('Acme');
    expect(toFontText('line\nbreak\ttab', latin1)).to.equal('line break tab');
  });

  it('uses stand-ins, strips accents the font lacks and decomposes compatibility forms', () => {
    expect(toFontText('\u22125', latin1)).to.equal('-5');
    expect(toFontText('Tōkyō Łódź', latin1)).to.equal('Tokyo ?ódz');
    expect(toFontText('ﬁle Ａ', latin1)).to.equal('file A');
  });

  it('replaces anything else with one ? per character', () => {
    expect(toFontText('東京 🙂', latin1)).to.equal('?? ?');
  });
});
