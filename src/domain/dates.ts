/**
 * Calendar-date helpers. Every date rule works on UTC calendar dates (`YYYY-MM-DD`) so that
 * the browser's time zone never changes a result. No DOM.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 / ISO 8601 extended date-time. Without an offset the time is read as UTC.
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * Epoch milliseconds of a UTC wall time, by arithmetic (no Date object: this runs for every
 * invoice of a snapshot). Date.UTC would map years 0–99 to 1900–1999; this does not.
 */
function utcMs(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0, ms = 0): number {
  return daysFromCivil(year, month, day) * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

function fromMs(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(ms) || year < 0 || year > 9999) throw new RangeError('Date is outside the years 0000–9999.');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Whether `s` is a real calendar date `YYYY-MM-DD` (`2024-02-29` yes, `2023-02-29` no). */
export function isCalendarDate(s: string): boolean {
  const match = DATE_RE.exec(s);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by `count` ASCII digits of `s` from `from`, or -1. */
function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * The common shapes, read without regular expressions (this runs for every invoice):
 * `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ`. Null for anything
 * else, which `parseInstant` then reads the general way (same rules, same result).
 */
function quickInstant(s: string): number | null {
  const length = s.length;
  if ((length !== 10 && length !== 20 && length !== 24) || s[4] !== '-' || s[7] !== '-') return null;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (length === 10) return utcMs(year, month, day);
  const last = s[length - 1];
  if ((s[10] !== 'T' && s[10] !== 't' && s[10] !== ' ') || s[13] !== ':' || s[16] !== ':' || (last !== 'Z' && last !== 'z')) return null;
  const hours = digitsAt(s, 11, 2);
  const minutes = digitsAt(s, 14, 2);
  const seconds = digitsAt(s, 17, 2);
  const millis = length === 24 ? (s[19] === '.' ? digitsAt(s, 20, 3) : -1) : 0;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60 || millis < 0) return null;
  return utcMs(year, month, day, hours, minutes, seconds, millis);
}

/**
 * Epoch milliseconds of an ISO 8601 calendar date (midnight UTC) or date-time (a date-time
 * without an offset is read as UTC), or `null` when `s` is neither.
 */
export function parseInstant(s: string): number | null {
  const quick = quickInstant(s);
  if (quick !== null) return quick;
  if (isCalendarDate(s)) {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return utcMs(y, m, d);
  }
  const match = DATE_TIME_RE.exec(s);
  if (!match) return null;
  const [, date, hh, mm, ss, fraction, , sign, oh, om] = match;
  if (!isCalendarDate(date!)) return null;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = ss === undefined ? 0 : Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  const offsetHours = oh === undefined ? 0 : Number(oh);
  const offsetMinutes = om === undefined ? 0 : Number(om);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const [y, m, d] = date!.split('-').map(Number) as [number, number, number];
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return utcMs(y, m, d, hours, minutes, seconds, millis) - offset;
}

/** Whether `s` is an ISO 8601 calendar date or date-time that `toCalendarDate` accepts. */
export function isIsoDateOrDateTime(s: string): boolean {
  return parseInstant(s) !== null;
}

/**
 * The UTC calendar date of an ISO 8601 date-time (`2024-03-01T23:30:00-05:00` → `2024-03-02`);
 * a calendar date is returned as it is. Throws `RangeError` for anything else.
 */
export function toCalendarDate(isoDateOrDateTime: string): string {
  if (isCalendarDate(isoDateOrDateTime)) return isoDateOrDateTime;
  const ms = parseInstant(isoDateOrDateTime);
  if (ms === null) throw new RangeError('Expected an ISO 8601 date or date-time.');
  return fromMs(ms);
}

/**
 * "Today" as a UTC calendar date: the snapshot's `now` (the server's clock) when given, else
 * the browser's clock. Independent of the browser's time zone.
 */
export function today(now?: string, clock: () => Date = () => new Date()): string {
  if (now !== undefined) return toCalendarDate(now);
  return fromMs(clock().getTime());
}

function dayNumber(date: string): number {
  // Calendar dates (every due date) take the arithmetic path: date rules run over every invoice.
  const match = DATE_RE.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return daysFromCivil(year, month, day);
  }
  return Math.round(parseInstantOrThrow(toCalendarDate(date)) / DAY_MS);
}

function parseInstantOrThrow(s: string): number {
  const ms = parseInstant(s);
  if (ms === null) throw new RangeError('Expected an ISO 8601 date or date-time.');
  return ms;
}

/**
 * Whole calendar days from `from` to `to` (`to − from`; negative when `to` is earlier).
 * Date-times are first reduced to their UTC calendar date.
 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date `days` (an integer, may be negative) after `date`. */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError('Days must be an integer.');
  return fromMs((dayNumber(date) + days) * DAY_MS);
}

/**
 * A calendar date for display in `locale` (the browser's default when omitted), `dateStyle:
 * 'medium'`, never shifted by the browser's time zone. A date-time shows its UTC date.
 */
export function formatDate(date: string, locale?: string): string {
  const ms = dayNumber(date) * DAY_MS;
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(ms);
}

/** One Intl.DateTimeFormat per locale: constructing one costs far more than formatting with it. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
