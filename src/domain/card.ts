/**
 * Card checks for the built-in card inputs of `<billing-form>`: brand detection, number
 * formatting, expiry and security-code rules. Pure functions, no DOM, no clock: "today" is
 * always passed in (it comes from the snapshot's `now`).
 *
 * Built on `card-validator` (Braintree), which carries the brand table of `credit-card-type`
 * (prefixes, lengths, digit groups, security-code size and name).
 *
 * Nothing here logs, stores or throws with a card number or security code in it.
 */
import cardValidator from 'card-validator';

/** Every brand card-validator knows (its `creditCardType.types`). */
export const CARD_BRANDS = [
  'visa',
  'mastercard',
  'american-express',
  'diners-club',
  'discover',
  'jcb',
  'unionpay',
  'maestro',
  'mir',
  'elo',
  'hiper',
  'hipercard',
  'troy',
  'naranja',
  'verve',
] as const;

export type CardBrand = (typeof CARD_BRANDS)[number];

export function isCardBrand(value: unknown): value is CardBrand {
  return typeof value === 'string' && (CARD_BRANDS as readonly string[]).includes(value);
}

/** Longest number any brand allows (ISO/IEC 7812). */
const MAX_PAN_LENGTH = 19;
const DEFAULT_GAPS: readonly number[] = [4, 8, 12];
const DEFAULT_CODE = { size: 3, name: 'CVV' } as const;

interface BrandInfo {
  niceType: string;
  gaps: number[];
  lengths: number[];
  code: { size: number; name: string };
}

function brandInfo(brand: CardBrand): BrandInfo | null {
  return (cardValidator.creditCardType.getTypeInfo(brand) as BrandInfo | undefined) ?? null;
}

/** The brand's proper name as card networks write it: "Visa", "Mastercard", "American Express"… */
export function brandLabel(brand: CardBrand): string {
  return brandInfo(brand)?.niceType ?? brand;
}

const BRAND_ALIASES: Readonly<Record<string, CardBrand>> = { amex: 'american-express', diners: 'diners-club', 'union-pay': 'unionpay' };

/**
 * A brand code as processors report it (`visa`, `american_express`, `amex`, `Diners`) as people
 * write it (`Visa`, `American Express`, `Diners Club`); an unknown code is returned as given.
 */
export function brandNameOfCode(code: string): string {
  const normalized = code.trim().toLowerCase().replaceAll('_', '-');
  const brand = isCardBrand(normalized) ? normalized : BRAND_ALIASES[normalized];
  return brand ? brandLabel(brand) : code;
}

/**
 * The decimal value (0–9) of a Unicode decimal digit (`\p{Nd}`), else -1.
 * Unicode assigns decimal digits only in contiguous runs of ten code points ordered 0..9, so
 * the distance to the start of the run, modulo 10, is the value. This accepts full-width
 * digits (Japanese IMEs), Arabic-Indic and Devanagari digits as well as ASCII.
 */
function digitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  if (!isDecimalDigit(codePoint)) return -1;
  let start = codePoint;
  while (start > 0 && isDecimalDigit(start - 1)) start--;
  return (codePoint - start) % 10;
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
function isDecimalDigit(codePoint: number): boolean {
  return DECIMAL_DIGIT.test(String.fromCodePoint(codePoint));
}

/** The decimal digits of `s`, as ASCII `0-9`, everything else dropped. */
export function digitsOnly(s: string): string {
  let out = '';
  for (const ch of s) {
    const value = digitValue(ch.codePointAt(0)!);
    if (value >= 0) out += String(value);
  }
  return out;
}

export interface CardNumberDescription {
  /** The number's digits, ASCII. */
  digits: string;
  /** The one brand the digits can belong to; null while none or several are possible. */
  brand: CardBrand | null;
  /** The digit count is one the brand issues (the number may still fail Luhn: see `valid`). */
  complete: boolean;
  /** A brand length and, per card-validator, the Luhn checksum (not checked for UnionPay). */
  valid: boolean;
  /** More typing could still make it valid (card-validator's `isPotentiallyValid`). */
  potentiallyValid: boolean;
  /** The most digits the brand allows (19 while the brand is unknown). */
  maxLength: number;
  /** Digit indexes before which a space goes (`[4, 8, 12]`, Amex `[4, 10]`). */
  gaps: number[];
  /** Digits of the brand's security code (4 for Amex, 3 otherwise). */
  codeLength: number;
  /** The brand's name for its security code: CVV, CVC, CID, CVN, CVE, CVP2. */
  codeName: string;
}

/** Brand, completeness and validity of what was typed into the card-number field. */
export function describeCardNumber(input: string): CardNumberDescription {
  const digits = digitsOnly(input);
  const verification = cardValidator.number(digits);
  const card = verification.card;
  const brand = card && isCardBrand(card.type) ? card.type : null;
  const info = brand ? brandInfo(brand) : null;
  const lengths = info?.lengths ?? [];
  return {
    digits,
    brand,
    complete: lengths.includes(digits.length),
    valid: brand !== null && verification.isValid,
    potentiallyValid: verification.isPotentiallyValid,
    maxLength: lengths.length > 0 ? Math.max(...lengths) : MAX_PAN_LENGTH,
    gaps: [...(info?.gaps ?? DEFAULT_GAPS)],
    codeLength: info?.code.size ?? DEFAULT_CODE.size,
    codeName: info?.code.name ?? DEFAULT_CODE.name,
  };
}

/**
 * The number grouped by its brand's gaps ("4242 4242 4242 4242", Amex "3782 822463 10005"),
 * cut at the brand's longest length. Non-digits are dropped.
 */
export function formatCardNumber(input: string): string {
  const { digits, maxLength, gaps } = describeCardNumber(input);
  const kept = digits.slice(0, maxLength);
  let out = '';
  for (let i = 0; i < kept.length; i++) {
    if (gaps.includes(i) && i > 0) out += ' ';
    out += kept[i];
  }
  return out;
}

/**
 * Where the caret belongs in `formatted` after reformatting `raw`, given the caret at UTF-16
 * index `caret` in `raw`, so that typing or deleting in the middle does not throw the caret
 * to the end. Works for any formatter that adds or removes non-digits, pads digits at the
 * front (expiry "4" → "04/") or cuts digits at the end (card number over its length):
 * - a caret with no digit after it stays at the end (after an added "/" or space);
 * - otherwise it goes right after the same digits as stood before it.
 */
export function caretAfterFormat(raw: string, caret: number, formatted: string): number {
  let before = 0;
  let after = 0;
  let index = 0;
  for (const ch of raw) {
    if (digitValue(ch.codePointAt(0)!) >= 0) {
      if (index < caret) before++;
      else after++;
    }
    index += ch.length;
  }
  if (after === 0) return formatted.length;
  const formattedDigits = digitsOnly(formatted).length;
  const padded = Math.max(0, formattedDigits - (before + after));
  const target = before + padded;
  if (target === 0) return 0;
  let seen = 0;
  index = 0;
  for (const ch of formatted) {
    index += ch.length;
    if (digitValue(ch.codePointAt(0)!) >= 0 && ++seen === target) return index;
  }
  return formatted.length;
}

// ---------------------------------------------------------------------------------------
// Expiry
// ---------------------------------------------------------------------------------------

/** The expiry typed so far, split into its month part and year part (digits only). */
interface ExpiryParts {
  month: string;
  year: string;
  /** Whether month and year were split by a separator the user typed. */
  separated: boolean;
}

const EXPIRY_SEPARATED = /^\s*(\p{Nd}{1,2})\s*[/\-.\s]\s*(\p{Nd}*)\s*$/u;
const EXPIRY_DIGITS = /^\s*(\p{Nd}*)\s*$/u;

/** Month and year parts of an expiry input, or null when it cannot be one. */
function expiryParts(input: string): ExpiryParts | null {
  const separated = EXPIRY_SEPARATED.exec(input);
  if (separated) return { month: digitsOnly(separated[1]!), year: digitsOnly(separated[2]!), separated: true };
  const plain = EXPIRY_DIGITS.exec(input);
  if (!plain) return null;
  const digits = digitsOnly(plain[1]!);
  // Digits only: MM YY or MM YYYY. A single leading 2-9 can only be a one-digit month.
  if (digits.length > 0 && digits[0]! >= '2') return { month: digits.slice(0, 1), year: digits.slice(1), separated: false };
  return { month: digits.slice(0, 2), year: digits.slice(2), separated: false };
}

function fullYear(year: string): number | null {
  if (year.length === 2) return 2000 + Number(year);
  if (year.length === 4) return Number(year);
  return null;
}

/**
 * Month (1–12) and full year of an expiry: "MM/YY", "M/YY", "MM / YY", "MM-YY", "MMYY",
 * "MM/YYYY", "MMYYYY". Two-digit years are 20YY. Null when incomplete or not a date.
 */
export function parseExpiry(input: string): { month: number; year: number } | null {
  const parts = expiryParts(input);
  if (!parts || parts.month.length === 0) return null;
  const month = Number(parts.month);
  const year = fullYear(parts.year);
  if (month < 1 || month > 12 || year === null) return null;
  return { month, year };
}

/**
 * Reformats the expiry field while the user types, towards "MM/YY":
 * "1" → "1", "12" → "12/", "123" → "12/3", "4" → "04/", "1/" → "01/", "12/2030" stays.
 * Pass the field's `previous` value so that deleting the "/" works: when the value got
 * shorter, no "/" is added back ("12/" → backspace → "12").
 * A year of up to four digits is kept (autofill may give "MM/YYYY"); anything else is dropped.
 */
export function formatExpiryInput(input: string, previous?: string): string {
  const deleting = previous !== undefined && input.length < previous.length;
  let parts = expiryParts(input);
  if (parts && parts.separated && parts.month === '0') parts = expiryParts(digitsOnly(input));
  if (!parts) {
    // Stray characters: keep the digits and read them as if typed one by one.
    parts = expiryParts(digitsOnly(input).slice(0, 6))!;
  }
  let { month } = parts;
  const year = parts.year.slice(0, 4);
  if (month.length === 1 && (month >= '2' || (parts.separated && month !== '0'))) month = `0${month}`;
  if (month.length < 2) return month;
  if (year.length > 0) return `${month}/${year}`;
  return deleting && !parts.separated ? month : `${month}/`;
}

export type ExpiryValidity = 'ok' | 'required' | 'incomplete' | 'invalid' | 'expired';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Cards are not issued for longer than this (card-validator uses 19 years; we allow 20). */
const MAX_MONTHS_AHEAD = 20 * 12;

/**
 * The expiry field's state. A card is valid through the last day of its expiry month, so a
 * card expiring in today's month is 'ok' and one that expired last month is 'expired'. More
 * than 20 years ahead, month 00 or 13+, or a year of more than four digits are 'invalid';
 * "1", "12/", "12/3" are 'incomplete'.
 * @param todayCalendarDate today as `YYYY-MM-DD` (UTC calendar date of the snapshot's `now`).
 */
export function validateExpiry(input: string, todayCalendarDate: string): ExpiryValidity {
  const today = CALENDAR_DATE.exec(todayCalendarDate);
  if (!today || Number(today[2]) < 1 || Number(today[2]) > 12) throw new RangeError(`validateExpiry: today must be a YYYY-MM-DD calendar date, got "${todayCalendarDate}".`);
  if (input.trim() === '') return 'required';
  const parts = expiryParts(input);
  if (!parts || parts.month.length === 0) return 'invalid';
  const monthDigits = parts.month;
  if (monthDigits === '00' || Number(monthDigits) > 12) return 'invalid';
  if (parts.year.length > 4) return 'invalid';
  const expiry = parseExpiry(input);
  if (!expiry) return 'incomplete';
  const todayIndex = Number(today[1]) * 12 + Number(today[2]) - 1;
  const expiryIndex = expiry.year * 12 + expiry.month - 1;
  if (expiryIndex < todayIndex) return 'expired';
  if (expiryIndex - todayIndex > MAX_MONTHS_AHEAD) return 'invalid';
  return 'ok';
}

// ---------------------------------------------------------------------------------------
// Number and security code
// ---------------------------------------------------------------------------------------

export type CardFieldValidity = 'ok' | 'required' | 'incomplete' | 'invalid';

/** Digits with the separators people type or paste between groups. */
const CARD_NUMBER_CHARS = /^[\p{Nd}\s-]*$/u;

/**
 * The card-number field's state: 'invalid' for letters, an unknown prefix, more digits than
 * the brand allows, or a brand length that fails the Luhn checksum; 'incomplete' while more
 * digits could still make it valid.
 */
export function validateCardNumber(input: string): CardFieldValidity {
  if (input.trim() === '') return 'required';
  if (!CARD_NUMBER_CHARS.test(input)) return 'invalid';
  const card = describeCardNumber(input);
  if (card.digits.length === 0) return 'invalid';
  if (card.valid) return 'ok';
  if (!card.potentiallyValid || card.complete) return 'invalid';
  return 'incomplete';
}

/**
 * The security-code field's state: 4 digits for American Express, 3 for other brands.
 * While the brand is not known yet (`null`), 3 or 4 digits are accepted; the number's own
 * validation keeps the form from submitting until the brand is known.
 */
export function validateSecurityCode(input: string, brand: CardBrand | null): CardFieldValidity {
  const trimmed = input.trim();
  if (trimmed === '') return 'required';
  if (!/^\p{Nd}+$/u.test(trimmed)) return 'invalid';
  const length = digitsOnly(trimmed).length;
  const sizes = brand ? [brandInfo(brand)?.code.size ?? DEFAULT_CODE.size] : [3, 4];
  if (sizes.includes(length)) return 'ok';
  return length < Math.min(...sizes) ? 'incomplete' : 'invalid';
}

/** The last four digits of a card number (fewer if it has fewer). */
export function cardLast4(number: string): string {
  return digitsOnly(number).slice(-4);
}
