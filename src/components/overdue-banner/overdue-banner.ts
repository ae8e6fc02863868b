import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DunningLevel, DunningState } from '../../domain/dunning.js';
import { formatMoney } from '../../domain/money.js';
import { msg, sharedText } from '../../i18n/index.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { viewStyles } from '../../internal/view.styles.js';
import { safeHrefProperty } from '../../internal/safe-href.js';
import { requestUpdate } from '../../internal/update-request.js';
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
  static override styles = [sharedStyles, viewStyles, overdueBannerStyles];

  @state() private _denied = false;

  /** The dunning level, reflected for host styling. Set by the element from the provider's state. */
  @property({ reflect: true }) level: DunningLevel = 'none';

  /** Where Update goes when `billing-update-request` is not cancelled. */
  @property({ attribute: 'update-href' }) @safeHrefProperty('update-href') updateHref?: string;

  /** The address for paying another way (shown as a mailto link). */
  @property({ attribute: 'support-email' }) supportEmail?: string;

  #internals = this.attachInternals();

  protected override willUpdate(): void {
    if (this.billing) this.#internals.states.delete('no-provider');
    else this.#internals.states.add('no-provider');
    const level = this.billing?.state.dunning?.level ?? 'none';
    if (level !== this.level) {
      this.level = level;
      this._denied = false;
    }
  }

  #onUpdate(): void {
    if (!this.canManageBilling) {
      this._denied = true;
      return;
    }
    requestUpdate(this, 'overdue-banner', this.updateHref);
  }

  #title(dunning: DunningState) {
    switch (dunning.level) {
      case 'suspended':
        return msg('Your account is suspended', { id: 'billing.banner.suspendedTitle' });
      case 'overdue':
        return msg('Your account is overdue', { id: 'billing.banner.overdueTitle' });
      default:
        return msg('{count, plural, one {You have an outstanding invoice} other {You have # outstanding invoices}}', {
          id: 'billing.banner.outstandingTitle',
          args: { count: dunning.outstandingCount },
        });
    }
  }

  #message(dunning: DunningState) {
    const amount = formatMoney(dunning.amountOwed, this.locale);
    if (dunning.level === 'suspended') {
      if (dunning.outstandingCount === 0) {
        return msg('Access returns once payment is received.', { id: 'billing.modal.messageNoDebt' });
      }
      return msg('{amount} is past due. Access returns once payment is received.', {
        id: 'billing.banner.suspendedMessage',
        args: { amount },
      });
    }
    const days = dunning.oldestDaysOutstanding;
    const left = dunning.daysUntilSuspension ?? 0;
    if (dunning.level === 'overdue') {
      return msg(
        '{amount} has been past due for {days, plural, one {# day} other {# days}}. Your account will be suspended in {left, plural, one {# day} other {# days}} unless it is paid.',
        { id: 'billing.banner.overdueMessage', args: { amount, days, left } },
      );
    }
    return msg('{amount} is past due. Pay it within {left, plural, one {# day} other {# days}} to avoid suspension.', {
      id: 'billing.banner.outstandingMessage',
      args: { amount, left },
    });
  }

  protected override render() {
    const shared = this.renderSharedState({ quiet: true });
    if (shared !== null) return shared;
    const dunning = this.billing?.state.dunning;
    if (!dunning || dunning.level === 'none') return nothing;
    const stern = dunning.level !== 'outstanding';
    return html`
      <section
        part="banner"
        class="banner banner--${dunning.level}"
        role=${stern ? 'alert' : 'status'}
        aria-labelledby="title"
      >
        <div class="content">
          <p part="title" class="title" id="title">${this.#title(dunning)}</p>
          <p part="message">${this.#message(dunning)}</p>
          <p part="note" class="note">${sharedText.processingDelay()}</p>
          ${this.renderPayAnotherWay(this.supportEmail)}
        </div>
        <div class="actions">
          <button part="action" class="button" type="button" @click=${this.#onUpdate}>${sharedText.update()}</button>
        </div>
        ${this._denied
          ? html`<p part="no-permission" class="denied" role="alert">${sharedText.noPermission()}</p>`
          : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'overdue-banner': OverdueBanner;
  }
}
