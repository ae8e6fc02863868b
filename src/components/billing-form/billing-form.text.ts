/** The form's visible texts (localized through msg; the contract fixes the English labels). */
import type { PostalLabel, RegionLabel } from '../../domain/address/index.js';
import type { BillingErrorCode } from '../../domain/errors.js';
import type { FieldProblem, FormField } from '../../domain/payment-form.js';
import { msg, str } from '../../i18n/index.js';

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

export function problemText(
  field: FormField,
  problem: FieldProblem,
  context: { label: string; example?: string | null; codeLength?: number },
): string {
  const { label } = context;
  if (problem === 'required') return msg(str`${label} is required.`, { id: 'billing.error.required' });
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
    case 'card.cvc': {
      const digits = context.codeLength ?? 3;
      return msg(str`Enter the ${digits}-digit security code.`, { id: 'billing.error.cvc' });
    }
    case 'mailing.address.region':
    case 'billingAddress.region':
      return msg(str`Choose a ${label} from the list.`, { id: 'billing.error.region' });
    case 'mailing.address.postalCode':
    case 'billingAddress.postalCode':
      return context.example
        ? msg(str`Enter a valid ${label}, for example ${context.example}.`, { id: 'billing.error.postalExample' })
        : msg(str`Enter a valid ${label}.`, { id: 'billing.error.postal' });
    default:
      return msg(str`Check ${label}.`, { id: 'billing.error.invalid' });
  }
}

/** What an adapter's field error says on a field: its own words, or ours for a bare code. */
export function serverFieldText(message: string, label: string): string {
  if (message === 'declined') return msg('This card was declined.', { id: 'billing.error.fieldDeclined' });
  if (message === 'expired') return msg('This card has expired.', { id: 'billing.error.expired' });
  if (message === 'required') return msg(str`${label} is required.`, { id: 'billing.error.required' });
  if (/^[a-z_]+$/.test(message)) return msg(str`Check ${label}.`, { id: 'billing.error.invalid' });
  return message;
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
  return count === 1
    ? msg('1 required field remaining.', { id: 'billing.form.remainingOne' })
    : msg(str`${count} required fields remaining.`, { id: 'billing.form.remainingMany' });
}

/** The form's other texts. */
export const formText = {
  mailing: () => msg('Mailing information', { id: 'billing.form.mailing' }),
  billing: () => msg('Billing information', { id: 'billing.form.billing' }),
  chooseCountry: () => msg('Choose a country', { id: 'billing.form.chooseCountry' }),
  chooseRegion: (label: string) => msg(str`Choose a ${label}`, { id: 'billing.form.chooseRegion' }),
  postalExample: (example: string) => msg(str`For example ${example}`, { id: 'billing.form.postalExample' }),
  expiryFormat: () => msg('MM/YY', { id: 'billing.form.expiryFormat' }),
  cvcHint: (digits: number) => msg(str`${digits} digits, on the card`, { id: 'billing.form.cvcHint' }),
  cardSummary: (brand: string, last4: string) => msg(str`${brand} ending in ${last4}`, { id: 'billing.card.summary' }),
  expired: () => msg('Expired', { id: 'billing.card.expired' }),
  pending: () => msg('Pending', { id: 'billing.card.pending' }),
  active: () => msg('Active', { id: 'billing.card.active' }),
  expires: (expiry: string) => msg(str`Expires ${expiry}`, { id: 'billing.card.expires' }),
  expiredNote: () => msg('This card has expired. Replace it to keep paying for the account.', { id: 'billing.card.expiredNote' }),
  pendingNote: () => msg('A new card can take up to 24 hours to reach the billing system.', { id: 'billing.card.pendingNote' }),
  replaceCard: () => msg('Replace card', { id: 'billing.card.replace' }),
  paysAll: (organizations: number) =>
    msg(
      str`This card pays for all ${organizations} organizations of the account and is the default for all past, present and future billings.`,
      { id: 'billing.card.paysAll' },
    ),
  nextCharge: (date: string) => msg(str`Accounts are charged on the 1st of each month. Next charge: ${date}.`, { id: 'billing.card.nextCharge' }),
  userCap: (cap: number) => msg(str`Adding a card lifts the limit of ${cap} users per organization.`, { id: 'billing.card.userCap' }),
  success: () => msg('Your card was submitted.', { id: 'billing.success' }),
  successCharged: (amount: string) =>
    msg(str`Your card was submitted and charged ${amount} for the outstanding balance.`, { id: 'billing.success.charged' }),
  successDelay: () => msg('It can take up to 24 hours for the card to be added to the billing system.', { id: 'billing.success.delay' }),
  charge: (amount: string) => msg(str`Submitting charges this card ${amount} for the outstanding balance.`, { id: 'billing.form.charge' }),
  submit: () => msg('Submit Payment Information', { id: 'billing.form.submit' }),
  submitting: () => msg('Submitting…', { id: 'billing.form.submitting' }),
  keepCard: () => msg('Keep current card', { id: 'billing.form.cancel' }),
  termsPrefix: () => msg('Adding a card binds the account to', { id: 'billing.form.termsPrefix' }),
  termsLink: () => msg('section 3.7 of the terms', { id: 'billing.form.termsLink' }),
  addIntro: () => msg('Add the card that pays for this account.', { id: 'billing.form.addIntro' }),
};
