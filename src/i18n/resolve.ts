/**
 * Locale resolution, loaded lazily by `<billing-provider>` (not part of any element's initial
 * bundle): which shipped or host-registered language serves a requested tag.
 */
// Imports nothing of ours at run time: a module shared with the initial bundle would split into a chunk of its own.
import type { ResolvedLocale } from './index.js';
// Watching `lang` at run time comes with resolution (only this module imports it).
export { observeLang } from './observe-lang.js';

/** The languages that ship with the package (English is the source). */
export const SHIPPED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'ja', 'zh-CN', 'ar', 'he'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

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

/**
 * The catalog language for one requested tag: itself, else the shipped or registered language of the
 * same language and script, preferring the same region (de-AT → de, pt-PT → pt-BR, zh-SG → zh-CN,
 * iw → he; zh-TW, written in Traditional script, finds none). Null when none fits.
 */
export function matchLocale(requested: string, registered: readonly string[] = []): string | null {
  let hit: string | null = null;
  const tag = canonical(requested);
  const want = tag ? maximal(tag) : null;
  if (tag && want) {
    const available = [...registered, ...SHIPPED_LOCALES];
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
  return hit;
}

/** The first requested tag that a shipped or registered language serves; English otherwise. */
export function resolveLocale(requested: readonly (string | null | undefined)[], registered: readonly string[] = []): ResolvedLocale {
  for (const tag of requested) {
    if (!tag) continue;
    const language = matchLocale(tag, registered);
    if (language) return { locale: canonical(tag) ?? language, language, dir: directionOf(language) };
  }
  return { locale: 'en', language: 'en', dir: 'ltr' };
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  const info = maximal(language);
  return info && /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg)$/.test(info.script ?? '') ? 'rtl' : 'ltr';
}

