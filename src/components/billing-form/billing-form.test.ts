import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingError } from '../../domain/errors.js';
import { scenario } from '../../adapters/scenarios.js';
import { StaticAdapter, mount, textOf, waitUntil } from '../../../test/helpers.js';
import { sharedBehaviour } from '../../../test/shared-behaviour.js';
import { RecordingAdapter } from '../../../test/helpers.js';
import { DECLINED_CARD_NUMBER } from '../../domain/test-cards.js';
import { TEST_CARD, chooseCountry, control, fillForm, labelOf, submitButton, type } from './billing-form.harness.js';

const CARD = TEST_CARD.number;
const CVC = TEST_CARD.cvc;
import type { BillingForm } from './billing-form.js';
import '../../billing-form.js';
import '../../suspension-modal.js';

const TODAY = '2025-06-15';

async function form(adapter = new RecordingAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null })) {
  const mounted = await mount<BillingForm>(adapter, html`<billing-form terms-href="/terms#3.7"></billing-form>`);
  return { ...mounted, adapter };
}

function remaining(element: BillingForm): string {
  return textOf(element.shadowRoot!.querySelector('[part="remaining"]')!);
}

describe('<billing-form>', () => {
  beforeEach(() => sessionStorage.clear());

  it('is accessible when empty', async () => {
    const { element } = await form();
    await expect(element).to.be.accessible();
  });

  describe('what the viewer sees', () => {
    it('has the two fieldsets and the contract labels, required ones marked and aria-required', async () => {
      const { element } = await form();
      const legends = [...element.shadowRoot!.querySelectorAll('legend')].map((l) => textOf(l));
      expect(legends).to.deep.equal(['Mailing information', 'Billing information']);
      const expected: [string, string, boolean][] = [
        ['mailing-firstName', 'First name', true],
        ['mailing-lastName', 'Last name', true],
        ['mailing-email', 'Email', true],
        ['mailing-company', 'Company', false],
        ['mailing-phone', 'Phone', false],
        ['mailing-address-line1', 'Address line 1', true],
        ['mailing-address-line2', 'Address line 2', false],
        ['mailing-address-city', 'City', false],
        ['mailing-address-country', 'Country', true],
        ['card-name', 'Name on card', true],
        ['card-number', 'Card number', true],
        ['card-expiry', 'Expiration date', true],
        ['card-cvc', 'Security code', true],
        ['billingAddress-country', 'Country', true],
      ];
      for (const [id, label, required] of expected) {
        expect(labelOf(element, id), id).to.equal(required ? `${label}*` : label);
        expect(control(element, id).getAttribute('aria-required'), id).to.equal(String(required));
      }
    });

    it('gives browsers and password managers the autocomplete tokens and input modes', async () => {
      const { element } = await form();
      expect(control(element, 'card-number').getAttribute('autocomplete')).to.equal('cc-number');
      expect(control(element, 'card-number').getAttribute('inputmode')).to.equal('numeric');
      expect(control(element, 'card-expiry').getAttribute('autocomplete')).to.equal('cc-exp');
      expect(control(element, 'card-cvc').getAttribute('autocomplete')).to.equal('cc-csc');
      expect(control(element, 'card-name').getAttribute('autocomplete')).to.equal('cc-name');
      expect(control(element, 'mailing-email').getAttribute('autocomplete')).to.contain('email');
      expect(control(element, 'mailing-address-country').getAttribute('autocomplete')).to.contain('country');
      expect(control(element, 'billingAddress-country').getAttribute('autocomplete')).to.equal('billing country');
    });

    it('shows no region or postal field before a country is chosen, and US ones after', async () => {
      const { element } = await form();
      expect(element.shadowRoot!.getElementById('mailing-address-region')).to.be.null;
      expect(element.shadowRoot!.getElementById('mailing-address-postalCode')).to.be.null;
      await chooseCountry(element, 'mailing', 'US');
      expect(labelOf(element, 'mailing-address-region')).to.equal('State*');
      expect(control(element, 'mailing-address-region').localName).to.equal('select');
      expect(labelOf(element, 'mailing-address-postalCode')).to.equal('ZIP code*');
    });

    it('lists every country by name in the viewer locale, sorted', async () => {
      const { element } = await form();
      const select = control(element, 'mailing-address-country') as HTMLSelectElement;
      const names = [...select.options].slice(1).map((o) => o.textContent!.trim());
      expect(names.length).to.be.greaterThan(240);
      expect(names).to.include('United States');
      expect(names).to.include('Japan');
      const sorted = [...names].sort(new Intl.Collator('en-US').compare);
      expect(names).to.deep.equal(sorted);
    });

    it('marks Submit aria-disabled (never disabled) with a count of what remains until every required field is valid', async () => {
      const { element } = await form();
      expect(submitButton(element).disabled, 'the button stays focusable').to.be.false;
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      expect(remaining(element)).to.match(/^\d+ required fields remaining\.$/);
      expect(element.shadowRoot!.querySelector('[part="remaining"]')!.getAttribute('role')).to.equal('status');
      await fillForm(element);
      expect(remaining(element)).to.equal('All required fields are complete.');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('false');
      await type(element, 'card-number', '4242424242424241');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      expect(remaining(element)).to.equal('1 required field remaining.');
    });

    it('puts the terms notice (section 3.7) beside the button and says what will be charged', async () => {
      const { element } = await form();
      const terms = element.shadowRoot!.querySelector('[part="terms"]')!;
      expect(textOf(terms)).to.equal('Adding a card binds the account to section 3.7 of the terms.');
      expect(terms.querySelector('a')!.getAttribute('href')).to.equal('/terms#3.7');
      expect(textOf(element)).to.match(/Submitting charges this card \$[\d,]+\.\d\d for the outstanding balance\./);
      expect(textOf(element)).to.contain('Next charge: Jul 1, 2025.');
    });

    it('shows the current card with no way to delete it, and Replace card to change it', async () => {
      const adapter = new RecordingAdapter({
        ...scenario('all-paid', TODAY),
        paymentMethod: { brand: 'Visa', last4: '1881', expMonth: 4, expYear: 2028, status: 'pending' },
      });
      const { element } = await form(adapter);
      const current = element.shadowRoot!.querySelector('[part="current"]')!;
      expect(textOf(current)).to.contain('Visa ending in 1881');
      expect(textOf(current)).to.contain('Pending');
      expect(textOf(current)).to.contain('Expires 04/2028');
      expect(textOf(current)).to.contain('A new card can take up to 24 hours to reach the billing system.');
      expect(textOf(current)).to.contain('is the default for all past, present and future billings');
      const buttons = [...element.shadowRoot!.querySelectorAll('button')].map((b) => textOf(b));
      expect(buttons).to.deep.equal(['Replace card']);
      expect(textOf(element)).to.not.match(/delete|remove/i);
      expect(element.shadowRoot!.querySelector('form')).to.be.null;
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part="replace"]')!.click();
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('form')).to.exist;
    });

    it('shows a viewer without the billing role only the no-permission message, no inputs, no card data', async () => {
      const adapter = new RecordingAdapter({
        ...scenario('no-permission', TODAY),
        paymentMethod: { brand: 'Visa', last4: '1881', expMonth: 4, expYear: 2028, status: 'active' },
      });
      const { element } = await form(adapter);
      expect(textOf(element)).to.equal("You don't have permission to see payment information");
      expect(element.shadowRoot!.querySelectorAll('input, select')).to.have.length(0);
      expect(element.shadowRoot!.innerHTML).to.not.contain('1881');
    });
  });

  describe('the card', () => {
    it('shows the brand as the number is typed and groups digits by brand', async () => {
      const { element } = await form();
      await type(element, 'card-number', '378282246310005');
      expect(textOf(element.shadowRoot!.getElementById('card-number-aside')!)).to.equal('American Express');
      expect(labelOf(element, 'card-number')).to.equal('Card number*');
      expect(control(element, 'card-number').getAttribute('aria-describedby')).to.contain('card-number-aside');
      expect((control(element, 'card-number') as HTMLInputElement).value).to.equal('3782 822463 10005');
      await type(element, 'card-number', '4242424242424242');
      expect(textOf(element.shadowRoot!.getElementById('card-number-aside')!)).to.equal('Visa');
      expect((control(element, 'card-number') as HTMLInputElement).value).to.equal('4242 4242 4242 4242');
    });

    it('asks for a 4-digit security code for American Express', async () => {
      const { element } = await form();
      await type(element, 'card-number', '378282246310005');
      await type(element, 'card-cvc', '123');
      expect(textOf(element.shadowRoot!.getElementById('card-cvc-error')!)).to.equal('Enter the 4-digit security code.');
      await type(element, 'card-cvc', '1234');
      expect(element.shadowRoot!.getElementById('card-cvc-error')).to.be.null;
    });

    it('flags a Luhn failure after the field is left, not while typing', async () => {
      const { element } = await form();
      const input = control(element, 'card-number') as HTMLInputElement;
      input.focus();
      input.value = '4242424242424241';
      input.dispatchEvent(new Event('input'));
      await element.updateComplete;
      expect(element.shadowRoot!.getElementById('card-number-error')).to.be.null;
      input.blur();
      await element.updateComplete;
      expect(textOf(element.shadowRoot!.getElementById('card-number-error')!)).to.equal("This card number isn't valid. Check it for typos.");
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('card-number-error');
    });

    it('takes "today" from the server clock for expiry: this month is valid, last month expired', async () => {
      const { element } = await form();
      await type(element, 'card-expiry', '06/25');
      expect(element.shadowRoot!.getElementById('card-expiry-error')).to.be.null;
      await type(element, 'card-expiry', '05/25');
      expect(textOf(element.shadowRoot!.getElementById('card-expiry-error')!)).to.equal('This card has expired.');
    });
  });

  describe('submission', () => {
    it('submits once, fires events without card data, updates the provider and confirms the charge', async () => {
      const { element, adapter, provider } = await form();
      expect(provider.state.dunning!.level).to.equal('outstanding');
      await fillForm(element);
      const events: Event[] = [];
      for (const name of ['payment-method-submit', 'payment-method-updated', 'billing-error']) {
        element.addEventListener(name, (event) => events.push(event));
      }
      submitButton(element).click();
      submitButton(element).click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
      expect(adapter.calls).to.have.length(1);
      expect(events.map((e) => e.type)).to.deep.equal(['payment-method-submit', 'payment-method-updated']);
      const submit = events[0] as CustomEvent;
      expect(Object.keys(submit.detail)).to.deep.equal(['idempotencyKey']);
      expect(submit.detail.idempotencyKey).to.equal(adapter.calls[0]!.idempotencyKey);
      const updated = events[1] as CustomEvent;
      expect(updated.detail.paymentMethod).to.include({ last4: '4242', status: 'pending' });
      expect(updated.detail.charged.currency).to.equal('USD');
      expect(updated.detail.charged.amount).to.be.greaterThan(0);
      const success = textOf(element.shadowRoot!.querySelector('[part="success"]')!);
      expect(success).to.match(/Your card was submitted and charged \$[\d,.]+ for the outstanding balance\./);
      expect(success).to.contain('It can take up to 24 hours for the card to be added to the billing system.');
      expect(provider.state.dunning!.level).to.equal('none');
      expect(provider.state.snapshot!.account.userCap).to.equal(null);
      // Card inputs are cleared: replacing again starts from empty card fields.
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part="replace"]')!.click();
      await element.updateComplete;
      expect((control(element, 'card-number') as HTMLInputElement).value).to.equal('');
      expect((control(element, 'card-cvc') as HTMLInputElement).value).to.equal('');
      expect((control(element, 'mailing-firstName') as HTMLInputElement).value).to.equal('Ada');
    });

    it('is accessible filled and after success', async () => {
      const { element } = await form();
      await fillForm(element);
      await expect(element).to.be.accessible();
      submitButton(element).click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
      await expect(element).to.be.accessible();
    });

    it('never submits an incomplete form with Enter', async () => {
      const { element, adapter } = await form();
      await type(element, 'mailing-firstName', 'Ada');
      control(element, 'mailing-firstName').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(adapter.calls).to.have.length(0);
    });

    it('submits a complete form once with Enter pressed twice', async () => {
      const { element, adapter } = await form(new RecordingAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null, latencyMs: 200 }));
      await fillForm(element);
      control(element, 'billingAddress-postalCode').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
      expect(adapter.calls).to.have.length(1);
      expect(adapter.charges).to.have.length(1);
    });

    it('keeps what was typed on a decline, says so on the card, then succeeds with another card', async () => {
      const { element, adapter } = await form();
      await fillForm(element, { card: { number: DECLINED_CARD_NUMBER } });
      setTimeout(() => submitButton(element).click());
      const failure = await oneEvent(element, 'billing-error');
      expect(failure.detail.error.code).to.equal('card_declined');
      await element.updateComplete;
      const alert = element.shadowRoot!.querySelector('[part="alert"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(textOf(alert)).to.equal('Your card was declined. Check the card details or use another card.');
      expect(textOf(element.shadowRoot!.getElementById('card-number-error')!)).to.equal('This card was declined.');
      expect((control(element, 'card-number') as HTMLInputElement).value).to.equal('4000 0000 0000 0002');
      expect((control(element, 'mailing-email') as HTMLInputElement).value).to.equal('ada@example.com');
      expect((control(element, 'card-cvc') as HTMLInputElement).value).to.equal('');
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('true');
      await expect(element).to.be.accessible();
      await type(element, 'card-number', CARD);
      await type(element, 'card-cvc', CVC);
      submitButton(element).click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
      expect(adapter.calls).to.have.length(2);
      expect(adapter.calls[1]!.idempotencyKey).to.not.equal(adapter.calls[0]!.idempotencyKey);
      expect(adapter.charges).to.have.length(1);
    });

    it('retries a network failure with the same idempotency key and charges once', async () => {
      const { element, adapter } = await form();
      await fillForm(element);
      adapter.failNext('submit', 'network');
      setTimeout(() => submitButton(element).click());
      await oneEvent(element, 'billing-error');
      await element.updateComplete;
      expect(textOf(element.shadowRoot!.querySelector('[part="alert"]')!)).to.contain("We couldn't reach the billing service.");
      expect(submitButton(element).getAttribute('aria-disabled')).to.equal('false');
      submitButton(element).click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
      expect(adapter.calls).to.have.length(2);
      expect(adapter.calls[1]!.idempotencyKey).to.equal(adapter.calls[0]!.idempotencyKey);
      expect(adapter.charges).to.have.length(1);
    });

    it('gives changed data a new idempotency key after a network failure', async () => {
      const { element, adapter } = await form();
      await fillForm(element);
      adapter.failNext('submit', 'timeout');
      setTimeout(() => submitButton(element).click());
      await oneEvent(element, 'billing-error');
      await type(element, 'mailing-company', 'Acme');
      submitButton(element).click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
      expect(adapter.calls[1]!.idempotencyKey).to.not.equal(adapter.calls[0]!.idempotencyKey);
    });

    it('puts field errors from the adapter on the fields they name', async () => {
      const adapter = new RecordingAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null });
      adapter.submitPaymentMethod = async () => {
        throw new BillingError('invalid_request', 'Invalid payment submission: billingAddress.postalCode', {
          fieldErrors: { 'billingAddress.postalCode': 'The bank does not know this ZIP code.', 'card.expMonth': 'expired', 'mailing.phone': 'required' },
        });
      };
      const { element } = await form(adapter);
      await fillForm(element);
      setTimeout(() => submitButton(element).click());
      await oneEvent(element, 'billing-error');
      await element.updateComplete;
      const postal = control(element, 'billingAddress-postalCode');
      expect(postal.getAttribute('aria-invalid')).to.equal('true');
      // The server's own (English) words stay out of the page: the field's own sentence, in the viewer's language.
      expect(textOf(element.shadowRoot!.getElementById('billingAddress-postalCode-error')!)).to.equal('Enter a valid ZIP code, for example 95014.');
      expect(textOf(element.shadowRoot!.getElementById('card-expiry-error')!)).to.equal('This card has expired.');
      expect(textOf(element.shadowRoot!.getElementById('mailing-phone-error')!)).to.equal('Phone is required.');
      await waitUntil(() => element.shadowRoot!.activeElement === postal, 'focus on the first field named');
    });
  });

  describe('draft and leaks', () => {
    it('keeps non-card fields across a reload, never the card number or security code', async () => {
      const adapter = new RecordingAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null });
      const first = await form(adapter);
      await fillForm(first.element);
      const stored = JSON.stringify({ ...sessionStorage });
      expect(stored).to.contain('ada@example.com');
      expect(stored).to.not.contain(CARD);
      expect(stored).to.not.contain('4242 4242');
      expect(stored).to.not.contain(CVC);
      first.provider.remove();
      const second = await form(adapter);
      await new Promise((r) => setTimeout(r, 50));
      await second.element.updateComplete;
      expect((control(second.element, 'mailing-email') as HTMLInputElement).value).to.equal('ada@example.com');
      expect((control(second.element, 'mailing-address-region') as HTMLSelectElement).value).to.equal('US-IL');
      expect((control(second.element, 'card-number') as HTMLInputElement).value).to.equal('');
      expect((control(second.element, 'card-cvc') as HTMLInputElement).value).to.equal('');
    });

    it("starts empty for another account: nothing typed for the last one carries over", async () => {
      const { element, provider } = await form();
      await type(element, 'mailing-firstName', 'Ada');
      await type(element, 'card-number', CARD);
      const other = new RecordingAdapter({ ...scenario('empty', TODAY), account: { id: 'acct_other', name: 'Other Corp' } });
      provider.adapter = other;
      await waitUntil(() => provider.state.snapshot?.account.id === 'acct_other', 'switched');
      await element.updateComplete;
      expect((control(element, 'mailing-firstName') as HTMLInputElement).value).to.equal('');
      expect((control(element, 'card-number') as HTMLInputElement).value).to.equal('');
    });

    it('lets no card number or security code reach an event, attribute, storage or the console', async () => {
      const seen: string[] = [];
      const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
      for (const method of Object.keys(originals) as (keyof typeof originals)[]) {
        console[method] = (...args: unknown[]) => {
          seen.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
          originals[method](...args);
        };
      }
      const recordEvent = (event: Event) => seen.push(`${event.type} ${JSON.stringify((event as CustomEvent).detail ?? {})} ${String((event as CustomEvent).detail?.error?.message ?? '')}`);
      const names = ['payment-method-submit', 'payment-method-updated', 'billing-error', 'input', 'change'];
      for (const name of names) document.addEventListener(name, recordEvent, true);
      try {
        const { element, adapter, provider } = await form();
        await fillForm(element, { card: { number: DECLINED_CARD_NUMBER } });
        submitButton(element).click();
        await oneEvent(element, 'billing-error');
        await type(element, 'card-number', CARD);
        await type(element, 'card-cvc', CVC);
        // Attributes anywhere in the page, shadow roots included, while the card is typed in.
        const attributes: string[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const node of root.querySelectorAll('*')) {
            for (const attribute of node.attributes) attributes.push(attribute.value);
            if (node.shadowRoot) walk(node.shadowRoot);
          }
        };
        walk(document);
        submitButton(element).click();
        await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
        walk(document);
        const everything = [
          ...seen,
          ...attributes,
          JSON.stringify({ ...sessionStorage }),
          JSON.stringify({ ...localStorage }),
          JSON.stringify(provider.state),
          document.cookie,
        ].join('\n');
        for (const secret of [CARD, '4242 4242 4242 4242', '4000000000000002', '4000 0000 0000 0002']) {
          expect(everything, secret).to.not.contain(secret);
        }
        expect(everything).to.not.match(new RegExp(`\\b${CVC}\\b`));
        expect(adapter.calls[1]!.submission.card).to.include({ number: CARD, cvc: CVC });
      } finally {
        Object.assign(console, originals);
        for (const name of names) document.removeEventListener(name, recordEvent, true);
      }
    });
  });

  it('can be completed with the keyboard alone', async () => {
    const { element, adapter } = await form();
    control(element, 'mailing-firstName').focus();
    const steps: (string | { press: string })[] = [
      'Ada', 'Lovelace', 'ada@example.com', '', '', 'United States', '1 Main St', '', 'Springfield', 'Illinois', '62701',
      'Ada Lovelace', CARD, '1230', CVC, 'United States', 'Illinois', '62701',
    ];
    for (const [index, step] of steps.entries()) {
      if (typeof step === 'string' && step) await sendKeys({ type: step });
      await element.updateComplete;
      if (index === 5 || index === 15) {
        // The country's fields arrive with its rules.
        await new Promise((r) => setTimeout(r, 100));
        await element.updateComplete;
      }
      if (index < steps.length - 1) await sendKeys({ press: 'Tab' });
    }
    await element.updateComplete;
    expect(remaining(element)).to.equal('All required fields are complete.');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot!.querySelector('[part="success"]'), 'success shown');
    expect(adapter.calls).to.have.length(1);
  });

  it('is the way out of suspension inside <suspension-modal>', async () => {
    const adapter = new RecordingAdapter(scenario('suspended-50', TODAY));
    const provider = await fixture(html`<billing-provider .adapter=${adapter}><suspension-modal></suspension-modal></billing-provider>`);
    const modal = provider.querySelector('suspension-modal')!;
    await waitUntil(() => modal.hasAttribute('open'), 'modal open');
    await modal.updateComplete;
    // Update puts the card form (the modal's light-DOM child) in the dialog.
    [...modal.shadowRoot!.querySelectorAll('button')].find((b) => textOf(b) === 'Update')!.click();
    await waitUntil(() => modal.querySelector<BillingForm>('billing-form')?.shadowRoot?.querySelector('input'), 'the card form is shown');
    const inner = modal.querySelector<BillingForm>('billing-form')!;
    await inner.updateComplete;
    await fillForm(inner);
    const updated = oneEvent(provider, 'payment-method-updated');
    submitButton(inner).click();
    await waitUntil(() => !modal.hasAttribute('open'), 'modal closes after payment');
    // The host hears about the new card even though the dialog closed as the debt was paid.
    expect((await updated).detail.paymentMethod.last4).to.equal('4242');
    expect(modal.shadowRoot!.querySelector('dialog')!.open).to.be.false;
    expect(adapter.charges).to.have.length(1);
  });

  it('shows an error state instead of the form when the provider could not load', async () => {
    const { element } = await mount<BillingForm>(new StaticAdapter({ nope: true }), html`<billing-form></billing-form>`);
    expect(element.shadowRoot!.querySelector('form')).to.be.null;
    expect(textOf(element)).to.contain("We couldn't load your billing information.");
  });
});

sharedBehaviour('billing-form');
