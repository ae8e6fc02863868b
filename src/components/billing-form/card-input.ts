/**
 * How the card inputs reformat what is typed: the number in its brand's digit groups with the
 * caret kept where the user was typing, the expiry towards MM/YY, the security code as at most
 * four digits. Plain functions over the domain's card rules; part of the form's lazy engine.
 */
import { caretAfterFormat, digitsOnly, formatCardNumber, formatExpiryInput } from '../../domain/card.js';
import type { FormField } from '../../domain/payment-form-fields.js';

export interface FormattedInput {
  value: string;
  /** Where the caret goes when the value was rewritten under it. */
  caret?: number;
}

/** The value to keep for `field` after an input event that left `raw` in the control. */
export function formatInput(field: FormField, raw: string, caret: number, previous: string): FormattedInput {
  switch (field) {
    case 'card.number': {
      const value = formatCardNumber(raw);
      return value === raw ? { value } : { value, caret: caretAfterFormat(raw, caret, value) };
    }
    case 'card.expiry':
      return { value: formatExpiryInput(raw, previous) };
    case 'card.cvc':
      return { value: digitsOnly(raw).slice(0, 4) };
    default:
      return { value: raw };
  }
}
