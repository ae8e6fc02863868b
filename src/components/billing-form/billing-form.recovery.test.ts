/**
 * Error recovery in `<billing-form>` (GOV.UK's error summary pattern): Submit Payment
 * Information stays focusable (`aria-disabled`), pressing it early sends nothing and shows a
 * focused summary at the top of the form with a link to each missing or invalid field; a
 * field shows its own error once changed and left, or after a submit attempt, never from
 * merely tabbing past it.
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { scenario } from '../../adapters/scenarios.js';
import { RecordingAdapter, mount, snapshot, textOf, waitUntil } from '../../../test/helpers.js';
import { HostedCardFieldsAdapter } from '../../../test/hosted-card-fields.js';
import { control, errorSummary, fieldError, fillForm, submitButton, submitReady, summaryLinks, type } from './billing-form.harness.js';
import type { BillingForm } from './billing-form.js';
import '../../billing-form.js';

const TODAY = '2025-06-15';

/** What the summary lists for an empty form (no country chosen yet), in the order of the fields on screen. */
const EMPTY_FORM_PROBLEMS = [
  'First name is required.',
  'Last name is required.',
  'Email is required.',
  'Country is required.',
  'Address line 1 is required.',
  'Name on card is required.',
  'Card number is required.',
  'Expiration date is required.',
  'Security code is required.',
  'Country is required.',
];

async function form(adapter = new RecordingAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null })) {
  const mounted = await mount<BillingForm>(adapter, html`<billing-form terms-href="/terms#3.7"></billing-form>`);
  const submitted: Event[] = [];
  mounted.element.addEventListener('payment-method-submit', (event) => submitted.push(event));
  return { ...mounted, adapter, submitted };
}

function active(element: BillingForm): Element | null {
  return element.shadowRoot!.activeElement;
}

function shownErrors(element: BillingForm): string[] {
  return [...element.shadowRoot!.querySelectorAll('[part~="error"]')].map((e) => textOf(e));
}

function invalidControls(element: BillingForm): string[] {
  return [...element.shadowRoot!.querySelectorAll('[aria-invalid="true"]')].map((e) => e.id);
}

/** The summary has been rendered and has taken focus. */
async function summaryFocused(element: BillingForm): Promise<HTMLElement> {
  await waitUntil(() => errorSummary(element) && active(element) === errorSummary(element), 'the error summary did not take focus');
  return errorSummary(element)!;
}

describe('<billing-form> error recovery', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows no error for fields the user only tabbed past', async () => {
    const { element } = await form();
    control(element, 'mailing-firstName').focus();
    // Every field of the empty form, then the submit button.
    for (let i = 0; i < 16; i++) await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(shownErrors(element)).to.deep.equal([]);
    expect(invalidControls(element)).to.deep.equal([]);
    expect(errorSummary(element)).to.equal(null);
  });

  it("shows a field's error once the user changed it and left it", async () => {
    const { element } = await form();
    control(element, 'mailing-lastName').focus();
    await sendKeys({ type: 'L' });
    await sendKeys({ press: 'Backspace' });
    await element.updateComplete;
    expect(fieldError(element, 'mailing.lastName'), 'not while the field is being edited').to.equal(null);
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(fieldError(element, 'mailing.lastName')).to.equal('Last name is required.');
    expect(control(element, 'mailing-lastName').getAttribute('aria-invalid')).to.equal('true');
    expect(control(element, 'mailing-lastName').getAttribute('aria-describedby')).to.contain('mailing-lastName-error');
    // The field the user is now in (Email) was not changed: no error there.
    expect(active(element)!.id).to.equal('mailing-email');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(fieldError(element, 'mailing.email')).to.equal(null);
    expect(shownErrors(element)).to.deep.equal(['Last name is required.']);
  });

  it('keeps the submit button focusable, aria-disabled and described in sentences until the form is complete', async () => {
    const { element } = await form();
    const button = submitButton(element);
    expect(button.disabled).to.equal(false);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.focus();
    expect(active(element)).to.equal(button);
    const description = await executeServerCommand<string[], { role: string; name: string }>('accessible-description', {
      role: 'button',
      name: 'Submit Payment Information',
    });
    expect(description).to.deep.equal(['10 required fields remaining. Adding a card binds the account to section 3.7 of the terms.']);
    await fillForm(element);
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    const ready = await executeServerCommand<string[], { role: string; name: string }>('accessible-description', {
      role: 'button',
      name: 'Submit Payment Information',
    });
    expect(ready).to.deep.equal(['All required fields are complete. Adding a card binds the account to section 3.7 of the terms.']);
  });

  it('pressed early, sends nothing and shows a focused summary naming each missing field', async () => {
    const { element, adapter, submitted } = await form();
    submitButton(element).click();
    const summary = await summaryFocused(element);
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(textOf(summary.querySelector('h2')!)).to.equal('There is a problem');
    expect(summaryLinks(element).map((a) => textOf(a))).to.deep.equal(EMPTY_FORM_PROBLEMS);
    // Each fieldset's links are a list named by its legend (both have a Country).
    const lists = [...summary.querySelectorAll('ul')].map((ul) => textOf(summary.querySelector(`#${ul.getAttribute('aria-labelledby')}`)!));
    expect(lists).to.deep.equal(['Mailing information', 'Billing information']);
    // The summary sits at the top of the form, before the first fieldset.
    const formElement = element.shadowRoot!.querySelector('form')!;
    expect(formElement.firstElementChild).to.equal(summary);
    // The fields show their own errors too, now that the user tried to submit.
    expect(fieldError(element, 'mailing.firstName')).to.equal('First name is required.');
    expect(invalidControls(element)).to.include.members(['mailing-firstName', 'card-cvc', 'billingAddress-country']);
    expect(submitted).to.have.length(0);
    expect(adapter.calls).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('moves focus to the field when a link of the summary is activated by keyboard', async () => {
    const { element } = await form();
    submitButton(element).click();
    await summaryFocused(element);
    // Tab from the summary reaches its first link; Tab again the second (Last name).
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(textOf(active(element)!)).to.equal('Last name is required.');
    await sendKeys({ press: 'Enter' });
    expect(active(element)!.id).to.equal('mailing-lastName');
    // The billing Country link leads to the billing country, not the mailing one.
    summaryLinks(element).at(-1)!.click();
    expect(active(element)!.id).to.equal('billingAddress-country');
  });

  it('shows the summary for Enter in a field and for the keyboard on the button, never submitting', async () => {
    const { element, adapter, submitted } = await form();
    await type(element, 'mailing-firstName', 'Ada');
    control(element, 'mailing-firstName').focus();
    await sendKeys({ press: 'Enter' });
    await summaryFocused(element);
    expect(summaryLinks(element).map((a) => textOf(a))).to.deep.equal(EMPTY_FORM_PROBLEMS.slice(1));
    submitButton(element).focus();
    await sendKeys({ press: 'Space' });
    await summaryFocused(element);
    submitButton(element).focus();
    await sendKeys({ press: 'Enter' });
    await summaryFocused(element);
    expect(submitted).to.have.length(0);
    expect(adapter.calls).to.have.length(0);
  });

  it('drops each fixed field from the summary, hides it once all are fixed, then submits once', async () => {
    const { element, adapter, submitted } = await form();
    submitButton(element).click();
    await summaryFocused(element);
    await type(element, 'mailing-lastName', 'Lovelace');
    expect(summaryLinks(element).map((a) => textOf(a))).to.not.include('Last name is required.');
    expect(summaryLinks(element)).to.have.length(EMPTY_FORM_PROBLEMS.length - 1);
    // A field that becomes invalid in another way reads its new problem.
    await type(element, 'mailing-email', 'ada@');
    expect(summaryLinks(element).map((a) => textOf(a))).to.include('Enter an email address like name@example.com.');
    await fillForm(element);
    expect(errorSummary(element), 'nothing left to fix').to.equal(null);
    expect(shownErrors(element)).to.deep.equal([]);
    expect(submitReady(element)).to.equal(true);
    submitButton(element).click();
    submitButton(element).click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
    expect(submitted).to.have.length(1);
    expect(adapter.calls).to.have.length(1);
  });

  it('marks the button aria-disabled while a submission is in flight and sends it once', async () => {
    const { element, adapter, submitted } = await form(
      new RecordingAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null, latencyMs: 300 }),
    );
    await fillForm(element);
    submitButton(element).click();
    await element.updateComplete;
    expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(submitButton(element))).to.equal('Submitting…');
    submitButton(element).click();
    control(element, 'mailing-firstName').focus();
    await sendKeys({ press: 'Enter' });
    expect(errorSummary(element), 'busy is not incomplete').to.equal(null);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
    expect(submitted).to.have.length(1);
    expect(adapter.calls).to.have.length(1);
  });

  it('lists incomplete hosted card fields and leads to their frame', async () => {
    const adapter = new HostedCardFieldsAdapter(snapshot());
    const { element } = await mount<BillingForm>(adapter, html`<billing-form></billing-form>`);
    await waitUntil(() => element.querySelector('iframe'), 'hosted card fields were not mounted');
    submitButton(element).click();
    await summaryFocused(element);
    const links = summaryLinks(element);
    const texts = links.map((a) => textOf(a));
    expect(texts).to.include('Enter the card number, expiration date and security code.');
    expect(texts).to.not.include('Card number is required.');
    // After Name on card, before the billing Country, as on screen.
    expect(texts.indexOf('Enter the card number, expiration date and security code.')).to.equal(texts.indexOf('Name on card is required.') + 1);
    links.find((a) => textOf(a).startsWith('Enter the card number'))!.click();
    expect(document.activeElement).to.equal(element.querySelector('iframe'));
  });
});
