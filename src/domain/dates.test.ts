import { expect } from '@open-wc/testing';
import { addDays, daysBetween, formatDate, isCalendarDate, isIsoDateOrDateTime, parseInstant, toCalendarDate, today } from './dates.js';

// This file also runs with the browser in Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago
// (UTC−11): every expectation below must hold in any time zone.

describe('isCalendarDate', () => {
  it('accepts real dates, leap days included', () => {
    for (const s of ['2024-02-29', '2000-02-29', '2023-12-31', '2024-01-01', '1999-04-30', '0001-01-01']) {
      expect(isCalendarDate(s), s).to.equal(true);
    }
  });

  it('rejects impossible dates and other shapes', () => {
    for (const s of ['2023-02-29', '1900-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-32', '2024-4-01', '24-04-01', '2024-04-01T00:00:00Z', ' 2024-04-01', '2024-04-01 ', '', '2024/04/01']) {
      expect(isCalendarDate(s), s).to.equal(false);
    }
  });
});

describe('toCalendarDate', () => {
  it('returns a plain calendar date as it is', () => {
    expect(toCalendarDate('2024-03-01')).to.equal('2024-03-01');
  });

  it('converts a date-time to its UTC calendar date', () => {
    expect(toCalendarDate('2024-03-01T23:30:00-05:00')).to.equal('2024-03-02');
    expect(toCalendarDate('2024-03-02T00:30:00+01:00')).to.equal('2024-03-01');
    expect(toCalendarDate('2024-03-01T23:59:59.999Z')).to.equal('2024-03-01');
    expect(toCalendarDate('2024-03-02T00:00:00Z')).to.equal('2024-03-02');
    expect(toCalendarDate('2024-03-02T09:59:59+14:00')).to.equal('2024-03-01');
    expect(toCalendarDate('2024-03-01T13:00:00-11:00')).to.equal('2024-03-02');
    expect(toCalendarDate('2024-12-31T23:00:00-0100')).to.equal('2025-01-01');
    expect(toCalendarDate('2024-02-28T23:30:00-01:00')).to.equal('2024-02-29');
  });

  it('reads a date-time without offset as UTC, not as the browser time zone', () => {
    expect(toCalendarDate('2024-03-01T23:30:00')).to.equal('2024-03-01');
    expect(toCalendarDate('2024-03-01T00:10')).to.equal('2024-03-01');
  });

  it('throws RangeError for anything else', () => {
    for (const s of ['', 'yesterday', '2024-02-30T00:00:00Z', '2024-03-01T24:00:00Z', '2024-03-01T10:60:00Z', '2024-03-01T10:00:00+25:00', '1709251200000']) {
      expect(() => toCalendarDate(s), s).to.throw(RangeError);
    }
  });
});

describe('parseInstant / isIsoDateOrDateTime', () => {
  it('gives epoch milliseconds independent of the browser time zone', () => {
    expect(parseInstant('2024-03-01')).to.equal(Date.UTC(2024, 2, 1));
    expect(parseInstant('2024-03-01T23:30:00-05:00')).to.equal(Date.UTC(2024, 2, 2, 4, 30));
    expect(parseInstant('2024-03-01T23:30:00.250Z')).to.equal(Date.UTC(2024, 2, 1, 23, 30, 0, 250));
    expect(parseInstant('2024-03-01T23:30:00')).to.equal(Date.UTC(2024, 2, 1, 23, 30));
    expect(parseInstant('not a date')).to.equal(null);
  });

  it('tells dates and date-times from other strings', () => {
    expect(isIsoDateOrDateTime('2024-03-01')).to.equal(true);
    expect(isIsoDateOrDateTime('2024-03-01T10:00:00Z')).to.equal(true);
    expect(isIsoDateOrDateTime('2024-03-01T10:00:00+05:30')).to.equal(true);
    expect(isIsoDateOrDateTime('2023-02-29T10:00:00Z')).to.equal(false);
    expect(isIsoDateOrDateTime('March 1, 2024')).to.equal(false);
  });

  it('reads the common shapes like the platform, across eras and leap days', () => {
    const samples = ['0001-01-01', '0099-12-31', '1600-02-29', '1900-03-01', '1970-01-01', '2000-02-29', '2024-12-31', '9999-12-31'];
    for (const date of samples) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const expected = new Date(0);
      expected.setUTCFullYear(y, m - 1, d);
      expect(parseInstant(date), date).to.equal(expected.getTime());
      expect(parseInstant(`${date}T13:45:59Z`), date).to.equal(expected.getTime() + ((13 * 60 + 45) * 60 + 59) * 1000);
      expect(parseInstant(`${date}t13:45:59.007z`), date).to.equal(expected.getTime() + ((13 * 60 + 45) * 60 + 59) * 1000 + 7);
      expect(parseInstant(`${date} 00:00:00Z`), date).to.equal(expected.getTime());
    }
  });

  it('rejects out-of-range parts in the common shapes too', () => {
    for (const bad of ['2024-03-01T24:00:00Z', '2024-03-01T23:60:00Z', '2024-03-01T23:59:61Z', '2023-02-29T00:00:00Z', '2024-13-01', '2024-00-10', '2024-03-1xT00:00:00Z', '2024-03-01T00:00:00.5xZ', '2024-03-01X00:00:00Z']) {
      expect(parseInstant(bad), bad).to.equal(null);
    }
  });
});

describe('today', () => {
  it("is the snapshot's now (server clock) when given, as a UTC date", () => {
    const clock = () => new Date(Date.UTC(2030, 0, 1));
    expect(today('2024-03-01T23:30:00-05:00', clock)).to.equal('2024-03-02');
    expect(today('2024-03-01T00:30:00+01:00', clock)).to.equal('2024-02-29');
    expect(today('2024-03-01', clock)).to.equal('2024-03-01');
  });

  it("falls back to the browser's clock, read in UTC", () => {
    expect(today(undefined, () => new Date(Date.UTC(2024, 2, 1, 23, 59, 59, 999)))).to.equal('2024-03-01');
    expect(today(undefined, () => new Date(Date.UTC(2024, 2, 2, 0, 0, 0, 0)))).to.equal('2024-03-02');
    expect(today(undefined, () => new Date(Date.UTC(2024, 0, 1, 0, 30)))).to.equal('2024-01-01');
  });

  it('uses the real clock by default', () => {
    const before = new Date().toISOString().slice(0, 10);
    const value = today();
    const after = new Date().toISOString().slice(0, 10);
    expect([before, after]).to.include(value);
  });

  it('throws RangeError for a malformed now', () => {
    expect(() => today('soon')).to.throw(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, to minus from', () => {
    expect(daysBetween('2024-03-01', '2024-03-01')).to.equal(0);
    expect(daysBetween('2024-03-01', '2024-03-02')).to.equal(1);
    expect(daysBetween('2024-03-02', '2024-03-01')).to.equal(-1);
    expect(daysBetween('2024-01-01', '2024-12-31')).to.equal(365);
    expect(daysBetween('2023-01-01', '2024-01-01')).to.equal(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).to.equal(366);
    expect(daysBetween('2024-02-28', '2024-03-01')).to.equal(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).to.equal(1);
  });

  it('is not disturbed by daylight-saving changes of any zone', () => {
    expect(daysBetween('2024-03-09', '2024-03-11')).to.equal(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).to.equal(2);
    expect(daysBetween('2024-11-02', '2024-11-04')).to.equal(2);
  });

  it('reduces date-times to their UTC date first', () => {
    expect(daysBetween('2024-03-01', '2024-03-01T23:30:00-05:00')).to.equal(1);
    expect(daysBetween('2024-03-01T23:59:59Z', '2024-03-02T00:00:00Z')).to.equal(1);
  });

  it('throws RangeError for a malformed date', () => {
    expect(() => daysBetween('2023-02-29', '2024-01-01')).to.throw(RangeError);
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2023-02-28', 1)).to.equal('2023-03-01');
    expect(addDays('2024-12-31', 1)).to.equal('2025-01-01');
    expect(addDays('2024-03-01', -1)).to.equal('2024-02-29');
    expect(addDays('2024-03-01', 0)).to.equal('2024-03-01');
    expect(addDays('2024-03-01', -45)).to.equal('2024-01-16');
    expect(addDays('2024-01-31', 30)).to.equal('2024-03-01');
  });

  it('pads small years to four digits', () => {
    expect(addDays('0001-01-02', -1)).to.equal('0001-01-01');
  });

  it('is the inverse of daysBetween', () => {
    for (const n of [-400, -45, -30, -1, 0, 1, 29, 44, 366]) {
      expect(daysBetween('2024-03-01', addDays('2024-03-01', n))).to.equal(n);
    }
  });

  it('throws RangeError for a non-integer day count', () => {
    expect(() => addDays('2024-03-01', 1.5)).to.throw(RangeError);
    expect(() => addDays('2024-03-01', Number.NaN)).to.throw(RangeError);
  });
});

describe('formatDate', () => {
  it('shows the calendar date itself in the given locale', () => {
    expect(formatDate('2024-03-01', 'en-US')).to.equal('Mar 1, 2024');
    expect(formatDate('2024-01-01', 'en-US')).to.equal('Jan 1, 2024');
    expect(formatDate('2024-12-31', 'en-US')).to.equal('Dec 31, 2024');
    expect(formatDate('2024-03-01', 'de-DE')).to.equal('01.03.2024');
    expect(formatDate('2024-03-01', 'en-GB')).to.equal('1 Mar 2024');
  });

  it('agrees with Intl formatting the same UTC date', () => {
    for (const locale of ['en-US', 'de-DE', 'ja-JP', 'fr-FR']) {
      const expected = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(2022, 0, 1)));
      expect(formatDate('2022-01-01', locale), locale).to.equal(expected);
    }
  });

  it('shows the UTC date of a date-time', () => {
    expect(formatDate('2024-03-01T23:30:00-05:00', 'en-US')).to.equal('Mar 2, 2024');
  });

  it('uses the browser default locale when none is given', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2024, 6, 4));
    expect(formatDate('2024-07-04')).to.equal(expected);
  });
});
