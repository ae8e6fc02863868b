/**
 * A host language the library does not ship, registered only in part: the texts that fall back
 * to English are marked `lang="en"` (fallback-lang.ts); the translated ones speak the host's language.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { BillingProvider } from '../components/billing-provider/billing-provider.js';
import type { OverdueBanner } from '../components/overdue-banner/overdue-banner.js';
import { registerMessages } from './index.js';
import { StaticAdapter, invoice, snapshot, textOf, waitUntil } from '../../test/helpers.js';
import '../overdue-banner.js';

const overdue = () => snapshot({ invoices: [invoice({ daysPastDue: 35, billed: 217650 })] });

/** The language an element is read in: its nearest `lang`, across the shadow root. */
function languageOf(element: Element): string | null {
  return element.closest('[lang]')?.getAttribute('lang') ?? null;
}

async function banner(locale: string) {
  const provider = await fixture<BillingProvider>(
    html`<billing-provider locale=${locale} .adapter=${new StaticAdapter(overdue())}><overdue-banner support-email="billing@example.com"></overdue-banner></billing-provider>`,
  );
  const element = provider.querySelector<OverdueBanner>('overdue-banner')!;
  await waitUntil(() => element.shadowRoot?.querySelector('[part="banner"]')?.getAttribute('lang') === locale, `not in ${locale}`);
  return { provider, element, part: (name: string) => element.shadowRoot!.querySelector(`[part~="${name}"]`)! };
}

describe('localization: a host language registered in part', () => {
  before(() => {
    registerMessages('sv', {
      'billing.banner.overdueTitle': 'Ditt konto är försenat',
      'billing.update': 'Uppdatera',
    });
  });

  it('marks the texts that fall back to English with lang="en", not the translated ones', async () => {
    const { part } = await banner('sv-SE');
    // The fallback (the message sentence, the processing note) is read as English…
    await waitUntil(() => languageOf(part('message')) === 'en', 'the English fallback is not marked lang="en"');
    expect(textOf(part('message'))).to.contain('has been past due for 35 days');
    expect(part('message').getAttribute('lang')).to.equal('en');
    expect(languageOf(part('note'))).to.equal('en');
    expect(textOf(part('note'))).to.contain('business day');
    // …the translated texts are not: they speak the provider's locale.
    expect(textOf(part('title'))).to.equal('Ditt konto är försenat');
    expect(part('title').hasAttribute('lang')).to.equal(false);
    expect(languageOf(part('title'))).to.equal('sv-SE');
    expect(textOf(part('action'))).to.equal('Uppdatera');
    expect(languageOf(part('action'))).to.equal('sv-SE');
    expect(part('banner').getAttribute('lang')).to.equal('sv-SE');
  });

  it('drops the mark once the host translates the text, and never marks shipped languages', async () => {
    const { part } = await banner('sv');
    await waitUntil(() => languageOf(part('message')) === 'en', 'the English fallback is not marked lang="en"');
    registerMessages('sv', { 'billing.banner.overdueMessage': '{amount} har varit förfallet i {days, plural, one {# dag} other {# dagar}}.' });
    await waitUntil(() => textOf(part('message')).includes('35 dagar'), 'the new translation is not shown');
    await waitUntil(() => languageOf(part('message')) === 'sv', 'the translated text is still marked English');
    expect(part('message').hasAttribute('lang')).to.equal(false);
    expect(languageOf(part('note'))).to.equal('en'); // still untranslated

    const german = await banner('de');
    await german.element.updateComplete;
    const marked = [...german.element.shadowRoot!.querySelectorAll('[lang]')].map((element) => element.getAttribute('lang'));
    expect(marked).to.deep.equal(['de']);
  });
});
