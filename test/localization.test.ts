/**
 * A locale added by a host, without touching the elements: configureLocalization() with a
 * translation of two message ids, then every element re-renders in that locale.
 */
import { configureLocalization } from '@lit/localize';
import { expect, html } from '@open-wc/testing';
import type { OverdueBanner } from '../src/components/overdue-banner/overdue-banner.js';
import { StaticAdapter, invoice, mount, snapshot, textOf } from './helpers.js';
import '../src/overdue-banner.js';

const { setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: async () => ({
    templates: {
      'billing.update': 'Aktualisieren',
      'billing.banner.outstandingOne': 'Sie haben eine offene Rechnung',
    },
  }),
});

describe('localization', () => {
  after(() => setLocale('en'));

  it('renders a host-provided locale by message id, and back', async () => {
    const { element } = await mount<OverdueBanner>(
      new StaticAdapter(snapshot({ invoices: [invoice({ daysPastDue: 3 })] })),
      html`<overdue-banner></overdue-banner>`,
    );
    expect(textOf(element)).to.contain('You have an outstanding invoice');
    await setLocale('de');
    await element.updateComplete;
    expect(textOf(element.shadowRoot!.querySelector('button')!)).to.equal('Aktualisieren');
    expect(textOf(element)).to.contain('Sie haben eine offene Rechnung');
    await setLocale('en');
    await element.updateComplete;
    expect(textOf(element.shadowRoot!.querySelector('button')!)).to.equal('Update');
  });
});
