/**
 * The library's own localization: one locale per `<billing-provider>`, never a page-global one, so
 * a host page may run any i18n library (even @lit/localize) for its own strings beside this one.
 *
 * - Every visible string goes through `msg(english, { id, args })`: `english` is the source text in
 *   ICU MessageFormat (`{name}` placeholders, `{count, plural, one {# day} other {# days}}`),
 *   `id` a stable key (`billing.*`) that translations and host overrides use.
 * - The ten shipped translations are compiled from `xliff/<locale>.xlf` by `scripts/i18n.mjs` into
 *   `src/i18n/locales/<locale>.ts` (ICU parsed at build time), each loaded with `import()` when a
 *   provider first needs it.
 * - Hosts override or add messages, and add whole languages, with `registerMessages()`.
 * - In right-to-left languages placeholders are wrapped in FSI…PDI (U+2068…U+2069), so an amount,
 *   a date or an email inside a sentence keeps its own direction.
 */
import type { BillingErrorCode } from '../domain/errors.js';
import { parse } from './parse.js';
import type { CompiledMessage } from './types.js';

export type { CompiledMessage, MessageNode } from './types.js';
export { parse } from './parse.js';
export type MessageValue = string | number;

/** The languages that ship with the package (English is the source). */
export const SHIPPED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'ja', 'zh-CN', 'ar', 'he'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

type Catalog = Record<string, CompiledMessage>;

const loaders: Record<Exclude<ShippedLocale, 'en'>, () => Promise<{ default: Catalog }>> = {
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

/** Loaded shipped catalogs, and what hosts registered (both by language tag as given). */
const catalogs = new Map<string, Catalog>([['en', {}]]);
const registered = new Map<string, Map<string, CompiledMessage>>();
const listeners = new Set<() => void>();

/**
 * Adds or overrides messages by id for a language, e.g.
 * `registerMessages('de', { 'billing.update': 'Karte aktualisieren' })`, or a whole new language:
 * `registerMessages('sv', { … })` (ids missing there fall back to English). Values are ICU
 * MessageFormat strings with the English source's placeholders. Every element re-renders.
 */
export function registerMessages(locale: string, messages: Record<string, string>): void {
  const tag = canonical(locale) ?? locale;
  let table = registered.get(tag);
  if (!table) registered.set(tag, (table = new Map()));
  for (const [id, text] of Object.entries(messages)) table.set(id, parse(text));
  matches.clear();
  for (const listener of listeners) listener();
}

/** Called after every `registerMessages()` (providers re-render their elements). @internal */
export function onMessagesChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function maximal(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return null;
  }
}

const matches = new Map<string, string | null>();

/**
 * The catalog language for one requested tag: itself, else the shipped or registered language of the
 * same language and script, preferring the same region (de-AT → de, pt-PT → pt-BR, zh-SG → zh-CN,
 * iw → he; zh-TW, written in Traditional script, finds none). Null when none fits.
 */
export function matchLocale(requested: string): string | null {
  let hit = matches.get(requested);
  if (hit !== undefined) return hit;
  hit = null;
  const tag = canonical(requested);
  const want = tag ? maximal(tag) : null;
  if (tag && want) {
    const available = [...registered.keys(), ...SHIPPED_LOCALES];
    const lower = tag.toLowerCase();
    hit = available.find((a) => a.toLowerCase() === lower) ?? null;
    if (!hit) {
      const same = available.filter((a) => {
        const have = maximal(a);
        return have !== null && have.language === want.language && have.script === want.script;
      });
      hit = same.find((a) => maximal(a)?.region === want.region) ?? same[0] ?? null;
    }
  }
  matches.set(requested, hit);
  return hit;
}

/** What a provider resolved: `locale` formats money, dates and names; `language` picks the texts. */
export interface ResolvedLocale {
  /** The BCP 47 tag for Intl (the requested tag when its language is available, else `en`). */
  readonly locale: string;
  /** The catalog: a shipped or registered language tag (`en` when nothing requested fits). */
  readonly language: string;
  readonly dir: 'ltr' | 'rtl';
}

/** The first requested tag that a shipped or registered language serves; English otherwise. */
export function resolveLocale(requested: readonly (string | null | undefined)[]): ResolvedLocale {
  for (const tag of requested) {
    if (!tag) continue;
    const language = matchLocale(tag);
    if (language) return { locale: canonical(tag) ?? language, language, dir: directionOf(language) };
  }
  return { locale: 'en', language: 'en', dir: 'ltr' };
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

function directionOf(language: string): 'ltr' | 'rtl' {
  const info = maximal(language);
  return info && /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg)$/.test(info.script ?? '') ? 'rtl' : 'ltr';
}

/** Loads a shipped language's catalog once (English and registered languages need none). */
export function loadLanguage(language: string): Promise<void> | null {
  if (catalogs.has(language) || !(language in loaders)) return null;
  return loaders[language as keyof typeof loaders]().then((module) => {
    catalogs.set(language, module.default);
  });
}

/** A shipped language's compiled catalog, once loaded (tests and tools). */
export function shippedCatalog(language: string): Readonly<Record<string, CompiledMessage>> | undefined {
  return catalogs.get(language);
}

/** Whether a language's texts are ready to render without a wait. */
export function isLanguageReady(language: string): boolean {
  return catalogs.has(language) || !(language in loaders);
}

// ── Formatting ─────────────────────────────────────────────────────────────────────────────

interface Active {
  locale: string;
  language: string;
  dir?: 'ltr' | 'rtl';
}
const english: Active = { locale: 'en', language: 'en', dir: 'ltr' };
let active: Active = english;

/**
 * Runs `render` with `resolved`'s texts and formats: an element's whole render happens inside,
 * so every `msg()` it calls speaks its provider's language, whatever other providers on the page use.
 */
export function withLocale<T>(resolved: Active | null | undefined, render: () => T): T {
  const previous = active;
  active = resolved ?? english;
  try {
    return render();
  } finally {
    active = previous;
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

function render(message: CompiledMessage, args: Record<string, MessageValue>, locale: string, isolate: boolean, count?: number): string {
  if (typeof message === 'string') return message;
  let out = '';
  for (const node of message) {
    if (typeof node === 'string') out += node;
    else if (node === 0) out += count === undefined ? '#' : formatNumber(count, locale);
    else if (node.length === 1) {
      const value = args[node[0]];
      const text = typeof value === 'number' ? formatNumber(value, locale) : (value ?? `{${node[0]}}`);
      out += isolate ? FSI + text + PDI : text;
    } else {
      const value = Number(args[node[0]]);
      const branches = node[1];
      const branch = branches[`=${value}`] ?? branches[category(value, locale)] ?? branches['other'] ?? '';
      out += render(branch, args, locale, isolate, value);
    }
  }
  return out;
}

/**
 * The text of message `id` in the active language: a host's registered text, else the shipped
 * translation, else `english` (the ICU source). `args` fill its placeholders.
 */
export function msg(english: string, options: { id: string; args?: Record<string, MessageValue> }): string {
  const { language, locale, dir } = active;
  const compiled =
    registered.get(language)?.get(options.id) ?? catalogs.get(language)?.[options.id] ?? registered.get('en')?.get(options.id) ?? parse(english);
  // Placeholders (amounts, dates, numbers, emails) are isolated in right-to-left text, where their
  // own direction would otherwise reorder the sentence around them.
  return render(compiled, options.args ?? {}, language === 'en' || !isFallback(options.id) ? locale : 'en', dir === 'rtl');
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

/** What a failed load says, by the error's code (never the adapter's or server's own words). */
export function loadErrorText(code: BillingErrorCode): string {
  switch (code) {
    case 'network':
      return msg("We couldn't reach the billing service. Check your connection, then try again.", { id: 'billing.load.network' });
    case 'timeout':
      return msg('The billing service took too long to answer.', { id: 'billing.load.timeout' });
    case 'unauthorized':
      return msg("You aren't signed in, or your session has ended. Sign in again, then try again.", { id: 'billing.load.unauthorized' });
    case 'rate_limited':
      return msg('Too many requests in a short time. Wait a minute, then try again.', { id: 'billing.load.rateLimited' });
    case 'invalid_response':
      return msg("The billing service sent an answer we couldn't read.", { id: 'billing.load.invalidResponse' });
    case 'server':
      return msg('The billing service had a problem. Try again in a few minutes.', { id: 'billing.load.server' });
    default:
      return msg('Try again in a few minutes.', { id: 'billing.load.other' });
  }
}
