/**
 * Dunning: which invoices are outstanding and how stern the page must be about them.
 * Pure functions of the snapshot; "today" is the snapshot's `now` when given. No DOM.
 */
import { daysBetween, parseInstant, today as todayOf } from './dates.js';
import { sumMoney } from './money.js';
import type { BillingSnapshot, Invoice, Money } from './types.js';

/** Oldest outstanding invoice this many days past due (or more) → `overdue`. */
export const OVERDUE_AFTER_DAYS = 30;
/** Oldest outstanding invoice this many days past due (or more) → `suspended`. */
export const SUSPEND_AFTER_DAYS = 45;

export type DunningLevel = 'none' | 'outstanding' | 'overdue' | 'suspended';

/**
 * Whether `invoice` is outstanding on `today` (a calendar date): something is still owed and
 * its due date is strictly before today. Due today is not outstanding; partially paid counts.
 */
export function isOutstanding(invoice: Invoice, today: string): boolean {
  return invoice.amountOwed > 0 && daysBetween(invoice.dueDate, today) > 0;
}

/** Whole calendar days from the invoice's due date to `today` (negative before the due date). */
export function daysOutstanding(invoice: Invoice, today: string): number {
  return daysBetween(invoice.dueDate, today);
}

export interface DunningState {
  level: DunningLevel;
  /** Outstanding invoices, oldest (earliest due date) first. */
  outstanding: Invoice[];
  outstandingCount: number;
  /** Sum of the outstanding invoices' `amountOwed`, in the account's currency. */
  amountOwed: Money;
  /** Days outstanding of the oldest outstanding invoice; 0 when none. */
  oldestDaysOutstanding: number;
  /** Days until the level becomes `overdue` (0 once overdue); null when none outstanding or suspended. */
  daysUntilOverdue: number | null;
  /** Days until the level becomes `suspended`; null when none outstanding or already suspended. */
  daysUntilSuspension: number | null;
  /** Whether the snapshot itself says the account is suspended (`account.suspended`). */
  suspendedByAccount: boolean;
}

interface Due {
  invoice: Invoice;
  /** Days outstanding, computed once per invoice. */
  days: number;
  /** Epoch ms of `finalizedAt`, for ties. */
  at: number;
}

/** Oldest first: earliest due date, then earliest finalized, then invoice number. */
function oldestFirst(a: Due, b: Due): number {
  if (a.days !== b.days) return b.days - a.days;
  if (a.at !== b.at) return a.at - b.at;
  return a.invoice.number < b.invoice.number ? -1 : a.invoice.number > b.invoice.number ? 1 : 0;
}

/**
 * The dunning state of a (validated) snapshot. Looks at every invoice once (a day count per
 * invoice, no Date objects), then orders only the outstanding ones.
 */
export function dunningState(snapshot: BillingSnapshot): DunningState {
  const day = todayOf(snapshot.now);
  const due: Due[] = [];
  for (const invoice of snapshot.invoices) {
    if (invoice.amountOwed <= 0) continue;
    const days = daysBetween(invoice.dueDate, day);
    if (days > 0) due.push({ invoice, days, at: parseInstant(invoice.finalizedAt) ?? 0 });
  }
  due.sort(oldestFirst);
  const outstanding = due.map((entry) => entry.invoice);
  const currency = snapshot.account.currency;
  const amountOwed = sumMoney(
    outstanding.map((invoice) => ({ amount: invoice.amountOwed, currency: invoice.currency })),
    currency,
  );
  const oldest = outstanding[0];
  const oldestDaysOutstanding = oldest ? due[0]!.days : 0;
  const suspendedByAccount = snapshot.account.suspended === true;

  let level: DunningLevel = 'none';
  if (suspendedByAccount || (oldest && oldestDaysOutstanding >= SUSPEND_AFTER_DAYS)) level = 'suspended';
  else if (oldest && oldestDaysOutstanding >= OVERDUE_AFTER_DAYS) level = 'overdue';
  else if (oldest) level = 'outstanding';

  const counting = oldest !== undefined && level !== 'suspended';
  return {
    level,
    outstanding,
    outstandingCount: outstanding.length,
    amountOwed,
    oldestDaysOutstanding,
    daysUntilOverdue: counting ? Math.max(0, OVERDUE_AFTER_DAYS - oldestDaysOutstanding) : null,
    daysUntilSuspension: counting ? SUSPEND_AFTER_DAYS - oldestDaysOutstanding : null,
    suspendedByAccount,
  };
}

/** The dunning level of a (validated) snapshot. */
export function dunningLevel(snapshot: BillingSnapshot): DunningLevel {
  return dunningState(snapshot).level;
}
