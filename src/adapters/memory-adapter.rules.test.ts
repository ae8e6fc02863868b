/**
 * One home for each rule: MemoryBillingAdapter refuses exactly what `<billing-form>` refuses.
 * The form's verdict comes from `fieldProblem` (what the element shows), the adapter's from a
 * real submission; both must agree for every country's postal code and region and for every
 * card brand's number and security code.
 */
import { expect } from '@open-wc/testing';
import cardValidator from 'card-validator';
import { addressFields, COUNTRY_CODES, loadAddressRules, postalCodePattern, type CountryAddressRules } from '../domain/address/index.js';
import { CARD_BRANDS, describeCardNumber } from '../domain/card.js';
import { isBillingError } from '../domain/errors.js';
import { emptyValues, fieldProblem, type FormContext, type FormField } from '../domain/payment-form.js';
import type { PaymentSubmission, RawCard } from '../domain/types.js';
import { MemoryBillingAdapter } from './memory-adapter.js';

const NOW = '2025-06-20T12:00:00Z';
const TODAY = '2025-06-20';

function submission(address: PaymentSubmission['billingAddress'], card: Partial<RawCard> = {}): PaymentSubmission {
  return {
    mailing: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      address: { country: 'US', line1: '1 Main St', city: 'Springfield', region: 'US-IL', postalCode: '62701' },
    },
    billingAddress: address,
    card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', name: 'Ada Lovelace', ...card },
  };
}

/** The adapter's field errors for `value` (empty when it accepted the submission). */
async function adapterErrors(value: PaymentSubmission): Promise<Record<string, string>> {
  const adapter = new MemoryBillingAdapter({ now: NOW });
  try {
    await adapter.submitPaymentMethod(value, { idempotencyKey: `rules-${Math.random().toString(36).slice(2)}` });
    return {};
  } catch (error) {
    if (!isBillingError(error)) throw error;
    return error.fieldErrors ?? { '*': error.code };
  }
}

function formProblem(field: FormField, values: Partial<Record<FormField, string>>, billingRules: CountryAddressRules | null): string | null {
  const context: FormContext = { mailingRules: null, billingRules, today: TODAY, hostedCard: null };
  return fieldProblem(field, { ...emptyValues(), ...values }, context);
}

/** A number of `length` digits starting with `prefix` whose Luhn check digit is right. */
function luhnNumber(prefix: string, length: number): string {
  const body = prefix.padEnd(length - 1, '1');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

describe('MemoryBillingAdapter refuses what the form refuses', () => {
  it('for every country: a missing or malformed postal code and a missing region', async function () {
    this.timeout(0); // 250 countries' data modules; correctness, not speed, is asserted here
    let checked = 0;
    for (const country of COUNTRY_CODES) {
      const rules = await loadAddressRules(country);
      const fields = addressFields(rules);
      const regionValue = fields.region.shown ? rules.regions?.[0]?.code : undefined;
      const valid = {
        country,
        ...(regionValue ? { region: regionValue } : fields.region.shown && fields.region.required ? { region: 'Somewhere' } : {}),
        ...(fields.postalCode.shown && rules.postalExample ? { postalCode: rules.postalExample.split(',')[0]!.trim() } : {}),
      };
      const cases: { address: PaymentSubmission['billingAddress']; field: FormField; value: string }[] = [];
      if (fields.postalCode.shown) {
        const { postalCode: _postal, ...withoutPostal } = valid;
        cases.push({ address: withoutPostal, field: 'billingAddress.postalCode', value: '' });
        if (postalCodePattern(rules)) cases.push({ address: { ...valid, postalCode: '!!' }, field: 'billingAddress.postalCode', value: '!!' });
      }
      if (fields.region.shown) {
        const { region: _region, ...withoutRegion } = valid;
        cases.push({ address: withoutRegion, field: 'billingAddress.region', value: '' });
      }
      for (const { address, field, value } of cases) {
        const expected = formProblem(field, { 'billingAddress.country': country, [field]: value }, rules);
        const errors = await adapterErrors(submission(address));
        expect(errors[field] ?? null, `${country} ${field}=${JSON.stringify(value)}`).to.equal(expected === 'incomplete' ? 'invalid' : expected);
        checked++;
      }
      // The country's own example is accepted by both.
      if (valid.postalCode) {
        expect(formProblem('billingAddress.postalCode', { 'billingAddress.postalCode': valid.postalCode }, rules), `${country} example`).to.equal(null);
        const errors = await adapterErrors(submission(valid));
        expect(errors['billingAddress.postalCode'], `${country} example ${valid.postalCode}`).to.equal(undefined);
      }
    }
    expect(checked).to.be.greaterThan(300);
  });

  it('for every brand: its numbers, a wrong check digit and a security code of the wrong size', async function () {
    this.timeout(0);
    for (const brand of CARD_BRANDS) {
      const info = cardValidator.creditCardType.getTypeInfo(brand) as { patterns: (number | number[])[]; lengths: number[]; code: { size: number } };
      const first = info.patterns[0]!;
      const prefix = String(Array.isArray(first) ? first[0] : first);
      const number = luhnNumber(prefix, info.lengths[0]!);
      if (describeCardNumber(number).brand !== brand) continue; // a prefix shared with a more specific brand
      const goodCode = '7'.repeat(info.code.size);
      const wrong = `${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`;
      const cases: { card: Partial<RawCard>; field: FormField; values: Partial<Record<FormField, string>> }[] = [
        { card: { number, cvc: goodCode }, field: 'card.number', values: { 'card.number': number } },
        { card: { number: wrong, cvc: goodCode }, field: 'card.number', values: { 'card.number': wrong } },
        { card: { number, cvc: '7'.repeat(info.code.size === 3 ? 4 : 3) }, field: 'card.cvc', values: { 'card.number': number, 'card.cvc': '7'.repeat(info.code.size === 3 ? 4 : 3) } },
        { card: { number, cvc: goodCode }, field: 'card.cvc', values: { 'card.number': number, 'card.cvc': goodCode } },
      ];
      for (const { card, field, values } of cases) {
        const expected = formProblem(field, values, null);
        const errors = await adapterErrors(submission({ country: 'US', region: 'US-IL', postalCode: '62701' }, card));
        expect(errors[field] ?? null, `${brand} ${field} ${JSON.stringify(card)}`).to.equal(expected === 'incomplete' ? 'invalid' : expected);
      }
    }
  });

  it('for the expiry: this month is fine, last month is expired, on the adapter\'s clock', async () => {
    for (const [expMonth, expYear, expected] of [
      [6, 2025, null],
      [5, 2025, 'expired'],
      [1, 2047, 'invalid'],
    ] as const) {
      const value = `${String(expMonth).padStart(2, '0')}/${expYear}`;
      expect(formProblem('card.expiry', { 'card.expiry': value }, null), value).to.equal(expected);
      const errors = await adapterErrors(submission({ country: 'US', region: 'US-IL', postalCode: '62701' }, { expMonth, expYear }));
      expect(errors['card.expYear'] ?? null, value).to.equal(expected);
    }
  });
});
