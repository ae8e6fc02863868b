/**
 * Links are safe (issue 9 item 7): `update-href` (banner, modal) and `terms-href` (form) keep
 * http(s) and relative URLs only; anything else is dropped with a developer warning naming the
 * attribute: no link is rendered, and Update falls back to its event.
 */
import { expect, html } from '@open-wc/testing';
import type { BillingForm } from '../src/components/billing-form/billing-form.js';
import type { OverdueBanner } from '../src/components/overdue-banner/overdue-banner.js';
import type { SuspensionModal } from '../src/components/suspension-modal/suspension-modal.js';
import { safeHref } from '../src/internal/safe-href.js';
import { StaticAdapter, invoice, mount, snapshot, textOf, waitUntil } from './helpers.js';
import '../src/billing-form.js';
import '../src/overdue-banner.js';
import '../src/suspension-modal.js';

declare global {
  interface Window {
    __safeHrefRan?: boolean;
  }
}

/** Links that must never be followed, with the tricks browsers forgive (case, whitespace, controls). */
const UNSAFE = [
  'javascript:window.__safeHrefRan=true',
  'JavaScript:window.__safeHrefRan=true',
  '  javascript:window.__safeHrefRan=true',
  'java\tscript:window.__safeHrefRan=true',
  'java\nscript:window.__safeHrefRan=true',
  '\u0001javascript:window.__safeHrefRan=true',
  'data:text/html,<script>parent.__safeHrefRan=true</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.com/0b1c',
];

const SAFE = ['https://portal.example.com/billing', 'HTTP://portal.example.com/billing', '/account/billing', 'billing?tab=card', '#update-card', '//portal.example.com/billing'];

/** Collects console.warn calls while `run` runs (the real console still receives them). */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const previous = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    previous.apply(console, args);
  };
  try {
    await run();
  } finally {
    console.warn = previous;
  }
  return warnings;
}

describe('safeHref', () => {
  it('keeps http(s) and relative URLs as they were written', () => {
    for (const href of SAFE) expect(safeHref(href), href).to.equal(href);
  });

  it('drops every other scheme, whatever the case, whitespace or control characters', () => {
    for (const href of UNSAFE) expect(safeHref(href), JSON.stringify(href)).to.be.undefined;
    expect(safeHref('')).to.be.undefined;
    expect(safeHref('   ')).to.be.undefined;
    expect(safeHref(undefined)).to.be.undefined;
    expect(safeHref(42)).to.be.undefined;
  });
});

describe('update-href and terms-href accept http(s) and relative URLs only', () => {
  afterEach(() => {
    delete window.__safeHrefRan;
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('<overdue-banner>: an unsafe update-href is dropped with a warning, and Update only fires its event', async () => {
    for (const href of UNSAFE) {
      let element!: OverdueBanner;
      const warnings = await warningsDuring(async () => {
        ({ element } = await mount<OverdueBanner>(
          new StaticAdapter(snapshot({ invoices: [invoice({ daysPastDue: 5 })] })),
          html`<overdue-banner update-href=${href}></overdue-banner>`,
        ));
      });
      expect(warnings.filter((text) => text.includes('update-href')), JSON.stringify(href)).to.have.length(1);
      expect(warnings[0]).to.contain('<overdue-banner>');
      expect(element.updateHref).to.be.undefined;
      const before = location.href;
      let requests = 0;
      element.addEventListener('billing-update-request', () => requests++);
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
      await element.updateComplete;
      expect(requests).to.equal(1);
      expect(location.href).to.equal(before);
      expect(window.__safeHrefRan).to.be.undefined;
    }
  });

  it('<overdue-banner>: a relative update-href still leads there, without a warning', async () => {
    let element!: OverdueBanner;
    const warnings = await warningsDuring(async () => {
      ({ element } = await mount<OverdueBanner>(
        new StaticAdapter(snapshot({ invoices: [invoice({ daysPastDue: 5 })] })),
        html`<overdue-banner update-href="#update-card"></overdue-banner>`,
      ));
    });
    expect(warnings.filter((text) => text.includes('href'))).to.deep.equal([]);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    expect(location.hash).to.equal('#update-card');
  });

  it('<overdue-banner>: the property is checked like the attribute (frameworks set either)', async () => {
    const { element } = await mount<OverdueBanner>(
      new StaticAdapter(snapshot({ invoices: [invoice({ daysPastDue: 5 })] })),
      html`<overdue-banner></overdue-banner>`,
    );
    const warnings = await warningsDuring(async () => {
      element.updateHref = ' JAVASCRIPT:window.__safeHrefRan=true';
    });
    expect(element.updateHref).to.be.undefined;
    expect(warnings.join('\n')).to.contain('update-href');
    element.updateHref = '/account/billing';
    expect(element.updateHref).to.equal('/account/billing');
  });

  it('<suspension-modal>: an unsafe update-href is dropped with a warning; Update fires its event and stays in the dialog', async () => {
    let element!: SuspensionModal;
    const warnings = await warningsDuring(async () => {
      ({ element } = await mount<SuspensionModal>(
        new StaticAdapter(snapshot({ invoices: [invoice({ daysPastDue: 50 })] })),
        html`<suspension-modal update-href="  jaVaScRiPt:window.__safeHrefRan=true"></suspension-modal>`,
      ));
    });
    expect(warnings.filter((text) => text.includes('update-href'))).to.have.length(1);
    expect(warnings.join('\n')).to.contain('<suspension-modal>');
    expect(element.updateHref).to.be.undefined;
    await waitUntil(() => element.shadowRoot!.querySelector('dialog')?.open, 'the dialog opens');
    const before = location.href;
    let requests = 0;
    element.addEventListener('billing-update-request', () => requests++);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    await element.updateComplete;
    expect(requests).to.equal(1);
    expect(location.href).to.equal(before);
    expect(window.__safeHrefRan).to.be.undefined;
    expect(element.shadowRoot!.querySelector('dialog')!.open).to.be.true;
  });

  it('<billing-form>: an unsafe terms-href renders the terms sentence without a link, with a warning', async () => {
    for (const href of ['javascript:window.__safeHrefRan=true', 'data:text/html,hi', ' VBScript:msgbox(1)']) {
      let element!: BillingForm;
      const warnings = await warningsDuring(async () => {
        ({ element } = await mount<BillingForm>(new StaticAdapter(snapshot()), html`<billing-form terms-href=${href}></billing-form>`));
        await waitUntil(() => element.shadowRoot!.querySelector('[part="terms"]'), 'the form renders its terms notice');
      });
      expect(warnings.filter((text) => text.includes('terms-href')), JSON.stringify(href)).to.have.length(1);
      expect(warnings.join('\n')).to.contain('<billing-form>');
      const terms = element.shadowRoot!.querySelector('[part="terms"]')!;
      expect(terms.querySelector('a'), JSON.stringify(href)).to.be.null;
      expect(textOf(terms)).to.contain('section 3.7');
      expect(element.shadowRoot!.querySelector(`a[href]:not([href^="mailto:"])`)).to.be.null;
    }
  });

  it('<billing-form>: an https terms-href is linked as given', async () => {
    const { element } = await mount<BillingForm>(
      new StaticAdapter(snapshot()),
      html`<billing-form terms-href="https://example.com/terms#3.7"></billing-form>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[part="terms"] a'), 'the terms link renders');
    expect(element.shadowRoot!.querySelector('[part="terms"] a')!.getAttribute('href')).to.equal('https://example.com/terms#3.7');
  });
});
