/**
 * Types of the per-country address rules. No DOM, no runtime imports: the generated data
 * modules (`data/<CC>.ts`) and `overrides.ts` import only types from here.
 */

/**
 * The word a country uses for its first-level subdivision (Google's `state_name_type`).
 * The element shows State, Province, Prefecture, County, Emirate, Island, Parish,
 * Department, District, Do/Si, Oblast, Area.
 */
export type RegionLabel =
  | 'area'
  | 'county'
  | 'department'
  | 'district'
  | 'do_si'
  | 'emirate'
  | 'island'
  | 'oblast'
  | 'parish'
  | 'prefecture'
  | 'province'
  | 'state';

/** The word a country uses for its postal code (Google's `zip_name_type`): ZIP code, Postal code, PIN code, Eircode. */
export type PostalLabel = 'eircode' | 'pin' | 'postal' | 'zip';

export const REGION_LABELS: readonly RegionLabel[] = [
  'area',
  'county',
  'department',
  'district',
  'do_si',
  'emirate',
  'island',
  'oblast',
  'parish',
  'prefecture',
  'province',
  'state',
];

export const POSTAL_LABELS: readonly PostalLabel[] = ['eircode', 'pin', 'postal', 'zip'];

/** One first-level subdivision of a country. */
export interface AddressRegion {
  /** ISO 3166-2 code (`US-CA`, `JP-13`) where one is known, else Google's key for the region. */
  readonly code: string;
  /** The name in the country's own language (Google's `sub_names`, else `sub_keys`). */
  readonly name: string;
  /** The Latin-script name (Google's `sub_lnames`), only when it differs from `name`. */
  readonly latinName?: string;
}

/** Everything the billing form needs to know about one country's postal address. */
export interface CountryAddressRules {
  /** ISO 3166-1 alpha-2 (upper case). */
  readonly country: string;
  /** Google's address format: `%A` street, `%C` city, `%S` region, `%Z` postal code, `%n` new line … */
  readonly format: string;
  /** Letters of the required fields (`A` street, `C` city, `S` region, `Z` postal code, …). */
  readonly require: string;
  /** Letters of the fields written in upper case on an envelope. */
  readonly upper: string;
  /** The country's main language for region names (BCP 47), when Google names one. */
  readonly lang: string | null;
  /** The region's word; `null` when the country's address has no region (`%S` not in `format`). */
  readonly regionLabel: RegionLabel | null;
  /** The postal code's word; `null` when the country's address has no postal code (`%Z` not in `format`). */
  readonly postalLabel: PostalLabel | null;
  /** Google's postal-code regular expression, unanchored (it must match the whole value). */
  readonly postalPattern: string | null;
  /** One valid postal code, for placeholders and hints. */
  readonly postalExample: string | null;
  /** The subdivisions in Google's order when they are known (a list), `null` for free text or no region. */
  readonly regions: readonly AddressRegion[] | null;
  /** `true` only for the built-in rules used when Google has no metadata for the country. */
  readonly fallback?: boolean;
}
