/**
 * The rules a payment submission must meet, as every backend checks them. MemoryBillingAdapter
 * and the reference server call {@link checkSubmission}; `<billing-form>` checks the same
 * values field by field through `payment-form.ts`, which this module reuses: a submission is
 * turned back into the form's values and judged by the form's own `formProblems`. So a backend
 * refuses exactly what the form refuses (every brand's number and security code, the expiry
 * against the backend's today, every country's region and postal code), and a rule changed
 * in one place changes everywhere. No DOM.
 *
 * The result speaks in field codes keyed by submission path (`card.number`: `invalid`),
 * never in submitted values, so it may travel in an error and a problem response.
 */
import { brandLabel, brandNameOfCode, cardLast4, describeCardNumber } from './card.js';
import { fieldErrorCodes, isBillingError } from './errors.js';
import { parsePaymentSubmission } from './schemas.js';
import { COUNTRY_CODES, loadAddressRules, type CountryAddressRules } from './address/index.js';
import { fieldProblem, formProblems, type FieldProblem, type FormContext, type FormField, type FormValues } from './payment-form.js';
import { emptyValues } from './payment-form-fields.js';
import { isTokenizedCard, type PaymentSubmission, type PostalAddress } from './types.js';

/** What a backend reports for a field: the form turns each into a sentence of its own. */
export type FieldErrorCode = 'required' | 'invalid' | 'expired';

/** Field codes keyed by submission path; empty when the submission is acceptable. */
export type SubmissionFieldErrors = Record<string, FieldErrorCode>;

const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);

function addressValues(values: FormValues, prefix: 'mailing.address' | 'billingAddress', address: Partial<PostalAddress>): void {
  for (const name of ['country', 'line1', 'line2', 'city', 'region', 'postalCode'] as const) {
    const field = `${prefix}.${name}` as FormField;
    if (field in values) values[field] = address[name] ?? '';
  }
}

/** The form's values that would have produced `submission` (the expiry as `MM/YYYY`). */
export function formValuesOf(submission: PaymentSubmission): FormValues {
  const values = emptyValues();
  const { mailing, billingAddress, card } = submission;
  values['mailing.firstName'] = mailing.firstName;
  values['mailing.lastName'] = mailing.lastName;
  values['mailing.email'] = mailing.email;
  values['mailing.company'] = mailing.company ?? '';
  values['mailing.phone'] = mailing.phone ?? '';
  addressValues(values, 'mailing.address', mailing.address);
  addressValues(values, 'billingAddress', billingAddress);
  values['card.name'] = card.name;
  values['card.expiry'] = `${String(card.expMonth).padStart(2, '0')}/${card.expYear}`;
  if (!isTokenizedCard(card)) {
    values['card.number'] = card.number;
    values['card.cvc'] = card.cvc;
  }
  return values;
}

/** The submission path a form field's problem is reported under (the expiry lives in two). */
function pathOf(field: FormField): string {
  return field === 'card.expiry' ? 'card.expYear' : field;
}

function codeOf(problem: FieldProblem): FieldErrorCode {
  return problem === 'incomplete' ? 'invalid' : problem;
}

/**
 * The field errors of a structurally valid submission (see `parsePaymentSubmission`) under
 * the address rules of its two countries and `today` (`YYYY-MM-DD`, the backend's clock).
 * Synchronous: pass the rules already loaded (see {@link checkSubmission}).
 */
export function submissionProblems(
  submission: PaymentSubmission,
  context: { today: string; mailingRules: CountryAddressRules | null; billingRules: CountryAddressRules | null },
): SubmissionFieldErrors {
  const values = formValuesOf(submission);
  const card = submission.card;
  const hosted = isTokenizedCard(card);
  const formContext: FormContext = { ...context, hostedCard: hosted ? { complete: true } : null };
  const errors: SubmissionFieldErrors = {};
  for (const [field, problem] of Object.entries(formProblems(values, formContext)) as [FormField, FieldProblem][]) {
    errors[pathOf(field)] = codeOf(problem);
  }
  // Hosted fields replace the number and security code, not the processor's expiry: check it too.
  if (isTokenizedCard(card)) {
    const expiry = fieldProblem('card.expiry', values, { ...formContext, hostedCard: null });
    if (expiry) errors[pathOf('card.expiry')] = codeOf(expiry);
    if (!/^\d{4}$/.test(card.last4)) errors['card.last4'] = 'invalid';
  }
  for (const [path, country] of [
    ['mailing.address.country', submission.mailing.address.country],
    ['billingAddress.country', submission.billingAddress.country],
  ] as const) {
    if (country && !KNOWN_COUNTRIES.has(country)) errors[path] = 'invalid';
  }
  return errors;
}

async function rulesOf(country: string): Promise<CountryAddressRules | null> {
  if (!KNOWN_COUNTRIES.has(country)) return null;
  return loadAddressRules(country);
}

/**
 * {@link submissionProblems} after loading the address rules of the submission's countries
 * (an unknown country is reported as `invalid`, not looked up).
 */
export async function checkSubmission(submission: PaymentSubmission, today: string): Promise<SubmissionFieldErrors> {
  const [mailingRules, billingRules] = await Promise.all([rulesOf(submission.mailing.address.country), rulesOf(submission.billingAddress.country)]);
  return submissionProblems(submission, { today, mailingRules, billingRules });
}

/** A backend's verdict on a submission: the parsed submission, or the field codes that refuse it. */
export type SubmissionVerdict =
  | { ok: true; submission: PaymentSubmission }
  | { ok: false; fieldErrors: Record<string, string>; message: string };

/**
 * Everything a backend checks before it charges, in one call: the shape (the zod schema), then
 * {@link checkSubmission}. What MemoryBillingAdapter and the reference server both run.
 */
export async function validateSubmission(data: unknown, today: string): Promise<SubmissionVerdict> {
  const normalized = withCardDigits(data);
  let submission: PaymentSubmission;
  try {
    submission = parsePaymentSubmission(normalized);
  } catch (error) {
    if (!isBillingError(error)) throw error;
    // Name every problem at once: the rules' verdict on what could be read, the schema's on top.
    const fieldErrors = { ...(await checkSubmission(looseSubmission(normalized), today)), ...fieldErrorCodes(normalized, error.fieldErrors) };
    return { ok: false, fieldErrors, message: error.message };
  }
  const fieldErrors = await checkSubmission(submission, today);
  const fields = Object.keys(fieldErrors);
  if (fields.length > 0) return { ok: false, fieldErrors, message: `Invalid payment submission: ${fields.map((field) => `${field}: ${fieldErrors[field]}`).join(', ')}` };
  return { ok: true, submission };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `data` with a raw card number's spaces and dashes removed ("4242 4242 4242 4242" is accepted). */
function withCardDigits(data: unknown): unknown {
  const card = record(record(data)['card']);
  if (typeof card['number'] !== 'string') return data;
  return { ...record(data), card: { ...card, number: card['number'].replace(/[\s-]/g, '') } };
}

/** Whatever can be read of a malformed submission, as a submission (blanks for the rest). */
function looseSubmission(data: unknown): PaymentSubmission {
  const root = record(data);
  const mailing = record(root['mailing']);
  const card = record(root['card']);
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const num = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : 0);
  const address = (value: unknown) => {
    const a = record(value);
    return { country: str(a['country']), line1: str(a['line1']), line2: str(a['line2']), city: str(a['city']), region: str(a['region']), postalCode: str(a['postalCode']) };
  };
  const common = { expMonth: num(card['expMonth']), expYear: num(card['expYear']), name: str(card['name']) };
  return {
    mailing: { firstName: str(mailing['firstName']), lastName: str(mailing['lastName']), email: str(mailing['email']), company: str(mailing['company']), phone: str(mailing['phone']), address: address(mailing['address']) },
    billingAddress: address(root['billingAddress']),
    card: 'token' in card ? { token: str(card['token']), brand: str(card['brand']), last4: str(card['last4']), ...common } : { number: str(card['number']), cvc: str(card['cvc']), ...common },
  };
}

/** What a backend keeps of a submitted card: brand name, last 4 and expiry (never the number or code). */
export function cardOnFile(card: PaymentSubmission['card']): { brand: string; last4: string; expMonth: number; expYear: number } {
  if (isTokenizedCard(card)) {
    return { brand: brandNameOfCode(card.brand), last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
  }
  const brand = describeCardNumber(card.number).brand;
  return { brand: brand ? brandLabel(brand) : 'Card', last4: cardLast4(card.number), expMonth: card.expMonth, expYear: card.expYear };
}
