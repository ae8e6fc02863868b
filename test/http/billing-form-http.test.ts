/**
 * `<billing-form>` on HttpBillingAdapter against the reference server (test/server-plugin.mjs):
 * a failure ends in the right BillingError, the form keeps what was typed, and a resubmission
 * after an unknown outcome reuses the idempotency key, so nothing is charged twice.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { HttpBillingAdapter } from '../../src/adapters/http-adapter.js';
import type { BillingForm } from '../../src/components/billing-form/billing-form.js';
import type { BillingProvider } from '../../src/components/billing-provider/billing-provider.js';
import type { BillingError } from '../../src/domain/errors.js';
import '../../src/billing-form.js';
import { mount, waitUntil } from '../helpers.js';
import { TEST_CARD, control, fillForm, submitButton, submitReady } from '../../src/components/billing-form/billing-form.harness.js';
import { DECLINED_CARD_NUMBER } from '../../src/domain/test-cards.js';
import { authHeaders, charges, injectFaults, reset, serverUrl } from './billing-server.js';

const CARD = TEST_CARD.number;

async function mountForm(timeoutMs = 5000): Promise<{ provider: BillingProvider; form: BillingForm }> {
  const adapter = new HttpBillingAdapter({ baseUrl: await serverUrl(), headers: authHeaders(), timeoutMs, retry: { baseDelayMs: 20, maxDelayMs: 1000 } });
  const { provider, element } = await mount<BillingForm>(adapter, html`<billing-form></billing-form>`, 'billing-form');
  expect(provider.state.status).to.equal('ready');
  return { provider, form: element };
}

async function submitAndFail(provider: BillingProvider, form: BillingForm): Promise<{ error: BillingError; key: string }> {
  await waitUntil(() => submitReady(form), 'the submit button stays aria-disabled');
  const submitted = oneEvent(provider, 'payment-method-submit');
  const failed = oneEvent(provider, 'billing-error');
  submitButton(form).click();
  const key = ((await submitted) as CustomEvent<{ idempotencyKey: string }>).detail.idempotencyKey;
  const { error } = ((await failed) as CustomEvent<{ error: BillingError }>).detail;
  return { error, key };
}

async function submitAndSucceed(provider: BillingProvider, form: BillingForm): Promise<{ key: string; charged?: { amount: number } }> {
  await waitUntil(() => submitReady(form), 'the submit button stays aria-disabled');
  const submitted = oneEvent(provider, 'payment-method-submit');
  const updated = oneEvent(provider, 'payment-method-updated');
  submitButton(form).click();
  const key = ((await submitted) as CustomEvent<{ idempotencyKey: string }>).detail.idempotencyKey;
  const detail = ((await updated) as CustomEvent<{ charged?: { amount: number } }>).detail;
  return { key, ...(detail.charged ? { charged: detail.charged } : {}) };
}

function keptWhatWasTyped(form: BillingForm): void {
  expect(control(form, 'mailing-firstName').value).to.equal('Ada');
  expect(control(form, 'mailing-address-line1').value).to.equal('1 Main St');
  expect(control(form, 'card-number').value.replace(/\D/g, '')).to.equal(CARD);
  expect(control(form, 'billingAddress-postalCode').value).to.equal('62701');
}

describe('<billing-form> on HttpBillingAdapter against the reference server', function () {

  it('submits, charges once and lifts the suspension', async () => {
    await reset('suspended-50');
    const { provider, form } = await mountForm();
    await fillForm(form);
    const { charged } = await submitAndSucceed(provider, form);
    expect(charged!.amount).to.be.greaterThan(0);
    await waitUntil(() => provider.state.snapshot?.account.suspended === false, 'still suspended');
    expect((await charges()).count).to.equal(1);
  });

  it('a response lost after the charge (stall past the timeout) → timeout, the form keeps its values, the resubmission charges nothing more', async () => {
    await reset('suspended-50'); // no card on file: the form shows its fields
    const { provider, form } = await mountForm(600);
    await fillForm(form);
    await injectFaults({ route: 'payment-method', kind: 'stall', after: true, stallMs: 5000 });
    const first = await submitAndFail(provider, form);
    expect(first.error.code).to.equal('timeout');
    keptWhatWasTyped(form);
    expect((await charges()).count).to.equal(1);

    const second = await submitAndSucceed(provider, form);
    expect(second.key).to.equal(first.key, 'the same submission reuses its idempotency key');
    expect(second.charged!.amount).to.be.greaterThan(0);
    const ledger = await charges();
    expect(ledger.count).to.equal(1);
    expect(ledger.duplicateKeys).to.deep.equal([]);
  });

  it('500 with problem details → server, the form keeps its values, nothing charged', async () => {
    await reset('suspended-50');
    const { provider, form } = await mountForm();
    await fillForm(form);
    await injectFaults({ route: 'payment-method', kind: 'problem', status: 500 });
    const { error } = await submitAndFail(provider, form);
    expect(error.code).to.equal('server');
    keptWhatWasTyped(form);
    expect((await charges()).count).to.equal(0);
  });

  it('a declined card → card_declined, nothing charged, no card number in the error', async () => {
    await reset('suspended-50');
    const { provider, form } = await mountForm();
    await fillForm(form, { card: { number: DECLINED_CARD_NUMBER } });
    const { error } = await submitAndFail(provider, form);
    expect(error.code).to.equal('card_declined');
    expect(error.message).not.to.include('4000000000000002');
    expect(control(form, 'mailing-firstName').value).to.equal('Ada');
    expect((await charges()).count).to.equal(0);
  });
});
