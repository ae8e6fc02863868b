/** The error summary's own texts (localized through msg; loaded with the form's engine). */
import { msg } from '../../i18n/index.js';

export const summaryText = {
  /** The summary's heading (GOV.UK's wording). */
  title: () => msg('There is a problem', { id: 'billing.summary.title' }),
  /** The item for processor-hosted card fields that do not hold a complete, valid card yet. */
  hostedCard: () => msg('Enter the card number, expiration date and security code.', { id: 'billing.summary.hostedCard' }),
};
