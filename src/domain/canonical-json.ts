/** Canonical JSON: one text for equal data, whatever the key order. No DOM. */

/**
 * JSON with object keys sorted at every depth and `undefined` members left out (`undefined`
 * array items become `null`, as in `JSON.stringify`). Used for the browser's submission
 * fingerprint (idempotency) and the reference server's request fingerprint alike.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}
