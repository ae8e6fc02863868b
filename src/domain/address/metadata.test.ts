/**
 * Every country's generated rules against Google's raw metadata in node_modules, with the
 * corrections of overrides.ts applied — derived here independently of the build script.
 */
import { expect } from '@open-wc/testing';
import { iso31661 } from 'iso-3166';
import { iso31662 } from 'iso-3166/2.js';
import { addressFields, COUNTRY_CODES, COUNTRIES_WITHOUT_METADATA, hasAddressMetadata, loadAddressRules, validatePostalCode } from './index.js';
import { RULES_LOADERS } from './data/loaders.js';
import { ADDRESS_OVERRIDES, ISO_CODE_EXCEPTIONS } from './overrides.js';
import type { CountryAddressRules } from './types.js';
import { fetchRawCountry, fetchRawFile, split, type RawCountry, type RawFile } from './test-utils/raw-metadata.js';

const ISO_CODES = new Set(iso31662.map((s) => s.code));
const WITH_METADATA = Object.keys(RULES_LOADERS);
/** Countries in the metadata that ISO 3166-1 does not assign: Ascension Island, Tristan da Cunha. */
const NOT_ISO = ['AC', 'TA'];

let defaults: RawCountry;
const raw = new Map<string, RawFile | null>();
const rules = new Map<string, CountryAddressRules>();

before(async function () {
  // 504 data files and modules: correctness is asserted here, not how fast a busy machine serves them.
  this.timeout(0);
  defaults = await fetchRawCountry('ZZ');
  const codes = [...new Set([...COUNTRY_CODES, ...WITH_METADATA])];
  await Promise.all(
    codes.map(async (cc) => {
      raw.set(cc, await fetchRawFile(cc));
      rules.set(cc, await loadAddressRules(cc));
    }),
  );
});

/** The raw country with the field corrections applied (asserting the package's old value). */
function corrected(cc: string): RawCountry {
  const entry: RawCountry = { ...raw.get(cc)![cc]! };
  for (const o of ADDRESS_OVERRIDES) {
    if (o.country !== cc) continue;
    for (const [field, change] of Object.entries(o.set ?? {})) {
      const key = field as keyof RawCountry;
      expect(entry[key] ?? null, `${cc} ${field} in the package`).to.equal(change!.was);
      entry[key] = change!.now;
    }
  }
  return entry;
}

const hasRegionOverride = (cc: string) => ADDRESS_OVERRIDES.some((o) => o.country === cc && o.regions);
const addsRegions = (cc: string) => ADDRESS_OVERRIDES.some((o) => o.country === cc && (o.regions?.add?.length ?? 0) > 0);

describe('address metadata: the country lists', () => {
  it('COUNTRY_CODES is every ISO 3166-1 alpha-2 code (plus Kosovo, XK), sorted, without duplicates', () => {
    const iso = iso31661.map((c) => c.alpha2);
    expect([...COUNTRY_CODES]).to.deep.equal([...iso, 'XK'].sort());
    expect(new Set(COUNTRY_CODES).size).to.equal(COUNTRY_CODES.length);
    expect(COUNTRY_CODES.length).to.equal(250);
  });

  it('a module exists exactly for the countries the package has a file for', () => {
    for (const [cc, file] of raw) {
      expect(hasAddressMetadata(cc), cc).to.equal(file !== null);
    }
    expect(WITH_METADATA.filter((cc) => !COUNTRY_CODES.includes(cc))).to.deep.equal(NOT_ISO);
    expect([...COUNTRIES_WITHOUT_METADATA]).to.deep.equal(COUNTRY_CODES.filter((cc) => raw.get(cc) === null));
    expect(WITH_METADATA.length).to.equal(252);
  });

  it('every override names a country of the metadata', () => {
    for (const o of ADDRESS_OVERRIDES) expect(WITH_METADATA, o.country).to.include(o.country);
  });
});

describe('address metadata: each country against the raw data', () => {
  for (const cc of [...new Set([...COUNTRY_CODES, ...WITH_METADATA])].sort()) {
    it(cc, () => {
      const file = raw.get(cc);
      const r = rules.get(cc)!;
      expect(r.country).to.equal(cc);
      if (file === null) {
        expect(r.fallback).to.equal(true);
        return;
      }
      expect(r.fallback).to.equal(undefined);
      const c = corrected(cc);
      const fmt = c.fmt ?? defaults.fmt!;
      const require = c.require ?? defaults.require!;
      expect(r.format, 'format').to.equal(fmt);
      expect(r.require, 'require').to.equal(require);
      expect(r.upper, 'upper').to.equal(c.upper ?? defaults.upper);
      expect(r.lang, 'lang').to.equal(c.lang ?? null);

      const fields = addressFields(r);
      // City
      expect(fields.city.shown, 'city shown').to.equal(fmt.includes('%C'));
      expect(fields.city.required, 'city required').to.equal(fmt.includes('%C') && require.includes('C'));

      // Region
      const regionShown = fmt.includes('%S');
      expect(fields.region.shown, 'region shown').to.equal(regionShown);
      if (fields.region.shown) {
        expect(fields.region.label, 'region label').to.equal(c.state_name_type ?? defaults.state_name_type);
        expect(fields.region.required, 'region required').to.equal(require.includes('S'));
        const isList = split(c.sub_keys).length > 0 || addsRegions(cc);
        expect(fields.region.kind, 'region kind').to.equal(isList ? 'select' : 'text');
      } else {
        expect(r.regionLabel).to.equal(null);
        expect(r.regions).to.equal(null);
      }

      // Regions (countries whose list overrides.ts changes are checked in overrides.test.ts)
      if (regionShown && !hasRegionOverride(cc) && split(c.sub_keys).length > 0) {
        const keys = split(c.sub_keys);
        const names = split(c.sub_names);
        const lnames = split(c.sub_lnames);
        const isoids = split(c.sub_isoids);
        const expected = keys.map((key, i) => {
          const code = isoids[i] ? `${cc}-${isoids[i]}` : ISO_CODES.has(`${cc}-${key}`) ? `${cc}-${key}` : key;
          return { code, name: names[i] || key, latin: lnames[i] };
        });
        expect(r.regions!.map((x) => x.code), 'region codes').to.deep.equal(expected.map((x) => x.code));
        expect(r.regions!.map((x) => x.name), 'region names').to.deep.equal(expected.map((x) => x.name));
        r.regions!.forEach((x, i) => {
          const latin = expected[i]!.latin;
          if (latin && latin !== x.name) expect(x.latinName, `latin name of ${x.code}`).to.equal(latin);
        });
      }

      // Postal code
      const postalShown = fmt.includes('%Z');
      expect(fields.postalCode.shown, 'postal shown').to.equal(postalShown);
      if (fields.postalCode.shown) {
        expect(fields.postalCode.label, 'postal label').to.equal(c.zip_name_type ?? defaults.zip_name_type);
        expect(fields.postalCode.required, 'postal required').to.equal(require.includes('Z'));
        expect(r.postalPattern, 'postal pattern').to.equal(c.zip ?? null);
        expect(r.postalExample, 'postal example').to.equal(c.zipex ? c.zipex.split(',')[0] : null);
        for (const example of (c.zipex ?? '').split(',').filter(Boolean)) {
          expect(validatePostalCode(r, example), `example ${example}`).to.equal('ok');
          expect(validatePostalCode(r, ` ${example.toLowerCase()} `), `example ${example}, lower case, spaced`).to.equal('ok');
        }
        if (c.zip) expect(validatePostalCode(r, '#'), 'a lone # is no postal code').to.equal('invalid');
        expect(validatePostalCode(r, ''), 'empty').to.equal(require.includes('Z') ? 'required' : 'ok');
      } else {
        expect(r.postalLabel).to.equal(null);
        expect(r.postalPattern).to.equal(null);
      }

      // Field order follows the format
      const tokens = [...fmt.matchAll(/%([ACSZ])/g)].map((m) => ({ A: 'address', C: 'city', S: 'region', Z: 'postalCode' })[m[1] as 'A']);
      expect(fields.order, 'order').to.deep.equal([...new Set(tokens)]);
    });
  }
});

describe('address metadata: ISO 3166-2 codes', () => {
  it('every CC-… region code is a current ISO 3166-2 code of that country, or a listed exception', () => {
    const unknown: string[] = [];
    for (const [cc, r] of rules) {
      for (const region of r.regions ?? []) {
        if (!region.code.startsWith(`${cc}-`)) continue;
        if (!ISO_CODES.has(region.code) && !ISO_CODE_EXCEPTIONS.some((e) => e.code === region.code)) unknown.push(region.code);
      }
    }
    expect(unknown).to.deep.equal([]);
  });

  it('every exception is used, is not an ISO code, and says why', () => {
    const used = new Set([...rules.values()].flatMap((r) => (r.regions ?? []).map((x) => x.code)));
    for (const e of ISO_CODE_EXCEPTIONS) {
      expect(used.has(e.code), e.code).to.equal(true);
      expect(ISO_CODES.has(e.code), e.code).to.equal(false);
      expect(e.reason.length, e.code).to.be.greaterThan(10);
    }
  });

  it('region codes are unique within each country', () => {
    for (const [cc, r] of rules) {
      const codes = (r.regions ?? []).map((x) => x.code);
      expect(new Set(codes).size, cc).to.equal(codes.length);
    }
  });

  it('the region and postal labels that occur are exactly the contract\'s words', () => {
    const regionLabels = new Set([...rules.values()].map((r) => r.regionLabel).filter((x) => x !== null));
    const postalLabels = new Set([...rules.values()].map((r) => r.postalLabel).filter((x) => x !== null));
    expect([...regionLabels].sort()).to.deep.equal(['area', 'county', 'department', 'district', 'do_si', 'emirate', 'island', 'oblast', 'parish', 'prefecture', 'province', 'state']);
    expect([...postalLabels].sort()).to.deep.equal(['eircode', 'pin', 'postal', 'zip']);
  });
});
