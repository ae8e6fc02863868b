/**
 * Per-country postal address rules for the billing form: which fields a country's address has,
 * in which order, which are required, the region list and the postal-code pattern.
 *
 * The rules come from Google's address metadata (libaddressinput), compiled by
 * `scripts/build-address-data.mjs` into one small module per country under `data/`, loaded
 * lazily (each country is its own chunk) by `loadAddressRules`. No DOM.
 */
import { BillingError } from '../errors.js';
import type { PostalAddress } from '../types.js';
import type { AddressRegion, CountryAddressRules, PostalLabel, RegionLabel } from './types.js';
import { COUNTRY_CODES, COUNTRIES_WITHOUT_METADATA } from './data/countries.js';
import { RULES_LOADERS } from './data/loaders.js';

export type { AddressRegion, CountryAddressRules, PostalLabel, RegionLabel } from './types.js';
export { POSTAL_LABELS, REGION_LABELS } from './types.js';
export { COUNTRY_CODES, COUNTRIES_WITHOUT_METADATA };

// ── Loading ─────────────────────────────────────────────────────────────────────────────────

const cache = new Map<string, Promise<CountryAddressRules>>();
const loaded = new Map<string, CountryAddressRules>();

/** Rules for a country Google has no metadata for: no region, an optional free-text postal code. */
export function fallbackAddressRules(country: string): CountryAddressRules {
  return {
    country,
    format: '%N%n%O%n%A%n%C%n%Z',
    require: 'AC',
    upper: 'C',
    lang: null,
    regionLabel: null,
    postalLabel: 'postal',
    postalPattern: null,
    postalExample: null,
    regions: null,
    fallback: true,
  };
}

/** Whether Google's metadata covers the country (else `loadAddressRules` gives the fallback rules). */
export function hasAddressMetadata(country: string): boolean {
  return Object.hasOwn(RULES_LOADERS, country.toUpperCase());
}

/**
 * The address rules of one country (ISO 3166-1 alpha-2, any case). Loads only that country's
 * module, once; later calls share the result. Countries without Google metadata get
 * `fallbackAddressRules`. Rejects with a `BillingError` for a code that is not two letters
 * (`invalid_request`) or when the module cannot be fetched (`network`; a later call retries).
 */
export function loadAddressRules(country: string): Promise<CountryAddressRules> {
  const cc = typeof country === 'string' ? country.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(cc)) {
    return Promise.reject(new BillingError('invalid_request', `country must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(country)}`));
  }
  let pending = cache.get(cc);
  if (!pending) {
    const loader = Object.hasOwn(RULES_LOADERS, cc) ? RULES_LOADERS[cc] : undefined;
    pending = loader
      ? loader().then(
          (module) => module.default,
          (cause: unknown) => {
            cache.delete(cc);
            throw new BillingError('network', `Could not load the address rules for country ${cc}`, { cause });
          },
        )
      : Promise.resolve(fallbackAddressRules(cc));
    pending.then((rules) => loaded.set(cc, rules), () => undefined);
    cache.set(cc, pending);
  }
  return pending;
}

/** The rules of a country already loaded by `loadAddressRules`, synchronously; else `undefined`. */
export function peekAddressRules(country: string): CountryAddressRules | undefined {
  return loaded.get(country.trim().toUpperCase());
}

// ── Countries ───────────────────────────────────────────────────────────────────────────────

export interface CountryOption {
  code: string;
  name: string;
}

const countryOptionsCache = new Map<string, readonly CountryOption[]>();

/**
 * Every ISO 3166-1 country, named in `locale` by `Intl.DisplayNames` and sorted by
 * `Intl.Collator(locale)`. A code the browser cannot name is shown as the code.
 */
export function countryOptions(locale: string): CountryOption[] {
  let options = countryOptionsCache.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(locale);
    options = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort(
      (a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1),
    );
    countryOptionsCache.set(locale, options);
  }
  return options.map((o) => ({ ...o }));
}

// ── Fields ──────────────────────────────────────────────────────────────────────────────────

/** The form's address fields that depend on the country (line 1 and 2 make up `address`). */
export type AddressFieldName = 'address' | 'city' | 'region' | 'postalCode';

export interface RegionOption {
  /** The value to submit: the region's code (ISO 3166-2 where known). */
  code: string;
  /** The name to show. */
  name: string;
}

export interface CityField {
  shown: boolean;
  required: boolean;
}

export type RegionField =
  | { shown: false; required: false }
  | { shown: true; required: boolean; label: RegionLabel; kind: 'select'; options: RegionOption[] }
  | { shown: true; required: boolean; label: RegionLabel; kind: 'text' };

export type PostalCodeField =
  | { shown: false; required: false }
  | {
      shown: true;
      required: boolean;
      label: PostalLabel;
      /** Anchored and case-insensitive; `null` when any text is accepted. */
      pattern: RegExp | null;
      example: string | null;
    };

export interface AddressFields {
  /** The fields in the order the country writes them (only fields that are shown). */
  order: AddressFieldName[];
  city: CityField;
  region: RegionField;
  postalCode: PostalCodeField;
}

const TOKENS: Record<string, AddressFieldName> = { A: 'address', C: 'city', S: 'region', Z: 'postalCode' };

function hasToken(rules: CountryAddressRules, token: string): boolean {
  return rules.format.includes(`%${token}`);
}

function requires(rules: CountryAddressRules, token: string): boolean {
  return hasToken(rules, token) && rules.require.includes(token);
}

/**
 * The region name to show in `locale`: the country's own name when the locale speaks the
 * country's language, else the Latin-script name where Google has one.
 */
export function regionDisplayName(rules: CountryAddressRules, region: AddressRegion, locale?: string): string {
  if (!region.latinName) return region.name;
  const language = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();
  return locale !== undefined && rules.lang !== null && language(locale) === language(rules.lang) ? region.name : region.latinName;
}

const patterns = new WeakMap<CountryAddressRules, RegExp | null>();

/** The anchored, case-insensitive postal-code expression of a country, or `null`. */
export function postalCodePattern(rules: CountryAddressRules): RegExp | null {
  let pattern = patterns.get(rules);
  if (pattern === undefined) {
    pattern = rules.postalLabel !== null && rules.postalPattern !== null ? new RegExp(`^(?:${rules.postalPattern})$`, 'i') : null;
    patterns.set(rules, pattern);
  }
  return pattern;
}

/**
 * Which country-dependent fields the form shows, in the country's order, and which are
 * required. Region options carry names for `locale` (see `regionDisplayName`).
 */
export function addressFields(rules: CountryAddressRules, options: { locale?: string } = {}): AddressFields {
  const order: AddressFieldName[] = [];
  for (const match of rules.format.matchAll(/%([A-Za-z])/g)) {
    const name = TOKENS[match[1]!];
    if (name && !order.includes(name)) order.push(name);
  }

  const city: CityField = { shown: hasToken(rules, 'C'), required: requires(rules, 'C') };

  let region: RegionField = { shown: false, required: false };
  if (rules.regionLabel !== null && hasToken(rules, 'S')) {
    const required = requires(rules, 'S');
    region = rules.regions
      ? {
          shown: true,
          required,
          label: rules.regionLabel,
          kind: 'select',
          options: rules.regions.map((r) => ({ code: r.code, name: regionDisplayName(rules, r, options.locale) })),
        }
      : { shown: true, required, label: rules.regionLabel, kind: 'text' };
  }

  let postalCode: PostalCodeField = { shown: false, required: false };
  if (rules.postalLabel !== null && hasToken(rules, 'Z')) {
    postalCode = {
      shown: true,
      required: requires(rules, 'Z'),
      label: rules.postalLabel,
      pattern: postalCodePattern(rules),
      example: rules.postalExample,
    };
  }

  return { order, city, region, postalCode };
}

// ── Validation ──────────────────────────────────────────────────────────────────────────────

export type FieldCheck = 'ok' | 'required' | 'invalid';

/**
 * Checks a postal code against the country: trims it, then `required` when empty but
 * required, `invalid` when it does not match the whole pattern (case-insensitively), else
 * `ok`. A country without postal codes accepts anything (the field is not shown).
 */
export function validatePostalCode(rules: CountryAddressRules, value: string | null | undefined): FieldCheck {
  if (rules.postalLabel === null || !hasToken(rules, 'Z')) return 'ok';
  const text = (value ?? '').trim();
  if (text === '') return requires(rules, 'Z') ? 'required' : 'ok';
  const pattern = postalCodePattern(rules);
  return pattern === null || pattern.test(text) ? 'ok' : 'invalid';
}

/** Trims a postal code, collapses inner white space and upper-cases it (for submission). */
export function normalizePostalCode(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toUpperCase();
}

const ISO_3166_2 = /^([A-Z]{2})-[A-Z0-9]{1,3}$/i;

/**
 * Finds a region of the country's list from a code (`US-CA`, any case), an ISO code without
 * the country (`CA`), or a name (`California`, `東京都`, `Tokyo`; case-insensitive) — e.g. what
 * browser autofill puts in `address-level1`. `undefined` when there is no list or no match.
 */
export function matchRegion(rules: CountryAddressRules, value: string | null | undefined): AddressRegion | undefined {
  const text = (value ?? '').trim();
  if (!rules.regions || text === '') return undefined;
  const lower = (a: string) => a.toLocaleLowerCase('en');
  const wanted = lower(text);
  const same = (a: string | undefined) => a !== undefined && lower(a) === wanted;
  const prefixed = lower(`${rules.country}-${text}`);
  return (
    rules.regions.find((r) => same(r.code)) ??
    (ISO_3166_2.test(text) ? undefined : rules.regions.find((r) => lower(r.code) === prefixed)) ??
    rules.regions.find((r) => same(r.name) || same(r.latinName))
  );
}

/**
 * Checks a region value: `required` when empty but required; for a list, `invalid` unless the
 * value is one of the list's codes; a text region accepts any text. A country without a
 * region accepts anything (the field is not shown).
 */
export function validateRegion(rules: CountryAddressRules, value: string | null | undefined): FieldCheck {
  if (rules.regionLabel === null || !hasToken(rules, 'S')) return 'ok';
  const text = (value ?? '').trim();
  if (text === '') return requires(rules, 'S') ? 'required' : 'ok';
  if (!rules.regions) return 'ok';
  return rules.regions.some((r) => r.code === text) ? 'ok' : 'invalid';
}

/**
 * The address to keep when the country changes to `newRules.country`: line 1, line 2 and
 * city stay; the postal code stays only when the new country has one and it is valid there;
 * the region stays only when the new country has a region and the value belongs to it
 * (a list: one of its regions, given as code or name, returned as the code; free text: any
 * text except a region code of another country, or a value picked from `oldRules`' list of
 * another country). Cleared fields are `''`.
 */
export function normalizeAddressForCountry(
  oldValues: Partial<PostalAddress>,
  newRules: CountryAddressRules,
  oldRules?: CountryAddressRules,
): Required<PostalAddress> {
  const country = newRules.country;
  const postal = (oldValues.postalCode ?? '').trim();
  const keepPostal = newRules.postalLabel !== null && postal !== '' && validatePostalCode(newRules, postal) === 'ok';

  let region = '';
  const oldRegion = (oldValues.region ?? '').trim();
  if (oldRegion !== '' && newRules.regionLabel !== null && hasToken(newRules, 'S')) {
    if (newRules.regions) {
      region = matchRegion(newRules, oldRegion)?.code ?? '';
    } else {
      const iso = ISO_3166_2.exec(oldRegion);
      const foreignCode = iso !== null && iso[1]!.toUpperCase() !== country;
      const fromOtherList = oldRules !== undefined && oldRules.country !== country && oldRules.regions !== null;
      region = foreignCode || fromOtherList ? '' : oldRegion;
    }
  }

  return {
    country,
    line1: oldValues.line1 ?? '',
    line2: oldValues.line2 ?? '',
    city: oldValues.city ?? '',
    region,
    postalCode: keepPostal ? postal : '',
  };
}
