/** Which currency codes exist. No DOM. */

let knownCurrencies: Set<string> | null | undefined;

/**
 * Whether `code` is an ISO 4217 currency code the platform knows (`Intl.supportedValuesOf`):
 * `USD` yes, `XYZ` no. Where the platform cannot list its currencies, any three capital
 * letters pass.
 */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (knownCurrencies === undefined) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    knownCurrencies = supported ? new Set(supported('currency')) : null;
  }
  return knownCurrencies === null || knownCurrencies.has(code);
}
