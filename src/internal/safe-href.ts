import type { ReactiveElement } from 'lit';

/** The schemes a link of ours may use; anything else (javascript:, data:, vbscript:, file: …) is dropped. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

/**
 * `value` when it is an http(s) or relative URL, else undefined. Parsed the way the browser
 * will follow it (the URL parser strips leading/trailing control characters and spaces, tabs
 * and newlines anywhere, and lower-cases the scheme), so `" JaVa\tScript:…"` is caught too.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    // A base with an allowed scheme: relative URLs keep it, absolute ones bring their own.
    url = new URL(value, 'https://relative.invalid/');
  } catch {
    return undefined;
  }
  return ALLOWED_SCHEMES.has(url.protocol) ? value : undefined;
}

/**
 * Makes `name` a link property (`update-href`, `terms-href`): it keeps only an http(s) or relative
 * URL; anything else is dropped (the element then renders no link and follows no href) with a
 * developer `console.warn` naming the attribute. Applies to the attribute and to the property
 * (frameworks set either). Called from the element's static block, before Lit finalizes the class,
 * so the reactive property declared in `static properties` wraps this accessor:
 *
 * ```ts
 * static override properties = { termsHref: { attribute: 'terms-href' } };
 * static {
 *   safeHrefProperty(this.prototype, 'termsHref', 'terms-href');
 * }
 * ```
 */
export function safeHrefProperty(prototype: ReactiveElement, name: string, attribute: string): void {
  const key = Symbol(name);
  type Host = ReactiveElement & Record<symbol, string | undefined>;
  Object.defineProperty(prototype, name, {
    get(this: Host) {
      return this[key];
    },
    set(this: Host, value: unknown) {
      const safe = safeHref(value);
      if (safe === undefined && value != null && value !== '') {
        console.warn(`<${this.localName}> ignored ${attribute}: only http(s) and relative URLs are allowed (got ${JSON.stringify(String(value).slice(0, 40))}).`);
      }
      this[key] = safe;
    },
    configurable: true,
    enumerable: true,
  });
}
