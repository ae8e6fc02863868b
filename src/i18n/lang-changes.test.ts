/**
 * A provider without `locale` follows the nearest `lang`, and keeps following it when the host
 * changes it at run time (observe-lang.ts): `<html lang>`, a wrapper's `lang`, a closer element
 * that gains one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { BillingForm } from '../components/billing-form/billing-form.js';
import { chooseCountry, control, openForm, type } from '../components/billing-form/billing-form.harness.js';
import type { BillingProvider } from '../components/billing-provider/billing-provider.js';
import type { OverdueBanner } from '../components/overdue-banner/overdue-banner.js';
import { StaticAdapter, invoice, mount, snapshot, textOf, waitUntil } from '../../test/helpers.js';
import '../billing-form.js';
import '../overdue-banner.js';

const overdue = () => snapshot({ invoices: [invoice({ daysPastDue: 35, billed: 217650 })] });
const rootLang = (element: Element) => element.shadowRoot?.firstElementChild?.getAttribute('lang');

describe('localization: run-time lang changes', () => {
  const html_ = document.documentElement;
  let before: string | null;
  beforeEach(() => {
    before = html_.getAttribute('lang');
    html_.setAttribute('lang', 'en');
  });
  afterEach(() => {
    if (before === null) html_.removeAttribute('lang');
    else html_.setAttribute('lang', before);
  });

  it('re-renders the form in German when <html lang> changes from en to de, keeping everything typed', async () => {
    sessionStorage.clear();
    const adapter = new StaticAdapter({ ...overdue(), paymentMethod: null });
    const { provider, element: form } = await mount<BillingForm>(adapter, html`<billing-form></billing-form>`, 'billing-form');
    expect(provider.hasAttribute('locale')).to.equal(false);
    await openForm(form);
    await type(form, 'mailing.firstName', 'Ada');
    await type(form, 'mailing.email', 'not-an-email');
    await chooseCountry(form, 'mailing', 'US');
    await type(form, 'card.number', '4242 4242');
    const legend = () => textOf(form.shadowRoot!.querySelector('legend')!);
    const label = (id: string) => textOf(form.shadowRoot!.querySelector(`label[for="${id}"]`)!);
    expect(legend()).to.equal('Mailing information');
    expect(label('mailing-firstName')).to.contain('First name');
    const englishError = textOf(form.shadowRoot!.querySelector('[part="error"]')!);

    html_.setAttribute('lang', 'de');
    await waitUntil(() => legend() === 'Postanschrift', 'the form did not switch to German');
    expect(rootLang(form)).to.equal('de');
    expect(label('mailing-firstName')).to.contain('Vorname');
    expect(label('mailing-firstName')).not.to.contain('First name');
    // Everything typed stays, and the error shown stays shown, now in German.
    expect((control(form, 'mailing.firstName') as HTMLInputElement).value).to.equal('Ada');
    expect((control(form, 'mailing.email') as HTMLInputElement).value).to.equal('not-an-email');
    expect((control(form, 'mailing.address.country') as HTMLSelectElement).value).to.equal('US');
    expect((control(form, 'card.number') as HTMLInputElement).value).to.equal('4242 4242');
    const germanError = textOf(form.shadowRoot!.querySelector('[part="error"]')!);
    expect(germanError).to.not.equal(englishError);
    expect(germanError).to.not.equal('');

    // And back: removing the page's lang falls through to the browser's language (en-US here).
    html_.removeAttribute('lang');
    await waitUntil(() => legend() === 'Mailing information', 'the form did not switch back to English');
    expect(textOf(form.shadowRoot!.querySelector('[part="error"]')!)).to.equal(englishError);
    expect((control(form, 'mailing.firstName') as HTMLInputElement).value).to.equal('Ada');
  });

  it('follows the nearest lang: a wrapper that changes, then a closer element that gains one', async () => {
    const outer = await fixture<HTMLElement>(
      html`<div lang="de"><section><billing-provider .adapter=${new StaticAdapter(overdue())}><overdue-banner></overdue-banner></billing-provider></section></div>`,
    );
    const banner = outer.querySelector<OverdueBanner>('overdue-banner')!;
    await waitUntil(() => rootLang(banner) === 'de' && banner.shadowRoot?.querySelector('[part="banner"]'), 'not in German');
    expect(textOf(banner)).to.contain('35 Tagen');

    outer.setAttribute('lang', 'fr');
    await waitUntil(() => rootLang(banner) === 'fr', 'did not follow the wrapper to French');
    expect(textOf(banner)).not.to.contain('35 Tagen');

    // A closer element gains a lang: it is now the nearest one.
    outer.querySelector('section')!.setAttribute('lang', 'ja');
    await waitUntil(() => rootLang(banner) === 'ja', 'did not follow the closer lang to Japanese');
    expect(textOf(banner)).to.match(/[\u3040-\u30ff\u4e00-\u9fff]/);

    // <html lang> is not the nearest here: changing it changes nothing.
    html_.setAttribute('lang', 'de');
    const provider = outer.querySelector<BillingProvider>('billing-provider')!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(provider.state.locale).to.equal('ja');
  });

  it("ignores lang changes when the provider has its own locale, and stops watching once removed", async () => {
    const outer = await fixture<HTMLElement>(
      html`<div lang="de"><billing-provider locale="fr" .adapter=${new StaticAdapter(overdue())}><overdue-banner></overdue-banner></billing-provider></div>`,
    );
    const provider = outer.querySelector<BillingProvider>('billing-provider')!;
    const banner = outer.querySelector<OverdueBanner>('overdue-banner')!;
    await waitUntil(() => rootLang(banner) === 'fr', 'not in French');
    outer.setAttribute('lang', 'ja');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rootLang(banner)).to.equal('fr');

    // Without its locale it follows the lang again, live.
    provider.removeAttribute('locale');
    await waitUntil(() => rootLang(banner) === 'ja', 'did not fall back to the nearest lang');
    outer.setAttribute('lang', 'de');
    await waitUntil(() => rootLang(banner) === 'de', 'did not follow the lang change');

    // Moved out of the page, it no longer listens; back in, it follows its new surroundings.
    provider.remove();
    outer.setAttribute('lang', 'fr');
    const other = await fixture<HTMLElement>(html`<div lang="nl"></div>`);
    other.append(provider);
    await waitUntil(() => provider.state.locale === 'nl', 'did not resolve again where it was moved');
  });
});
