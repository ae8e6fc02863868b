/** The form's visible texts (localized through msg; the contract fixes the English labels). */
import type { PostalLabel, RegionLabel } from '../../domain/address/index.js';
import type { BillingErrorCode } from '../../domain/errors.js';
import type { FieldProblem, FormField } from '../../domain/payment-form.js';
import { msg } from '../../i18n/index.js';

export function regionLabelText(label: RegionLabel): string {
  switch (label) {
    case 'state':
      return msg('State', { id: 'billing.region.state' });
    case 'province':
      return msg('Province', { id: 'billing.region.province' });
    case 'prefecture':
      return msg('Prefecture', { id: 'billing.region.prefecture' });
    case 'county':
      return msg('County', { id: 'billing.region.county' });
    case 'emirate':
      return msg('Emirate', { id: 'billing.region.emirate' });
    case 'island':
      return msg('Island', { id: 'billing.region.island' });
    case 'parish':
      return msg('Parish', { id: 'billing.region.parish' });
    case 'department':
      return msg('Department', { id: 'billing.region.department' });
    case 'district':
      return msg('District', { id: 'billing.region.district' });
    case 'do_si':
      return msg('Do/Si', { id: 'billing.region.doSi' });
    case 'oblast':
      return msg('Oblast', { id: 'billing.region.oblast' });
    case 'area':
      return msg('Area', { id: 'billing.region.area' });
  }
}

export function postalLabelText(label: PostalLabel): string {
  switch (label) {
    case 'zip':
      return msg('ZIP code', { id: 'billing.postal.zip' });
    case 'pin':
      return msg('PIN code', { id: 'billing.postal.pin' });
    case 'eircode':
      return msg('Eircode', { id: 'billing.postal.eircode' });
    case 'postal':
      return msg('Postal code', { id: 'billing.postal.postal' });
  }
}

/** Labels of the fields whose label does not depend on the country. */
export function fixedLabel(field: FormField): string {
  switch (field) {
    case 'mailing.firstName':
      return msg('First name', { id: 'billing.form.firstName' });
    case 'mailing.lastName':
      return msg('Last name', { id: 'billing.form.lastName' });
    case 'mailing.email':
      return msg('Email', { id: 'billing.form.email' });
    case 'mailing.company':
      return msg('Company', { id: 'billing.form.company' });
    case 'mailing.phone':
      return msg('Phone', { id: 'billing.form.phone' });
    case 'mailing.address.line1':
      return msg('Address line 1', { id: 'billing.form.line1' });
    case 'mailing.address.line2':
      return msg('Address line 2', { id: 'billing.form.line2' });
    case 'mailing.address.city':
      return msg('City', { id: 'billing.form.city' });
    case 'mailing.address.country':
    case 'billingAddress.country':
      return msg('Country', { id: 'billing.form.country' });
    case 'card.name':
      return msg('Name on card', { id: 'billing.form.cardName' });
    case 'card.number':
      return msg('Card number', { id: 'billing.form.cardNumber' });
    case 'card.expiry':
      return msg('Expiration date', { id: 'billing.form.expiry' });
    case 'card.cvc':
      return msg('Security code', { id: 'billing.form.cvc' });
    default:
      return '';
  }
}

/** "… is required." for one field: a whole sentence per field, region word and postal word. */
function requiredText(field: FormField, labels: FieldLabels): string {
  if (field.endsWith('.region')) {
    switch (labels.region) {
      case 'state':
        return msg('State is required.', { id: 'billing.required.region.state' });
      case 'province':
        return msg('Province is required.', { id: 'billing.required.region.province' });
      case 'prefecture':
        return msg('Prefecture is required.', { id: 'billing.required.region.prefecture' });
      case 'county':
        return msg('County is required.', { id: 'billing.required.region.county' });
      case 'emirate':
        return msg('Emirate is required.', { id: 'billing.required.region.emirate' });
      case 'island':
        return msg('Island is required.', { id: 'billing.required.region.island' });
      case 'parish':
        return msg('Parish is required.', { id: 'billing.required.region.parish' });
      case 'department':
        return msg('Department is required.', { id: 'billing.required.region.department' });
      case 'district':
        return msg('District is required.', { id: 'billing.required.region.district' });
      case 'do_si':
        return msg('Do/Si is required.', { id: 'billing.required.region.doSi' });
      case 'oblast':
        return msg('Oblast is required.', { id: 'billing.required.region.oblast' });
      case 'area':
        return msg('Area is required.', { id: 'billing.required.region.area' });
      default:
        return msg('This field is required.', { id: 'billing.required.other' });
    }
  }
  if (field.endsWith('.postalCode')) {
    switch (labels.postal) {
      case 'zip':
        return msg('ZIP code is required.', { id: 'billing.required.postal.zip' });
      case 'pin':
        return msg('PIN code is required.', { id: 'billing.required.postal.pin' });
      case 'eircode':
        return msg('Eircode is required.', { id: 'billing.required.postal.eircode' });
      default:
        return msg('Postal code is required.', { id: 'billing.required.postal.postal' });
    }
  }
  switch (field) {
    case 'mailing.firstName':
      return msg('First name is required.', { id: 'billing.required.firstName' });
    case 'mailing.lastName':
      return msg('Last name is required.', { id: 'billing.required.lastName' });
    case 'mailing.email':
      return msg('Email is required.', { id: 'billing.required.email' });
    case 'mailing.company':
      return msg('Company is required.', { id: 'billing.required.company' });
    case 'mailing.phone':
      return msg('Phone is required.', { id: 'billing.required.phone' });
    case 'mailing.address.line1':
      return msg('Address line 1 is required.', { id: 'billing.required.line1' });
    case 'mailing.address.line2':
      return msg('Address line 2 is required.', { id: 'billing.required.line2' });
    case 'mailing.address.city':
      return msg('City is required.', { id: 'billing.required.city' });
    case 'mailing.address.country':
    case 'billingAddress.country':
      return msg('Country is required.', { id: 'billing.required.country' });
    case 'card.name':
      return msg('Name on card is required.', { id: 'billing.required.cardName' });
    case 'card.number':
      return msg('Card number is required.', { id: 'billing.required.cardNumber' });
    case 'card.expiry':
      return msg('Expiration date is required.', { id: 'billing.required.expiry' });
    case 'card.cvc':
      return msg('Security code is required.', { id: 'billing.required.cvc' });
    default:
      return msg('This field is required.', { id: 'billing.required.other' });
  }
}

/** "Choose a state from the list." — one sentence per region word. */
function regionInvalidText(label: RegionLabel | null | undefined): string {
  switch (label) {
    case 'state':
      return msg('Choose a state from the list.', { id: 'billing.error.region.state' });
    case 'province':
      return msg('Choose a province from the list.', { id: 'billing.error.region.province' });
    case 'prefecture':
      return msg('Choose a prefecture from the list.', { id: 'billing.error.region.prefecture' });
    case 'county':
      return msg('Choose a county from the list.', { id: 'billing.error.region.county' });
    case 'emirate':
      return msg('Choose an emirate from the list.', { id: 'billing.error.region.emirate' });
    case 'island':
      return msg('Choose an island from the list.', { id: 'billing.error.region.island' });
    case 'parish':
      return msg('Choose a parish from the list.', { id: 'billing.error.region.parish' });
    case 'department':
      return msg('Choose a department from the list.', { id: 'billing.error.region.department' });
    case 'district':
      return msg('Choose a district from the list.', { id: 'billing.error.region.district' });
    case 'do_si':
      return msg('Choose a do/si from the list.', { id: 'billing.error.region.doSi' });
    case 'oblast':
      return msg('Choose an oblast from the list.', { id: 'billing.error.region.oblast' });
    case 'area':
      return msg('Choose an area from the list.', { id: 'billing.error.region.area' });
    default:
      return msg('Choose an entry from the list.', { id: 'billing.error.region.other' });
  }
}

/** "Enter a valid ZIP code, for example 95014." — one sentence per postal word, with and without an example. */
function postalInvalidText(label: PostalLabel | null | undefined, example: string | null | undefined): string {
  if (example) {
    switch (label) {
      case 'zip':
        return msg('Enter a valid ZIP code, for example {example}.', { id: 'billing.error.postal.zipExample', args: { example } });
      case 'pin':
        return msg('Enter a valid PIN code, for example {example}.', { id: 'billing.error.postal.pinExample', args: { example } });
      case 'eircode':
        return msg('Enter a valid Eircode, for example {example}.', { id: 'billing.error.postal.eircodeExample', args: { example } });
      default:
        return msg('Enter a valid postal code, for example {example}.', { id: 'billing.error.postal.postalExample', args: { example } });
    }
  }
  switch (label) {
    case 'zip':
      return msg('Enter a valid ZIP code.', { id: 'billing.error.postal.zip' });
    case 'pin':
      return msg('Enter a valid PIN code.', { id: 'billing.error.postal.pin' });
    case 'eircode':
      return msg('Enter a valid Eircode.', { id: 'billing.error.postal.eircode' });
    default:
      return msg('Enter a valid postal code.', { id: 'billing.error.postal.postal' });
  }
}

/** The country's words for the region and postal-code fields (null before a country is chosen). */
export interface FieldLabels {
  region?: RegionLabel | null;
  postal?: PostalLabel | null;
}

export function problemText(
  field: FormField,
  problem: FieldProblem,
  context: FieldLabels & { example?: string | null; codeLength?: number },
): string {
  if (problem === 'required') return requiredText(field, context);
  switch (field) {
    case 'mailing.email':
      return msg('Enter an email address like name@example.com.', { id: 'billing.error.email' });
    case 'mailing.phone':
      return msg('Enter a phone number of 5 to 20 digits.', { id: 'billing.error.phone' });
    case 'card.name':
      return msg('Enter the name as it appears on the card.', { id: 'billing.error.cardName' });
    case 'card.number':
      return problem === 'incomplete'
        ? msg('The card number is incomplete.', { id: 'billing.error.cardIncomplete' })
        : msg("This card number isn't valid. Check it for typos.", { id: 'billing.error.cardInvalid' });
    case 'card.expiry':
      return problem === 'expired'
        ? msg('This card has expired.', { id: 'billing.error.expired' })
        : msg('Enter the expiration date as MM/YY.', { id: 'billing.error.expiry' });
    case 'card.cvc':
      return msg('{digits, plural, one {Enter the #-digit security code.} other {Enter the #-digit security code.}}', {
        id: 'billing.error.cvc',
        args: { digits: context.codeLength ?? 3 },
      });
    case 'mailing.address.region':
    case 'billingAddress.region':
      return regionInvalidText(context.region);
    case 'mailing.address.postalCode':
    case 'billingAddress.postalCode':
      return postalInvalidText(context.postal, context.example);
    default:
      return msg('Check this entry.', { id: 'billing.error.invalid' });
  }
}

/**
 * What an adapter's field error says on a field: ours for its code. A server's own words are
 * never shown (they are English): a developer sees them in the console.
 */
export function serverFieldText(message: string, field: FormField, labels: FieldLabels & { example?: string | null }): string {
  if (message === 'declined') return msg('This card was declined.', { id: 'billing.error.fieldDeclined' });
  if (message === 'expired') return msg('This card has expired.', { id: 'billing.error.expired' });
  if (message === 'required') return requiredText(field, labels);
  // A developer hint, never for card fields (a server might echo what was typed).
  if (!/^[a-z_]+$/.test(message) && !field.startsWith('card.')) console.info(`billing-elements: the server said about ${field}: ${message}`);
  return problemText(field, 'invalid', labels);
}

export function submitErrorText(code: BillingErrorCode): string {
  switch (code) {
    case 'card_declined':
      return msg('Your card was declined. Check the card details or use another card.', { id: 'billing.submit.declined' });
    case 'invalid_request':
      return msg('Some details were not accepted. Check the highlighted fields.', { id: 'billing.submit.invalid' });
    case 'unauthorized':
      return msg("You aren't signed in or aren't allowed to change billing. Sign in again, then retry.", {
        id: 'billing.submit.unauthorized',
      });
    case 'network':
      return msg("We couldn't reach the billing service. Check your connection and try again — you won't be charged twice.", {
        id: 'billing.submit.network',
      });
    case 'timeout':
      return msg("The billing service took too long to answer. Try again — you won't be charged twice.", {
        id: 'billing.submit.timeout',
      });
    case 'rate_limited':
      return msg('Too many attempts in a short time. Wait a minute, then try again.', { id: 'billing.submit.rateLimited' });
    case 'server':
      return msg("The billing service had a problem. Try again in a few minutes — you won't be charged twice.", {
        id: 'billing.submit.server',
      });
    case 'invalid_response':
      return msg("The billing service sent an answer we couldn't read. Try again — you won't be charged twice.", {
        id: 'billing.submit.invalidResponse',
      });
  }
}

export function remainingText(count: number): string {
  if (count === 0) return msg('All required fields are complete.', { id: 'billing.form.ready' });
  return msg('{count, plural, one {# required field remaining} other {# required fields remaining}}', {
    id: 'billing.form.remaining',
    args: { count },
  });
}

/** The first option of a region list: "Choose a state" — one text per region word. */
function chooseRegion(label: RegionLabel): string {
  switch (label) {
    case 'state':
      return msg('Choose a state', { id: 'billing.form.chooseRegion.state' });
    case 'province':
      return msg('Choose a province', { id: 'billing.form.chooseRegion.province' });
    case 'prefecture':
      return msg('Choose a prefecture', { id: 'billing.form.chooseRegion.prefecture' });
    case 'county':
      return msg('Choose a county', { id: 'billing.form.chooseRegion.county' });
    case 'emirate':
      return msg('Choose an emirate', { id: 'billing.form.chooseRegion.emirate' });
    case 'island':
      return msg('Choose an island', { id: 'billing.form.chooseRegion.island' });
    case 'parish':
      return msg('Choose a parish', { id: 'billing.form.chooseRegion.parish' });
    case 'department':
      return msg('Choose a department', { id: 'billing.form.chooseRegion.department' });
    case 'district':
      return msg('Choose a district', { id: 'billing.form.chooseRegion.district' });
    case 'do_si':
      return msg('Choose a do/si', { id: 'billing.form.chooseRegion.doSi' });
    case 'oblast':
      return msg('Choose an oblast', { id: 'billing.form.chooseRegion.oblast' });
    case 'area':
      return msg('Choose an area', { id: 'billing.form.chooseRegion.area' });
  }
}

/** The form's other texts. */
export const formText = {
  mailing: () => msg('Mailing information', { id: 'billing.form.mailing' }),
  billing: () => msg('Billing information', { id: 'billing.form.billing' }),
  chooseCountry: () => msg('Choose a country', { id: 'billing.form.chooseCountry' }),
  chooseRegion,
  postalExample: (example: string) => msg('For example {example}', { id: 'billing.form.postalExample', args: { example } }),
  expiryFormat: () => msg('MM/YY', { id: 'billing.form.expiryFormat' }),
  cvcHint: (digits: number) =>
    msg('{digits, plural, one {# digit, on the card} other {# digits, on the card}}', { id: 'billing.form.cvcHint', args: { digits } }),
  cardSummary: (brand: string, last4: string) => msg('{brand} ending in {last4}', { id: 'billing.card.summary', args: { brand, last4 } }),
  expired: () => msg('Expired', { id: 'billing.card.expired' }),
  pending: () => msg('Pending', { id: 'billing.card.pending' }),
  active: () => msg('Active', { id: 'billing.card.active' }),
  expires: (expiry: string) => msg('Expires {expiry}', { id: 'billing.card.expires', args: { expiry } }),
  expiredNote: () => msg('This card has expired. Replace it to keep paying for the account.', { id: 'billing.card.expiredNote' }),
  pendingNote: () => msg('A new card can take up to 24 hours to reach the billing system.', { id: 'billing.card.pendingNote' }),
  replaceCard: () => msg('Replace card', { id: 'billing.card.replace' }),
  paysAll: (organizations: number) =>
    msg(
      "{count, plural, one {This card pays for the account's organization and is the default for all past, present and future billings.} other {This card pays for all # organizations of the account and is the default for all past, present and future billings.}}",
      { id: 'billing.card.paysAll', args: { count: organizations } },
    ),
  nextCharge: (date: string) =>
    msg('Accounts are charged on the 1st of each month. Next charge: {date}.', { id: 'billing.card.nextCharge', args: { date } }),
  userCap: (cap: number) =>
    msg(
      '{cap, plural, one {Adding a card lifts the limit of # user per organization.} other {Adding a card lifts the limit of # users per organization.}}',
      { id: 'billing.card.userCap', args: { cap } },
    ),
  success: () => msg('Your card was submitted.', { id: 'billing.success' }),
  successCharged: (amount: string) =>
    msg('Your card was submitted and charged {amount} for the outstanding balance.', { id: 'billing.success.charged', args: { amount } }),
  successDelay: () => msg('It can take up to 24 hours for the card to be added to the billing system.', { id: 'billing.success.delay' }),
  charge: (amount: string) =>
    msg('Submitting charges this card {amount} for the outstanding balance.', { id: 'billing.form.charge', args: { amount } }),
  submit: () => msg('Submit Payment Information', { id: 'billing.form.submit' }),
  submitting: () => msg('Submitting…', { id: 'billing.form.submitting' }),
  keepCard: () => msg('Keep current card', { id: 'billing.form.cancel' }),
  /** "Adding a card binds the account to {terms}." — `terms` becomes the link, whose text is termsLink(). */
  terms: (terms: string) => msg('Adding a card binds the account to {terms}.', { id: 'billing.form.terms', args: { terms } }),
  termsLink: () => msg('section 3.7 of the terms', { id: 'billing.form.termsLink' }),
  addIntro: () => msg('Add the card that pays for this account.', { id: 'billing.form.addIntro' }),
};
