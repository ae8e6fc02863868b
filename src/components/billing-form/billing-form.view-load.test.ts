/**
 * The form's view (its fields, summary, texts and styles) loads lazily with the engine: until it
 * is there the element shows its loading state; an import that fails shows the load error with
 * Try again, which imports it again. (This file's page starts with no engine loaded: the tests
 * run in order and the first one controls the only import.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { scenario } from '../../adapters/scenarios.js';
import type { BillingErrorEvent } from '../../events/billing-error.js';
import type { BillingProvider } from '../billing-provider/billing-provider.js';
import { RecordingAdapter, mount, textOf, waitUntil } from '../../../test/helpers.js';
import { control, labelOf } from './billing-form.harness.js';
import type { BillingForm } from './billing-form.js';
import { engineImport, type FormEngine } from './form-engine-controller.js';
import '../../billing-form.js';

const TODAY = '2025-06-15';
const realImport = engineImport.load;

const adapter = () => new RecordingAdapter({ ...scenario('outstanding-5', TODAY), paymentMethod: null });

describe('<billing-form> while its view loads', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    engineImport.load = realImport;
  });

  it('shows the loading state until the view is there, the load error with Try again when the import fails, and the form after Try again', async () => {
    let fail!: (error: unknown) => void;
    let imports = 0;
    engineImport.load = () => {
      imports++;
      return new Promise<FormEngine>((_, reject) => (fail = reject));
    };
    const errors: BillingErrorEvent[] = [];
    const record = (event: Event) => errors.push(event as BillingErrorEvent);
    document.addEventListener('billing-error', record);
    try {
      const provider = await fixture<BillingProvider>(
        html`<billing-provider .adapter=${adapter()}><billing-form terms-href="/terms"></billing-form></billing-provider>`,
      );
      const element = provider.querySelector<BillingForm>('billing-form')!;
      await waitUntil(() => provider.state.status === 'ready', 'provider ready');
      await element.updateComplete;

      // The snapshot is there, the view is not: the loading state, and no field yet.
      const loading = element.shadowRoot!.querySelector('[part="loading"]');
      expect(loading, 'loading state').to.exist;
      expect(loading!.getAttribute('role')).to.equal('status');
      expect(textOf(loading!)).to.equal('Loading billing information…');
      expect(element.shadowRoot!.querySelector('input, select, form')).to.be.null;
      expect(getComputedStyle(element).display, 'the host is a block while it loads').to.equal('block');
      expect(imports).to.equal(1);

      // The import fails (offline, or a deploy removed the old chunk).
      fail(new TypeError('Failed to fetch dynamically imported module'));
      await waitUntil(() => element.shadowRoot!.querySelector('[part="load-error"]'), 'load error shown');
      const notice = element.shadowRoot!.querySelector('[part="load-error"]')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(textOf(notice)).to.contain("We couldn't load your billing information.");
      expect(textOf(notice)).to.contain('Check your connection, then try again.');
      expect(element.shadowRoot!.querySelector('[part="loading"]')).to.be.null;
      expect(element.shadowRoot!.querySelector('input, select, form')).to.be.null;
      expect(errors.map((event) => event.detail.error.code)).to.deep.equal(['network']);

      // Try again imports the view again (this time it arrives) and shows the form.
      engineImport.load = () => {
        imports++;
        return realImport();
      };
      const retry = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
      expect(textOf(retry)).to.equal('Try again');
      retry.click();
      await waitUntil(() => element.shadowRoot!.querySelector('#mailing-firstName'), 'the form after Try again');
      expect(imports).to.equal(2);
      expect(element.shadowRoot!.querySelector('[part="load-error"]')).to.be.null;
      expect(labelOf(element, 'mailing-firstName')).to.equal('First name*');
      expect(control(element, 'card-number').getAttribute('autocomplete')).to.equal('cc-number');
      // The view's own styles came with it.
      expect(getComputedStyle(element.shadowRoot!.querySelector('form')!).display).to.equal('grid');
      expect(getComputedStyle(element.shadowRoot!.querySelector('fieldset')!).display).to.equal('grid');
      expect(errors).to.have.length(1);
    } finally {
      document.removeEventListener('billing-error', record);
    }
  });

  it('renders a form created after the view loaded at once, with the view styles, without importing it again', async () => {
    let imports = 0;
    engineImport.load = () => {
      imports++;
      return realImport();
    };
    const { element } = await mount<BillingForm>(adapter(), html`<billing-form></billing-form>`);
    expect(imports).to.equal(0);
    expect(labelOf(element, 'mailing-lastName')).to.equal('Last name*');
    expect(getComputedStyle(element.shadowRoot!.querySelector('form')!).display).to.equal('grid');
    // Each shadow root adopts the view's styles once.
    const sheets = element.shadowRoot!.adoptedStyleSheets;
    expect(new Set(sheets).size, 'no style sheet adopted twice').to.equal(sheets.length);
  });
});
