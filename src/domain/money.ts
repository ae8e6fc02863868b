/**
 * Money helpers. Amounts are integer counts of the currency's minor units; nothing here
 * goes through floating point: decimal strings are built with integer and string operations
 * and handed to `Intl.NumberFormat` as strings, so even `Number.MAX_SAFE_INTEGER` cents keep
 * every digit. No DOM.
 */
import type { Money } from './types.js';

const digitsCache = new Map<string, number>();

/**
 * The number of minor-unit digits of an ISO 4217 currency as the platform's `Intl` knows it
 * (USD 2, JPY 0, BHD 3). Throws `RangeError` for a malformed currency code.
 */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * An integer minor-unit amount as an exact decimal string in major units:
 * `123456` USD → `"1234.56"`, `-5` USD → `"-0.05"`, `500` JPY → `"500"`.
 * Throws `RangeError` when `amount` is not a safe integer.
 */
export function minorToDecimalString(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError('Money amount must be a safe integer count of minor units.');
  const digits = currencyDigits(currency);
  const negative = amount < 0;
  // Math.abs of a safe integer is exact; String() of a safe integer has no exponent.
  const magnitude = String(Math.abs(amount));
  let text: string;
  if (digits === 0) {
    text = magnitude;
  } else {
    const padded = magnitude.padStart(digits + 1, '0');
    text = `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  }
  return negative ? `-${text}` : text;
}

/** One Intl.NumberFormat per locale and currency. */
const formatCache = new Map<string, Intl.NumberFormat>();

/**
 * A money amount in the locale's currency style (the browser's default locale when none is
 * given). Formats the exact decimal string, so large amounts keep every digit.
 */
export function formatMoney(money: Money | { amount: number; currency: string }, locale?: string): string {
  const decimal = minorToDecimalString(money.amount, money.currency);
  // Constructing an Intl.NumberFormat costs far more than formatting with one: one per locale and currency.
  const key = `${locale ?? ''}|${money.currency}`;
  let format = formatCache.get(key);
  if (!format) {
    const digits = currencyDigits(money.currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatCache.set(key, format);
  }
  // Intl.NumberFormat.prototype.format accepts a decimal string and keeps its full precision.
  return format.format(decimal as Intl.StringNumericLiteral);
}

/**
 * The integer sum of `items`, all of which must be in `currency` (an empty list sums to 0).
 * Throws `RangeError` when a currency differs or the sum leaves the safe-integer range.
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let amount = 0;
  items.forEach((item, index) => {
    if (item.currency !== currency) {
      throw new RangeError(`Cannot sum money in different currencies: item ${index} is ${item.currency}, expected ${currency}.`);
    }
    if (!Number.isSafeInteger(item.amount)) throw new RangeError(`Money amount of item ${index} must be a safe integer.`);
    amount += item.amount;
    if (!Number.isSafeInteger(amount)) throw new RangeError('Money sum exceeds the safe-integer range.');
  });
  return { amount, currency };
}
