/**
 * `<billing-form>` with processor-hosted card fields: the adapter's `mountCardFields` gets a
 * container in the form's light DOM (slotted into the card area) and puts a real same-origin
 * iframe with the card inputs in it (test/hosted-card-fields.ts). The form then has no card
 * inputs of its own, waits for the hosted fields to be complete, and submits their token.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { StaticAdapter, mount, snapshot, waitUntil } from '../../../test/helpers.js';
import { HostedCardFieldsAdapter, fillHostedCard } from '../../../test/hosted-card-fields.js';
import { fillForm, submitButton, submitReady } from './billing-form.harness.js';
import type { PaymentMethodSubmitEvent } from '../../events/payment-method-submit.js';
import type { PaymentMethodUpdatedEvent } from '../../events/payment-method-updated.js';
import type { BillingForm } from './billing-form.js';
import '../../billing-form.js';

const CARD = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' };

async function hostedForm() {
  sessionStorage.clear();
  const adapter = new HostedCardFieldsAdapter(snapshot());
  const { provider, element } = await mount<BillingForm>(adapter, html`<billing-form terms-href="/terms"></billing-form>`);
  await waitUntil(() => adapter.mounts.length > 0 && element.querySelector('iframe') !== null, 'hosted card fields were not mounted');
  const iframe = element.querySelector('iframe')!;
  await waitUntil(() => iframe.contentDocument?.querySelector('input[name="number"]') !== null, 'hosted frame not loaded');
  await element.updateComplete;
  return { adapter, provider, form: element, iframe, hosted: adapter.mounts[0]! };
}

/** Fills every field the form itself renders (a US address in both fieldsets), not the card. */
function fillOwnFields(form: BillingForm): Promise<void> {
  return fillForm(form, {
    card: false,
    values: {
      'mailing.address.line1': '1600 Amphitheatre Parkway',
      'mailing.address.city': 'Mountain View',
      'mailing.address.region': 'US-CA',
      'mailing.address.postalCode': '94043',
      'billingAddress.region': 'US-CA',
      'billingAddress.postalCode': '94043',
    },
  });
}

describe('<billing-form> with hosted card fields', () => {
  it('renders no card number, expiry or security code inputs of its own', async () => {
    const { form } = await hostedForm();
    const root = form.shadowRoot!;
    for (const id of ['card-number', 'card-expiry', 'card-cvc']) expect(root.querySelector(`#${id}`), id).to.equal(null);
    for (const token of ['cc-number', 'cc-exp', 'cc-csc']) expect(root.querySelector(`[autocomplete="${token}"]`), token).to.equal(null);
    const labels = [...root.querySelectorAll('label')].map((l) => (l.textContent ?? '').replace(/\*/g, '').trim());
    expect(labels).to.not.include('Card number');
    expect(labels).to.not.include('Expiration date');
    expect(labels).to.not.include('Security code');
    // Name on card is still the form's own field.
    expect(labels).to.include('Name on card');
    expect(form.fields).to.not.include('card.number');
    expect(form.fields).to.not.include('card.expiry');
    expect(form.fields).to.not.include('card.cvc');
  });

  it('shows the built-in card inputs with an adapter without mountCardFields (control)', async () => {
    sessionStorage.clear();
    const { element: form } = await mount<BillingForm>(new StaticAdapter(snapshot()), html`<billing-form></billing-form>`);
    for (const id of ['card-number', 'card-expiry', 'card-cvc']) expect(form.shadowRoot!.querySelector(`#${id}`), id).to.not.equal(null);
    expect(form.querySelector('[slot="card-fields"]')).to.equal(null);
  });

  it('mounts a real same-origin iframe in a light-DOM container slotted into the card area', async () => {
    const { form, iframe, hosted } = await hostedForm();
    const container = hosted.container;
    expect(container.parentElement, 'container is a light-DOM child of <billing-form>').to.equal(form);
    expect(container.getAttribute('slot')).to.equal('card-fields');
    expect(form.querySelectorAll('[slot="card-fields"]')).to.have.length(1);
    expect(iframe.parentElement).to.equal(container);
    expect(iframe).to.equal(hosted.iframe);
    expect(iframe.getRootNode(), 'the iframe is in the document, not a shadow root').to.equal(document);
    // The slot in the shadow root shows it, inside the Billing information fieldset.
    const slot = form.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="card-fields"]')!;
    expect(slot).to.not.equal(null);
    expect(slot.assignedElements()).to.deep.equal([container]);
    expect(slot.closest('fieldset')!.querySelector('legend')!.textContent!.trim()).to.equal('Billing information');
    // Same origin: the test (and the adapter) can read the frame's document.
    expect(iframe.contentWindow!.location.origin).to.equal(location.origin);
    const frameInputs = [...iframe.contentDocument!.querySelectorAll('input')].map((i) => i.getAttribute('autocomplete'));
    expect(frameInputs).to.deep.equal(['cc-number', 'cc-exp', 'cc-csc']);
    expect(iframe.getBoundingClientRect().height, 'the frame is rendered').to.be.greaterThan(0);
  });

  it('keeps Submit aria-disabled until the hosted fields are complete and every other required field is filled', async () => {
    const { form, iframe } = await hostedForm();
    const button = submitButton(form);
    expect(button.disabled, 'never disabled: it stays focusable').to.equal(false);
    expect(submitReady(form)).to.equal(false);

    // Hosted card complete, own fields empty: still not ready.
    fillHostedCard(iframe, CARD);
    await form.updateComplete;
    expect(submitReady(form), 'own fields still empty').to.equal(false);

    // Hosted card incomplete again, own fields filled: not ready; the card counts as one remaining field.
    fillHostedCard(iframe, { cvc: '12' });
    await fillOwnFields(form);
    expect(submitReady(form), 'hosted fields incomplete').to.equal(false);
    expect(form.shadowRoot!.querySelector('[part="remaining"]')!.textContent).to.contain('1 required field remaining');

    // Complete: ready. Incomplete again: not ready again.
    fillHostedCard(iframe, { cvc: '123' });
    await form.updateComplete;
    expect(submitReady(form), 'everything complete').to.equal(true);
    fillHostedCard(iframe, { number: '4242 4242 4242 4241' }); // fails Luhn
    await form.updateComplete;
    expect(submitReady(form), 'invalid number in the hosted fields').to.equal(false);
    fillHostedCard(iframe, { number: CARD.number, expiry: '05/25' }); // expired (today is 2025-06-15)
    await form.updateComplete;
    expect(submitReady(form), 'expired card in the hosted fields').to.equal(false);
    fillHostedCard(iframe, { expiry: '06/25' }); // this month is still valid
    await form.updateComplete;
    expect(submitReady(form)).to.equal(true);
  });

  it('submits the token, never the card number or security code, and fires payment-method-updated', async () => {
    const { form, iframe, adapter } = await hostedForm();
    await fillOwnFields(form);
    fillHostedCard(iframe, CARD);
    await form.updateComplete;
    const button = submitButton(form);
    expect(submitReady(form)).to.equal(true);

    const submitted = oneEvent(form, 'payment-method-submit') as Promise<PaymentMethodSubmitEvent>;
    const updated = oneEvent(form, 'payment-method-updated') as Promise<PaymentMethodUpdatedEvent>;
    button.click();
    const submitEvent = await submitted;
    const updatedEvent = await updated;

    expect(adapter.tokens).to.have.length(1);
    expect(adapter.submissions).to.have.length(1);
    const { submission, idempotencyKey } = adapter.submissions[0]!;
    const card = submission.card as unknown as Record<string, unknown>;
    expect(card.token).to.match(/^tok_/);
    expect(card.token).to.equal(adapter.tokens[0]!.token);
    expect(card).to.not.have.property('number');
    expect(card).to.not.have.property('cvc');
    expect(card).to.include({ brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, name: 'Ada Lovelace' });
    const json = JSON.stringify(submission);
    expect(json).to.not.contain('4242424242424242');
    expect(json).to.not.contain('4242 4242 4242 4242');
    expect(submission.mailing.address).to.include({ country: 'US', region: 'US-CA', postalCode: '94043', city: 'Mountain View' });
    expect(submission.billingAddress).to.include({ country: 'US', region: 'US-CA', postalCode: '94043' });

    expect(Object.keys(submitEvent.detail)).to.deep.equal(['idempotencyKey']);
    expect(submitEvent.detail.idempotencyKey).to.equal(idempotencyKey);
    expect(submitEvent.bubbles && submitEvent.composed).to.equal(true);
    expect(updatedEvent.detail.paymentMethod).to.include({ brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, status: 'pending' });
    expect(Object.keys(updatedEvent.detail)).to.deep.equal(['paymentMethod']);
    expect(JSON.stringify(updatedEvent.detail)).to.not.contain('4242424242424242');
    expect(updatedEvent.bubbles && updatedEvent.composed).to.equal(true);
  });

  it('destroys the hosted fields and removes their container when the form is removed', async () => {
    const { form, hosted } = await hostedForm();
    form.remove();
    expect(hosted.destroyed).to.equal(true);
    expect(hosted.container.isConnected).to.equal(false);
    expect(hosted.iframe.isConnected).to.equal(false);
  });

  it('mounts fresh hosted fields when re-attached while the first mount was still loading', async () => {
    sessionStorage.clear();
    const adapter = new HostedCardFieldsAdapter(snapshot());
    const { provider, element: form } = await mount<BillingForm>(adapter, html`<billing-form></billing-form>`);
    // Detach while the first frame may still be loading, then attach again.
    await waitUntil(() => adapter.mountCalls === 1, 'first mount started');
    const firstContainer = form.querySelector('[slot="card-fields"]');
    form.remove();
    provider.append(form);
    await waitUntil(() => adapter.mountCalls === 2, 'remounted');
    await waitUntil(() => form.querySelector('iframe') !== null, 'fresh frame');
    expect(firstContainer?.isConnected ?? false, 'the first container is gone').to.equal(false);
    expect(form.querySelectorAll('[slot="card-fields"]')).to.have.length(1);
    if (adapter.mounts[0] && adapter.mounts[0].container === firstContainer) {
      // The first mount finished after all: the form destroyed it.
      await waitUntil(() => adapter.mounts[0]!.destroyed, 'the first mount was destroyed');
    }
  });

  it('clears the hosted card after a card was accepted: Replace card starts from empty fields', async () => {
    const { form, iframe, adapter } = await hostedForm();
    await fillOwnFields(form);
    fillHostedCard(iframe, CARD);
    await form.updateComplete;
    submitButton(form).click();
    await waitUntil(() => form.shadowRoot!.querySelector('[part="success"]'), 'accepted');
    expect(adapter.mounts[0]!.destroyed).to.equal(true);
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="replace"]')!.click();
    await waitUntil(() => adapter.mounts.length === 2 && form.querySelector('iframe') !== null, 'fresh fields');
    const fresh = form.querySelector('iframe')!;
    await waitUntil(() => fresh.contentDocument?.querySelector<HTMLInputElement>('input[name="number"]') !== null, 'frame loaded');
    expect(fresh.contentDocument!.querySelector<HTMLInputElement>('input[name="number"]')!.value).to.equal('');
    expect(submitReady(form)).to.equal(false);
  });

  it('retries a network failure with the same token and the same idempotency key', async () => {
    const { form, iframe, adapter } = await hostedForm();
    const { BillingError } = await import('../../domain/errors.js');
    const submit = adapter.submitPaymentMethod.bind(adapter);
    let calls = 0;
    adapter.submitPaymentMethod = (async (submission, options) => {
      calls++;
      if (calls === 1) {
        adapter.submissions.push({ submission: structuredClone(submission), idempotencyKey: options!.idempotencyKey });
        throw new BillingError('network', 'The billing service could not be reached.');
      }
      return submit(submission, options);
    }) as typeof adapter.submitPaymentMethod;
    await fillOwnFields(form);
    fillHostedCard(iframe, CARD);
    await form.updateComplete;
    const failed = oneEvent(form, 'billing-error');
    submitButton(form).click();
    await failed;
    await form.updateComplete;
    const updated = oneEvent(form, 'payment-method-updated');
    submitButton(form).click();
    await updated;
    expect(adapter.tokens, 'tokenized once').to.have.length(1);
    expect(adapter.submissions).to.have.length(2);
    const [first, second] = adapter.submissions;
    expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
    expect((second!.submission.card as { token: string }).token).to.equal((first!.submission.card as { token: string }).token);
  });
});
