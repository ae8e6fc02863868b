import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { DunningLevel, DunningState } from '../../domain/dunning.js';
import { formatMoney } from '../../domain/money.js';
import { msg, sharedText } from '../../i18n/index.js';
import { requestUpdate } from '../../internal/update-request.js';
import type { OverdueBanner } from './overdue-banner.js';
import { viewStyles } from '../../internal/view.styles.js';
import { styles as ownStyles } from './overdue-banner.view.styles.js';

/** What the view adopts when it arrives: the views' shared rules, then its own. */
export const styles = [viewStyles, ownStyles];

function title(dunning: DunningState): string {
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

function message(dunning: DunningState, locale: string): string {
  const amount = formatMoney(dunning.amountOwed, locale);
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

/** The banner itself (loaded by `<overdue-banner>` when it connects): texts, amount, Update. */
export class View implements ReactiveController {
  /** Update was pressed by a viewer without the billing role (until the level changes). */
  #denied = false;
  #level?: DunningLevel;

  constructor(private readonly host: OverdueBanner) {}

  hostUpdate(): void {
    if (this.host.level !== this.#level) {
      this.#level = this.host.level;
      this.#denied = false;
    }
  }

  render(dunning: DunningState, locale: string, canManageBilling: boolean, payAnotherWay: TemplateResult | typeof nothing) {
    const stern = dunning.level !== 'outstanding';
    const onUpdate = () => {
      if (canManageBilling) {
        requestUpdate(this.host, 'overdue-banner', this.host.updateHref);
      } else {
        this.#denied = true;
        this.host.requestUpdate();
      }
    };
    return html`
      <section
        part="banner"
        class="banner banner--${dunning.level}"
        role=${stern ? 'alert' : 'status'}
        aria-labelledby="title"
      >
        <div class="content">
          <p part="title" class="title" id="title">${title(dunning)}</p>
          <p part="message">${message(dunning, locale)}</p>
          <p part="note" class="note">${sharedText.processingDelay()}</p>
          ${payAnotherWay}
        </div>
        <div class="actions">
          <button part="action" class="button" type="button" @click=${onUpdate}>${sharedText.update()}</button>
        </div>
        ${this.#denied ? html`<p part="no-permission" class="denied" role="alert">${sharedText.noPermission()}</p>` : nothing}
      </section>
    `;
  }
}
