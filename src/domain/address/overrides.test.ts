/** Every correction of overrides.ts: still needed (the package differs) and present in the generated rules. */
import { expect } from '@open-wc/testing';
import { iso31662 } from 'iso-3166/2.js';
import { addressFields, loadAddressRules, validatePostalCode } from './index.js';
import { ADDRESS_OVERRIDES, SOURCES, type AddressOverride, type RawField } from './overrides.js';
import type { CountryAddressRules } from './types.js';
import { fetchRawCountry, split, type RawCountry } from './test-utils/raw-metadata.js';

const ISO_NAMES = new Map(iso31662.map((s) => [s.code, s.name]));

/** Where each raw field lands in the generated rules. */
function generated(rules: CountryAddressRules, field: RawField): string | null {
  switch (field) {
    case 'fmt':
      return rules.format;
    case 'require':
      return rules.require;
    case 'state_name_type':
      return rules.regionLabel;
    case 'zip':
      return rules.postalPattern;
    case 'zipex':
      return rules.postalExample;
  }
}

/** The package's regions of a country keyed by ISO id, in order. */
function rawRegions(raw: RawCountry) {
  const keys = split(raw.sub_keys);
  const names = split(raw.sub_names);
  const isoids = split(raw.sub_isoids);
  return keys.map((key, i) => ({ iso: isoids[i] ?? '', name: names[i] || key }));
}

/** An ISO id as it ends up after the recodes of later overrides of the same country. */
function laterCode(o: AddressOverride, iso: string): string {
  const later = ADDRESS_OVERRIDES.slice(ADDRESS_OVERRIDES.indexOf(o) + 1).filter((x) => x.country === o.country);
  return later.reduce((id, x) => x.regions?.recode?.[id] ?? id, iso);
}

function describeOverride(o: AddressOverride): string {
  const parts = [...Object.keys(o.set ?? {})];
  if (o.regions?.recode) parts.push(`recode ${Object.keys(o.regions.recode).length}`);
  if (o.regions?.remove) parts.push(`remove ${o.regions.remove.join(' ')}`);
  if (o.regions?.add) parts.push(`add ${o.regions.add.map((a) => a.iso).join(' ')}`);
  return `${o.country}: ${parts.join(', ')} (${o.source})`;
}

describe('address overrides: each one, generically', () => {
  for (const o of ADDRESS_OVERRIDES) {
    it(describeOverride(o), async () => {
      expect(Object.values(SOURCES)).to.include(o.source);
      expect(o.note.length).to.be.greaterThan(10);
      const [raw, rules] = await Promise.all([fetchRawCountry(o.country), loadAddressRules(o.country)]);

      for (const [field, change] of Object.entries(o.set ?? {}) as [RawField, { was: string | null; now: string }][]) {
        expect(raw[field] ?? null, `${field}: the package still has the old value`).to.equal(change.was);
        expect(change.now, `${field}: differs from the package`).not.to.equal(change.was);
        const expected = field === 'zipex' ? change.now.split(',')[0] : change.now;
        expect(generated(rules, field), `${field} in the generated rules`).to.equal(expected);
      }

      const codes = (rules.regions ?? []).map((r) => r.code);
      const cc = o.country;
      const recode = o.regions?.recode ?? {};
      const targets = new Set(Object.values(recode));
      const before = rawRegions(raw);
      for (const [from, to] of Object.entries(recode)) {
        const old = before.find((r) => r.iso === from);
        expect(old, `${cc}-${from} is in the package`).to.not.equal(undefined);
        const now = rules.regions!.find((r) => r.code === `${cc}-${to}`);
        expect(now?.name, `${cc}-${to} is the region the package called ${cc}-${from}`).to.equal(old!.name);
        if (!targets.has(from)) expect(codes, `${cc}-${from} is gone`).not.to.include(`${cc}-${from}`);
      }
      for (const gone of o.regions?.remove ?? []) {
        expect(before.some((r) => r.iso === gone), `${cc}-${gone} is in the package`).to.equal(true);
        expect(codes).not.to.include(`${cc}-${gone}`);
      }
      for (const added of o.regions?.add ?? []) {
        expect(before.some((r) => r.iso === added.iso), `${cc}-${added.iso} is new`).to.equal(false);
        const at = codes.indexOf(`${cc}-${added.iso}`);
        expect(at, `${cc}-${added.iso} is listed`).to.be.greaterThan(-1);
        expect(rules.regions![at]!.name).to.equal(added.name);
        expect(ISO_NAMES.has(`${cc}-${added.iso}`), `${cc}-${added.iso} is an ISO code`).to.equal(true);
        if (added.after !== undefined) expect(codes[at - 1]).to.equal(`${cc}-${laterCode(o, added.after)}`);
      }
    });
  }

  it('covers each country of the table of Google changes (shared/ADDRESS-UPDATES.md)', () => {
    const google = new Set(ADDRESS_OVERRIDES.filter((o) => o.source !== SOURCES.iso).map((o) => o.country));
    expect([...google].sort()).to.deep.equal(
      ['BH', 'CL', 'CO', 'EE', 'HN', 'IE', 'IN', 'IR', 'IT', 'KH', 'LT', 'LV', 'MX', 'NL', 'RO', 'TT', 'TW', 'UA', 'VN'],
    );
  });
});

describe('address overrides: what they change, by example', () => {
  it('BH: 3 digits from 100, or 4 digits from 1000 to 1299', async () => {
    const bh = await loadAddressRules('BH');
    expect(validatePostalCode(bh, '317')).to.equal('ok');
    expect(validatePostalCode(bh, '1216')).to.equal('ok');
    expect(validatePostalCode(bh, '012')).to.equal('invalid'); // the package accepted it
    expect(validatePostalCode(bh, '1316')).to.equal('invalid');
    expect(validatePostalCode(bh, '31')).to.equal('invalid');
  });

  it('KH: 5 or 6 digits', async () => {
    const kh = await loadAddressRules('KH');
    expect(validatePostalCode(kh, '12203')).to.equal('ok');
    expect(validatePostalCode(kh, '120203')).to.equal('ok'); // the package rejected it
    expect(validatePostalCode(kh, '1220')).to.equal('invalid');
    expect(validatePostalCode(kh, '1202034')).to.equal('invalid');
  });

  it('NL: no leading zero, no SA/SD/SS', async () => {
    const nl = await loadAddressRules('NL');
    expect(validatePostalCode(nl, '1234 AB')).to.equal('ok');
    expect(validatePostalCode(nl, '1234ab')).to.equal('ok');
    expect(validatePostalCode(nl, '1234 SB')).to.equal('ok');
    expect(validatePostalCode(nl, '0123 AB')).to.equal('invalid');
    expect(validatePostalCode(nl, '1234 SA')).to.equal('invalid');
    expect(validatePostalCode(nl, '1234 SS')).to.equal('invalid');
    expect(validatePostalCode(nl, '1234 SD')).to.equal('invalid');
  });

  it('TW: 3, 5 or 6 digits', async () => {
    const tw = await loadAddressRules('TW');
    for (const ok of ['100', '10048', '100048']) expect(validatePostalCode(tw, ok), ok).to.equal('ok');
    for (const bad of ['1004', '1000489', '10']) expect(validatePostalCode(tw, bad), bad).to.equal('invalid');
  });

  for (const [cc, order] of [
    ['EE', ['address', 'postalCode', 'city', 'region']],
    ['LT', ['address', 'postalCode', 'city', 'region']],
    ['LV', ['address', 'region', 'city', 'postalCode']],
    ['RO', ['address', 'postalCode', 'region', 'city']],
  ] as const) {
    it(`${cc}: the address has an optional free-text region`, async () => {
      const fields = addressFields(await loadAddressRules(cc));
      expect(fields.order).to.deep.equal(order);
      expect(fields.region).to.deep.include({ shown: true, required: false, kind: 'text', label: 'province' });
    });
  }

  it('MX: the state is required', async () => {
    const fields = addressFields(await loadAddressRules('MX'));
    expect(fields.region).to.deep.include({ shown: true, required: true, kind: 'select', label: 'state' });
  });

  it('UA: the oblast is optional', async () => {
    const fields = addressFields(await loadAddressRules('UA'));
    expect(fields.region).to.deep.include({ shown: true, required: false, kind: 'select', label: 'oblast' });
    expect(fields.postalCode.required).to.equal(true);
  });

  it('VN: the province is required, the city is not', async () => {
    const fields = addressFields(await loadAddressRules('VN'));
    expect(fields.region).to.deep.include({ shown: true, required: true, kind: 'select' });
    expect(fields.city).to.deep.equal({ shown: true, required: false });
  });

  it('HN: the region is a department, a required text', async () => {
    const fields = addressFields(await loadAddressRules('HN'));
    expect(fields.region).to.deep.include({ shown: true, required: true, kind: 'text', label: 'department' });
  });

  it('TT: an optional free-text postal code with example 500234', async () => {
    const tt = await loadAddressRules('TT');
    const fields = addressFields(tt);
    expect(fields.postalCode).to.deep.include({ shown: true, required: false, label: 'postal', pattern: null, example: '500234' });
    expect(fields.order).to.deep.equal(['address', 'city', 'postalCode']);
    expect(validatePostalCode(tt, '500234')).to.equal('ok');
    expect(validatePostalCode(tt, '')).to.equal('ok');
  });

  it('CL: Ñuble (CL-NB) follows Maule', async () => {
    const codes = (await loadAddressRules('CL')).regions!.map((r) => r.code);
    expect(codes).to.have.length(16);
    expect(codes.slice(codes.indexOf('CL-ML'), codes.indexOf('CL-ML') + 2)).to.deep.equal(['CL-ML', 'CL-NB']);
  });

  it('CO: a list of the 33 ISO codes, required', async () => {
    const co = await loadAddressRules('CO');
    const iso = iso31662.filter((s) => s.parent === 'CO').map((s) => s.code).sort();
    expect(co.regions!.map((r) => r.code).sort()).to.deep.equal(iso);
    expect(co.regions!.find((r) => r.code === 'CO-DC')!.name).to.equal('Distrito Capital de Bogotá');
    expect(addressFields(co).region).to.deep.include({ kind: 'select', required: true, label: 'department' });
  });

  it('IE: Cork is IE-CO, and IE-C (Connacht) is not a county', async () => {
    const codes = (await loadAddressRules('IE')).regions!.map((r) => r.code);
    expect(codes).to.include('IE-CO');
    expect(codes).not.to.include('IE-C');
    expect(codes).to.have.length(26);
  });

  it('IN: IN-DH and IN-LA listed, IN-DD and IN-DN gone; current codes for Chhattisgarh, Odisha, Telangana, Uttarakhand', async () => {
    const codes = (await loadAddressRules('IN')).regions!.map((r) => r.code);
    expect(codes).to.include.members(['IN-DH', 'IN-LA', 'IN-CG', 'IN-OD', 'IN-TS', 'IN-UK']);
    for (const gone of ['IN-DD', 'IN-DN', 'IN-CT', 'IN-OR', 'IN-TG', 'IN-UT']) expect(codes).not.to.include(gone);
    expect(codes).to.have.length(36);
    expect([...codes].sort()).to.deep.equal(iso31662.filter((s) => s.parent === 'IN').map((s) => s.code).sort());
  });

  it('IR: renumbered; IR-00 is Markazi, IR-09 Razavi Khorasan; no IR-31 or IR-32', async () => {
    const ir = await loadAddressRules('IR');
    const byCode = new Map(ir.regions!.map((r) => [r.code, r.latinName]));
    expect(byCode.get('IR-00')).to.equal('Markazi Province');
    expect(byCode.get('IR-09')).to.equal('Razavi Khorasan Province');
    expect(byCode.get('IR-23')).to.equal('Tehran Province');
    expect(byCode.has('IR-31')).to.equal(false);
    expect(byCode.has('IR-32')).to.equal(false);
    expect([...byCode.keys()].sort()).to.deep.equal(iso31662.filter((s) => s.parent === 'IR').map((s) => s.code).sort());
  });

  it('IT: Sud Sardegna (IT-SU) replaces four Sardinian provinces', async () => {
    const codes = (await loadAddressRules('IT')).regions!.map((r) => r.code);
    expect(codes).to.include('IT-SU');
    for (const gone of ['IT-CI', 'IT-OG', 'IT-OT', 'IT-VS']) expect(codes).not.to.include(gone);
    expect(codes).to.have.length(107);
  });

  it('CN: letter codes (CN-BJ Beijing, CN-HK, CN-MO, CN-TW), no numeric ones', async () => {
    const cn = await loadAddressRules('CN');
    const byCode = new Map(cn.regions!.map((r) => [r.code, r.latinName]));
    expect(byCode.get('CN-BJ')).to.equal('Beijing Shi');
    expect(byCode.get('CN-GD')).to.equal('Guangdong Sheng');
    expect(byCode.has('CN-HK') && byCode.has('CN-MO') && byCode.has('CN-TW')).to.equal(true);
    expect([...byCode.keys()].filter((c) => /^CN-\d/.test(c))).to.deep.equal([]);
    expect([...byCode.keys()].sort()).to.deep.equal(iso31662.filter((s) => s.parent === 'CN').map((s) => s.code).sort());
  });
});
