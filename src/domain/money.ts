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

/** One Intl.NumberFormat per locale and currency, and whether its currency symbol needs isolating. */
const formatCache = new Map<string, { format: Intl.NumberFormat; isolate: boolean }>();

/** Right-to-left languages, for engines without `Intl.Locale.prototype.getTextInfo`. */
const RTL_LANGUAGES = /^(?:ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|syr|ug|ur|yi)$/;

function isRightToLeft(tag: string): boolean {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    return direction ? direction === 'rtl' : RTL_LANGUAGES.test(locale.language);
  } catch {
    return false;
  }
}

const LRI = '\u2066';
const PDI = '\u2069';
const LATIN = /\p{Script=Latin}/u;

/**
 * A money amount in the locale's currency style (the browser's default locale when none is
 * given). Formats the exact decimal string, so large amounts keep every digit.
 *
 * In right-to-left locales a currency symbol written with Latin letters (`US$`, `CA$`) is isolated
 * left to right (LRI…PDI): Arabic formats `‏2,176.50 US$`, and without the isolate the bidi
 * algorithm draws its trailing `$` on the far side of `US` ("$US 2,176.50"). Invisible elsewhere.
 */
export function formatMoney(money: Money | { amount: number; currency: string }, locale?: string): string {
  const decimal = minorToDecimalString(money.amount, money.currency) as Intl.StringNumericLiteral;
  // Constructing an Intl.NumberFormat costs far more than formatting with one: one per locale and currency.
  const key = `${locale ?? ''}|${money.currency}`;
  let cached = formatCache.get(key);
  if (!cached) {
    const digits = currencyDigits(money.currency);
    const format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    const rtl = isRightToLeft(format.resolvedOptions().locale);
    const isolate = rtl && format.formatToParts(0).some((part) => part.type === 'currency' && LATIN.test(part.value));
    formatCache.set(key, (cached = { format, isolate }));
  }
  // Intl.NumberFormat.prototype.format accepts a decimal string and keeps its full precision.
  if (!cached.isolate) return cached.format.format(decimal);
  return cached.format
    .formatToParts(decimal)
    .map((part) => (part.type === 'currency' ? LRI + part.value + PDI : part.value))
    .join('');
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
