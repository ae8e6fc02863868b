import { expect } from '@open-wc/testing';
import { currencyDigits, formatMoney, minorToDecimalString, sumMoney } from './money.js';

const NBSP = '\u00a0';

describe('currencyDigits', () => {
  it('reads the minor-unit digits from Intl', () => {
    expect(currencyDigits('USD')).to.equal(2);
    expect(currencyDigits('EUR')).to.equal(2);
    expect(currencyDigits('JPY')).to.equal(0);
    expect(currencyDigits('KRW')).to.equal(0);
    expect(currencyDigits('BHD')).to.equal(3);
    expect(currencyDigits('KWD')).to.equal(3);
  });

  it('rejects a malformed currency code', () => {
    expect(() => currencyDigits('US')).to.throw(RangeError);
    expect(() => currencyDigits('')).to.throw(RangeError);
  });
});

describe('minorToDecimalString', () => {
  it('places the decimal point by the currency digits', () => {
    expect(minorToDecimalString(123456, 'USD')).to.equal('1234.56');
    expect(minorToDecimalString(100, 'USD')).to.equal('1.00');
    expect(minorToDecimalString(99, 'USD')).to.equal('0.99');
    expect(minorToDecimalString(5, 'USD')).to.equal('0.05');
    expect(minorToDecimalString(0, 'USD')).to.equal('0.00');
    expect(minorToDecimalString(500, 'JPY')).to.equal('500');
    expect(minorToDecimalString(0, 'JPY')).to.equal('0');
    expect(minorToDecimalString(1, 'BHD')).to.equal('0.001');
    expect(minorToDecimalString(12345, 'KWD')).to.equal('12.345');
    expect(minorToDecimalString(1000, 'BHD')).to.equal('1.000');
  });

  it('keeps the sign of negative amounts, including below one major unit', () => {
    expect(minorToDecimalString(-5, 'USD')).to.equal('-0.05');
    expect(minorToDecimalString(-123456, 'EUR')).to.equal('-1234.56');
    expect(minorToDecimalString(-1, 'JPY')).to.equal('-1');
    expect(minorToDecimalString(-7, 'BHD')).to.equal('-0.007');
  });

  it('is exact at the ends of the safe-integer range', () => {
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 'USD')).to.equal('90071992547409.91');
    expect(minorToDecimalString(Number.MIN_SAFE_INTEGER, 'USD')).to.equal('-90071992547409.91');
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 'BHD')).to.equal('9007199254740.991');
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 'JPY')).to.equal('9007199254740991');
  });

  it('throws RangeError for anything but a safe integer', () => {
    for (const bad of [1.5, -0.1, Number.NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53)]) {
      expect(() => minorToDecimalString(bad, 'USD'), String(bad)).to.throw(RangeError);
    }
  });
});

describe('formatMoney', () => {
  it('isolates a Latin-letter currency symbol left to right in right-to-left locales only', () => {
    const usd = { amount: 217650, currency: 'USD' };
    const plain = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(2176.5);
    // Arabic writes "US$" after the number: isolated, else its "$" is drawn left of "US".
    expect(formatMoney(usd, 'ar')).to.equal(plain('ar').replace('US$', '\u2066US$\u2069'));
    expect(formatMoney({ amount: 217650, currency: 'CAD' }, 'ar')).to.contain('\u2066CA$\u2069');
    // Symbols without letters, and every left-to-right locale, are exactly what Intl gives.
    expect(formatMoney(usd, 'he')).to.equal(plain('he'));
    expect(formatMoney({ amount: 217650, currency: 'EUR' }, 'ar')).not.to.match(/[\u2066-\u2069]/);
    for (const locale of ['en', 'de', 'ja', 'zh-CN']) expect(formatMoney(usd, locale)).to.equal(plain(locale));
    expect(formatMoney({ amount: 217650, currency: 'CAD' }, 'en')).to.equal('CA$2,176.50');
  });

  it('formats in en-US', () => {
    expect(formatMoney({ amount: 123456, currency: 'USD' }, 'en-US')).to.equal('$1,234.56');
    expect(formatMoney({ amount: -5, currency: 'USD' }, 'en-US')).to.equal('-$0.05');
    expect(formatMoney({ amount: 0, currency: 'USD' }, 'en-US')).to.equal('$0.00');
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'en-US')).to.equal('€1,234.56');
    expect(formatMoney({ amount: 500, currency: 'JPY' }, 'en-US')).to.equal('¥500');
    expect(formatMoney({ amount: 1234567, currency: 'BHD' }, 'en-US')).to.equal(`BHD${NBSP}1,234.567`);
  });

  it('formats in de-DE (non-breaking space before the symbol)', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE')).to.equal(`1.234,56${NBSP}€`);
    expect(formatMoney({ amount: 123456, currency: 'USD' }, 'de-DE')).to.equal(`1.234,56${NBSP}$`);
    expect(formatMoney({ amount: -5, currency: 'EUR' }, 'de-DE')).to.equal(`-0,05${NBSP}€`);
    expect(formatMoney({ amount: 500, currency: 'JPY' }, 'de-DE')).to.equal(`500${NBSP}¥`);
    expect(formatMoney({ amount: 1234567, currency: 'BHD' }, 'de-DE')).to.equal(`1.234,567${NBSP}BHD`);
  });

  it('agrees with Intl for amounts a float represents exactly', () => {
    const cases: [number, string, number][] = [
      [123456, 'USD', 1234.56],
      [-250, 'EUR', -2.5],
      [500, 'JPY', 500],
      [1500, 'BHD', 1.5],
      [12345678, 'KWD', 12345.678],
    ];
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'ja-JP', 'ar-BH']) {
      for (const [amount, currency, major] of cases) {
        const expected = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(major);
        // Right-to-left locales add only an isolate around a Latin-letter symbol (tested above).
        expect(formatMoney({ amount, currency }, locale).replace(/[\u2066\u2069]/g, ''), `${locale} ${currency}`).to.equal(expected);
      }
    }
  });

  it('keeps every digit of the largest safe amount', () => {
    expect(formatMoney({ amount: 9007199254740991, currency: 'USD' }, 'en-US')).to.equal('$90,071,992,547,409.91');
    expect(formatMoney({ amount: 9007199254740991, currency: 'EUR' }, 'de-DE')).to.equal(`90.071.992.547.409,91${NBSP}€`);
    expect(formatMoney({ amount: 9007199254740991, currency: 'JPY' }, 'en-US')).to.equal('¥9,007,199,254,740,991');
    // A float division would give …740.990 here (9007199254740.991 is not representable).
    expect(formatMoney({ amount: 9007199254740991, currency: 'BHD' }, 'en-US')).to.equal(`BHD${NBSP}9,007,199,254,740.991`);
    expect(formatMoney({ amount: -9007199254740991, currency: 'USD' }, 'en-US')).to.equal('-$90,071,992,547,409.91');
  });

  it('uses the browser default locale when none is given', () => {
    const expected = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(1234.56);
    expect(formatMoney({ amount: 123456, currency: 'EUR' })).to.equal(expected);
  });

  it('rejects a non-integer amount', () => {
    expect(() => formatMoney({ amount: 12.5, currency: 'USD' }, 'en-US')).to.throw(RangeError);
  });
});

describe('sumMoney', () => {
  it('sums integer amounts in one currency', () => {
    expect(sumMoney([{ amount: 1, currency: 'USD' }, { amount: 2, currency: 'USD' }, { amount: -4, currency: 'USD' }], 'USD')).to.deep.equal({ amount: -1, currency: 'USD' });
  });

  it('sums an empty list to zero in the given currency', () => {
    expect(sumMoney([], 'JPY')).to.deep.equal({ amount: 0, currency: 'JPY' });
  });

  it('is exact where float addition of major units is not', () => {
    // 0.1 + 0.2 !== 0.3 in floats; 10 + 20 cents is 30 cents.
    expect(sumMoney([{ amount: 10, currency: 'USD' }, { amount: 20, currency: 'USD' }], 'USD').amount).to.equal(30);
  });

  it('throws when a currency differs', () => {
    expect(() => sumMoney([{ amount: 1, currency: 'USD' }, { amount: 2, currency: 'EUR' }], 'USD')).to.throw(RangeError, /EUR/);
    expect(() => sumMoney([{ amount: 1, currency: 'USD' }], 'EUR')).to.throw(RangeError);
  });

  it('throws when the sum leaves the safe-integer range', () => {
    expect(() => sumMoney([{ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' }, { amount: 1, currency: 'USD' }], 'USD')).to.throw(RangeError);
    expect(sumMoney([{ amount: Number.MAX_SAFE_INTEGER - 1, currency: 'USD' }, { amount: 1, currency: 'USD' }], 'USD').amount).to.equal(Number.MAX_SAFE_INTEGER);
  });
});
