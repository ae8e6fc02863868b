/**
 * The payment form's rules, with no DOM: which fields exist and are required for the chosen
 * countries, what is wrong with each value, how many required fields remain, the submission
 * built from the values, and the draft that may be kept (never card data).
 *
 * Field keys are the submission's paths (`mailing.address.postalCode`, `card.number`), so an
 * adapter's `fieldErrors` land on the field they name.
 */
import { addressFields, normalizePostalCode, validatePostalCode, validateRegion, type CountryAddressRules } from './address/index.js';
import {
  describeCardNumber,
  digitsOnly,
  parseExpiry,
  validateCardNumber,
  validateExpiry,
  validateSecurityCode,
} from './card.js';
import { validateEmail, validateName, validatePhone, validateRequiredText } from './contact.js';
import { FORM_FIELDS, MAILING_FIELDS, BILLING_FIELDS, isCardField, type CardField, type FormField, type FormValues } from './payment-form-fields.js';
import type { PaymentSubmission, PostalAddress, TokenizedCard } from './types.js';

export * from './payment-form-fields.js';

/** What can be wrong with a value. The element turns these into localized sentences. */
export type FieldProblem = 'required' | 'invalid' | 'incomplete' | 'expired';

export interface FormContext {
  /** Address rules of the mailing country, once loaded (null: no country yet, or loading). */
  mailingRules: CountryAddressRules | null;
  /** Address rules of the billing country, once loaded. */
  billingRules: CountryAddressRules | null;
  /** "Today" (UTC calendar date) for the card's expiry: the snapshot's clock. */
  today: string;
  /** Processor-hosted card fields replace number, expiry and security code. */
  hostedCard: null | { complete: boolean };
}

type AddressPrefix = 'mailing.address' | 'billingAddress';

function addressShape(rules: CountryAddressRules | null) {
  return rules ? addressFields(rules) : null;
}

/** The fields the form shows for the context (country-dependent fields only once rules are loaded). */
export function visibleFields(context: FormContext): FormField[] {
  const fields: FormField[] = [];
  const mailing = addressShape(context.mailingRules);
  const billing = addressShape(context.billingRules);
  for (const field of MAILING_FIELDS) {
    if (field === 'mailing.address.region' && !mailing?.region.shown) continue;
    if (field === 'mailing.address.postalCode' && !mailing?.postalCode.shown) continue;
    fields.push(field);
  }
  for (const field of BILLING_FIELDS) {
    if (context.hostedCard && isCardField(field)) continue;
    if (field === 'billingAddress.region' && !billing?.region.shown) continue;
    if (field === 'billingAddress.postalCode' && !billing?.postalCode.shown) continue;
    fields.push(field);
  }
  return fields;
}

/** Whether a field is required for the context. City, region and postal code follow the country's rules. */
export function isRequired(field: FormField, context: FormContext): boolean {
  switch (field) {
    case 'mailing.company':
    case 'mailing.phone':
    case 'mailing.address.line2':
      return false;
    case 'mailing.address.city':
      // Shown for every country (Japan's and Singapore's formats fold the city into the street
      // lines, yet people expect the field); required only where the country's rules say so.
      return addressShape(context.mailingRules)?.city.required ?? false;
    case 'mailing.address.region':
      return addressShape(context.mailingRules)?.region.required ?? false;
    case 'mailing.address.postalCode':
      return addressShape(context.mailingRules)?.postalCode.required ?? false;
    case 'billingAddress.region':
      return addressShape(context.billingRules)?.region.required ?? false;
    case 'billingAddress.postalCode':
      return addressShape(context.billingRules)?.postalCode.required ?? false;
    default:
      return true;
  }
}

function checkAddressField(rules: CountryAddressRules | null, kind: 'region' | 'postalCode', value: string): FieldProblem | null {
  if (!rules) return null;
  const result = kind === 'region' ? validateRegion(rules, value) : validatePostalCode(rules, value);
  return result === 'ok' ? null : result;
}

/** The problem with one field's value, or null when it is fine (an empty optional field is fine). */
export function fieldProblem(field: FormField, values: FormValues, context: FormContext): FieldProblem | null {
  const value = values[field];
  const blank = value.trim() === '';
  if (blank) return isRequired(field, context) ? 'required' : null;
  switch (field) {
    case 'mailing.email': {
      const result = validateEmail(value);
      return result === 'ok' ? null : result;
    }
    case 'mailing.phone':
      return validatePhone(value) === 'ok' ? null : 'invalid';
    case 'card.name': {
      const result = validateName(value);
      return result === 'ok' ? null : result;
    }
    case 'card.number': {
      const result = validateCardNumber(value);
      return result === 'ok' ? null : result;
    }
    case 'card.expiry': {
      const result = validateExpiry(value, context.today);
      return result === 'ok' ? null : result;
    }
    case 'card.cvc': {
      const result = validateSecurityCode(value, describeCardNumber(values['card.number']).brand);
      return result === 'ok' ? null : result;
    }
    case 'mailing.address.region':
      return checkAddressField(context.mailingRules, 'region', value);
    case 'mailing.address.postalCode':
      return checkAddressField(context.mailingRules, 'postalCode', value);
    case 'billingAddress.region':
      return checkAddressField(context.billingRules, 'region', value);
    case 'billingAddress.postalCode':
      return checkAddressField(context.billingRules, 'postalCode', value);
    default:
      return validateRequiredText(value) === 'ok' ? null : 'required';
  }
}

/** Every visible field's problem (fields without one are absent). */
export function formProblems(values: FormValues, context: FormContext): Partial<Record<FormField, FieldProblem>> {
  const problems: Partial<Record<FormField, FieldProblem>> = {};
  for (const field of visibleFields(context)) {
    const problem = fieldProblem(field, values, context);
    if (problem) problems[field] = problem;
  }
  return problems;
}

/**
 * How many required fields are still empty or invalid (an invalid optional field counts too:
 * it also blocks submission). Hosted card fields count as one while incomplete. A country
 * whose rules are still loading counts as one.
 */
export function remainingFields(values: FormValues, context: FormContext): number {
  let remaining = Object.keys(formProblems(values, context)).length;
  if (context.hostedCard && !context.hostedCard.complete) remaining++;
  if (values['mailing.address.country'] && !context.mailingRules) remaining++;
  if (values['billingAddress.country'] && !context.billingRules) remaining++;
  return remaining;
}

export function isComplete(values: FormValues, context: FormContext): boolean {
  return remainingFields(values, context) === 0;
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function address(values: FormValues, prefix: AddressPrefix, rules: CountryAddressRules | null): PostalAddress {
  const shape = addressShape(rules);
  const get = (name: string) => values[`${prefix}.${name}` as FormField] ?? '';
  const postal = shape?.postalCode.shown ? optional(get('postalCode')) : undefined;
  return {
    country: get('country'),
    line1: get('line1').trim(),
    ...(optional(get('line2')) ? { line2: optional(get('line2')) } : {}),
    ...(optional(get('city')) ? { city: optional(get('city')) } : {}),
    ...(shape?.region.shown && optional(get('region')) ? { region: optional(get('region')) } : {}),
    ...(postal ? { postalCode: normalizePostalCode(postal) } : {}),
  };
}

/**
 * The submission for complete values. With hosted card fields, pass the token they returned;
 * otherwise the raw card comes from the values (and goes nowhere but the adapter).
 */
export function buildSubmission(values: FormValues, context: FormContext, token?: TokenizedCard): PaymentSubmission {
  const mailingAddress = address(values, 'mailing.address', context.mailingRules);
  const billing = address(values, 'billingAddress', context.billingRules);
  const { line1: _line1, ...billingAddress } = billing;
  const name = values['card.name'].trim();
  let card: PaymentSubmission['card'];
  if (token) {
    card = { ...token, name };
  } else {
    const expiry = parseExpiry(values['card.expiry']);
    if (!expiry) throw new RangeError('card.expiry is not a valid expiration date');
    card = { number: digitsOnly(values['card.number']), expMonth: expiry.month, expYear: expiry.year, cvc: digitsOnly(values['card.cvc']), name };
  }
  return {
    mailing: {
      firstName: values['mailing.firstName'].trim(),
      lastName: values['mailing.lastName'].trim(),
      email: values['mailing.email'].trim(),
      ...(optional(values['mailing.company']) ? { company: optional(values['mailing.company']) } : {}),
      ...(optional(values['mailing.phone']) ? { phone: optional(values['mailing.phone']) } : {}),
      address: mailingAddress,
    },
    billingAddress,
    card,
  };
}

/** Server field paths that differ from the form's (expMonth/expYear → the one expiry input). */
export function fieldForErrorPath(path: string): FormField | null {
  if (path === 'card.expMonth' || path === 'card.expYear') return 'card.expiry';
  if (path === 'card.token') return null;
  return (FORM_FIELDS as readonly string[]).includes(path) ? (path as FormField) : null;
}

/** The values a draft may keep: everything but the card number, expiry and security code. */
export type Draft = Partial<Record<Exclude<FormField, CardField>, string>>;

export function draftOf(values: FormValues): Draft {
  const draft: Draft = {};
  for (const field of FORM_FIELDS) {
    if (isCardField(field) || field === 'card.name') continue;
    if (values[field] !== '') draft[field as keyof Draft] = values[field];
  }
  return draft;
}

/** Applies a stored draft (from an untrusted store: only known, non-card string fields). */
export function applyDraft(values: FormValues, draft: unknown): FormValues {
  if (typeof draft !== 'object' || draft === null) return values;
  const next = { ...values };
  for (const [field, value] of Object.entries(draft)) {
    if ((FORM_FIELDS as readonly string[]).includes(field) && !isCardField(field) && field !== 'card.name' && typeof value === 'string') {
      next[field as FormField] = value.slice(0, 500);
    }
  }
  return next;
}
