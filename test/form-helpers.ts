/** Filling `<billing-form>` the way a user's browser does: set a value, fire input/change. */
import type { BillingForm } from '../src/components/billing-form/billing-form.js';
import { loadAddressRules } from '../src/domain/address/index.js';
import { MemoryBillingAdapter, type MemoryBillingAdapterOptions } from '../src/adapters/memory-adapter.js';
import type { PaymentSubmission, SubmitResult } from '../src/domain/types.js';

export const CARD = '4242424242424242';
export const CVC = '964';

export function control(form: BillingForm, id: string): HTMLInputElement | HTMLSelectElement {
  const element = form.shadowRoot!.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  if (!element) throw new Error(`no field #${id}`);
  return element;
}

export function labelOf(form: BillingForm, id: string): string {
  const label = form.shadowRoot!.querySelector(`label[for="${id}"]`);
  return (label?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function type(form: BillingForm, id: string, value: string): Promise<void> {
  const input = control(form, id);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  input.blur();
  await form.updateComplete;
}

export async function chooseCountry(form: BillingForm, group: 'mailing' | 'billing', country: string): Promise<void> {
  const id = group === 'mailing' ? 'mailing-address-country' : 'billingAddress-country';
  await type(form, id, country);
  await loadAddressRules(country);
  // One more turn for the rules promise inside the element to settle and render.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await form.updateComplete;
}

/** Fills a complete US form (mailing and billing), card number and security code given. */
export async function fillForm(form: BillingForm, card: { number?: string; cvc?: string; expiry?: string } = {}): Promise<void> {
  await type(form, 'mailing-firstName', 'Ada');
  await type(form, 'mailing-lastName', 'Lovelace');
  await type(form, 'mailing-email', 'ada@example.com');
  await chooseCountry(form, 'mailing', 'US');
  await type(form, 'mailing-address-line1', '1 Main St');
  await type(form, 'mailing-address-city', 'Springfield');
  await type(form, 'mailing-address-region', 'US-IL');
  await type(form, 'mailing-address-postalCode', '62701');
  await type(form, 'card-name', 'Ada Lovelace');
  await type(form, 'card-number', card.number ?? CARD);
  await type(form, 'card-expiry', card.expiry ?? '12/30');
  await type(form, 'card-cvc', card.cvc ?? CVC);
  await chooseCountry(form, 'billing', 'US');
  await type(form, 'billingAddress-region', 'US-IL');
  await type(form, 'billingAddress-postalCode', '62701');
}

export function submitButton(form: BillingForm): HTMLButtonElement {
  return form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
}

/** The memory adapter, recording what each submission was sent with. */
export class RecordingAdapter extends MemoryBillingAdapter {
  calls: { submission: PaymentSubmission; idempotencyKey: string }[] = [];

  constructor(options: MemoryBillingAdapterOptions = {}) {
    super(options);
  }

  override submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult> {
    this.calls.push({ submission: structuredClone(submission), idempotencyKey: options.idempotencyKey });
    return super.submitPaymentMethod(submission, options);
  }
}
