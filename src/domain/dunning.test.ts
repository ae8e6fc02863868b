import { expect } from '@open-wc/testing';
import { addDays, today as todayOf } from './dates.js';
import { OVERDUE_AFTER_DAYS, SUSPEND_AFTER_DAYS, daysOutstanding, dunningLevel, dunningState, isOutstanding } from './dunning.js';
import type { BillingSnapshot, Invoice } from './types.js';

let seq = 0;
function invoice(dueDate: string, amountOwed: number, amountPaid = 0, currency = 'USD'): Invoice {
  seq += 1;
  return {
    id: `inv_${seq}`,
    number: `INV-${seq}`,
    finalizedAt: `${addDays(dueDate, -30)}T12:00:00Z`,
    dueDate,
    status: amountOwed === 0 ? 'paid' : amountPaid === 0 ? 'open' : 'partially_paid',
    currency,
    amountBilled: amountOwed + amountPaid,
    amountPaid,
    amountOwed,
  };
}

function snapshot(invoices: Invoice[], options: { now?: string; suspended?: boolean; currency?: string } = {}): BillingSnapshot {
  const snap: BillingSnapshot = {
    account: {
      id: 'acct_1',
      name: 'Acme',
      currency: options.currency ?? 'USD',
      userCap: 5,
      nextChargeDate: '2024-04-01',
      organizations: [{ id: 'org_1', name: 'Acme EU' }],
    },
    viewer: { canManageBilling: true },
    paymentMethod: null,
    invoices,
  };
  if ('now' in options) {
    if (options.now !== undefined) snap.now = options.now;
  } else {
    snap.now = '2024-03-01T12:00:00Z';
  }
  if (options.suspended !== undefined) snap.account.suspended = options.suspended;
  return snap;
}

const TODAY = '2024-03-01';
/** An invoice due `days` days before TODAY (the default snapshot's now). */
const dueDaysAgo = (days: number, owed = 1000, paid = 0) => invoice(addDays(TODAY, -days), owed, paid);

describe('dunning constants', () => {
  it('are the help page figures', () => {
    expect(OVERDUE_AFTER_DAYS).to.equal(30);
    expect(SUSPEND_AFTER_DAYS).to.equal(45);
  });
});

describe('isOutstanding', () => {
  it('is false for an invoice due today', () => {
    expect(isOutstanding(invoice(TODAY, 1000), TODAY)).to.equal(false);
  });

  it('is true from the day after the due date', () => {
    expect(isOutstanding(invoice('2024-02-29', 1000), TODAY)).to.equal(true);
  });

  it('is false before the due date', () => {
    expect(isOutstanding(invoice('2024-03-02', 1000), TODAY)).to.equal(false);
  });

  it('is false when nothing is owed, however old', () => {
    expect(isOutstanding(invoice('2020-01-01', 0, 5000), TODAY)).to.equal(false);
  });

  it('counts a partially paid invoice', () => {
    const partial = invoice('2024-02-01', 1, 9999);
    expect(partial.status).to.equal('partially_paid');
    expect(isOutstanding(partial, TODAY)).to.equal(true);
  });
});

describe('daysOutstanding', () => {
  it('counts whole calendar days from the due date to today', () => {
    expect(daysOutstanding(invoice(TODAY, 1), TODAY)).to.equal(0);
    expect(daysOutstanding(invoice('2024-02-29', 1), TODAY)).to.equal(1);
    expect(daysOutstanding(invoice('2024-01-31', 1), TODAY)).to.equal(30);
    expect(daysOutstanding(invoice('2024-01-16', 1), TODAY)).to.equal(45);
    expect(daysOutstanding(invoice('2024-03-05', 1), TODAY)).to.equal(-4);
  });
});

describe('dunningState levels at the boundaries', () => {
  const cases: [number, string][] = [
    [0, 'none'],
    [1, 'outstanding'],
    [29, 'outstanding'],
    [30, 'overdue'],
    [44, 'overdue'],
    [45, 'suspended'],
    [400, 'suspended'],
  ];
  for (const [days, level] of cases) {
    it(`oldest due ${days} day(s) ago → ${level}`, () => {
      const state = dunningState(snapshot([dueDaysAgo(days)]));
      expect(state.level).to.equal(level);
      expect(dunningLevel(snapshot([dueDaysAgo(days)]))).to.equal(level);
    });
  }

  it('is none without invoices', () => {
    const state = dunningState(snapshot([]));
    expect(state).to.deep.equal({
      level: 'none',
      outstanding: [],
      outstandingCount: 0,
      amountOwed: { amount: 0, currency: 'USD' },
      oldestDaysOutstanding: 0,
      daysUntilOverdue: null,
      daysUntilSuspension: null,
      suspendedByAccount: false,
    });
  });

  it('ignores paid invoices however old', () => {
    expect(dunningState(snapshot([dueDaysAgo(100, 0, 1000), dueDaysAgo(60, 0, 1)])).level).to.equal('none');
  });
});

describe('dunningState details', () => {
  it('counts down to overdue and suspension', () => {
    const at1 = dunningState(snapshot([dueDaysAgo(1)]));
    expect(at1.oldestDaysOutstanding).to.equal(1);
    expect(at1.daysUntilOverdue).to.equal(29);
    expect(at1.daysUntilSuspension).to.equal(44);

    const at29 = dunningState(snapshot([dueDaysAgo(29)]));
    expect(at29.daysUntilOverdue).to.equal(1);
    expect(at29.daysUntilSuspension).to.equal(16);

    const at30 = dunningState(snapshot([dueDaysAgo(30)]));
    expect(at30.daysUntilOverdue).to.equal(0);
    expect(at30.daysUntilSuspension).to.equal(15);

    const at44 = dunningState(snapshot([dueDaysAgo(44)]));
    expect(at44.daysUntilOverdue).to.equal(0);
    expect(at44.daysUntilSuspension).to.equal(1);

    const at45 = dunningState(snapshot([dueDaysAgo(45)]));
    expect(at45.oldestDaysOutstanding).to.equal(45);
    expect(at45.daysUntilOverdue).to.equal(null);
    expect(at45.daysUntilSuspension).to.equal(null);
    expect(at45.suspendedByAccount).to.equal(false);
  });

  it('takes the level from the oldest outstanding invoice, listing oldest first', () => {
    const recent = dueDaysAgo(2, 300);
    const oldest = dueDaysAgo(31, 200, 100);
    const middle = dueDaysAgo(10, 100);
    const notYetDue = invoice(addDays(TODAY, 3), 5000);
    const dueToday = invoice(TODAY, 7000);
    const paid = dueDaysAgo(60, 0, 900);
    const state = dunningState(snapshot([recent, paid, notYetDue, oldest, dueToday, middle]));
    expect(state.level).to.equal('overdue');
    expect(state.outstanding.map((i) => i.id)).to.deep.equal([oldest.id, middle.id, recent.id]);
    expect(state.outstandingCount).to.equal(3);
    expect(state.amountOwed).to.deep.equal({ amount: 600, currency: 'USD' });
    expect(state.oldestDaysOutstanding).to.equal(31);
  });

  it('does not reorder the snapshot itself', () => {
    const invoices = [dueDaysAgo(1), dueDaysAgo(20)];
    const ids = invoices.map((i) => i.id);
    dunningState(snapshot(invoices));
    expect(invoices.map((i) => i.id)).to.deep.equal(ids);
  });

  it('sums in the account currency (JPY)', () => {
    const snap = snapshot([invoice('2024-02-01', 5000, 0, 'JPY'), invoice('2024-02-20', 700, 300, 'JPY')], { currency: 'JPY' });
    expect(dunningState(snap).amountOwed).to.deep.equal({ amount: 5700, currency: 'JPY' });
  });

  it('is suspended when the account says so, even with nothing outstanding', () => {
    const state = dunningState(snapshot([], { suspended: true }));
    expect(state.level).to.equal('suspended');
    expect(state.suspendedByAccount).to.equal(true);
    expect(state.outstandingCount).to.equal(0);
    expect(state.daysUntilOverdue).to.equal(null);
    expect(state.daysUntilSuspension).to.equal(null);
  });

  it('is suspended when the account says so, whatever the age of the debt', () => {
    const state = dunningState(snapshot([dueDaysAgo(3)], { suspended: true }));
    expect(state.level).to.equal('suspended');
    expect(state.outstandingCount).to.equal(1);
    expect(state.oldestDaysOutstanding).to.equal(3);
    expect(state.daysUntilSuspension).to.equal(null);
  });

  it('treats suspended: false like no flag', () => {
    expect(dunningState(snapshot([dueDaysAgo(3)], { suspended: false })).level).to.equal('outstanding');
  });
});

describe('dunningState and "today"', () => {
  it("uses the UTC date of the server's now near midnight", () => {
    // 23:30 in New York on March 1st is already March 2nd in UTC.
    const dueMarch1 = invoice('2024-03-01', 1000);
    expect(dunningState(snapshot([dueMarch1], { now: '2024-03-01T23:30:00-05:00' })).level).to.equal('outstanding');
    expect(dunningState(snapshot([dueMarch1], { now: '2024-03-01T23:30:00Z' })).level).to.equal('none');
    expect(dunningState(snapshot([dueMarch1], { now: '2024-03-02T00:30:00+01:00' })).level).to.equal('none');
  });

  it('crosses 30 and 45 days exactly at UTC midnight of now', () => {
    const due = invoice('2024-01-31', 1000);
    expect(dunningState(snapshot([due], { now: '2024-02-29T23:59:59Z' })).level).to.equal('outstanding');
    expect(dunningState(snapshot([due], { now: '2024-03-01T00:00:00Z' })).level).to.equal('overdue');
    expect(dunningState(snapshot([due], { now: '2024-03-15T23:59:59.999Z' })).level).to.equal('overdue');
    expect(dunningState(snapshot([due], { now: '2024-03-16T00:00:00Z' })).level).to.equal('suspended');
    expect(dunningState(snapshot([due], { now: '2024-03-15T14:00:00-10:00' })).level).to.equal('suspended');
  });

  it("accepts a plain calendar date as now", () => {
    expect(dunningState(snapshot([invoice('2024-01-31', 1)], { now: '2024-03-01' })).level).to.equal('overdue');
  });

  it("falls back to the browser's clock (UTC date) without now", () => {
    const browserToday = todayOf();
    const snapAt = (days: number) => snapshot([invoice(addDays(browserToday, -days), 1000)], { now: undefined });
    expect(snapAt(0).now).to.equal(undefined);
    expect(dunningState(snapAt(0)).level).to.equal('none');
    expect(dunningState(snapAt(1)).level).to.equal('outstanding');
    expect(dunningState(snapAt(30)).level).to.equal('overdue');
    expect(dunningState(snapAt(45)).level).to.equal('suspended');
  });
});
