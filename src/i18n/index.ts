/**
 * The library's own localization: one locale per `<billing-provider>`, never a page-global one, so
 * a host page may run any i18n library (even @lit/localize) for its own strings beside this one.
 *
 * - Every visible string goes through `msg(english, { id, args })`: `english` is the source text in
 *   ICU MessageFormat (`{name}` placeholders, `{count, plural, one {# day} other {# days}}`),
 *   `id` a stable key (`billing.*`) that translations and host overrides use.
 * - The ten shipped translations are compiled from `xliff/<locale>.xlf` by `scripts/i18n.mjs` into
 *   `src/i18n/locales/<locale>.ts` (ICU checked with the full parser of parse.ts at build time:
 *   placeholders, plural categories, syntax), each loaded with `import()` when a provider first
 *   needs it. At run time a few regular expressions fill the checked messages in.
 * - Hosts override or add messages, and add whole languages, with `registerMessages()`.
 * - In right-to-left languages placeholders are wrapped in FSI…PDI (U+2068…U+2069), so an amount,
 *   a date or an email inside a sentence keeps its own direction.
 */
import type { BillingErrorCode } from '../domain/errors.js';
export type MessageValue = string | number;

import type { ShippedLocale } from './resolve.js';

type Catalog = Record<string, string>;

type Loader = () => Promise<{ default: Catalog }>;

/** The texts every element needs, per language; the form's own texts register with the form (see addCatalogs). */
const core: Record<Exclude<ShippedLocale, 'en'>, Loader> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  it: () => import('./locales/it.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  nl: () => import('./locales/nl.js'),
  ja: () => import('./locales/ja.js'),
  'zh-CN': () => import('./locales/zh-CN.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
};

/** Loaded shipped catalogs (parts merged), and what hosts registered (both by language tag). */
const catalogs = new Map<string, Catalog>();
/** Catalog parts not loaded yet, per language; loads in flight. */
const unloaded = new Map<string, Loader[]>();
const loading = new Map<string, Promise<void>>();
const registered = new Map<string, Map<string, string>>();
const listeners = new Set<() => void>();

/**
 * Adds or overrides messages by id for a language, e.g.
 * `registerMessages('de', { 'billing.update': 'Karte aktualisieren' })`, or a whole new language:
 * `registerMessages('sv', { … })` (ids missing there fall back to English). Values are ICU
 * MessageFormat strings with the English source's placeholders. Every element re-renders.
 */
export function registerMessages(locale: string, messages: Record<string, string>): void {
  let tag = locale;
  try {
    tag = Intl.getCanonicalLocales(locale)[0] ?? locale;
  } catch {
    // kept as given
  }
  let table = registered.get(tag);
  if (!table) registered.set(tag, (table = new Map()));
  for (const [id, text] of Object.entries(messages)) table.set(id, text);
  for (const listener of listeners) listener();
}

/** Called after every `registerMessages()` (providers re-render their elements). @internal */
export function onMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What a provider resolved: `locale` formats money, dates and names; `language` picks the texts. */
export interface ResolvedLocale {
  /** The BCP 47 tag for Intl (the requested tag when its language is available, else `en`). */
  readonly locale: string;
  /** The catalog: a shipped or registered language tag (`en` when nothing requested fits). */
  readonly language: string;
  readonly dir: 'ltr' | 'rtl';
}

const english: ResolvedLocale = { locale: 'en', language: 'en', dir: 'ltr' };
/** What providers resolved (resolve.ts, loaded lazily), by the locale they publish. */
const resolutions = new Map<string, ResolvedLocale>([['en', english]]);

/** Remembers a provider's resolution, so its elements find their language and direction by its locale. @internal */
export function remember(resolved: ResolvedLocale): void {
  resolutions.set(resolved.locale, resolved);
}

/** The language and direction of a locale a provider published (English for any other). */
export function resolvedFor(locale: string | undefined): ResolvedLocale {
  return (locale && resolutions.get(locale)) || english;
}

/** The languages hosts registered. @internal */
export function registeredLanguages(): string[] {
  return [...registered.keys()];
}

/** What an element asks for: the provider's `locale`, else the nearest `lang`, else the browser's. */
export function requestedLocales(element: Element, locale: string | undefined): readonly string[] {
  if (locale) return [locale];
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang');
      if (lang) return [lang];
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

/**
 * Adds lazily loaded parts of the shipped catalogs (the form's texts load with the form). Every
 * provider then loads the parts of its language. @internal
 */
export function addCatalogs(parts: Record<string, Loader>): void {
  for (const [language, loader] of Object.entries(parts)) unloaded.set(language, [...(unloaded.get(language) ?? []), loader]);
  for (const listener of listeners) listener();
}
addCatalogs(core);

/** Loads what is missing of a shipped language's catalog (null when nothing is: English, a host's language). */
export function loadLanguage(language: string): Promise<void> | null {
  const parts = unloaded.get(language);
  if (parts) {
    unloaded.delete(language);
    const previous = loading.get(language)?.catch(() => undefined);
    const done = Promise.all([previous, ...parts.map((load) => load())]).then(([, ...modules]) => {
      catalogs.set(language, Object.assign({}, catalogs.get(language), ...modules.map((m) => m.default)));
    });
    loading.set(language, done);
    // A part that failed to load is tried again next time.
    done.catch(() => unloaded.set(language, [...parts, ...(unloaded.get(language) ?? [])]));
  }
  return loading.get(language) ?? null;
}

/** Resolves when every catalog part in flight has loaded (or failed). */
export function catalogsSettled(): Promise<unknown> {
  return Promise.allSettled(loading.values());
}

/** A shipped language's compiled catalog, once loaded (tests and tools). */
export function shippedCatalog(language: string): Readonly<Record<string, string>> | undefined {
  return catalogs.get(language);
}


// ── Formatting ─────────────────────────────────────────────────────────────────────────────

let active: ResolvedLocale = english;
/** Where the render under way collects the texts that fell back to English (fallback-lang.ts). */
let fallbacks: Set<string> | undefined;

/**
 * Runs `render` with `resolved`'s texts and formats: an element's whole render happens inside,
 * so every `msg()` it calls speaks its provider's language, whatever other providers on the page use.
 * Each text that falls back to English is added to `fallen` (to mark it `lang="en"`).
 */
export function withLocale<T>(resolved: ResolvedLocale | null | undefined, render: () => T, fallen?: Set<string>): T {
  const previous = active;
  const previousFallbacks = fallbacks;
  active = resolved ?? english;
  fallbacks = fallen;
  try {
    return render();
  } finally {
    active = previous;
    fallbacks = previousFallbacks;
  }
}

/** The locale of the render under way (for Intl formatting beside `msg()`). */
export function activeLocale(): string {
  return active.locale;
}

/** Whether a message id has a text in the active language other than the English source. */
export function isFallback(id: string): boolean {
  const { language } = active;
  return language !== 'en' && !registered.get(language)?.has(id) && !(catalogs.get(language)?.[id] !== undefined);
}

const FSI = '\u2068';
const PDI = '\u2069';
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

function category(value: number, locale: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(value);
}

/** `{name, plural, =0 {…} one {…} other {…}}`: a plural whose branches may hold `{placeholders}`. */
const PLURAL = /\{(\w+),\s*plural,\s*((?:[^{}]|\{(?:[^{}]|\{\w+\})*\})*)\}/g;
const BRANCH = /(=\d+|\w+)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

/** Fills a message in: plurals first (their `#` is the number), then `{placeholders}`. */
function format(message: string, args: Record<string, MessageValue>, locale: string, isolate: boolean): string {
  return message
    .replace(PLURAL, (_, name: string, body: string) => {
      const value = Number(args[name]);
      const branches: Record<string, string> = {};
      for (const [, key, text] of body.matchAll(BRANCH)) branches[key!] = text!;
      const branch = branches[`=${value}`] ?? branches[category(value, locale)] ?? branches['other'] ?? '';
      return branch.replace(/#/g, formatNumber(value, locale));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = args[name];
      if (value === undefined) return whole;
      const text = typeof value === 'number' ? formatNumber(value, locale) : value;
      return isolate ? FSI + text + PDI : text;
    });
}

/**
 * The text of message `id` in the active language: a host's registered text, else the shipped
 * translation, else `english` (the ICU source). `args` fill its placeholders.
 */
export function msg(english: string, options: { id: string; args?: Record<string, MessageValue> }): string {
  const { language, locale, dir } = active;
  const message = registered.get(language)?.get(options.id) ?? catalogs.get(language)?.[options.id] ?? registered.get('en')?.get(options.id) ?? english;
  const fallback = language !== 'en' && isFallback(options.id);
  // Placeholders (amounts, dates, numbers, emails) are isolated in right-to-left text, where their
  // own direction would otherwise reorder the sentence around them.
  const text = format(message, options.args ?? {}, fallback ? 'en' : locale, dir === 'rtl');
  if (fallback) fallbacks?.add(text);
  return text;
}

/** Texts several elements share; the contract fixes their English wording. */
export const sharedText = {
  noPermission: () => msg("You don't have permission to see payment information", { id: 'billing.noPermission' }),
  update: () => msg('Update', { id: 'billing.update' }),
  loading: () => msg('Loading billing information…', { id: 'billing.loading' }),
  loadFailed: () => msg("We couldn't load your billing information.", { id: 'billing.loadFailed' }),
  retry: () => msg('Try again', { id: 'billing.retry' }),
  payAnotherWay: (email: string) => msg('To pay another way, write to {email}.', { id: 'billing.payAnotherWay', args: { email } }),
  processingDelay: () =>
    msg('A payment may take up to a full business day to reach your account.', {
      id: 'billing.processingDelay',
    }),
  noProvider: (tag: string) => msg('<{tag}> must be placed inside <billing-provider>.', { id: 'billing.noProvider', args: { tag } }),
};

/** What goes between two sentences: a space, or nothing in Japanese and Chinese (they end with 。). */
export function sentenceGap(): string {
  return /^(ja|zh)/.test(active.language) ? '' : ' ';
}

/** What a failed load adds, by the error's code (never the adapter's or server's own words). */
export function loadErrorText(code: BillingErrorCode): string {
  if (code === 'unauthorized') return msg("You aren't signed in, or your session has ended. Sign in again, then try again.", { id: 'billing.load.unauthorized' });
  if (code === 'network' || code === 'timeout') return msg('Check your connection, then try again.', { id: 'billing.load.connection' });
  return msg('Try again in a few minutes.', { id: 'billing.load.other' });
}
