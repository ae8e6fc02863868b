import { nothing } from 'lit';
import type { DunningLevel } from '../../domain/dunning.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { renderPayAnotherWay, renderSharedState } from '../../internal/shared-states.js';
import { LazyView } from '../../internal/lazy-view.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { safeHrefProperty } from '../../internal/safe-href.js';
import { overdueBannerStyles } from './overdue-banner.styles.js';

/**
 * The overdue banner: one banner from the first outstanding invoice (level `outstanding`), a
 * sterner one once the oldest has been outstanding for 30 days (level `overdue`), and the
 * sternest once the account is suspended (the suspension modal covers the page then).
 * It says how many invoices are outstanding, how much is owed, and how many days are left
 * before suspension.
 *
 * @tagname overdue-banner
 * @summary Tells the viewer about outstanding invoices and how to pay them.
 *
 * @fires {BillingUpdateRequestEvent} billing-update-request - Update was pressed by a viewer who may manage billing. Cancelable; when not cancelled the page goes to `update-href`. `detail: { source: 'overdue-banner' }`.
 *
 * @cssstate no-provider - Set while the banner is not inside a `<billing-provider>` (it then shows the developer message even at level `none`).
 *
 * @csspart banner - The banner box.
 * @csspart title - The banner's heading line.
 * @csspart message - The sentence about the amount and days.
 * @csspart note - The processing-delay and pay-another-way notes.
 * @csspart action - The Update button.
 *
 * @cssprop [--billing-color-warning=light-dark(#8f4a00, #fdd663)] - Accent of the `outstanding` banner.
 * @cssprop [--billing-color-danger=light-dark(#c5221f, #f28b82)] - Accent of the `overdue` and `suspended` banners.
 */
export class OverdueBanner extends BillingConsumerElement {
  static override styles = [sharedStyles, overdueBannerStyles];

  // Reactive properties in `static properties` rather than decorators (fewer bytes in every entry).
  static override properties = {
    level: { reflect: true },
    updateHref: { attribute: 'update-href' },
    supportEmail: { attribute: 'support-email' },
  };
  static {
    safeHrefProperty(this.prototype, 'updateHref', 'update-href');
  }

  /** The banner's texts, amount and Update (overdue-banner.view.ts), loaded when the element connects. */
  #view = new LazyView(this, () => import('./overdue-banner.view.js'));

  /** The dunning level, reflected for host styling. Set by the element from the provider's state. */
  level: DunningLevel = 'none';

  /** Where Update goes when `billing-update-request` is not cancelled. */
  updateHref?: string;

  /** The address for paying another way (shown as a mailto link). */
  supportEmail?: string;

  #internals = this.attachInternals();

  protected override willUpdate(): void {
    if (this.billing) this.#internals.states.delete('no-provider');
    else this.#internals.states.add('no-provider');
    this.level = this.billing?.state.dunning?.level ?? 'none';
  }

  /** Also waits for the banner's view to load (or fail). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#view.settled;
    return super.getUpdateComplete();
  }

  protected override render() {
    const shared = renderSharedState(this, this.billing, { quiet: true });
    if (shared !== null) return shared;
    const dunning = this.billing?.state.dunning;
    if (!dunning || dunning.level === 'none') return nothing;
    return (
      this.#view.view?.render(dunning, this.locale, this.canManageBilling, renderPayAnotherWay(this.supportEmail)) ??
      this.#view.render(true)
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'overdue-banner': OverdueBanner;
  }
}
