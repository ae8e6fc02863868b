/**
 * The one localization mechanism: every visible string goes through `msg()` of @lit/localize,
 * with English as the source locale. A host adds locales with `configureLocalization()` from
 * @lit/localize (runtime mode) and every element re-renders on a locale change (`@localized()`).
 * Message ids are stable (`billing.*`), so translations survive rewording of the source.
 */
import { msg, str } from '@lit/localize';

export { localized, msg, str } from '@lit/localize';

/** Texts several elements share; the contract fixes their English wording. */
export const sharedText = {
  noPermission: () =>
    msg("You don't have permission to see payment information", { id: 'billing.noPermission' }),
  update: () => msg('Update', { id: 'billing.update' }),
  loading: () => msg('Loading billing information…', { id: 'billing.loading' }),
  loadFailed: () => msg("We couldn't load your billing information.", { id: 'billing.loadFailed' }),
  retry: () => msg('Try again', { id: 'billing.retry' }),
  payAnotherWayPrefix: () => msg('To pay another way, write to', { id: 'billing.payAnotherWayPrefix' }),
  processingDelay: () =>
    msg('A payment may take up to a full business day to reach your account.', {
      id: 'billing.processingDelay',
    }),
  days: (count: number) => (count === 1 ? msg('1 day', { id: 'billing.day' }) : msg(str`${count} days`, { id: 'billing.days' })),
  noProvider: (tag: string) =>
    msg(str`<${tag}> must be placed inside <billing-provider>.`, { id: 'billing.noProvider' }),
};

/** The viewer's locale: the closest `lang` attribute, else the document's, else the browser's. */
export function resolveLocale(element?: Element): string {
  const lang = element?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  const candidate = lang || navigator.language || 'en-US';
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
