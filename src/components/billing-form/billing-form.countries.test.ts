/**
 * `<billing-form>`'s country-dependent address fields, for every country the address metadata
 * covers: what the DOM shows after a country is chosen is compared with the country's rules
 * (`addressFields(await loadAddressRules(cc))`, cross-checked against the raw rules), using the
 * contract's label words (shared/API.md) written out here, not the element's texts. Then
 * hand-checked countries whose expectations are written literally.
 */
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { StaticAdapter, mount, snapshot, waitUntil } from '../../../test/helpers.js';
import type { BillingProvider } from '../billing-provider/billing-provider.js';
import {
  COUNTRY_CODES,
  addressFields,
  loadAddressRules,
  type AddressFields,
  type CountryAddressRules,
  type PostalLabel,
  type RegionLabel,
} from '../../domain/address/index.js';
import type { BillingForm } from './billing-form.js';
import { chooseCountry as chooseCountryAs, findControl as byId, fire, labelElement as labelOf } from './billing-form.harness.js';
import '../../billing-form.js';

/** The contract's words for the region field (shared/API.md). */
const REGION_WORD: Record<RegionLabel, string> = {
  state: 'State',
  province: 'Province',
  prefecture: 'Prefecture',
  county: 'County',
  emirate: 'Emirate',
  island: 'Island',
  parish: 'Parish',
  department: 'Department',
  district: 'District',
  do_si: 'Do/Si',
  oblast: 'Oblast',
  area: 'Area',
};

/** The contract's words for the postal-code field. */
const POSTAL_WORD: Record<PostalLabel, string> = {
  zip: 'ZIP code',
  postal: 'Postal code',
  pin: 'PIN code',
  eircode: 'Eircode',
};

type Group = 'mailing' | 'billing';

const IDS = {
  mailing: { country: 'mailing-address-country', region: 'mailing-address-region', postal: 'mailing-address-postalCode' },
  billing: { country: 'billingAddress-country', region: 'billingAddress-region', postal: 'billingAddress-postalCode' },
} as const;

/** The label's words without the required mark. */
function labelWord(label: HTMLLabelElement): string {
  return (label.textContent ?? '').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether the label shows a rendered (visible) asterisk. */
function hasVisibleAsterisk(label: HTMLLabelElement): boolean {
  if (!label.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  const marks = [...label.querySelectorAll('*')].filter((el) => (el.textContent ?? '').trim() === '*');
  const ownText = [...label.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.includes('*'));
  return ownText || marks.some((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }));
}


/** Chooses `cc` in the group's Country list (the harness waits for its rules), then reads them. */
async function chooseCountry(form: BillingForm, group: Group, cc: string): Promise<{ rules: CountryAddressRules; fields: AddressFields }> {
  expect(byId<HTMLSelectElement>(form, IDS[group].country), `${group} country select`).to.be.instanceOf(HTMLSelectElement);
  await chooseCountryAs(form, group, cc);
  const rules = await loadAddressRules(cc);
  expect(byId<HTMLSelectElement>(form, IDS[group].country)!.value, 'country kept').to.equal(cc);
  return { rules, fields: addressFields(rules, { locale: 'en-US' }) };
}

/** What the raw rules say, derived here without `addressFields`, to cross-check it. */
function checkAgainstRawRules(rules: CountryAddressRules, fields: AddressFields): void {
  const regionShown = rules.regionLabel !== null && rules.format.includes('%S');
  const postalShown = rules.postalLabel !== null && rules.format.includes('%Z');
  expect(fields.region.shown, 'region shown (raw rules)').to.equal(regionShown);
  expect(fields.postalCode.shown, 'postal shown (raw rules)').to.equal(postalShown);
  if (fields.region.shown) {
    expect(fields.region.required, 'region required (raw rules)').to.equal(rules.require.includes('S'));
    expect(fields.region.kind, 'region kind (raw rules)').to.equal(rules.regions ? 'select' : 'text');
    expect(fields.region.label).to.equal(rules.regionLabel);
  }
  if (fields.postalCode.shown) {
    expect(fields.postalCode.required, 'postal required (raw rules)').to.equal(rules.require.includes('Z'));
    expect(fields.postalCode.label).to.equal(rules.postalLabel);
  }
}

/** Compares the group's region and postal-code fields in the DOM with the country's rules. */
function expectAddressFields(form: BillingForm, group: Group, cc: string, rules: CountryAddressRules, fields: AddressFields): void {
  checkAgainstRawRules(rules, fields);
  const ids = IDS[group];
  const at = (what: string) => `${cc} ${group} ${what}`;

  const region = byId(form, ids.region);
  const regionLabel = labelOf(form, ids.region);
  if (!fields.region.shown) {
    expect(region, at('region field')).to.equal(null);
    expect(regionLabel, at('region label')).to.equal(null);
  } else {
    expect(region, at('region field')).to.not.equal(null);
    expect(regionLabel, at('region label')).to.not.equal(null);
    expect(labelWord(regionLabel!), at('region label')).to.equal(REGION_WORD[fields.region.label]);
    expect(region!.getAttribute('aria-required'), at('region aria-required')).to.equal(String(fields.region.required));
    expect(hasVisibleAsterisk(regionLabel!), at('region asterisk')).to.equal(fields.region.required);
    if (fields.region.kind === 'select') {
      expect(region!.tagName, at('region control')).to.equal('SELECT');
      const values = [...(region as HTMLSelectElement).options].map((o) => o.value);
      expect(values, at('region options')).to.deep.equal(['', ...fields.region.options.map((o) => o.code)]);
    } else {
      expect(region!.tagName, at('region control')).to.equal('INPUT');
      expect((region as HTMLInputElement).type, at('region input type')).to.equal('text');
    }
  }

  const postal = byId<HTMLInputElement>(form, ids.postal);
  const postalLabel = labelOf(form, ids.postal);
  if (!fields.postalCode.shown) {
    expect(postal, at('postal field')).to.equal(null);
    expect(postalLabel, at('postal label')).to.equal(null);
  } else {
    expect(postal?.tagName, at('postal control')).to.equal('INPUT');
    expect(postalLabel, at('postal label')).to.not.equal(null);
    expect(labelWord(postalLabel!), at('postal label')).to.equal(POSTAL_WORD[fields.postalCode.label]);
    expect(postal!.getAttribute('aria-required'), at('postal aria-required')).to.equal(String(fields.postalCode.required));
    expect(hasVisibleAsterisk(postalLabel!), at('postal asterisk')).to.equal(fields.postalCode.required);
    if (fields.postalCode.example) {
      const hint = byId(form, `${ids.postal}-hint`);
      expect(hint?.textContent ?? '', at('postal hint')).to.contain(fields.postalCode.example);
    }
  }

  if (group === 'mailing') {
    const city = byId<HTMLInputElement>(form, 'mailing-address-city');
    expect(city, at('city field')).to.not.equal(null);
    expect(city!.getAttribute('aria-required'), at('city aria-required')).to.equal(String(fields.city.required));
    expect(hasVisibleAsterisk(labelOf(form, 'mailing-address-city')!), at('city asterisk')).to.equal(fields.city.required);
  }
}

/** Mounts a provider + form that outlives a single test (fixture() would be cleaned up after each). */
async function mountPersistent(): Promise<{ host: HTMLElement; form: BillingForm }> {
  const host = document.createElement('div');
  document.body.append(host);
  render(html`<billing-provider .adapter=${new StaticAdapter(snapshot())}><billing-form terms-href="/terms"></billing-form></billing-provider>`, host);
  const provider = host.querySelector<BillingProvider>('billing-provider')!;
  await waitUntil(() => provider.state.status === 'ready', 'the provider did not load');
  const form = host.querySelector<BillingForm>('billing-form')!;
  await (customElements.get('billing-form') as typeof BillingForm).preload();
  await form.updateComplete;
  await form.updateComplete;
  return { host, form };
}

async function freshForm(): Promise<BillingForm> {
  sessionStorage.clear(); // no draft from an earlier test
  const { element } = await mount<BillingForm>(new StaticAdapter(snapshot()), html`<billing-form terms-href="/terms"></billing-form>`);
  return element;
}

describe('<billing-form> address fields for every country', function () {
  let host: HTMLElement;
  let form: BillingForm;
  const LINE1 = '1600 Amphitheatre Parkway';
  const CITY = 'Mountain View';

  before(async () => {
    sessionStorage.clear();
    ({ host, form } = await mountPersistent());
    fire(byId<HTMLInputElement>(form, 'mailing-address-line1')!, LINE1);
    fire(byId<HTMLInputElement>(form, 'mailing-address-city')!, CITY);
    await form.updateComplete;
  });

  after(() => {
    host.remove();
    sessionStorage.clear();
  });

  it('covers every country code (sanity)', () => {
    expect(COUNTRY_CODES.length).to.be.greaterThan(240);
    expect(COUNTRY_CODES).to.include.members(['US', 'CA', 'JP', 'IE', 'GB', 'DE', 'AE', 'HK', 'IN', 'KR', 'BR', 'AU']);
  });

  for (const cc of COUNTRY_CODES) {
    it(`Mailing information: ${cc}`, async () => {
      const { rules, fields } = await chooseCountry(form, 'mailing', cc);
      expectAddressFields(form, 'mailing', cc, rules, fields);
      expect(byId<HTMLInputElement>(form, 'mailing-address-line1')!.value, 'Address line 1 survives').to.equal(LINE1);
      expect(byId<HTMLInputElement>(form, 'mailing-address-city')!.value, 'City survives').to.equal(CITY);
    });
  }

  // Billing information: a sample covering lists, a text region, no region, no postal code.
  for (const cc of ['US', 'CA', 'JP', 'IE', 'GB', 'DE', 'AE', 'HK', 'IN', 'KR', 'BR', 'AU', 'EE', 'LV', 'MX', 'NG', 'CN']) {
    it(`Billing information: ${cc}`, async () => {
      const { rules, fields } = await chooseCountry(form, 'billing', cc);
      expectAddressFields(form, 'billing', cc, rules, fields);
    });
  }
});

describe('<billing-form> address fields, hand-checked countries', () => {
  it('shows no region or postal-code field before a country is chosen', async () => {
    const form = await freshForm();
    for (const group of ['mailing', 'billing'] as const) {
      expect(byId<HTMLSelectElement>(form, IDS[group].country)!.value).to.equal('');
      expect(byId(form, IDS[group].region), `${group} region`).to.equal(null);
      expect(byId(form, IDS[group].postal), `${group} postal`).to.equal(null);
      expect(labelOf(form, IDS[group].region)).to.equal(null);
    }
    // The Country list itself is required and marked so.
    const country = byId(form, IDS.mailing.country)!;
    expect(country.getAttribute('aria-required')).to.equal('true');
    expect(hasVisibleAsterisk(labelOf(form, IDS.mailing.country)!)).to.equal(true);
    expect(labelWord(labelOf(form, IDS.mailing.country)!)).to.equal('Country');
  });

  /** Literal expectations for one country's mailing address fields. */
  async function expectCountry(
    form: BillingForm,
    cc: string,
    expected: {
      region: null | { word: string; required: boolean; select: boolean; includes?: string[] };
      postal: null | { word: string; required: boolean };
    },
  ): Promise<void> {
    await chooseCountry(form, 'mailing', cc);
    const region = byId(form, IDS.mailing.region);
    if (expected.region === null) {
      expect(region, `${cc} region`).to.equal(null);
    } else {
      expect(region, `${cc} region`).to.not.equal(null);
      const label = labelOf(form, IDS.mailing.region)!;
      expect(labelWord(label)).to.equal(expected.region.word);
      expect(region!.tagName).to.equal(expected.region.select ? 'SELECT' : 'INPUT');
      expect(region!.getAttribute('aria-required')).to.equal(String(expected.region.required));
      expect(hasVisibleAsterisk(label)).to.equal(expected.region.required);
      const values = region instanceof HTMLSelectElement ? [...region.options].map((o) => o.value) : [];
      if (region instanceof HTMLSelectElement) expect(values[0], 'empty first option').to.equal('');
      for (const code of expected.region.includes ?? []) expect(values, `${cc} region options`).to.include(code);
    }
    const postal = byId(form, IDS.mailing.postal);
    if (expected.postal === null) {
      expect(postal, `${cc} postal`).to.equal(null);
    } else {
      expect(postal, `${cc} postal`).to.not.equal(null);
      const label = labelOf(form, IDS.mailing.postal)!;
      expect(labelWord(label)).to.equal(expected.postal.word);
      expect(postal!.getAttribute('aria-required')).to.equal(String(expected.postal.required));
      expect(hasVisibleAsterisk(label)).to.equal(expected.postal.required);
    }
  }

  it('US: State list with US-CA, required ZIP code checked against the pattern on blur', async () => {
    const form = await freshForm();
    await expectCountry(form, 'US', {
      region: { word: 'State', required: true, select: true, includes: ['US-CA', 'US-NY', 'US-DC'] },
      postal: { word: 'ZIP code', required: true },
    });
    const california = [...byId<HTMLSelectElement>(form, IDS.mailing.region)!.options].find((o) => o.value === 'US-CA')!;
    expect(california.textContent!.trim()).to.equal('California');

    const zip = byId<HTMLInputElement>(form, IDS.mailing.postal)!;
    expect(byId(form, `${IDS.mailing.postal}-hint`)!.textContent).to.contain('95014');
    zip.focus();
    fire(zip, '9404');
    await form.updateComplete;
    expect(byId(form, `${IDS.mailing.postal}-error`), 'no error before blur').to.equal(null);
    zip.blur();
    await form.updateComplete;
    const error = byId(form, `${IDS.mailing.postal}-error`);
    expect(error, 'error after blur').to.not.equal(null);
    expect(error!.textContent).to.contain('ZIP code');
    expect(error!.textContent).to.contain('95014');
    expect(zip.getAttribute('aria-invalid')).to.equal('true');
    expect(zip.getAttribute('aria-describedby')).to.contain(`${IDS.mailing.postal}-error`);

    fire(zip, '94043');
    await form.updateComplete;
    expect(byId(form, `${IDS.mailing.postal}-error`)).to.equal(null);
    expect(zip.getAttribute('aria-invalid')).to.equal('false');
    // ZIP+4 is accepted too.
    fire(zip, '94043-1351');
    await form.updateComplete;
    expect(byId(form, `${IDS.mailing.postal}-error`)).to.equal(null);
  });

  it('US → CA clears the chosen State, keeps Address line 1 and City', async () => {
    const form = await freshForm();
    await chooseCountry(form, 'mailing', 'US');
    fire(byId<HTMLInputElement>(form, 'mailing-address-line1')!, '1 Infinite Loop');
    fire(byId<HTMLInputElement>(form, 'mailing-address-city')!, 'Cupertino');
    fire(byId<HTMLSelectElement>(form, IDS.mailing.region)!, 'US-CA');
    await form.updateComplete;
    expect(byId<HTMLSelectElement>(form, IDS.mailing.region)!.value).to.equal('US-CA');

    await chooseCountry(form, 'mailing', 'CA');
    const province = byId<HTMLSelectElement>(form, IDS.mailing.region)!;
    expect(labelWord(labelOf(form, IDS.mailing.region)!)).to.equal('Province');
    expect(province.value, 'no Province carried over from the US State').to.equal('');
    expect(byId<HTMLInputElement>(form, 'mailing-address-line1')!.value).to.equal('1 Infinite Loop');
    expect(byId<HTMLInputElement>(form, 'mailing-address-city')!.value).to.equal('Cupertino');

    // Back to the US: the State was cleared, not hidden.
    await chooseCountry(form, 'mailing', 'US');
    expect(byId<HTMLSelectElement>(form, IDS.mailing.region)!.value).to.equal('');
  });

  it('CA: Province list, required Postal code', async () => {
    const form = await freshForm();
    await expectCountry(form, 'CA', {
      region: { word: 'Province', required: true, select: true, includes: ['CA-ON', 'CA-QC', 'CA-BC'] },
      postal: { word: 'Postal code', required: true },
    });
  });

  it('JP: Prefecture list with JP-13; the postal code comes before the prefecture', async () => {
    const form = await freshForm();
    await expectCountry(form, 'JP', {
      region: { word: 'Prefecture', required: true, select: true, includes: ['JP-13', 'JP-01', 'JP-47'] },
      postal: { word: 'Postal code', required: true },
    });
    const prefecture = byId<HTMLSelectElement>(form, IDS.mailing.region)!;
    expect(prefecture.options.length).to.equal(48); // 47 prefectures + the empty choice
    // An English viewer sees the Latin name.
    expect([...prefecture.options].find((o) => o.value === 'JP-13')!.textContent!.trim()).to.equal('Tokyo');
    const postal = byId(form, IDS.mailing.postal)!;
    const line1 = byId(form, 'mailing-address-line1')!;
    const city = byId(form, 'mailing-address-city')!;
    const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    // Japan writes the postal code before the prefecture; the element keeps that order for
    // those two, while the street lines and City keep their place ahead of them (so a focused
    // field is never re-created when the rules arrive).
    expect(before(postal, prefecture), 'postal code before prefecture').to.equal(true);
    expect(before(line1, city), 'Address line 1 before City').to.equal(true);
    expect(before(city, postal), 'City before the postal code').to.equal(true);
    // Japan's rules do not require a city.
    expect(city.getAttribute('aria-required')).to.equal('false');
  });

  it('US keeps the usual order: Address line 1, City, State, ZIP code', async () => {
    const form = await freshForm();
    await chooseCountry(form, 'mailing', 'US');
    const ids = ['mailing-address-line1', 'mailing-address-city', IDS.mailing.region, IDS.mailing.postal];
    const all = [...form.shadowRoot!.querySelectorAll('input, select')].map((el) => el.id).filter((id) => ids.includes(id));
    expect(all).to.deep.equal(ids);
  });

  it('IE: optional County list incl. IE-CO, optional Eircode', async () => {
    const form = await freshForm();
    await expectCountry(form, 'IE', {
      region: { word: 'County', required: false, select: true, includes: ['IE-CO', 'IE-D'] },
      postal: { word: 'Eircode', required: false },
    });
  });

  it('GB: no region, required Postal code', async () => {
    const form = await freshForm();
    await expectCountry(form, 'GB', { region: null, postal: { word: 'Postal code', required: true } });
  });

  it('DE: no region, required Postal code', async () => {
    const form = await freshForm();
    await expectCountry(form, 'DE', { region: null, postal: { word: 'Postal code', required: true } });
  });

  it('AE: required Emirate list, no postal-code field', async () => {
    const form = await freshForm();
    await expectCountry(form, 'AE', {
      region: { word: 'Emirate', required: true, select: true, includes: ['AE-AZ', 'AE-DU'] },
      postal: null,
    });
  });

  it('HK: required Area list, no postal-code field', async () => {
    const form = await freshForm();
    await expectCountry(form, 'HK', { region: { word: 'Area', required: true, select: true, includes: ['Kowloon'] }, postal: null });
    expect(byId<HTMLSelectElement>(form, IDS.mailing.region)!.options.length).to.equal(4);
  });

  it('IN: required State list, required PIN code', async () => {
    const form = await freshForm();
    await expectCountry(form, 'IN', {
      region: { word: 'State', required: true, select: true, includes: ['IN-MH', 'IN-DL', 'IN-TS'] },
      postal: { word: 'PIN code', required: true },
    });
  });

  it('KR: required Do/Si list, required Postal code', async () => {
    const form = await freshForm();
    await expectCountry(form, 'KR', {
      region: { word: 'Do/Si', required: true, select: true, includes: ['KR-11', 'KR-41'] },
      postal: { word: 'Postal code', required: true },
    });
  });

  it('BR: required State list, required Postal code', async () => {
    const form = await freshForm();
    await expectCountry(form, 'BR', {
      region: { word: 'State', required: true, select: true, includes: ['BR-SP', 'BR-RJ'] },
      postal: { word: 'Postal code', required: true },
    });
  });

  it('AU: required State list, required Postal code', async () => {
    const form = await freshForm();
    await expectCountry(form, 'AU', {
      region: { word: 'State', required: true, select: true, includes: ['AU-NSW', 'AU-VIC'] },
      postal: { word: 'Postal code', required: true },
    });
  });
});
