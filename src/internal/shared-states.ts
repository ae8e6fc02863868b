import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { BillingContextValue } from '../context/billing-context.js';
import { loadErrorText, sentenceGap, sharedText } from '../i18n/index.js';

/**
 * What every billing element shows before (or instead of) itself: no provider, loading, the load
 * error with Try again, no permission, and the pay-another-way note. Functions rather than methods
 * of the consumer base, so an entry pays only for those its shell renders (the suspension modal's
 * shell renders none: its lazily loaded view does).
 */

/**
 * The shared states of `element`, or null when the snapshot is ready and the element renders itself.
 * `options.quiet` renders nothing instead of loading / error messages (banners, the modal).
 */
export function renderSharedState(
  element: HTMLElement,
  billing: BillingContextValue | undefined,
  options: { quiet?: boolean } = {},
): TemplateResult | typeof nothing | null {
  if (!billing && (isServer || insideProvider(element))) {
    // The provider element is there but not defined yet: it connects as soon as it is. During a
    // server render no context can connect and there is no tree to look up: render what the
    // page shows until it hydrates, never the developer error.
    return options.quiet ? nothing : html`<p part="loading" class="loading" role="status">${sharedText.loading()}</p>`;
  }
  if (!billing) {
    return html`<p part="developer-error" class="developer-error" role="alert">
      ${sharedText.noProvider(element.localName)}
    </p>`;
  }
  const { status, snapshot, error } = billing.state;
  if (snapshot) return null;
  if (options.quiet) return nothing;
  if (status === 'error' && error) {
    return html`<div part="load-error" class="notice notice--error" role="alert">
      <p>${sharedText.loadFailed()}${sentenceGap()}${loadErrorText(error.code)}</p>
      <button part="retry" class="button button--secondary" type="button" @click=${() => void billing.actions.refresh()}>
        ${sharedText.retry()}
      </button>
    </div>`;
  }
  return html`<p part="loading" class="loading" role="status">${sharedText.loading()}</p>`;
}

/** "To pay another way, write to <a>email</a>." — one sentence, the link where the language puts it. */
export function renderPayAnotherWay(email: string | undefined): TemplateResult | typeof nothing {
  if (!email) return nothing;
  const [before, after] = sharedText.payAnotherWay('\u0000').split('\u0000');
  return html`<p part="note" class="note">${before}<a href=${`mailto:${email}`} dir="ltr">${email}</a>${after}</p>`;
}

/** What a viewer without the billing role sees instead of the element. */
export function renderNoPermission(): TemplateResult {
  return html`<p part="no-permission" class="notice" role="status">${sharedText.noPermission()}</p>`;
}

/** Whether a `<billing-provider>` element encloses `element` (across shadow roots). */
function insideProvider(element: HTMLElement): boolean {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'billing-provider') return true;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return false;
}
