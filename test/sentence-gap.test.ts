// Two sentences shown together are joined the way the language writes them: with a space in
// English, with nothing in Japanese and Chinese (their full stop 。 ends the sentence).
import { expect, fixture, html } from '@open-wc/testing';
import type { BillingAdapter } from '../src/adapters/adapter.js';
import type { BillingProvider } from '../src/components/billing-provider/billing-provider.js';
import { BillingError } from '../src/domain/errors.js';
import { shippedCatalog } from '../src/i18n/index.js';
import { waitUntil } from './helpers.js';
import '../src/invoice-history.js';

/** An adapter whose load fails as a lost connection does. */
const offline = {
  load: () => Promise.reject(new BillingError('network', 'The network request failed.')),
  submitPaymentMethod: () => Promise.reject(new Error('not used')),
  downloadInvoice: () => Promise.reject(new Error('not used')),
} as unknown as BillingAdapter;

async function loadErrorIn(locale: string): Promise<string> {
  const provider = await fixture<BillingProvider>(html`<billing-provider locale=${locale} .adapter=${offline}><invoice-history></invoice-history></billing-provider>`);
  const history = provider.querySelector('invoice-history')!;
  const paragraph = () => history.shadowRoot?.querySelector('[part="load-error"] p');
  await waitUntil(() => paragraph() && history.shadowRoot!.firstElementChild?.getAttribute('lang') === locale, `no load error in ${locale}`);
  return paragraph()!.textContent!.trim();
}

describe('sentences joined in the language', () => {
  it('puts a space between the load error and its advice in English', async () => {
    expect(await loadErrorIn('en')).to.equal("We couldn't load your billing information. Check your connection, then try again.");
  });

  for (const locale of ['ja', 'zh-CN']) {
    it(`puts nothing between them in ${locale}`, async () => {
      const text = await loadErrorIn(locale);
      const catalog = shippedCatalog(locale)!;
      expect(text).to.equal(`${catalog['billing.loadFailed']}${catalog['billing.load.connection']}`);
      expect(text).not.to.match(/。\s/);
    });
  }

  it('keeps the space in German', async () => {
    const text = await loadErrorIn('de');
    const catalog = shippedCatalog('de')!;
    expect(text).to.equal(`${catalog['billing.loadFailed']} ${catalog['billing.load.connection']}`);
  });
});
