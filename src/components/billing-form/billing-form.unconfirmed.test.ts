/**
 * A submission that never answers: the form's deadline (`submit-timeout`) aborts it, says the
 * payment could not be confirmed, keeps everything typed, and Try again resends the same
 * idempotency key, so the adapter charges once.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { scenario } from '../../adapters/scenarios.js';
import type { PaymentSubmission, SubmitResult } from '../../domain/types.js';
import { RecordingAdapter, mount, textOf, waitUntil } from '../../../test/helpers.js';
import { TEST_CARD, US_ADDRESS, control, fillForm, submitButton } from './billing-form.harness.js';
import type { BillingForm } from './billing-form.js';
import type { BillingErrorEvent } from '../../events/billing-error.js';
import '../../billing-form.js';

const TODAY = '2025-06-15';

/**
 * The first submission takes effect (the card is charged) but its answer never arrives; later
 * ones answer normally (the memory adapter replays a known key's result without charging).
 */
class SilentOnceAdapter extends RecordingAdapter {
  signals: (AbortSignal | undefined)[] = [];

  override submitPaymentMethod(
    submission: PaymentSubmission,
    options: { idempotencyKey: string; signal?: AbortSignal },
  ): Promise<SubmitResult> {
    this.signals.push(options.signal);
    if (this.signals.length > 1) return super.submitPaymentMethod(submission, options);
    const { signal: _ignored, ...withoutSignal } = options;
    void super.submitPaymentMethod(submission, withoutSignal);
    return new Promise<SubmitResult>(() => {});
  }
}

async function silentForm(attributes: { timeout?: string } = {}) {
  const adapter = new SilentOnceAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null });
  const mounted = await mount<BillingForm>(
    adapter,
    html`<billing-form terms-href="/terms#3.7" submit-timeout=${attributes.timeout ?? '0.3'}></billing-form>`,
  );
  return { ...mounted, adapter };
}

describe('<billing-form> submission without an answer', () => {
  beforeEach(() => sessionStorage.clear());

  it('reads submit-timeout in seconds and defaults to 60', async () => {
    const { element } = await silentForm({ timeout: '2.5' });
    expect(element.submitTimeout).to.equal(2.5);
    const plain = document.createElement('billing-form');
    expect(plain.submitTimeout).to.equal(60);
  });

  it('aborts at the deadline, says the payment could not be confirmed, keeps every value, and retries with the same key: one charge', async () => {
    const seen: string[] = [];
    const record = (event: Event) => {
      const detail = (event as CustomEvent).detail ?? {};
      seen.push(`${event.type} ${JSON.stringify(detail)} ${String(detail?.error?.message ?? '')}`);
    };
    const names = ['payment-method-submit', 'payment-method-updated', 'billing-error'];
    for (const name of names) document.addEventListener(name, record, true);
    try {
      const { element, adapter, provider } = await silentForm();
      await fillForm(element);
      const chargesBefore = adapter.charges.length;
      const failed = oneEvent(element, 'billing-error') as Promise<BillingErrorEvent>;
      submitButton(element).click();
      const event = await failed;
      expect(event.detail.error.code).to.equal('timeout');
      await element.updateComplete;

      // The adapter was told to stop, through its signal.
      expect(adapter.signals[0]?.aborted).to.be.true;
      expect(adapter.calls).to.have.length(1);

      // The message, focused, says what happened and what to do.
      const alert = element.shadowRoot!.querySelector<HTMLElement>('[part="alert"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.contain("We couldn't confirm your payment");
      expect(textOf(alert)).to.contain('may or may not have been charged');
      expect(textOf(alert)).to.contain("you won't be charged twice");
      await waitUntil(() => element.shadowRoot!.activeElement === alert, 'focus on the message');

      // Nothing typed is lost, card fields included.
      expect(control(element, 'mailing-firstName').value).to.equal(US_ADDRESS['mailing.firstName']);
      expect(control(element, 'billingAddress-postalCode').value).to.equal(US_ADDRESS['billingAddress.postalCode']);
      expect(control(element, 'card-number').value.replace(/\s/g, '')).to.equal(TEST_CARD.number);
      expect(control(element, 'card-expiry').value).to.contain('12');
      expect(control(element, 'card-cvc').value).to.equal(TEST_CARD.cvc);
      expect(submitButton(element).disabled).to.be.false;

      // Try again, inside the message. The retry gets a deadline a busy machine can't miss: the
      // adapter answers it, and the test is about what that answer shows.
      element.submitTimeout = 600;
      const retry = [...alert.querySelectorAll('button')].find((b) => textOf(b) === 'Try again');
      expect(retry, 'Try again button').to.exist;
      retry!.click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown after the retry');
      expect(element.shadowRoot!.querySelector('[part="alert"]')).to.be.null;

      expect(adapter.calls).to.have.length(2);
      expect(adapter.calls[1]!.idempotencyKey).to.equal(adapter.calls[0]!.idempotencyKey);
      expect(adapter.charges.length - chargesBefore).to.equal(1);

      // No card number or security code in any event or error message.
      const everything = [...seen, JSON.stringify({ ...sessionStorage }), JSON.stringify(provider.state)].join('\n');
      expect(seen.some((line) => line.startsWith('billing-error') && line.includes('"timeout"'))).to.be.true;
      expect(seen.filter((line) => line.startsWith('payment-method-submit'))).to.have.length(2);
      for (const secret of [TEST_CARD.number, '4242 4242 4242 4242']) expect(everything, secret).to.not.contain(secret);
      expect(everything).to.not.match(new RegExp(`\\b${TEST_CARD.cvc}\\b`));
    } finally {
      for (const name of names) document.removeEventListener(name, record, true);
    }
  });

  it('resends the same key from Submit Payment Information too', async () => {
    const { element, adapter } = await silentForm();
    await fillForm(element);
    const failed = oneEvent(element, 'billing-error');
    submitButton(element).click();
    await failed;
    await element.updateComplete;
    element.submitTimeout = 600; // the retry is answered: a deadline a busy machine can't miss
    submitButton(element).click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown after the retry');
    expect(adapter.calls.map((c) => c.idempotencyKey)).to.deep.equal([adapter.calls[0]!.idempotencyKey, adapter.calls[0]!.idempotencyKey]);
    expect(adapter.charges).to.have.length(1);
  });
});
