/**
 * One locale per provider: resolution, the shipped languages, a host's own messages and
 * languages, a host running @lit/localize for its own strings beside the library, switching
 * language with a half-filled form, and right-to-left text that reads in the right order.
 */
import { configureLocalization, msg as hostMsg } from '@lit/localize';
import { expect, fixture, html } from '@open-wc/testing';
import type { BillingForm } from '../src/components/billing-form/billing-form.js';
import { control, chooseCountry, openForm, type } from '../src/components/billing-form/billing-form.harness.js';
import type { OverdueBanner } from '../src/components/overdue-banner/overdue-banner.js';
import type { BillingProvider } from '../src/components/billing-provider/billing-provider.js';
import { formatMoney } from '../src/domain/money.js';
import { registerMessages } from '../src/i18n/index.js';
import { matchLocale, resolveLocale } from '../src/i18n/resolve.js';
import { StaticAdapter, invoice, mount, snapshot, textOf, waitUntil } from './helpers.js';
import '../src/overdue-banner.js';
import '../src/invoice-history.js';
import '../src/billing-form.js';

const overdue = () => snapshot({ invoices: [invoice({ daysPastDue: 35, billed: 217650 })] });

async function banner(locale: string | null, data = overdue()) {
  const provider = await fixture<BillingProvider>(
    html`<billing-provider locale=${locale ?? ''} .adapter=${new StaticAdapter(data)}><overdue-banner support-email="billing@example.com"></overdue-banner></billing-provider>`,
  );
  const element = provider.querySelector<OverdueBanner>('overdue-banner')!;
  await waitUntil(() => provider.state.status === 'ready' && element.shadowRoot?.querySelector('[part="banner"]'), 'banner did not render');
  return { provider, element };
}

/** Waits until the banner's rendered root speaks `lang`. */
async function speaks(element: Element, lang: string) {
  await waitUntil(() => element.shadowRoot?.querySelector('[part="banner"]')?.getAttribute('lang') === lang, `not in ${lang}`);
}

const rootOf = (element: Element) => element.shadowRoot!.firstElementChild!;

describe('localization: which language', () => {
  it('matches regional tags to the shipped language of the same language and script', () => {
    expect(matchLocale('de-AT')).to.equal('de');
    expect(matchLocale('de-CH')).to.equal('de');
    expect(matchLocale('pt-PT')).to.equal('pt-BR');
    expect(matchLocale('pt')).to.equal('pt-BR');
    expect(matchLocale('zh-Hans')).to.equal('zh-CN');
    expect(matchLocale('zh-SG')).to.equal('zh-CN');
    expect(matchLocale('zh')).to.equal('zh-CN');
    expect(matchLocale('zh-TW')).to.equal(null); // Traditional script: not served by Simplified Chinese
    expect(matchLocale('he-IL')).to.equal('he');
    expect(matchLocale('iw')).to.equal('he');
    expect(matchLocale('ar-EG')).to.equal('ar');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('sv-SE')).to.equal(null);
    expect(matchLocale('not a tag')).to.equal(null);
  });

  it('takes the first requested language it can serve, English otherwise', () => {
    expect(resolveLocale(['sv', 'fr-CA', 'de'])).to.deep.equal({ locale: 'fr-CA', language: 'fr', dir: 'ltr' });
    expect(resolveLocale(['he-IL'])).to.deep.equal({ locale: 'he-IL', language: 'he', dir: 'rtl' });
    expect(resolveLocale(['sv', 'fi'])).to.deep.equal({ locale: 'en', language: 'en', dir: 'ltr' });
  });

  it('speaks the provider locale: texts, money and plurals, with lang and dir on the rendered root', async () => {
    const { element } = await banner('de-AT');
    await speaks(element, 'de-AT');
    expect(rootOf(element).getAttribute('dir')).to.equal('ltr');
    const text = textOf(element);
    // de-AT formats the amount (textOf folds its no-break space)…
    expect(text).to.contain(new Intl.NumberFormat('de-AT', { style: 'currency', currency: 'USD' }).format(2176.5).replace(/\s/g, ' '));
    expect(text).to.contain('35 Tagen'); // …and the texts are German, with the plural of 35
    expect(text).not.to.contain('past due');
  });

  it('follows the nearest lang when the provider has no locale, and marks unshipped languages as English', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="ja"><billing-provider .adapter=${new StaticAdapter(overdue())}><overdue-banner></overdue-banner></billing-provider></div>`,
    );
    const element = wrapper.querySelector('overdue-banner')!;
    await speaks(element, 'ja');
    expect(textOf(element)).to.match(/[\u3040-\u30ff\u4e00-\u9fff]/);

    const { element: swedish } = await banner('sv-SE');
    await speaks(swedish, 'en');
    expect(textOf(swedish)).to.contain('$2,176.50 has been past due for 35 days');
  });

  it('renders right-to-left languages with dir="rtl"', async () => {
    for (const locale of ['ar', 'he']) {
      const { element } = await banner(locale);
      await speaks(element, locale);
      expect(rootOf(element).getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(element.shadowRoot!.querySelector('[part="message"]')!).direction).to.equal('rtl');
    }
  });
});

describe('localization: switching at run time', () => {
  it('re-renders every element in the new language and keeps everything typed', async () => {
    sessionStorage.clear();
    const adapter = new StaticAdapter({ ...overdue(), paymentMethod: null });
    const { provider, element: form } = await mount<BillingForm>(adapter, html`<billing-form></billing-form>`, 'billing-form');
    await openForm(form);
    await type(form, 'mailing.firstName', 'Ada');
    await type(form, 'mailing.email', 'not-an-email');
    await chooseCountry(form, 'mailing', 'US');
    await type(form, 'card.number', '4242 4242');
    const legend = () => textOf(form.shadowRoot!.querySelector('legend')!);
    expect(legend()).to.equal('Mailing information');
    const englishError = textOf(form.shadowRoot!.querySelector('[part="error"]')!);

    provider.locale = 'fr';
    await waitUntil(() => legend() !== 'Mailing information', 'form did not switch to French');
    expect(rootOf(form).getAttribute('lang')).to.equal('fr');
    expect((control(form, 'mailing.firstName') as HTMLInputElement).value).to.equal('Ada');
    expect((control(form, 'mailing.email') as HTMLInputElement).value).to.equal('not-an-email');
    expect((control(form, 'mailing.address.country') as HTMLSelectElement).value).to.equal('US');
    expect((control(form, 'card.number') as HTMLInputElement).value).to.equal('4242 4242');
    // The error stays shown, now in French; the country names follow too.
    const frenchError = textOf(form.shadowRoot!.querySelector('[part="error"]')!);
    expect(frenchError).to.not.equal(englishError);
    const us = form.shadowRoot!.querySelector<HTMLOptionElement>('#mailing-address-country option[value="US"]')!;
    expect(us.textContent!.trim()).to.equal(new Intl.DisplayNames(['fr'], { type: 'region' }).of('US'));

    provider.locale = 'en';
    await waitUntil(() => legend() === 'Mailing information', 'form did not switch back');
    expect(textOf(form.shadowRoot!.querySelector('[part="error"]')!)).to.equal(englishError);
    expect((control(form, 'card.number') as HTMLInputElement).value).to.equal('4242 4242');
  });
});

describe('localization: beside the host', () => {
  it("keeps working when the host configures @lit/localize for its own strings and switches its locale", async () => {
    const { setLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['es'],
      loadLocale: async () => ({ templates: { 'host.greeting': 'Hola' } }),
    });
    try {
      const { element } = await banner('de');
      await speaks(element, 'de');
      const german = textOf(element);
      await setLocale('es');
      expect(hostMsg('Hello', { id: 'host.greeting' })).to.equal('Hola');
      element.requestUpdate();
      await element.updateComplete;
      // The library's texts still follow the provider, not the host's locale.
      expect(textOf(element)).to.equal(german);
      expect(rootOf(element).getAttribute('lang')).to.equal('de');
    } finally {
      await setLocale('en');
    }
  });

  it('lets the host override a message by id and add a language, without touching the elements', async () => {
    const { element } = await banner('de');
    await speaks(element, 'de');
    registerMessages('de', { 'billing.update': 'Karte aktualisieren' });
    await waitUntil(() => textOf(element.shadowRoot!.querySelector('[part="action"]')!) === 'Karte aktualisieren', 'override not shown');

    registerMessages('sv', {
      'billing.banner.overdueTitle': 'Ditt konto är försenat',
      'billing.update': 'Uppdatera',
    });
    const { element: swedish } = await banner('sv-SE');
    await speaks(swedish, 'sv-SE');
    expect(textOf(swedish)).to.contain('Ditt konto är försenat');
    expect(textOf(swedish.shadowRoot!.querySelector('[part="action"]')!)).to.equal('Uppdatera');
    // An id the host did not translate falls back to the English source.
    expect(textOf(swedish)).to.contain('has been past due for 35 days');
  });
});

/** The rectangles of `length` characters of `node` from `start`, one per character. */
function charRects(node: Text, start: number, length: number): DOMRect[] {
  const rects: DOMRect[] = [];
  const range = document.createRange();
  for (let i = start; i < start + length; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = range.getBoundingClientRect();
    if (rect.width > 0) rects.push(rect);
  }
  return rects;
}

/**
 * The paragraph's text node holding `value`: asserts that `value`'s characters sit together on
 * screen (no word of the sentence between them), left to right in their own order (numbers,
 * Latin), and that the sentence's right-to-left letters run from right to left.
 */
function expectReadsRight(paragraph: Element, value: string) {
  const node = [...paragraph.childNodes].find((n): n is Text => n instanceof Text && n.data.includes(value));
  expect(node, `no text node with ${value} in "${paragraph.textContent}"`).to.exist;
  const start = node!.data.indexOf(value);
  const own = charRects(node!, start, value.length);
  const left = Math.min(...own.map((r) => r.left));
  const right = Math.max(...own.map((r) => r.right));
  const top = own[0]!.top;
  // Contiguous: no other letter of the same line lies inside the value's span.
  for (let i = 0; i < node!.data.length; i++) {
    if (i >= start && i < start + value.length) continue;
    if (/[\s\u2068\u2069\u200e\u200f]/.test(node!.data[i]!)) continue;
    const [rect] = charRects(node!, i, 1);
    if (!rect || Math.abs(rect.top - top) > 2) continue;
    const center = (rect.left + rect.right) / 2;
    expect(center < left || center > right, `"${node!.data[i]}" is drawn inside ${value}`).to.equal(true);
  }
  // Each number inside the value reads left to right.
  for (const run of value.matchAll(/[\p{Nd}]+(?:[.,٫٬][\p{Nd}]+)*/gu)) {
    const xs = [...run[0]].map((_, i) => charRects(node!, start + run.index! + i, 1)[0]!.left);
    expect(xs, `digits of ${run[0]} in ${value} out of order`).to.deep.equal([...xs].sort((a, b) => a - b));
  }
  // The sentence's own (right-to-left) letters run from right to left.
  const rtl = [...node!.data].map((c, i) => ({ c, i })).filter(({ c, i }) => /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(c) && (i < start || i >= start + value.length));
  const first = charRects(node!, rtl[0]!.i, 1)[0]!;
  const last = charRects(node!, rtl[rtl.length - 1]!.i, 1)[0]!;
  if (Math.abs(first.top - last.top) < 2) expect(first.left).to.be.greaterThan(last.left);
}

describe('localization: right-to-left reads right', () => {
  for (const locale of ['ar', 'he']) {
    it(`${locale}: the banner's sentence keeps the amount whole and in place`, async () => {
      const { element } = await banner(locale);
      await speaks(element, locale);
      const message = element.shadowRoot!.querySelector('[part="message"]')!;
      (message as HTMLElement).style.width = '1400px';
      const amount = formatMoney({ amount: 217650, currency: 'USD' }, locale);
      expectReadsRight(message, amount);
    });

    it(`${locale}: the next charge date is whole and in place, and the card inputs read left to right`, async () => {
      const { provider, element: form } = await mount<BillingForm>(
        new StaticAdapter({ ...overdue(), paymentMethod: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, status: 'active' } }),
        html`<billing-form></billing-form>`,
        'billing-form',
      );
      provider.locale = locale;
      await waitUntil(() => rootOf(form).getAttribute('lang') === locale, `form not in ${locale}`);
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${provider.state.snapshot!.account.nextChargeDate}T00:00:00Z`));
      const paragraph = [...form.shadowRoot!.querySelectorAll('p')].find((p) => p.textContent!.includes(date));
      expect(paragraph, 'no sentence with the next charge date').to.exist;
      (paragraph as HTMLElement).style.width = '1400px';
      expectReadsRight(paragraph!, date);

      await openForm(form);
      for (const field of ['card.number', 'card.expiry', 'card.cvc', 'mailing.email', 'mailing.phone'] as const) {
        expect(getComputedStyle(control(form, field)).direction, field).to.equal('ltr');
      }
      const number = control(form, 'card.number') as HTMLInputElement;
      await type(form, 'card.number', '4000 0000 0000 0002');
      // Typed in order, drawn in order: the caret after the last digit is at the right end.
      expect(number.value.replace(/\s/g, '')).to.equal('4000000000000002');
      expect(getComputedStyle(number).textAlign === 'start' || getComputedStyle(number).textAlign === 'left').to.equal(true);
    });

    it(`${locale}: the banner and the invoice history are accessible`, async () => {
      const { element } = await banner(locale);
      await speaks(element, locale);
      await expect(element).to.be.accessible();
      const provider = await fixture<BillingProvider>(
        html`<billing-provider locale=${locale} .adapter=${new StaticAdapter(overdue())}><invoice-history></invoice-history></billing-provider>`,
      );
      const history = provider.querySelector('invoice-history')!;
      await waitUntil(() => history.shadowRoot?.firstElementChild?.getAttribute('lang') === locale, 'history not localized');
      await expect(history).to.be.accessible();
    });
  }
});
