/**
 * Right-to-left text that reads right, element by element (issue 8): in Arabic and Hebrew every
 * amount, date, invoice number, card ending and email rendered inside a sentence or a table cell
 * is isolated (a `<bdi>`, FSI…PDI, or an element with its own `dir`), and is drawn whole, in its
 * own order: "US$ 2,176.50" in Arabic (never "$US 2,176.50"), "ACME-2025060100042" (never
 * "2025060100042-ACME"). Positions are measured on screen, character by character.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { control, openForm, submit, type } from '../src/components/billing-form/billing-form.harness.js';
import type { BillingForm } from '../src/components/billing-form/billing-form.js';
import type { BillingProvider } from '../src/components/billing-provider/billing-provider.js';
import { formatMoney } from '../src/domain/money.js';
import { StaticAdapter, invoice, snapshot, waitUntil } from './helpers.js';
import '../src/billing-form.js';
import '../src/invoice-history.js';
import '../src/overdue-banner.js';
import '../src/suspension-modal.js';

const FSI = '\u2068';
const PDI = '\u2069';
/** Characters that take no room of their own: spaces and the bidi controls. */
const INVISIBLE = /[\s\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The characters of `node` from `start` (`length` of them) as drawn, from left to right. */
function drawn(node: Text, start: number, length: number): string {
  const range = document.createRange();
  const placed: { c: string; x: number }[] = [];
  for (let i = start; i < start + length; i++) {
    const c = node.data[i]!;
    if (INVISIBLE.test(c)) continue;
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const box = range.getBoundingClientRect();
    placed.push({ c, x: box.left + box.width / 2 });
  }
  return placed
    .sort((a, b) => a.x - b.x)
    .map(({ c }) => c)
    .join('');
}

/** The text node under `root` holding `value`, and where. */
function find(root: Element | ShadowRoot, value: string): { node: Text; start: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const start = node.data.indexOf(value);
    if (start >= 0) return { node, start };
  }
  throw new Error(`"${value}" is not rendered in "${root.textContent}"`);
}

/** How `value` is drawn where it is rendered under `root`, left to right. */
function drawnValue(root: Element | ShadowRoot, value: string): string {
  const { node, start } = find(root, value);
  return drawn(node, start, value.length);
}

/**
 * Asserts that `value`, rendered under `root`, is isolated (FSI…PDI around it in its text, or
 * an enclosing `<bdi>` / element with `dir` below the sentence's element) and drawn whole: no other
 * visible character of its line sits between its leftmost and rightmost character.
 */
function expectIsolatedAndWhole(root: Element | ShadowRoot, value: string, sentence: Element) {
  const { node, start } = find(root, value);
  const around = node.data.slice(Math.max(0, start - 1), start + value.length + 1);
  let isolatingElement: Element | null = node.parentElement;
  while (isolatingElement && isolatingElement !== sentence && !(isolatingElement.localName === 'bdi' || isolatingElement.hasAttribute('dir'))) {
    isolatingElement = isolatingElement.parentElement;
  }
  const isolated = (around.startsWith(FSI) && around.endsWith(PDI)) || (isolatingElement !== null && isolatingElement !== sentence);
  expect(isolated, `${value} isolated in "${node.data}"`).to.equal(true);

  const range = document.createRange();
  const box = (i: number) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect();
  };
  const own = [...value].map((c, i) => ({ c, box: box(start + i) })).filter(({ c }) => !INVISIBLE.test(c));
  const left = Math.min(...own.map(({ box }) => box.left));
  const right = Math.max(...own.map(({ box }) => box.right));
  const top = own[0]!.box.top;
  for (let i = 0; i < node.data.length; i++) {
    if ((i >= start && i < start + value.length) || INVISIBLE.test(node.data[i]!)) continue;
    const rect = box(i);
    if (Math.abs(rect.top - top) > 2) continue;
    const center = rect.left + rect.width / 2;
    expect(center < left || center > right, `"${node.data[i]}" drawn inside ${value}`).to.equal(true);
  }
}

/** US dollars as drawn left to right: the currency symbol on the left of the number in both languages. */
const US_DOLLARS = { ar: (n: string) => `US$${n}`, he: (n: string) => `$${n}` } as const;

async function mountIn(locale: 'ar' | 'he', data: unknown, inner: ReturnType<typeof html>, selector: string) {
  const provider = await fixture<BillingProvider>(html`<billing-provider locale=${locale} .adapter=${new StaticAdapter(data)}>${inner}</billing-provider>`);
  const element = provider.querySelector<HTMLElement>(selector)!;
  await waitUntil(() => element.shadowRoot?.firstElementChild?.getAttribute('lang') === locale && !element.shadowRoot.querySelector('[part="loading"]'), `${selector} not shown in ${locale}`);
  return { provider, element };
}

describe('right to left: amounts, dates, numbers and emails read right', () => {
  before(async () => {
    // Wide enough that each sentence is one line (character positions compare along one line).
    await setViewport({ width: 1600, height: 900 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const locale of ['ar', 'he'] as const) {
    const money = (amount: number) => formatMoney({ amount, currency: 'USD' }, locale);

    it(`${locale}: the currency symbol sits whole beside the number, in every context`, () => {
      // In the formatted string: Arabic's Latin-letter symbol is isolated left to right.
      const text = money(217650);
      if (locale === 'ar') expect(text).to.contain('\u2066US$\u2069');
      const paragraph = document.createElement('p');
      paragraph.dir = 'rtl';
      paragraph.textContent = text;
      document.body.append(paragraph);
      try {
        expect(drawnValue(paragraph, text)).to.equal(US_DOLLARS[locale]('2,176.50'));
      } finally {
        paragraph.remove();
      }
    });

    it(`${locale}: the banner's sentence and email`, async () => {
      const data = snapshot({ invoices: [invoice({ daysPastDue: 35, billed: 217650 })] });
      const { element } = await mountIn(locale, data, html`<overdue-banner support-email="billing@example.com"></overdue-banner>`, 'overdue-banner');
      const message = element.shadowRoot!.querySelector('[part="message"]')!;
      const amount = money(217650);
      // In the text: the amount wrapped in FSI…PDI, after the sentence's first words in Arabic and Hebrew.
      expect(message.textContent).to.contain(FSI + amount + PDI);
      expectIsolatedAndWhole(message, amount, message);
      expect(drawnValue(message, amount)).to.equal(US_DOLLARS[locale]('2,176.50'));
      const note = [...element.shadowRoot!.querySelectorAll('[part="note"]')].find((p) => p.textContent!.includes('billing@example.com'))!;
      expectIsolatedAndWhole(note, 'billing@example.com', note);
      expect(drawnValue(note, 'billing@example.com')).to.equal('billing@example.com');
    });

    it(`${locale}: the suspension modal's sentence`, async () => {
      const data = snapshot({ invoices: [invoice({ daysPastDue: 50, billed: 107750 })] });
      const { element } = await mountIn(locale, data, html`<suspension-modal support-email="billing@example.com"></suspension-modal>`, 'suspension-modal');
      await waitUntil(() => element.shadowRoot!.querySelector('[part="message"]'), 'no message');
      const message = element.shadowRoot!.querySelector('[part="message"]')!;
      const amount = money(107750);
      expect(message.textContent).to.contain(FSI + amount + PDI);
      expectIsolatedAndWhole(message, amount, message);
      expect(drawnValue(message, amount)).to.equal(US_DOLLARS[locale]('1,077.50'));
    });

    it(`${locale}: the invoice table's numbers, dates and amounts`, async () => {
      const row = invoice({ daysPastDue: 40, number: 'ACME-2025060100042', billed: 123456789, paid: 23456789 });
      const { element } = await mountIn(locale, snapshot({ invoices: [row] }), html`<invoice-history></invoice-history>`, 'invoice-history');
      await waitUntil(() => element.shadowRoot!.querySelector('tbody tr'), 'no row');
      const cells = element.shadowRoot!.querySelector('tbody tr')!;
      const values = [...cells.querySelectorAll('bdi')];
      // Number, due date and the three amounts: each in a <bdi> of its own.
      expect(values.map((bdi) => bdi.closest<HTMLTableCellElement>('th, td')!.cellIndex)).to.deep.equal([0, 1, 3, 4, 5]);
      expect(drawnValue(values[0]!, 'ACME-2025060100042')).to.equal('ACME-2025060100042');
      expect(drawnValue(values[2]!, money(123456789))).to.equal(US_DOLLARS[locale]('1,234,567.89'));
      expect(drawnValue(values[3]!, money(23456789))).to.equal(US_DOLLARS[locale]('234,567.89'));
      expect(drawnValue(values[4]!, money(100000000))).to.equal(US_DOLLARS[locale]('1,000,000.00'));
      // The due date reads right to left: the day at the right, the year at the left, each number whole.
      const [year, , day] = row.dueDate.split('-') as [string, string, string];
      const date = drawnValue(values[1]!, values[1]!.textContent!);
      expect(date.startsWith(year), `${date} starts with ${year}`).to.equal(true);
      expect(date.endsWith(String(Number(day))), `${date} ends with ${Number(day)}`).to.equal(true);
    });

    it(`${locale}: the card on file, its expiry, the next charge and the charge sentence`, async () => {
      const data = {
        ...snapshot({ invoices: [invoice({ daysPastDue: 35, billed: 217650 })] }),
        paymentMethod: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, status: 'active' },
      };
      const { element: form } = await mountIn(locale, data, html`<billing-form expanded></billing-form>`, 'billing-form');
      const root = form.shadowRoot!;
      await waitUntil(() => root.querySelector('.current-card') && root.querySelector('.charge'), 'form not shown');
      const card = root.querySelector('.current-card')!;
      expectIsolatedAndWhole(card, '4242', card);
      const expires = [...root.querySelectorAll('p')].find((p) => p.textContent!.includes('12/2030'))!;
      expectIsolatedAndWhole(expires, '12/2030', expires);
      expect(drawnValue(expires, '12/2030')).to.equal('12/2030');
      const charge = root.querySelector('.charge')!;
      const amount = money(217650);
      expect(charge.textContent).to.contain(FSI + amount + PDI);
      expectIsolatedAndWhole(charge, amount, charge);
      expect(drawnValue(charge, amount)).to.equal(US_DOLLARS[locale]('2,176.50'));
    });

    it(`${locale}: what is typed keeps its own direction, and every invalid field's error bar is on the right`, async () => {
      sessionStorage.clear();
      const data = { ...snapshot(), paymentMethod: null };
      const { element } = await mountIn(locale, data, html`<billing-form></billing-form>`, 'billing-form');
      const form = element as BillingForm;
      await openForm(form);
      // Latin text typed into a right-to-left form reads left to right ("1 Analytical Way", not
      // "Analytical Way 1"); text in the form's language stays right to left.
      await type(form, 'mailing.address.line1', '1 Analytical Way');
      const line1 = control(form, 'mailing.address.line1') as HTMLInputElement;
      expect(getComputedStyle(line1).direction).to.equal('ltr');
      await type(form, 'mailing.firstName', locale === 'ar' ? 'أحمد' : 'דנה');
      expect(getComputedStyle(control(form, 'mailing.firstName')).direction).to.equal('rtl');
      // A failed submit marks the required fields: the thick bar is on the form's start (right) side
      // for a right-to-left field and a left-to-right one (card number, email) alike.
      await submit(form);
      await waitUntil(() => control(form, 'card.number').getAttribute('aria-invalid') === 'true', 'card number not marked invalid');
      for (const field of ['mailing.lastName', 'mailing.email', 'card.number', 'card.cvc'] as const) {
        const style = getComputedStyle(control(form, field));
        expect(control(form, field).getAttribute('aria-invalid'), field).to.equal('true');
        expect(parseFloat(style.borderRightWidth), `${field}: bar on the right`).to.be.greaterThan(parseFloat(style.borderLeftWidth));
      }
    });
  }
});
