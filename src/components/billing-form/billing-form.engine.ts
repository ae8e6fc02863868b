/**
 * The form's rules, words and view: address data per country, card checks (card-validator),
 * validation, idempotency keys, the form's labels and messages, and its view (the fields'
 * templates, the error summary, the state behind them and their styles: billing-form.view.ts).
 * `<billing-form>` loads this module with a dynamic import() when it first connects, in parallel
 * with the provider's snapshot, so none of it weighs on the initial bundle of a page that shows
 * no form; until it is there the element renders its loading state.
 */
export { addressFields, countryOptions, loadAddressRules, normalizeAddressForCountry } from '../../domain/address/index.js';
export { brandLabel, describeCardNumber, isCardBrand } from '../../domain/card.js';
export { formatInput } from './card-input.js';
export { formatDate } from '../../domain/dates.js';
export { formatMoney } from '../../domain/money.js';
export { runSubmission } from './submission-run.js';
export {
  applyDraft,
  buildSubmission,
  draftOf,
  fieldForErrorPath,
  formProblems,
  isRequired,
  remainingFields,
  visibleFields,
} from '../../domain/payment-form.js';
export * from './billing-form.text.js';
export { unconfirmedText } from './submission.text.js';
export * from './billing-form.summary.text.js';
export { FormView, formViewStyles } from './billing-form.view.js';
