/**
 * The one place that knows how to find, fill and read `<billing-form>`: used by the element's
 * tests, the cross-element tests, the stories' interactions and the benchmark, and published
 * for hosts' own integration tests. It acts as a user's browser does: focus a control, set its
 * value, fire `input` (or `change` for a list), leave it, and wait for the element to render.
 *
 * Controls are named by their field (`card.number`) or their id in the shadow root
 * (`card-number`); both work everywhere below.
 */
import { loadAddressRules } from '../../domain/address/index.js';
import { FORM_FIELDS, type FormField } from '../../domain/payment-form-fields.js';
import type { BillingForm } from './billing-form.js';

/** A field (`mailing.address.country`) or its control's id (`mailing-address-country`). */
export type FieldRef = FormField | (string & {});

/** A card every shipped backend accepts (Visa test number; 4000000000000002 is declined). */
export const TEST_CARD = { number: '4242424242424242', expiry: '12/30', cvc: '964' } as const;

/** A complete United States mailing and billing address (Illinois). */
export const US_ADDRESS = {
  'mailing.firstName': 'Ada',
  'mailing.lastName': 'Lovelace',
  'mailing.email': 'ada@example.com',
  'mailing.address.country': 'US',
  'mailing.address.line1': '1 Main St',
  'mailing.address.city': 'Springfield',
  'mailing.address.region': 'US-IL',
  'mailing.address.postalCode': '62701',
  'card.name': 'Ada Lovelace',
  'billingAddress.country': 'US',
  'billingAddress.region': 'US-IL',
  'billingAddress.postalCode': '62701',
} as const satisfies Partial<Record<FormField, string>>;

type Control = HTMLInputElement | HTMLSelectElement;

/** The id of a field's control inside the shadow root. */
export function idOf(field: FieldRef): string {
  return field.replaceAll('.', '-');
}

function root(form: BillingForm): ShadowRoot {
  if (!form.shadowRoot) throw new Error('<billing-form> has not rendered yet');
  return form.shadowRoot;
}

/** Text as a user reads it: whitespace folded. */
function fold(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The field's control (or any element of the shadow root by id), or null when not shown. */
export function findControl<T extends HTMLElement = Control>(form: BillingForm, field: FieldRef): T | null {
  return root(form).querySelector<T>(`#${CSS.escape(idOf(field))}`);
}

/** The field's control; throws naming the field when the form does not show it. */
export function control(form: BillingForm, field: FieldRef): Control {
  const element = findControl(form, field);
  if (!element) throw new Error(`<billing-form> shows no field ${field}`);
  return element;
}

/** The label element of a field, or null. */
export function labelElement(form: BillingForm, field: FieldRef): HTMLLabelElement | null {
  return root(form).querySelector<HTMLLabelElement>(`label[for="${idOf(field)}"]`);
}

/** The label's text as shown, the required mark included (`First name*`). */
export function labelOf(form: BillingForm, field: FieldRef): string {
  return fold(labelElement(form, field)?.textContent);
}

/** The field's own error message, or null when it shows none. */
export function fieldError(form: BillingForm, field: FieldRef): string | null {
  const error = root(form).getElementById(`${idOf(field)}-error`);
  return error ? fold(error.textContent) : null;
}

/** Sets a control's value and fires what the browser fires (`input`, or `change` for a list), without leaving it. */
export function setValue(form: BillingForm, field: FieldRef, value: string): void {
  fire(control(form, field), value);
}

/** Sets a control's value and fires `input` (`change` for a list), as the browser does when a user edits it. */
export function fire(element: Control, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** Types into a field as a user does (focus, value, input/change, leave) and waits for the render. */
export async function type(form: BillingForm, field: FieldRef, value: string): Promise<void> {
  const element = control(form, field);
  element.focus();
  setValue(form, field, value);
  element.blur();
  await form.updateComplete;
}

/** Chooses a country and waits until the form shows that country's fields. */
export async function chooseCountry(form: BillingForm, group: 'mailing' | 'billing', country: string): Promise<void> {
  await type(form, group === 'mailing' ? 'mailing.address.country' : 'billingAddress.country', country);
  if (!country) return;
  await loadAddressRules(country);
  // The element's own continuation of the same load runs before this macrotask turn.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await form.updateComplete;
}

/** Opens the inputs when the account has a card on file (presses Replace card). */
export async function openForm(form: BillingForm): Promise<void> {
  const replace = root(form).querySelector<HTMLButtonElement>('[part~="replace"]');
  if (replace) {
    replace.click();
    await form.updateComplete;
  }
}

export interface FillOptions {
  /** Values to use instead of (or besides) US_ADDRESS. */
  values?: Partial<Record<FormField, string>>;
  /** The card inputs' values; `false` leaves them alone (processor-hosted card fields). */
  card?: Partial<{ number: string; expiry: string; cvc: string }> | false;
}

/**
 * Fills a complete form, countries first so their region and postal fields exist: US_ADDRESS
 * and TEST_CARD unless told otherwise. Leaves the submit button ready (`submitReady`).
 */
export async function fillForm(form: BillingForm, options: FillOptions = {}): Promise<void> {
  await openForm(form);
  const values: Partial<Record<FormField, string>> = { ...US_ADDRESS, ...options.values };
  const card = options.card === false ? null : { ...TEST_CARD, ...options.card };
  if (card) Object.assign(values, { 'card.number': card.number, 'card.expiry': card.expiry, 'card.cvc': card.cvc });
  // The form's own field order (mailing, then billing): countries come before their region and postal code.
  for (const field of FORM_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    if (field === 'mailing.address.country') await chooseCountry(form, 'mailing', value);
    else if (field === 'billingAddress.country') await chooseCountry(form, 'billing', value);
    else await type(form, field, value);
  }
}

/** The Submit Payment Information button. */
export function submitButton(form: BillingForm): HTMLButtonElement {
  const button = root(form).querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) throw new Error('<billing-form> shows no submit button');
  return button;
}

/**
 * Whether Submit Payment Information would submit: every required field is complete and valid
 * and nothing is in flight. The button is never `disabled` (it stays focusable); it says it
 * is not ready with `aria-disabled="true"`.
 */
export function submitReady(form: BillingForm): boolean {
  return submitButton(form).getAttribute('aria-disabled') !== 'true';
}

/**
 * Presses Submit Payment Information and waits for the render. Pressed while the form is
 * incomplete, it shows the error summary (see `errorSummary`) and sends nothing.
 */
export async function submit(form: BillingForm): Promise<void> {
  submitButton(form).click();
  await form.updateComplete;
}

/** The error summary shown after a submit attempt with missing or invalid fields, or null. */
export function errorSummary(form: BillingForm): HTMLElement | null {
  return root(form).querySelector<HTMLElement>('[part~="error-summary"]');
}

/** The error summary's links as a user reads them ("Last name is required."), in order; empty when there is no summary. */
export function summaryLinks(form: BillingForm): HTMLAnchorElement[] {
  return [...(errorSummary(form)?.querySelectorAll('a') ?? [])];
}

/** The text of a part of the form (`remaining`, `alert`, `success`, `current`), or null when not shown. */
export function partText(form: BillingForm, part: string): string | null {
  const element = root(form).querySelector(`[part~="${part}"]`);
  return element ? fold(element.textContent) : null;
}
