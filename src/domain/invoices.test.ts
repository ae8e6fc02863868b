import { expect } from '@open-wc/testing';
import { INVOICE_HISTORY_LIMIT, INVOICE_HISTORY_START, isDownloadable, listInvoices } from './invoices.js';
import type { Invoice } from './types.js';

function invoice(id: string, finalizedAt: string, number = id.toUpperCase()): Invoice {
  return {
    id,
    number,
    finalizedAt,
    dueDate: finalizedAt.slice(0, 10),
    status: 'paid',
    currency: 'USD',
    amountBilled: 1000,
    amountPaid: 1000,
    amountOwed: 0,
  };
}

/** One invoice per month from `start` (YYYY-MM), finalized on the 1st at 09:00 UTC. */
function monthly(start: string, count: number): Invoice[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = year * 12 + (month - 1) + i;
    const ym = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    return invoice(`inv_${ym}`, `${ym}-01T09:00:00Z`);
  });
}

const shuffle = <T,>(items: T[]): T[] => items.map((item, i) => [(i * 7919) % 13, item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);

describe('invoice history constants', () => {
  it('are the help page figures', () => {
    expect(INVOICE_HISTORY_START).to.equal('2022-01-01');
    expect(INVOICE_HISTORY_LIMIT).to.equal(12);
  });
});

describe('isDownloadable', () => {
  it('is true from 2022-01-01 on, by UTC calendar date', () => {
    expect(isDownloadable(invoice('a', '2022-01-01'))).to.equal(true);
    expect(isDownloadable(invoice('a', '2022-01-01T00:00:00Z'))).to.equal(true);
    expect(isDownloadable(invoice('a', '2024-06-30T10:00:00Z'))).to.equal(true);
    // 23:30 on New Year's Eve in New York is already 2022 in UTC.
    expect(isDownloadable(invoice('a', '2021-12-31T23:30:00-05:00'))).to.equal(true);
  });

  it('is false before 2022-01-01 UTC', () => {
    expect(isDownloadable(invoice('a', '2021-12-31'))).to.equal(false);
    expect(isDownloadable(invoice('a', '2021-12-31T23:59:59.999Z'))).to.equal(false);
    // 00:30 on New Year's Day in Paris is still 2021 in UTC.
    expect(isDownloadable(invoice('a', '2022-01-01T00:30:00+01:00'))).to.equal(false);
    expect(isDownloadable(invoice('a', '2019-05-01T00:00:00Z'))).to.equal(false);
  });
});

describe('listInvoices', () => {
  it('lists the 12 newest of 15 (incl. 2021 ones), newest first, and says there are older ones', () => {
    const all = [...monthly('2021-11', 2), ...monthly('2022-01', 13)];
    expect(all).to.have.length(15);
    const { invoices, hasOlder } = listInvoices(shuffle(all));
    expect(invoices.map((i) => i.id)).to.deep.equal([
      'inv_2023-01', 'inv_2022-12', 'inv_2022-11', 'inv_2022-10', 'inv_2022-09', 'inv_2022-08',
      'inv_2022-07', 'inv_2022-06', 'inv_2022-05', 'inv_2022-04', 'inv_2022-03', 'inv_2022-02',
    ]);
    expect(hasOlder).to.equal(true);
  });

  it('lists all of exactly 12 eligible invoices without hasOlder', () => {
    const { invoices, hasOlder } = listInvoices(monthly('2022-01', 12));
    expect(invoices).to.have.length(12);
    expect(invoices[0]!.id).to.equal('inv_2022-12');
    expect(invoices[11]!.id).to.equal('inv_2022-01');
    expect(hasOlder).to.equal(false);
  });

  it('says there are older ones when 13 are eligible', () => {
    const { invoices, hasOlder } = listInvoices(monthly('2022-01', 13));
    expect(invoices).to.have.length(12);
    expect(invoices.map((i) => i.id)).not.to.include('inv_2022-01');
    expect(hasOlder).to.equal(true);
  });

  it('says there are older ones when one was finalized before 2022, even with few listed', () => {
    const { invoices, hasOlder } = listInvoices([invoice('new', '2023-03-01T00:00:00Z'), invoice('old', '2021-12-31T23:59:59Z')]);
    expect(invoices.map((i) => i.id)).to.deep.equal(['new']);
    expect(hasOlder).to.equal(true);
  });

  it('lists nothing when every invoice is from before 2022', () => {
    expect(listInvoices(monthly('2021-01', 3))).to.deep.equal({ invoices: [], hasOlder: true });
  });

  it('is empty without invoices', () => {
    expect(listInvoices([])).to.deep.equal({ invoices: [], hasOlder: false });
  });

  it('orders by the instant of finalization, whatever the offset', () => {
    const a = invoice('a', '2024-03-01T23:00:00-05:00'); // 2024-03-02T04:00Z
    const b = invoice('b', '2024-03-02T03:00:00Z');
    const c = invoice('c', '2024-03-02'); // midnight UTC
    expect(listInvoices([c, b, a]).invoices.map((i) => i.id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('breaks finalization ties by invoice number, descending, numbers compared numerically', () => {
    const at = '2024-03-01T00:00:00Z';
    const list = listInvoices([invoice('x9', at, 'INV-9'), invoice('x10', at, 'INV-10'), invoice('x2', at, 'INV-2')]);
    expect(list.invoices.map((i) => i.number)).to.deep.equal(['INV-10', 'INV-9', 'INV-2']);
  });

  it('does not reorder or mutate its input', () => {
    const input = monthly('2022-01', 14);
    const before = input.map((i) => i.id);
    listInvoices(input);
    expect(input.map((i) => i.id)).to.deep.equal(before);
  });
});
