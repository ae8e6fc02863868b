import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { DunningState } from '../../domain/dunning.js';
import { toBillingError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money.js';
import { BillingErrorEvent } from '../../events/billing-error.js';
import { msg, sharedText } from '../../i18n/index.js';
import { requestUpdate } from '../../internal/update-request.js';
import type { SuspensionModal } from './suspension-modal.js';
import { viewStyles } from '../../internal/view.styles.js';
import { styles as ownStyles } from './suspension-modal.view.styles.js';

/** What the view adopts when it arrives: the views' shared rules, then its own. */
export const styles = [viewStyles, ownStyles];

function message(dunning: DunningState, locale: string): string {
  if (dunning.outstandingCount === 0) {
    return msg('Access returns once payment is received.', { id: 'billing.modal.messageNoDebt' });
  }
  const amount = formatMoney(dunning.amountOwed, locale);
  return msg('{amount} has been past due for {days, plural, one {# day} other {# days}}. Access returns once payment is received.', {
    id: 'billing.modal.message',
    args: { amount, days: dunning.oldestDaysOutstanding },
  });
}

/**
 * Moves focus to the first field of a `<billing-form>` once it has rendered its fields (its
 * rules load lazily), unless `still()` says the form is no longer wanted or the user has
 * already moved into the form.
 */
async function focusFirstField(form: HTMLElement, still: () => boolean): Promise<void> {
  await customElements.whenDefined('billing-form');
  const element = form as HTMLElement & { updateComplete?: Promise<unknown> };
  // The form's rules are loading (usually already loaded: they start when the dialog opens).
  for (let attempt = 0; attempt < 600 && still() && form.isConnected; attempt++) {
    await element.updateComplete;
    if (form.matches(':focus-within')) return;
    const first = form.shadowRoot?.querySelector<HTMLElement>('input, select');
    if (first) {
      first.focus();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The modal itself (loaded by `<suspension-modal>` when it connects): the native dialog, what is
 * owed, Update, and after Update the card form slotted in its place. It loads `<billing-form>`
 * when the dialog first opens.
 */
export class View implements ReactiveController {
  /** Update was pressed by a viewer without the billing role (until the dialog closes). */
  #denied = false;
  /** Update was pressed (and not cancelled): the card form shows in place of the button. */
  #formShown = false;
  #wasOpen = false;
  /**
   * Once opened, the content stays rendered in the closed dialog: the card form that paid the
   * debt must still be connected when it announces payment-method-updated.
   */
  #opened = false;
  #formLoading?: Promise<boolean>;
  /** The card form could not be loaded: Update falls back to `update-href`. */
  #formFailed = false;

  constructor(private readonly host: SuspensionModal) {}

  #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  hostUpdate(): void {
    const { open } = this.host;
    if (open) this.#opened = true;
    else this.#denied = false;
    // Suspended again later: start from the statement and Update again.
    if (open && !this.#wasOpen) this.#formShown = false;
    this.#wasOpen = open;
  }

  hostUpdated(): void {
    const { host } = this;
    // The card form is the way out of suspension: it loads when the dialog first opens.
    if (host.open) void this.#loadForm();
    const form = this.#formElement();
    if (form) {
      if (host.termsHref) form.setAttribute('terms-href', host.termsHref);
      else form.removeAttribute('terms-href');
    }
    const dialog = this.#dialog();
    if (!dialog) return;
    if (host.open && !dialog.open && host.isConnected) {
      dialog.showModal();
    } else if (!host.open && dialog.open) {
      dialog.close();
    }
  }

  #onCancel = (event: Event): void => {
    // Escape must not dismiss a suspension.
    event.preventDefault();
  };

  #onClose = (): void => {
    // Browsers may still close a modal dialog (repeated Escape): reopen while suspended.
    const dialog = this.#dialog();
    if (this.host.open && dialog && !dialog.open && this.host.isConnected) dialog.showModal();
  };
  /** Loads and defines `<billing-form>` once; says whether it is defined. */
  #loadForm(): Promise<boolean> {
    if (customElements.get('billing-form')) return Promise.resolve(true);
    this.#formLoading ??= (async () => {
      try {
        const { BillingForm } = await import('../billing-form/billing-form.js');
        // Defined once (as internal/define.ts does; importing that here would split it into a chunk of its own).
        if (!customElements.get('billing-form')) customElements.define('billing-form', BillingForm);
        return true;
      } catch (error) {
        // Update then goes to update-href, and the pay-another-way address still leads out.
        this.#formFailed = true;
        this.host.dispatchEvent(new BillingErrorEvent({ error: toBillingError(error) }));
        return false;
      } finally {
        this.#formLoading = undefined;
      }
    })();
    return this.#formLoading;
  }

  /** The card form in the modal's light DOM, if there is one yet. */
  #formElement(): HTMLElement | null {
    return this.host.querySelector<HTMLElement>(':scope > billing-form[slot="form"]');
  }

  /**
   * Shows the card form in the dialog (created in the modal's light DOM the first time, so
   * hosted card fields are mounted outside any shadow root) and moves focus to its first field.
   */
  async #showForm(): Promise<void> {
    const { host } = this;
    let form = this.#formElement();
    if (!form) {
      form = document.createElement('billing-form');
      form.slot = 'form';
      form.setAttribute('expanded', '');
      if (host.termsHref) form.setAttribute('terms-href', host.termsHref);
      host.append(form);
    }
    this.#formShown = true;
    host.requestUpdate();
    if (!(await this.#loadForm())) return;
    await host.updateComplete;
    await focusFirstField(form, () => this.#formShown && host.open);
  }

  /** One way out: Update, then (for a viewer who may manage billing) the card form in its place. */
  #renderWayOut(canManageBilling: boolean) {
    if (this.#formShown && canManageBilling) {
      return html`
        <p>${msg('Update your card below to pay the outstanding balance.', { id: 'billing.modal.formIntro' })}</p>
        <div part="form" class="form"><slot name="form"></slot></div>
      `;
    }
    const onUpdate = () => {
      if (!canManageBilling) {
        this.#denied = true;
        this.host.requestUpdate();
        return;
      }
      // The card form right here in the dialog is the way out (nothing outside it can be used);
      // update-href only when the form could not be loaded.
      const outcome = requestUpdate(this.host, 'suspension-modal', this.#formFailed ? this.host.updateHref : undefined);
      if (outcome === 'unhandled') void this.#showForm();
    };
    return html`
      <p>${msg('Update your card to pay the outstanding balance.', { id: 'billing.modal.updateIntro' })}</p>
      <div class="actions">
        <button part="action" class="button" type="button" @click=${onUpdate}>${sharedText.update()}</button>
      </div>
      ${this.#denied ? html`<p part="no-permission" class="denied" role="alert">${sharedText.noPermission()}</p>` : nothing}
    `;
  }

  /** The dialog (open while suspended): the title, what is owed, the way out, the notes. */
  render(dunning: DunningState | null | undefined, locale: string, canManageBilling: boolean, payAnotherWay: TemplateResult | typeof nothing) {
    // The title takes focus when the dialog opens: a deliberate autofocus. A modal dialog starts at
    // its title, read first by screen readers (not at the form's first field).
    /* eslint-disable lit-a11y/no-autofocus */
    return html`
      <dialog
        part="dialog"
        closedby="none"
        aria-labelledby="title"
        aria-describedby="message"
        @cancel=${this.#onCancel}
        @close=${this.#onClose}
      >
        ${dunning && (this.host.open || this.#opened)
          ? html`
              <h2 part="title" id="title" tabindex="-1" autofocus>
                ${msg('Your account is suspended', { id: 'billing.modal.title' })}
              </h2>
              <p part="message" id="message">${message(dunning, locale)}</p>
              ${this.#renderWayOut(canManageBilling)}
              <p part="note" class="note">${sharedText.processingDelay()}</p>
              ${payAnotherWay}
            `
          : nothing}
      </dialog>
    `;
    /* eslint-enable lit-a11y/no-autofocus */
  }
}
