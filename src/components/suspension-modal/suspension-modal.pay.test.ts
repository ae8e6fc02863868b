/**
 * Paying a suspended account from `<suspension-modal>`: one path (Update → the card form in the
 * dialog, focused → Submit Payment Information → the modal closes), by keyboard alone; and with
 * processor-hosted card fields, which the modal's light-DOM form mounts outside any shadow root.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { scenario } from '../../adapters/scenarios.js';
import type { BillingSnapshot, PaymentSubmission, SubmitResult } from '../../domain/types.js';
import { RecordingAdapter, invoice, mount, snapshot, textOf, waitUntil } from '../../../test/helpers.js';
import { HostedCardFieldsAdapter, fillHostedCard } from '../../../test/hosted-card-fields.js';
import { errorSummary, fillForm, submitButton } from '../billing-form/billing-form.harness.js';
import type { BillingForm } from '../billing-form/billing-form.js';
import type { SuspensionModal } from './suspension-modal.js';
import '../../suspension-modal.js';

const TODAY = '2025-06-15';

function formOf(element: SuspensionModal): BillingForm | null {
  return element.querySelector<BillingForm>(':scope > billing-form[slot="form"]');
}

/** What has keyboard focus, as a user would name it: the id of a form field, or the text of a button. */
function focused(element: SuspensionModal): string {
  const form = formOf(element);
  if (form && document.activeElement === form) {
    const inner = form.shadowRoot!.activeElement as HTMLElement | null;
    return inner?.id || textOf(inner ?? form);
  }
  const inner = element.shadowRoot!.activeElement as HTMLElement | null;
  return inner ? inner.id || inner.textContent!.trim() : '';
}

/** Presses Tab until `target` has focus, passing at most `max` other stops (optional fields). */
async function tabTo(element: SuspensionModal, target: string, max = 3): Promise<void> {
  const passed: string[] = [];
  while (focused(element) !== target) {
    if (passed.length > max) throw new Error(`Tab did not reach ${target}; passed ${passed.join(', ')}`);
    passed.push(focused(element));
    await sendKeys({ press: 'Tab' });
  }
}

async function typeInto(element: SuspensionModal, id: string, text: string): Promise<void> {
  await tabTo(element, id);
  await sendKeys({ type: text });
}

/**
 * Chooses an option of a list by typing its name (the browser's type-to-select), then waits
 * until `next` is rendered. Type-to-select forgets what was typed after a second without a
 * key: on a busy machine the keys can arrive slower than that, so a wrong pick is undone
 * (Escape closes a list a lone space may have opened) and typed again after a pause.
 */
async function chooseIn(element: SuspensionModal, id: string, name: string, code: string, next?: string): Promise<void> {
  await tabTo(element, id);
  const form = formOf(element)!;
  const select = form.shadowRoot!.getElementById(id) as HTMLSelectElement;
  for (let attempt = 0; attempt < 4 && select.value !== code; attempt++) {
    if (attempt > 0) {
      await sendKeys({ press: 'Escape' });
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    await sendKeys({ type: name });
  }
  expect(select.value, `${name} chosen in ${id}`).to.equal(code);
  await waitUntil(
    () => !next || form.shadowRoot!.getElementById(next),
    `${next} did not appear after choosing ${name} (${id} is "${select.value}", focus on ${focused(element)})`,
  );
  await form.updateComplete;
}

describe('<suspension-modal>: paying from the modal', () => {
  beforeEach(() => sessionStorage.clear());

  it('pays a suspended account by keyboard alone: Update, every field, Submit, and the modal closes', async () => {
    const adapter = new RecordingAdapter({ ...scenario('suspended-50', TODAY), paymentMethod: null });
    const { element, provider } = await mount<SuspensionModal>(
      adapter,
      html`<suspension-modal support-email="billing@example.com" terms-href="/terms"></suspension-modal>`,
    );
    await waitUntil(() => element.open, 'the modal did not open');
    // The dialog opens at its title; Tab reaches Update, the one action.
    await waitUntil(() => focused(element) === 'title', 'the title did not take focus');
    await tabTo(element, 'Update', 1);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(element) === 'mailing-firstName', 'focus did not move to the first field');
    expect(element.open).to.equal(true);

    await sendKeys({ type: 'Ada' });
    await typeInto(element, 'mailing-lastName', 'Lovelace');
    await typeInto(element, 'mailing-email', 'ada@example.com');
    await chooseIn(element, 'mailing-address-country', 'United States', 'US', 'mailing-address-region');
    await typeInto(element, 'mailing-address-line1', '1 Main St');
    await typeInto(element, 'mailing-address-city', 'Springfield');
    await chooseIn(element, 'mailing-address-region', 'Illinois', 'US-IL');
    await typeInto(element, 'mailing-address-postalCode', '62701');
    await typeInto(element, 'card-name', 'Ada Lovelace');
    await typeInto(element, 'card-number', '4242424242424242');
    await typeInto(element, 'card-expiry', '1230');
    await typeInto(element, 'card-cvc', '964');
    await chooseIn(element, 'billingAddress-country', 'United States', 'US', 'billingAddress-region');
    await chooseIn(element, 'billingAddress-region', 'Illinois', 'US-IL');
    await typeInto(element, 'billingAddress-postalCode', '62701');
    await tabTo(element, 'Submit Payment Information');
    expect(errorSummary(formOf(element)!), 'nothing missing').to.equal(null);
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => !element.open, 'the modal did not close after payment');
    expect(element.hasAttribute('open')).to.equal(false);
    expect(element.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(provider.state.dunning!.level).to.equal('none');
    expect(adapter.calls).to.have.length(1);
    expect(adapter.calls[0]!.submission.mailing.address).to.include({ country: 'US', region: 'US-IL', postalCode: '62701' });
  });

  it('mounts hosted card fields in the document light DOM inside the modal, and a payment goes through', async () => {
    const data = snapshot({ invoices: [invoice({ daysPastDue: 50, billed: 9900 })] });
    const adapter = new HostedCardFieldsAdapter(data);
    // The processor takes the payment: the answer's snapshot has the invoice paid, so the account is no longer suspended.
    const submit = adapter.submitPaymentMethod.bind(adapter);
    adapter.submitPaymentMethod = async (submission: PaymentSubmission, options?: { idempotencyKey: string }): Promise<SubmitResult> => {
      const result = await submit(submission, options);
      const paid = structuredClone(result.snapshot) as BillingSnapshot;
      paid.invoices = paid.invoices.map((i) => ({ ...i, amountPaid: i.amountBilled, amountOwed: 0, status: 'paid' as const }));
      adapter.data = paid;
      return { snapshot: paid, charged: { amount: 9900, currency: 'USD' } };
    };
    const { element } = await mount<SuspensionModal>(adapter, html`<suspension-modal></suspension-modal>`);
    await waitUntil(() => element.open, 'the modal did not open');
    expect(adapter.mountCalls, 'no hosted fields before Update').to.equal(0);
    [...element.shadowRoot!.querySelectorAll('button')].find((b) => textOf(b) === 'Update')!.click();
    await waitUntil(() => adapter.mounts.length > 0, 'hosted card fields were not mounted');
    const form = formOf(element)!;
    const { container, iframe } = adapter.mounts[0]!;
    expect(container.getRootNode(), 'the container is in the document, not a shadow root').to.equal(document);
    expect(iframe.getRootNode()).to.equal(document);
    expect(container.parentElement).to.equal(form);
    expect(form.parentElement).to.equal(element);
    await waitUntil(() => iframe.contentDocument?.querySelector('input[name="number"]'), 'hosted frame not loaded');
    expect(iframe.getBoundingClientRect().height, 'the frame is rendered in the dialog').to.be.greaterThan(0);

    await fillForm(form, { card: false });
    fillHostedCard(iframe, { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' });
    await form.updateComplete;
    const updated = new Promise((resolve) => form.addEventListener('payment-method-updated', resolve, { once: true }));
    submitButton(form).click();
    await updated;
    expect(adapter.submissions).to.have.length(1);
    const card = adapter.submissions[0]!.submission.card as unknown as Record<string, unknown>;
    expect(card.token).to.match(/^tok_/);
    expect(card).to.not.have.property('number');
    await waitUntil(() => !element.open, 'the modal did not close after payment');
  });
});
