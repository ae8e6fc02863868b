/**
 * Named demo scenarios for the MemoryBillingAdapter: the demo portal's switcher, Storybook,
 * tests and the reference server all start from these. No DOM, no UI.
 *
 * Every date is derived from `today` (a UTC calendar date, default the real one), and `now` is
 * today's noon UTC, so a scenario means the same thing on any day: "outstanding-5" always has
 * an invoice exactly 5 days past due. Regular invoices are finalized on the 1st of each month
 * and due 15 days later; the invoice a scenario is about is placed by its due date (finalized
 * 15 days before it), the paid history runs monthly on the 1st before it.
 */
import { addDays, today as calendarToday } from '../domain/dates.js';
import type { Invoice, Organization, PaymentMethod } from '../domain/types.js';
import type { MemoryBillingAdapterOptions } from './memory-adapter.js';

export type ScenarioName =
  | 'all-paid'
  | 'outstanding-5'
  | 'overdue-35'
  | 'suspended-50'
  | 'no-permission'
  | 'pending-card'
  | 'many-invoices'
  | 'failing-backend'
  | 'empty';

/** Every scenario with an English label for the demo switcher, in a fixed order. */
export const SCENARIOS: readonly { name: ScenarioName; label: string }[] = [
  { name: 'all-paid', label: 'All invoices paid' },
  { name: 'outstanding-5', label: 'Invoice 5 days past due' },
  { name: 'overdue-35', label: 'Overdue: 35 days past due, one partially paid' },
  { name: 'suspended-50', label: 'Suspended: 50 days past due' },
  { name: 'no-permission', label: 'Viewer without the billing role' },
  { name: 'pending-card', label: 'New card pending' },
  { name: 'many-invoices', label: '15 invoices, some from 2021' },
  { name: 'failing-backend', label: 'Billing service failing' },
  { name: 'empty', label: 'New account: no invoices, no card' },
];

const DUE_AFTER_DAYS = 15;

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The 1st of the month `offset` months from the month of `date`. */
function monthStart(date: string, offset: number): string {
  const [year, month] = parts(date);
  const index = year * 12 + (month - 1) + offset;
  return isoDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** A believable monthly amount in cents that varies from month to month ($890.00–$1,377.50). */
function monthlyAmount(finalized: string): number {
  const [year, month] = parts(finalized);
  return 89_000 + (((year * 12 + month) * 7919) % 40) * 1_250;
}

interface InvoiceSpec {
  /** Calendar date the invoice was finalized. */
  finalized: string;
  /** Default: 15 days after `finalized`. */
  due?: string;
  amount?: number;
  /** Default: the whole amount. */
  paid?: number;
}

function makeInvoice(spec: InvoiceSpec): Invoice {
  const amountBilled = spec.amount ?? monthlyAmount(spec.finalized);
  const amountPaid = Math.min(spec.paid ?? amountBilled, amountBilled);
  const amountOwed = amountBilled - amountPaid;
  const [year, month, day] = parts(spec.finalized);
  const compact = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return {
    id: `in_${compact}`,
    number: `ACME-${compact}`,
    finalizedAt: `${spec.finalized}T06:00:00Z`,
    dueDate: spec.due ?? addDays(spec.finalized, DUE_AFTER_DAYS),
    status: amountOwed === 0 ? 'paid' : amountPaid === 0 ? 'open' : 'partially_paid',
    currency: 'USD',
    amountBilled,
    amountPaid,
    amountOwed,
  };
}

/** The invoice due `daysAgo` days before `today` (finalized 15 days before its due date). */
function dueDaysAgo(today: string, daysAgo: number, paid = 0): InvoiceSpec {
  const due = addDays(today, -daysAgo);
  return { finalized: addDays(due, -DUE_AFTER_DAYS), due, paid };
}

/** Paid invoices on the 1st of the `count` months before the month of `before` (newest first). */
function paidHistory(before: string, count: number, fromOffset = -1): InvoiceSpec[] {
  return Array.from({ length: count }, (_, i) => ({ finalized: monthStart(before, fromOffset - i) }));
}

/** Newest first, as a billing service lists them. */
function invoices(specs: InvoiceSpec[]): Invoice[] {
  return specs.map(makeInvoice).sort((a, b) => (a.finalizedAt < b.finalizedAt ? 1 : a.finalizedAt > b.finalizedAt ? -1 : 0));
}

function card(brand: string, last4: string, expMonth: number, expYear: number, status: PaymentMethod['status'] = 'active'): PaymentMethod {
  return { brand, last4, expMonth, expYear, status };
}

/** A card that expired in the month before `today`'s (why the automatic charges failed). */
function expiredCard(today: string): PaymentMethod {
  const [year, month] = parts(monthStart(today, -1));
  return card('Visa', '1881', month, year);
}

function validCard(today: string, brand = 'Visa', last4 = '4242', status: PaymentMethod['status'] = 'active'): PaymentMethod {
  const [year] = parts(today);
  return card(brand, last4, 8, year + 3, status);
}

const MANY_ORGANIZATIONS: readonly Organization[] = [
  { id: 'org_engineering', name: 'Acme Engineering' },
  { id: 'org_sales', name: 'Acme Sales' },
  { id: 'org_support', name: 'Acme Support' },
  { id: 'org_zurich', name: 'Acme Zürich AG' },
  { id: 'org_tokyo', name: 'Acme 東京' },
  { id: 'org_sao_paulo', name: 'Acme São Paulo Ltda.' },
  { id: 'org_krakow', name: 'Acme Kraków sp. z o.o.' },
];

/**
 * The adapter options of scenario `name` on `today` (`YYYY-MM-DD`, default the real UTC date).
 * Returns fresh objects on every call.
 */
export function scenario(name: ScenarioName, today: string = calendarToday()): MemoryBillingAdapterOptions {
  const now = `${calendarToday(today)}T12:00:00Z`;
  const thisMonth = monthStart(today, 0);
  switch (name) {
    case 'all-paid':
      return { now, paymentMethod: validCard(today), invoices: invoices(paidHistory(thisMonth, 6, 0)) };
    case 'outstanding-5': {
      const late = dueDaysAgo(today, 5);
      return { now, paymentMethod: expiredCard(today), invoices: invoices([late, ...paidHistory(late.finalized, 4)]) };
    }
    case 'overdue-35': {
      const oldest = dueDaysAgo(today, 35);
      const partial = dueDaysAgo(today, 5);
      partial.amount = monthlyAmount(partial.finalized);
      partial.paid = Math.round(partial.amount * 0.4);
      return { now, paymentMethod: expiredCard(today), invoices: invoices([partial, oldest, ...paidHistory(oldest.finalized, 3)]) };
    }
    case 'suspended-50': {
      const oldest = dueDaysAgo(today, 50);
      const next = dueDaysAgo(today, 20);
      return {
        now,
        account: { suspended: true },
        paymentMethod: null,
        invoices: invoices([next, oldest, ...paidHistory(oldest.finalized, 3)]),
      };
    }
    case 'no-permission': {
      // One invoice past due, so the banner shows and its Update leads to the no-permission text.
      const late = dueDaysAgo(today, 10);
      return {
        now,
        viewer: { canManageBilling: false },
        paymentMethod: expiredCard(today),
        invoices: invoices([late, ...paidHistory(late.finalized, 4)]),
      };
    }
    case 'pending-card':
      return { now, paymentMethod: validCard(today, 'Mastercard', '4444', 'pending'), invoices: invoices(paidHistory(thisMonth, 3, -1)) };
    case 'many-invoices':
      // 13 recent months and 2 invoices from 2021, which are neither listed nor downloadable.
      return {
        now,
        account: { organizations: MANY_ORGANIZATIONS.map((organization) => ({ ...organization })) },
        paymentMethod: validCard(today, 'American Express', '8431'),
        invoices: invoices([...paidHistory(thisMonth, 13, 0), { finalized: '2021-12-01' }, { finalized: '2021-11-01' }]),
      };
    case 'failing-backend':
      return { now, paymentMethod: validCard(today), invoices: invoices(paidHistory(thisMonth, 3, 0)), fail: 'server' };
    case 'empty':
      return { now, paymentMethod: null, invoices: [] };
  }
}
