/**
 * The words of a submission whose outcome is unknown (no answer before the deadline). Loaded
 * with the form's engine (billing-form.engine.ts), like the form's other texts.
 */
import { msg } from '../../i18n/index.js';

export const unconfirmedText = {
  title: () => msg("We couldn't confirm your payment", { id: 'billing.submit.unconfirmedTitle' }),
  body: () =>
    msg(
      "The billing service didn't answer in time, so your card may or may not have been charged. Everything you entered is still here. Try again: if the first attempt went through, you won't be charged twice.",
      { id: 'billing.submit.unconfirmedBody' },
    ),
};
