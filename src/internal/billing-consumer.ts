import { ContextConsumer } from '@lit/context';
import { LitElement, isServer, type PropertyDeclarations, type PropertyValues } from 'lit';
import { billingContext, type BillingContextValue } from '../context/billing-context.js';
import type { BillingError } from '../domain/errors.js';
import { BillingErrorEvent } from '../events/billing-error.js';
import { resolvedFor, withLocale, type ResolvedLocale } from '../i18n/index.js';
import { markFallbacks } from '../i18n/fallback-lang.js';

/**
 * Base of every billing element but the provider: reads the provider's state through the
 * one billing context, and renders the states every element shares (no provider, loading,
 * load error, no permission) the same way. What it documents here is inherited by each
 * element's entry in custom-elements.json.
 *
 * @csspart loading - Shown while the provider loads.
 * @csspart load-error - Shown when the provider failed to load (with Try again).
 * @csspart retry - The Try again button of the load error.
 * @csspart no-permission - Shown to a viewer without the billing role.
 * @csspart developer-error - Shown when the element is not inside a `<billing-provider>`.
 *
 * @cssprop [--billing-font-family=inherit] - Font family.
 * @cssprop [--billing-color-text=CanvasText] - Text color.
 * @cssprop [--billing-color-surface=Canvas] - Background of boxes and the color tints mix with.
 * @cssprop [--billing-color-accent=light-dark(#0b57d0, #a8c7fa)] - Buttons and links (forced colors: the system colors ButtonText, LinkText).
 * @cssprop [--billing-color-accent-contrast=light-dark(#fff, #062e6f)] - Text on accent-colored buttons.
 * @cssprop [--billing-color-danger=light-dark(#c5221f, #f28b82)] - Errors, required marks, overdue states.
 * @cssprop [--billing-color-warning=light-dark(#8f4a00, #fdd663)] - Outstanding and partially paid states.
 * @cssprop [--billing-color-success=light-dark(#137333, #81c995)] - Confirmations and paid states.
 * @cssprop [--billing-color-border=color-mix(in srgb, CanvasText 25%, transparent)] - Borders and rules.
 * @cssprop [--billing-color-muted=color-mix(in srgb, CanvasText 70%, Canvas)] - Secondary text.
 * @cssprop [--billing-color-focus=var(--billing-color-accent)] - The focus ring (forced colors: a system color).
 * @cssprop [--billing-radius=6px] - Corner radius.
 * @cssprop [--billing-space=1rem] - The spacing unit.
 */
export class BillingConsumerElement extends LitElement {
  // Reactive properties are declared in `static properties`, not with decorators: every tag entry
  // then does without the decorators' code and the compiler's decorator helper (see docs/size.md).
  static override properties: PropertyDeclarations = { billing: { state: true, attribute: false } };

  /** The provider's state and actions; undefined outside a `<billing-provider>`. */
  protected billing?: BillingContextValue;

  constructor() {
    super();
    // What `@consume({ context, subscribe: true })` does: every change of the provider's value re-renders.
    new ContextConsumer(this, {
      context: billingContext,
      subscribe: true,
      callback: (value) => {
        this.billing = value;
      },
    });
  }

  /** Whether the viewer may see and change payment information. */
  protected get canManageBilling(): boolean {
    return this.billing?.state.snapshot?.viewer.canManageBilling === true;
  }

  /** The provider's locale (money, dates, names); `en` until there is a provider. */
  protected get locale(): string {
    return this.billing?.state.locale ?? 'en';
  }

  /** The provider's language: every `msg()` of a render speaks it; the rendered root carries its `lang` and `dir`. */
  protected get resolvedLocale(): ResolvedLocale {
    return resolvedFor(this.billing?.state.locale);
  }

  protected override update(changed: PropertyValues): void {
    const resolved = this.resolvedLocale;
    const fallen = new Set<string>();
    withLocale(resolved, () => super.update(changed), fallen);
    if (isServer) return;
    for (const root of Array.from(this.renderRoot.children)) {
      if (root.localName === 'style') continue;
      if (root.getAttribute('lang') !== resolved.locale) root.setAttribute('lang', resolved.locale);
      if (root.getAttribute('dir') !== resolved.dir) root.setAttribute('dir', resolved.dir);
    }
    markFallbacks(this.renderRoot, fallen, resolved.locale);
  }

  protected fireError(error: BillingError): void {
    this.dispatchEvent(new BillingErrorEvent({ error }));
  }
}
