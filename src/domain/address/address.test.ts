import { expect } from '@open-wc/testing';
import { BillingError } from '../errors.js';
import {
  addressFields,
  countryOptions,
  COUNTRY_CODES,
  fallbackAddressRules,
  loadAddressRules,
  matchRegion,
  normalizeAddressForCountry,
  normalizePostalCode,
  peekAddressRules,
  postalCodePattern,
  regionDisplayName,
  validatePostalCode,
  validateRegion,
  type CountryAddressRules,
} from './index.js';

/** Module requests for country data seen so far (the test runner serves `data/XX.ts`). */
function dataRequests(cc: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => new RegExp(`/domain/address/data/${cc}\\.(ts|js)(\\?|$)`).test(name));
}

const codes = (rules: CountryAddressRules) => (rules.regions ?? []).map((r) => r.code);

describe('address rules: hand-checked countries', () => {
  it('US: State (a list of the 50 states, DC and the territories), ZIP code required', async () => {
    const us = await loadAddressRules('US');
    const f = addressFields(us);
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'state', kind: 'select' });
    expect(codes(us)).to.have.length(62);
    expect(codes(us)).to.include.members(['US-CA', 'US-NY', 'US-DC', 'US-PR', 'US-GU', 'US-VI', 'US-AS', 'US-MP', 'AA', 'AE', 'AP']);
    expect(codes(us).filter((c) => /^US-[A-Z]{2}$/.test(c))).to.have.length(56); // 50 states + DC + 5 territories
    expect(us.regions!.find((r) => r.code === 'US-CA')!.name).to.equal('California');
    expect(f.postalCode).to.deep.include({ shown: true, required: true, label: 'zip' });
    expect(validatePostalCode(us, '94043')).to.equal('ok');
    expect(validatePostalCode(us, '94043-1351')).to.equal('ok');
    expect(validatePostalCode(us, '9404')).to.equal('invalid');
    expect(validatePostalCode(us, '940431')).to.equal('invalid');
    expect(validatePostalCode(us, '')).to.equal('required');
    expect(validatePostalCode(us, '   ')).to.equal('required');
    expect(f.city).to.deep.equal({ shown: true, required: true });
    expect(f.order).to.deep.equal(['address', 'city', 'region', 'postalCode']);
  });

  it('CA: Province, CA-ON, Postal code like K1A 0B1', async () => {
    const ca = await loadAddressRules('CA');
    const f = addressFields(ca);
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'province', kind: 'select' });
    expect(codes(ca)).to.include('CA-ON');
    expect(codes(ca)).to.have.length(13);
    expect(f.postalCode).to.deep.include({ shown: true, required: true, label: 'postal' });
    expect(validatePostalCode(ca, 'K1A 0B1')).to.equal('ok');
    expect(validatePostalCode(ca, 'k1a0b1')).to.equal('ok');
    expect(validatePostalCode(ca, 'K1A 0B')).to.equal('invalid');
    expect(validatePostalCode(ca, 'D1A 0B1')).to.equal('invalid'); // D is not a first letter
  });

  it('JP: Prefecture (JP-13 Tokyo), no city field, postal code first', async () => {
    const jp = await loadAddressRules('JP');
    const f = addressFields(jp);
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'prefecture', kind: 'select' });
    const tokyo = jp.regions!.find((r) => r.code === 'JP-13')!;
    expect(tokyo).to.deep.equal({ code: 'JP-13', name: '東京都', latinName: 'Tokyo' });
    expect(codes(jp)).to.have.length(47);
    expect(f.city.shown).to.equal(false);
    expect(f.order).to.deep.equal(['postalCode', 'region', 'address']);
    expect(validatePostalCode(jp, '154-0023')).to.equal('ok');
    expect(validatePostalCode(jp, '1540023')).to.equal('ok');
  });

  it('IE: County (IE-CO Cork, no IE-C), Eircode, optional', async () => {
    const ie = await loadAddressRules('IE');
    const f = addressFields(ie);
    expect(f.region).to.deep.include({ shown: true, required: false, label: 'county', kind: 'select' });
    expect(codes(ie)).to.include('IE-CO');
    expect(codes(ie)).not.to.include('IE-C');
    expect(ie.regions!.find((r) => r.code === 'IE-CO')!.name).to.equal('Co. Cork');
    expect(f.postalCode).to.deep.include({ shown: true, required: false, label: 'eircode' });
    expect(validatePostalCode(ie, 'A65 F4E2')).to.equal('ok');
    expect(validatePostalCode(ie, 'a65f4e2')).to.equal('ok');
    expect(validatePostalCode(ie, 'A65 F4E')).to.equal('invalid');
  });

  it('GB: no region, Postal code required', async () => {
    const gb = await loadAddressRules('GB');
    const f = addressFields(gb);
    expect(f.region.shown).to.equal(false);
    expect(f.postalCode).to.deep.include({ shown: true, required: true, label: 'postal' });
    expect(validatePostalCode(gb, 'SW1A 1AA')).to.equal('ok');
    expect(validatePostalCode(gb, 'EC1Y 8SY')).to.equal('ok');
    expect(validatePostalCode(gb, '12345')).to.equal('invalid');
  });

  it('DE: no region, Postal code of 5 digits', async () => {
    const de = await loadAddressRules('DE');
    const f = addressFields(de);
    expect(f.region.shown).to.equal(false);
    expect(f.postalCode).to.deep.include({ shown: true, required: true, label: 'postal' });
    expect(validatePostalCode(de, '10115')).to.equal('ok');
    expect(validatePostalCode(de, '1011')).to.equal('invalid');
    expect(validatePostalCode(de, '101156')).to.equal('invalid');
    expect(f.order).to.deep.equal(['address', 'postalCode', 'city']);
  });

  it('AE: Emirate (required list), no postal code, no city', async () => {
    const ae = await loadAddressRules('AE');
    const f = addressFields(ae, { locale: 'en-US' });
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'emirate', kind: 'select' });
    expect(codes(ae)).to.include.members(['AE-AZ', 'AE-DU']);
    if (f.region.shown && f.region.kind === 'select') expect(f.region.options.map((o) => o.name)).to.include('Abu Dhabi');
    expect(f.postalCode.shown).to.equal(false);
    expect(f.city.shown).to.equal(false);
    expect(validatePostalCode(ae, 'anything')).to.equal('ok');
  });

  it('HK: Area (a list of three), no postal code', async () => {
    const hk = await loadAddressRules('HK');
    const f = addressFields(hk, { locale: 'en' });
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'area', kind: 'select' });
    if (f.region.shown && f.region.kind === 'select') {
      expect(f.region.options.map((o) => o.name)).to.deep.equal(['Kowloon', 'Hong Kong Island', 'New Territories']);
    }
    const zh = addressFields(hk, { locale: 'zh-Hant-HK' });
    if (zh.region.shown && zh.region.kind === 'select') expect(zh.region.options[0]!.name).to.equal('九龍');
    expect(f.postalCode.shown).to.equal(false);
  });

  it('IN: State, PIN code of 6 digits, IN-DH and IN-LA present, IN-DD absent', async () => {
    const india = await loadAddressRules('IN');
    const f = addressFields(india);
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'state', kind: 'select' });
    expect(codes(india)).to.include.members(['IN-DH', 'IN-LA']);
    expect(codes(india)).not.to.include('IN-DD');
    expect(f.postalCode).to.deep.include({ shown: true, required: true, label: 'pin' });
    expect(validatePostalCode(india, '110034')).to.equal('ok');
    expect(validatePostalCode(india, '11003')).to.equal('invalid');
    expect(validatePostalCode(india, '1100345')).to.equal('invalid');
  });

  it('KR: Do/Si (required list), postal code of 5 digits', async () => {
    const kr = await loadAddressRules('KR');
    const f = addressFields(kr);
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'do_si', kind: 'select' });
    expect(codes(kr)).to.include('KR-11'); // Seoul
    expect(validatePostalCode(kr, '03051')).to.equal('ok');
    expect(validatePostalCode(kr, '0305')).to.equal('invalid');
  });

  it('BR: State (BR-SP), CEP 01310-100', async () => {
    const br = await loadAddressRules('BR');
    const f = addressFields(br);
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'state', kind: 'select' });
    expect(codes(br)).to.include('BR-SP');
    expect(codes(br)).to.have.length(27);
    expect(f.postalCode).to.deep.include({ shown: true, required: true, label: 'postal' });
    expect(validatePostalCode(br, '01310-100')).to.equal('ok');
    expect(validatePostalCode(br, '01310100')).to.equal('ok');
    expect(validatePostalCode(br, '01310-10')).to.equal('invalid');
  });

  it('AU: State (AU-NSW), postcode of 4 digits', async () => {
    const au = await loadAddressRules('AU');
    const f = addressFields(au);
    expect(f.region).to.deep.include({ shown: true, required: true, label: 'state', kind: 'select' });
    expect(codes(au)).to.include.members(['AU-NSW', 'AU-VIC', 'AU-ACT']);
    expect(validatePostalCode(au, '2000')).to.equal('ok');
    expect(validatePostalCode(au, '200')).to.equal('invalid');
    expect(validatePostalCode(au, '20000')).to.equal('invalid');
  });

  it('ES: Spain\'s provinces get their ISO codes (ES-M Madrid), though Google lists none', async () => {
    const es = await loadAddressRules('ES');
    expect(es.regions!.find((r) => r.code === 'ES-M')!.name).to.equal('Madrid');
    expect(codes(es).every((c) => c.startsWith('ES-'))).to.equal(true);
  });
});

describe('loadAddressRules', () => {
  it('loads one country as its own request, once', async () => {
    expect(dataRequests('IS')).to.deep.equal([]);
    expect(peekAddressRules('IS')).to.equal(undefined);
    const first = await loadAddressRules('is');
    expect(first.country).to.equal('IS');
    expect(dataRequests('IS')).to.have.length(1);
    expect(dataRequests('FO')).to.deep.equal([]); // a neighbour is not loaded with it
    const again = await loadAddressRules(' IS ');
    expect(again).to.equal(first);
    expect(peekAddressRules('is')).to.equal(first);
    expect(dataRequests('IS')).to.have.length(1);
  });

  it('gives the fallback rules for a code Google has no metadata for', async () => {
    const rules = await loadAddressRules('QO'); // user-assigned, not a country Google knows
    expect(rules).to.deep.equal(fallbackAddressRules('QO'));
    expect(rules.fallback).to.equal(true);
    expect(dataRequests('QO')).to.deep.equal([]);
    const f = addressFields(rules);
    expect(f.region.shown).to.equal(false);
    expect(f.postalCode).to.deep.include({ shown: true, required: false, label: 'postal', pattern: null });
    expect(f.city).to.deep.equal({ shown: true, required: true });
    expect(validatePostalCode(rules, 'any text 42')).to.equal('ok');
    expect(validatePostalCode(rules, '')).to.equal('ok');
  });

  it('rejects a code that is not two letters, naming the field', async () => {
    for (const bad of ['USA', 'U', '', '12']) {
      let error: unknown;
      try {
        await loadAddressRules(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).to.be.instanceOf(BillingError);
      expect((error as BillingError).code).to.equal('invalid_request');
      expect((error as BillingError).message).to.contain('country');
    }
  });
});

describe('countryOptions', () => {
  it('names every country in the locale, sorted by its collation', () => {
    const en = countryOptions('en-US');
    expect(en).to.have.length(COUNTRY_CODES.length);
    expect(en.find((o) => o.code === 'US')!.name).to.equal('United States');
    expect(en.find((o) => o.code === 'DE')!.name).to.equal('Germany');
    const names = en.map((o) => o.name);
    const collator = new Intl.Collator('en-US');
    for (let i = 1; i < names.length; i += 1) expect(collator.compare(names[i - 1]!, names[i]!), names[i]).to.be.at.most(0);
    // Åland Islands sorts with the A's in English
    expect(names.indexOf('Åland Islands')).to.be.lessThan(names.indexOf('Albania'));
  });

  it('uses the locale for names and order', () => {
    const de = countryOptions('de');
    expect(de.find((o) => o.code === 'DE')!.name).to.equal('Deutschland');
    const sv = countryOptions('sv').map((o) => o.name);
    // In Swedish, Å sorts after Z.
    expect(sv.indexOf('Åland')).to.be.greaterThan(sv.indexOf('Zambia'));
  });

  it('returns copies the caller may change', () => {
    const a = countryOptions('en');
    a[0]!.name = 'changed';
    a.pop();
    expect(countryOptions('en')[0]!.name).not.to.equal('changed');
    expect(countryOptions('en')).to.have.length(COUNTRY_CODES.length);
  });
});

describe('region helpers', () => {
  it('regionDisplayName: the own name in the country\'s language, else the Latin one', async () => {
    const jp = await loadAddressRules('JP');
    const tokyo = jp.regions!.find((r) => r.code === 'JP-13')!;
    expect(regionDisplayName(jp, tokyo, 'ja-JP')).to.equal('東京都');
    expect(regionDisplayName(jp, tokyo, 'en')).to.equal('Tokyo');
    expect(regionDisplayName(jp, tokyo)).to.equal('Tokyo');
    const us = await loadAddressRules('US');
    expect(regionDisplayName(us, us.regions![0]!, 'ja')).to.equal('Alabama');
  });

  it('matchRegion: by code, ISO suffix, name or Latin name, any case', async () => {
    const us = await loadAddressRules('US');
    expect(matchRegion(us, 'US-CA')?.code).to.equal('US-CA');
    expect(matchRegion(us, 'us-ca')?.code).to.equal('US-CA');
    expect(matchRegion(us, 'CA')?.code).to.equal('US-CA');
    expect(matchRegion(us, ' california ')?.code).to.equal('US-CA');
    expect(matchRegion(us, 'CA-ON')).to.equal(undefined);
    expect(matchRegion(us, 'Ontario')).to.equal(undefined);
    expect(matchRegion(us, '')).to.equal(undefined);
    const jp = await loadAddressRules('JP');
    expect(matchRegion(jp, 'Tokyo')?.code).to.equal('JP-13');
    expect(matchRegion(jp, '東京都')?.code).to.equal('JP-13');
    expect(matchRegion(await loadAddressRules('DE'), 'Bayern')).to.equal(undefined);
  });

  it('validateRegion: required, list membership, free text, absent region', async () => {
    const us = await loadAddressRules('US');
    expect(validateRegion(us, 'US-CA')).to.equal('ok');
    expect(validateRegion(us, '')).to.equal('required');
    expect(validateRegion(us, null)).to.equal('required');
    expect(validateRegion(us, 'CA-ON')).to.equal('invalid');
    expect(validateRegion(us, 'California')).to.equal('invalid'); // the select submits codes
    const ie = await loadAddressRules('IE');
    expect(validateRegion(ie, '')).to.equal('ok'); // optional
    const hn = await loadAddressRules('HN');
    expect(validateRegion(hn, 'Francisco Morazán')).to.equal('ok');
    expect(validateRegion(hn, '  ')).to.equal('required');
    const de = await loadAddressRules('DE');
    expect(validateRegion(de, '')).to.equal('ok');
  });

  it('postalCodePattern is anchored and case-insensitive; normalizePostalCode tidies', async () => {
    const ca = await loadAddressRules('CA');
    const re = postalCodePattern(ca)!;
    expect(re.test('K1A 0B1')).to.equal(true);
    expect(re.test('xK1A 0B1')).to.equal(false);
    expect(re.test('K1A 0B1x')).to.equal(false);
    expect(postalCodePattern(ca)).to.equal(re); // cached
    expect(postalCodePattern(await loadAddressRules('AE'))).to.equal(null);
    expect(normalizePostalCode('  k1a   0b1 ')).to.equal('K1A 0B1');
  });
});

describe('normalizeAddressForCountry', () => {
  const base = { line1: '1600 Amphitheatre Pkwy', line2: 'Bldg 4', city: 'Mountain View' };

  it('keeps lines and city; drops a region code of another country and an invalid postal code', async () => {
    const [us, ca] = await Promise.all([loadAddressRules('US'), loadAddressRules('CA')]);
    const result = normalizeAddressForCountry({ country: 'US', ...base, region: 'US-CA', postalCode: '94043' }, ca, us);
    expect(result).to.deep.equal({ country: 'CA', ...base, region: '', postalCode: '' });
  });

  it('keeps a postal code that is valid in the new country', async () => {
    const [us, de] = await Promise.all([loadAddressRules('US'), loadAddressRules('DE')]);
    const result = normalizeAddressForCountry({ country: 'US', ...base, region: 'US-CA', postalCode: ' 94043 ' }, de, us);
    expect(result).to.deep.equal({ country: 'DE', ...base, region: '', postalCode: '94043' });
  });

  it('drops the postal code where the new country has none', async () => {
    const ae = await loadAddressRules('AE');
    const result = normalizeAddressForCountry({ ...base, region: 'AE-DU', postalCode: '12345' }, ae);
    expect(result).to.deep.equal({ country: 'AE', ...base, region: 'AE-DU', postalCode: '' });
  });

  it('maps a region name or bare code onto the new list', async () => {
    const us = await loadAddressRules('US');
    expect(normalizeAddressForCountry({ ...base, region: 'California' }, us).region).to.equal('US-CA');
    expect(normalizeAddressForCountry({ ...base, region: 'ny' }, us).region).to.equal('US-NY');
    expect(normalizeAddressForCountry({ ...base, region: 'Bavaria' }, us).region).to.equal('');
  });

  it('for a free-text region: keeps text, drops another country\'s code or list value', async () => {
    const [ee, us, hk] = await Promise.all([loadAddressRules('EE'), loadAddressRules('US'), loadAddressRules('HK')]);
    expect(normalizeAddressForCountry({ ...base, region: 'Harju maakond' }, ee).region).to.equal('Harju maakond');
    expect(normalizeAddressForCountry({ ...base, region: 'US-CA' }, ee).region).to.equal('');
    expect(normalizeAddressForCountry({ ...base, region: 'EE-37' }, ee).region).to.equal('EE-37');
    expect(normalizeAddressForCountry({ country: 'HK', ...base, region: 'Kowloon' }, ee, hk).region).to.equal('');
    expect(normalizeAddressForCountry({ country: 'US', ...base, region: 'AA' }, ee, us).region).to.equal('');
  });

  it('clears the region where the new country has none, and fills missing fields with empty strings', async () => {
    const gb = await loadAddressRules('GB');
    expect(normalizeAddressForCountry({ region: 'US-CA', postalCode: 'SW1A 1AA' }, gb)).to.deep.equal({
      country: 'GB',
      line1: '',
      line2: '',
      city: '',
      region: '',
      postalCode: 'SW1A 1AA',
    });
  });
});
