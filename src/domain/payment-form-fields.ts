/**
 * The payment form's field names (the submission's paths) and empty values: constants only,
 * so the element can hold values before the form's rules (address data, card checks) load.
 */

export const MAILING_FIELDS = [
  'mailing.firstName',
  'mailing.lastName',
  'mailing.email',
  'mailing.company',
  'mailing.phone',
  'mailing.address.country',
  'mailing.address.line1',
  'mailing.address.line2',
  'mailing.address.city',
  'mailing.address.region',
  'mailing.address.postalCode',
] as const;

/** Card fields: their values live only in the form's memory, never in a draft, event or state. */
export const CARD_FIELDS = ['card.number', 'card.expiry', 'card.cvc'] as const;

export const BILLING_FIELDS = [
  'card.name',
  ...CARD_FIELDS,
  'billingAddress.country',
  'billingAddress.region',
  'billingAddress.postalCode',
] as const;

export type MailingField = (typeof MAILING_FIELDS)[number];
export type BillingField = (typeof BILLING_FIELDS)[number];
export type FormField = MailingField | BillingField;
export type CardField = (typeof CARD_FIELDS)[number];

export const FORM_FIELDS: readonly FormField[] = [...MAILING_FIELDS, ...BILLING_FIELDS];

export type FormValues = Record<FormField, string>;

export function emptyValues(): FormValues {
  return Object.fromEntries(FORM_FIELDS.map((field) => [field, ''])) as FormValues;
}

export function isCardField(field: string): field is CardField {
  return (CARD_FIELDS as readonly string[]).includes(field);
}

