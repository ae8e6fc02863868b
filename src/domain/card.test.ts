import { expect } from '@open-wc/testing';
import cardValidator from 'card-validator';
import {
  CARD_BRANDS,
  brandLabel,
  caretAfterFormat,
  cardLast4,
  describeCardNumber,
  digitsOnly,
  formatCardNumber,
  formatExpiryInput,
  isCardBrand,
  parseExpiry,
  validateCardNumber,
  validateExpiry,
  validateSecurityCode,
  type CardBrand,
} from './card.js';

/** Published test cards (Stripe, Braintree, Adyen docs) with the brand each belongs to. */
const TEST_CARDS: [string, CardBrand][] = [
  ['4242424242424242', 'visa'],
  ['4111111111111111', 'visa'],
  ['4000056655665556', 'visa'],
  ['4000000000000002', 'visa'], // the decline card: a valid Visa number, declined by the processor
  ['5555555555554444', 'mastercard'],
  ['2223003122003222', 'mastercard'],
  ['5105105105105100', 'mastercard'],
  ['378282246310005', 'american-express'],
  ['371449635398431', 'american-express'],
  ['6011111111111117', 'discover'],
  ['6011000990139424', 'discover'],
  ['3056930009020004', 'diners-club'],
  ['36227206271667', 'diners-club'],
  ['3566002020360505', 'jcb'],
  ['6200000000000005', 'unionpay'],
];

describe('card brands', () => {
  it('lists exactly the brands card-validator knows', () => {
    const known = Object.values(cardValidator.creditCardType.types).sort();
    expect([...CARD_BRANDS].sort()).to.deep.equal(known);
  });

  it('labels brands with their proper names', () => {
    expect(brandLabel('visa')).to.equal('Visa');
    expect(brandLabel('mastercard')).to.equal('Mastercard');
    expect(brandLabel('american-express')).to.equal('American Express');
    expect(brandLabel('diners-club')).to.equal('Diners Club');
    expect(brandLabel('jcb')).to.equal('JCB');
    expect(brandLabel('unionpay')).to.equal('UnionPay');
  });

  it('recognizes brand ids only', () => {
    expect(isCardBrand('visa')).to.equal(true);
    expect(isCardBrand('Visa')).to.equal(false);
    expect(isCardBrand(undefined)).to.equal(false);
  });
});

describe('digitsOnly', () => {
  it('keeps ASCII digits and drops everything else', () => {
    expect(digitsOnly(' 4242-4242 abc 42/')).to.equal('4242424242');
    expect(digitsOnly('')).to.equal('');
  });

  it('turns other scripts’ decimal digits into ASCII digits', () => {
    expect(digitsOnly('４２４２')).to.equal('4242'); // full-width, as a Japanese IME types them
    expect(digitsOnly('٠١٢٣٤٥٦٧٨٩')).to.equal('0123456789'); // Arabic-Indic
    expect(digitsOnly('०९')).to.equal('09'); // Devanagari
    expect(digitsOnly('𝟎𝟗𝟘𝟡𝟢')).to.equal('09090'); // mathematical bold, then double-struck (astral, adjacent runs)
    expect(digitsOnly('½²Ⅻ')).to.equal(''); // numbers that are not decimal digits
  });
});

describe('describeCardNumber', () => {
  for (const [number, brand] of TEST_CARDS) {
    it(`${number} is a valid ${brand}`, () => {
      const card = describeCardNumber(number);
      expect(card.brand).to.equal(brand);
      expect(card.valid).to.equal(true);
      expect(card.complete).to.equal(true);
      expect(card.digits).to.equal(number);
      expect(validateCardNumber(number)).to.equal('ok');
    });
  }

  it('reads numbers typed with spaces or dashes', () => {
    expect(describeCardNumber('4242 4242 4242 4242')).to.include({ brand: 'visa', valid: true, digits: '4242424242424242' });
    expect(describeCardNumber('3782-822463-10005')).to.include({ brand: 'american-express', valid: true });
  });

  it('rejects a Luhn failure of a complete length', () => {
    const card = describeCardNumber('4242424242424241');
    expect(card).to.include({ brand: 'visa', complete: true, valid: false });
    expect(validateCardNumber('4242424242424241')).to.equal('invalid');
    expect(validateCardNumber('378282246310006')).to.equal('invalid');
    expect(validateCardNumber('5555555555554445')).to.equal('invalid');
  });

  it('follows card-validator in not Luhn-checking UnionPay (some real UnionPay numbers fail it)', () => {
    expect(describeCardNumber('6200000000000006')).to.include({ brand: 'unionpay', valid: true });
  });

  it('describes Amex groups, length and 4-digit CID', () => {
    const card = describeCardNumber('3782');
    expect(card).to.deep.include({ brand: 'american-express', complete: false, valid: false, potentiallyValid: true });
    expect(card).to.deep.include({ maxLength: 15, gaps: [4, 10], codeLength: 4, codeName: 'CID' });
  });

  it('describes Visa groups, length and 3-digit CVV', () => {
    expect(describeCardNumber('42')).to.deep.include({ brand: 'visa', maxLength: 19, gaps: [4, 8, 12], codeLength: 3, codeName: 'CVV' });
    expect(describeCardNumber('5555')).to.deep.include({ brand: 'mastercard', maxLength: 16, codeName: 'CVC' });
  });

  it('has no brand while several are possible, and sane defaults', () => {
    for (const prefix of ['', '3', '4', '5', '6']) {
      const card = describeCardNumber(prefix);
      expect(card.brand, prefix).to.equal(null);
      expect(card, prefix).to.deep.include({ valid: false, potentiallyValid: true, complete: false, maxLength: 19, gaps: [4, 8, 12], codeLength: 3 });
    }
  });

  it('has no brand and is not potentially valid for an unknown prefix', () => {
    expect(describeCardNumber('9999')).to.include({ brand: null, potentiallyValid: false, valid: false });
  });

  it('is not potentially valid past the brand’s longest length', () => {
    expect(describeCardNumber('37828224631000500')).to.include({ brand: 'american-express', potentiallyValid: false, complete: false });
  });
});

describe('validateCardNumber', () => {
  it('is required when blank', () => {
    expect(validateCardNumber('')).to.equal('required');
    expect(validateCardNumber('   ')).to.equal('required');
  });

  it('is incomplete while digits are missing', () => {
    expect(validateCardNumber('4')).to.equal('incomplete');
    expect(validateCardNumber('4242 4242 4242 424')).to.equal('incomplete');
    expect(validateCardNumber('37828224631000')).to.equal('incomplete');
    expect(validateCardNumber('6')).to.equal('incomplete');
  });

  it('is invalid for letters, unknown prefixes, and too many digits', () => {
    expect(validateCardNumber('4242 4242 4242 424x')).to.equal('invalid');
    expect(validateCardNumber('--')).to.equal('invalid');
    expect(validateCardNumber('9999 9999 9999 9999')).to.equal('invalid');
    expect(validateCardNumber('3782822463100050')).to.equal('invalid'); // Amex has 15 digits
    expect(validateCardNumber('42424242424242424242')).to.equal('invalid'); // 20 digits
  });

  it('accepts full-width digits', () => {
    expect(validateCardNumber('４２４２４２４２４２４２４２４２')).to.equal('ok');
  });
});

describe('formatCardNumber', () => {
  it('groups Visa 4-4-4-4 and Amex 4-6-5', () => {
    expect(formatCardNumber('4242424242424242')).to.equal('4242 4242 4242 4242');
    expect(formatCardNumber('378282246310005')).to.equal('3782 822463 10005');
    expect(formatCardNumber('36227206271667')).to.equal('3622 720627 1667');
  });

  it('groups partial input without a trailing space', () => {
    expect(formatCardNumber('')).to.equal('');
    expect(formatCardNumber('4')).to.equal('4');
    expect(formatCardNumber('4242')).to.equal('4242');
    expect(formatCardNumber('42424')).to.equal('4242 4');
    expect(formatCardNumber('3782 8')).to.equal('3782 8');
    expect(formatCardNumber('37828224631')).to.equal('3782 822463 1');
  });

  it('regroups messy input and drops non-digits', () => {
    expect(formatCardNumber(' 42-42 4242x4242 4242 ')).to.equal('4242 4242 4242 4242');
  });

  it('caps at the brand’s longest length', () => {
    expect(formatCardNumber('3782822463100059999')).to.equal('3782 822463 10005');
    expect(formatCardNumber('55555555555544449')).to.equal('5555 5555 5555 4444');
    expect(formatCardNumber('4242424242424242424299')).to.equal('4242 4242 4242 4242424');
  });
});

describe('caretAfterFormat', () => {
  it('keeps the caret at the end when typing at the end', () => {
    expect(caretAfterFormat('42424', 5, '4242 4')).to.equal(6);
    expect(caretAfterFormat('4242', 4, '4242')).to.equal(4);
  });

  it('keeps the caret after the digit typed in the middle', () => {
    // "4242 |4242" + "1" → raw "4242 14242", caret 6 → "4242 1424 2", caret after the "1"
    expect(caretAfterFormat('4242 14242', 6, '4242 1424 2')).to.equal(6);
    // "42|42 4242" + "9" → "429|42 4242" → "4294 2424 2"
    expect(caretAfterFormat('42942 4242', 3, '4294 2424 2')).to.equal(3);
    // "4242| 4242" + "1" → raw "42421 4242", caret 5 → "4242 1424 2": the caret crosses the space
    expect(caretAfterFormat('42421 4242', 5, '4242 1424 2')).to.equal(6);
  });

  it('keeps the caret in place when deleting in the middle', () => {
    // "4242 4|242 4242" backspace → "4242 |242 4242" → "4242 2424 242"
    expect(caretAfterFormat('4242 242 4242', 5, '4242 2424 242')).to.equal(4);
  });

  it('puts the caret at the start when no digit precedes it', () => {
    expect(caretAfterFormat(' 4242', 1, '4242')).to.equal(0);
    expect(caretAfterFormat('4242', 0, '4242')).to.equal(0);
  });

  it('handles digits padded at the front (expiry) and cut at the end (card number)', () => {
    expect(caretAfterFormat('4', 1, '04/')).to.equal(3);
    expect(caretAfterFormat('4', 0, '04/')).to.equal(1);
    expect(caretAfterFormat('12', 2, '12/')).to.equal(3);
    expect(caretAfterFormat('12/3', 4, '12/3')).to.equal(4);
    // a digit typed in the middle of a full Mastercard pushes the last one out
    expect(caretAfterFormat('5555 95555 5555 4444', 6, '5555 9555 5555 5444')).to.equal(6);
  });

  it('counts UTF-16 positions for astral digits', () => {
    expect(caretAfterFormat('𝟒𝟐𝟒𝟐𝟒', 4, '4242 4')).to.equal(2);
  });
});

describe('parseExpiry', () => {
  it('accepts the usual forms', () => {
    expect(parseExpiry('12/25')).to.deep.equal({ month: 12, year: 2025 });
    expect(parseExpiry('1225')).to.deep.equal({ month: 12, year: 2025 });
    expect(parseExpiry('4/27')).to.deep.equal({ month: 4, year: 2027 });
    expect(parseExpiry('04 / 27')).to.deep.equal({ month: 4, year: 2027 });
    expect(parseExpiry('04-27')).to.deep.equal({ month: 4, year: 2027 });
    expect(parseExpiry('04/2031')).to.deep.equal({ month: 4, year: 2031 });
    expect(parseExpiry('042031')).to.deep.equal({ month: 4, year: 2031 });
    expect(parseExpiry('427')).to.deep.equal({ month: 4, year: 2027 });
    expect(parseExpiry(' 01/30 ')).to.deep.equal({ month: 1, year: 2030 });
    expect(parseExpiry('１２/２５')).to.deep.equal({ month: 12, year: 2025 });
  });

  it('rejects incomplete, ambiguous and impossible input', () => {
    for (const input of ['', '1', '12', '12/', '12/2', '123', '12/202', '12202', '00/25', '13/25', '0/25', 'ab/cd', '12/25/1', '/25', '12//25']) {
      expect(parseExpiry(input), input).to.equal(null);
    }
  });
});

describe('formatExpiryInput', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['1', '1'],
    ['0', '0'],
    ['12', '12/'],
    ['123', '12/3'],
    ['1234', '12/34'],
    ['12345', '12/345'],
    ['4', '04/'],
    ['42', '04/2'],
    ['425', '04/25'],
    ['1/', '01/'],
    ['1/2', '01/2'],
    ['0/', '0'],
    ['1 / 25', '01/25'],
    ['12 / 25', '12/25'],
    ['12-25', '12/25'],
    ['12/2030', '12/2030'],
    ['12/20301', '12/2030'],
    ['1a2', '12/'],
    ['12/ab', '12/'],
    ['//', ''],
    ['00', '00/'],
    ['13', '13/'],
    ['１２２５', '12/25'],
  ];
  for (const [input, output] of cases) {
    it(`"${input}" → "${output}"`, () => {
      expect(formatExpiryInput(input)).to.equal(output);
    });
  }

  it('lets the user delete the "/"', () => {
    expect(formatExpiryInput('12', '12/')).to.equal('12');
    expect(formatExpiryInput('1', '12')).to.equal('1');
    expect(formatExpiryInput('04', '04/')).to.equal('04');
  });

  it('keeps a typed "/" while deleting the year', () => {
    expect(formatExpiryInput('12/', '12/3')).to.equal('12/');
  });

  it('still adds the "/" while typing forward', () => {
    expect(formatExpiryInput('12', '1')).to.equal('12/');
  });

  it('produces what parseExpiry reads back', () => {
    expect(parseExpiry(formatExpiryInput('1229'))).to.deep.equal({ month: 12, year: 2029 });
    expect(parseExpiry(formatExpiryInput('729'))).to.deep.equal({ month: 7, year: 2029 });
  });
});

describe('validateExpiry', () => {
  const today = '2026-03-15';

  it('is required when blank', () => {
    expect(validateExpiry('', today)).to.equal('required');
    expect(validateExpiry('  ', today)).to.equal('required');
  });

  it('accepts a card expiring this month and rejects last month', () => {
    expect(validateExpiry('03/26', today)).to.equal('ok');
    expect(validateExpiry('02/26', today)).to.equal('expired');
    expect(validateExpiry('03/26', '2026-03-31')).to.equal('ok');
    expect(validateExpiry('03/26', '2026-04-01')).to.equal('expired');
  });

  it('rolls over from December to January', () => {
    expect(validateExpiry('12/25', '2025-12-31')).to.equal('ok');
    expect(validateExpiry('12/25', '2026-01-01')).to.equal('expired');
    expect(validateExpiry('01/26', '2025-12-31')).to.equal('ok');
    expect(validateExpiry('01/26', '2026-01-01')).to.equal('ok');
  });

  it('reads two- and four-digit years alike', () => {
    expect(validateExpiry('04/27', today)).to.equal('ok');
    expect(validateExpiry('04/2027', today)).to.equal('ok');
    expect(validateExpiry('0427', today)).to.equal('ok');
    expect(validateExpiry('04/2025', today)).to.equal('expired');
    expect(validateExpiry('04/1999', today)).to.equal('expired');
  });

  it('rejects month 00 and 13 at once', () => {
    expect(validateExpiry('00/27', today)).to.equal('invalid');
    expect(validateExpiry('13/27', today)).to.equal('invalid');
    expect(validateExpiry('00', today)).to.equal('invalid');
    expect(validateExpiry('13', today)).to.equal('invalid');
    expect(validateExpiry('13/', today)).to.equal('invalid');
  });

  it('is incomplete while typing', () => {
    for (const input of ['0', '1', '12', '12/', '12/2', '123', '12/202', '4', '04/']) {
      expect(validateExpiry(input, today), input).to.equal('incomplete');
    }
  });

  it('rejects garbage and over-long years', () => {
    expect(validateExpiry('ab/cd', today)).to.equal('invalid');
    expect(validateExpiry('12/20271', today)).to.equal('invalid');
    expect(validateExpiry('/27', today)).to.equal('invalid');
  });

  it('allows up to 20 years ahead, not more', () => {
    expect(validateExpiry('03/46', today)).to.equal('ok');
    expect(validateExpiry('04/46', today)).to.equal('invalid');
    expect(validateExpiry('12/99', today)).to.equal('invalid');
  });

  it('insists on a YYYY-MM-DD today and never reads the clock', () => {
    expect(() => validateExpiry('12/30', '2026-03-15T10:00:00Z')).to.throw(RangeError);
    expect(() => validateExpiry('12/30', '')).to.throw(RangeError);
    expect(() => validateExpiry('12/30', '2026-13-01')).to.throw(RangeError);
    // a date far in the past as "today" makes a 1990s card valid: nothing came from the clock
    expect(validateExpiry('05/1998', '1998-05-31')).to.equal('ok');
  });
});

describe('validateSecurityCode', () => {
  it('wants 4 digits for American Express', () => {
    expect(validateSecurityCode('1234', 'american-express')).to.equal('ok');
    expect(validateSecurityCode('123', 'american-express')).to.equal('incomplete');
    expect(validateSecurityCode('12345', 'american-express')).to.equal('invalid');
  });

  it('wants 3 digits for other brands', () => {
    for (const brand of ['visa', 'mastercard', 'discover', 'jcb', 'unionpay', 'diners-club'] as const) {
      expect(validateSecurityCode('123', brand), brand).to.equal('ok');
      expect(validateSecurityCode('12', brand), brand).to.equal('incomplete');
      expect(validateSecurityCode('1234', brand), brand).to.equal('invalid');
    }
  });

  it('accepts 3 or 4 digits while the brand is unknown', () => {
    expect(validateSecurityCode('123', null)).to.equal('ok');
    expect(validateSecurityCode('1234', null)).to.equal('ok');
    expect(validateSecurityCode('12', null)).to.equal('incomplete');
    expect(validateSecurityCode('12345', null)).to.equal('invalid');
  });

  it('is required when blank and invalid with non-digits', () => {
    expect(validateSecurityCode('', 'visa')).to.equal('required');
    expect(validateSecurityCode(' ', 'visa')).to.equal('required');
    expect(validateSecurityCode('12a', 'visa')).to.equal('invalid');
    expect(validateSecurityCode('1 23', 'visa')).to.equal('invalid');
    expect(validateSecurityCode(' 123 ', 'visa')).to.equal('ok');
  });
});

describe('cardLast4', () => {
  it('gives the last four digits', () => {
    expect(cardLast4('4242 4242 4242 4242')).to.equal('4242');
    expect(cardLast4('378282246310005')).to.equal('0005');
    expect(cardLast4('12')).to.equal('12');
  });
});
