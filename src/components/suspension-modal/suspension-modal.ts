import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DunningState } from '../../domain/dunning.js';
import { formatMoney } from '../../domain/money.js';
import { msg, sharedText } from '../../i18n/index.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { requestUpdate } from '../../internal/update-request.js';
import { defineElement } from '../../internal/define.js';
import { toBillingError } from '../../domain/errors.js';
import { suspensionModalStyles } from './suspension-modal.styles.js';

/**
 * The suspension modal: a native modal `<dialog>` (opened with `showModal()`, so the rest of
 * the page is inert) while the account is suspended — the oldest outstanding invoice is 45 or
 * more days past due, or the snapshot says `account.suspended`. Escape and backdrop clicks do
 * not close it. It shows what is owed and the ways out: the card form inside the dialog (when
 * `<billing-form>` is defined), Update, and the pay-another-way address. It closes by itself
 * as soon as the provider's state is no longer suspended (payment received).
 *
 * @tagname suspension-modal
 * @summary Blocks a suspended account's page until the card is updated.
 *
 * @fires {BillingUpdateRequestEvent} billing-update-request - Update was pressed by a viewer who may manage billing. Cancelable; when not cancelled the page goes to `update-href`. `detail: { source: 'suspension-modal' }`.
 * @fires {BillingErrorEvent} billing-error - The card form could not be loaded when Update was pressed. `detail: { error: BillingError }`.
 *
 * @csspart dialog - The native dialog.
 * @csspart title - The heading.
 * @csspart message - What is owed and since when.
 * @csspart note - Processing-delay and pay-another-way notes.
 * @csspart action - The Update button.
 * @csspart form - The `<billing-form>` inside the dialog.
 *
 * @cssprop [--billing-color-danger=light-dark(#c5221f, #f28b82)] - The dialog's accent.
 * @cssprop [--billing-backdrop=rgb(20 20 20 / 0.6)] - The backdrop behind the dialog.
 */
export class SuspensionModal extends BillingConsumerElement {
  static override styles = [sharedStyles, suspensionModalStyles];

  @query('dialog') private _dialog?: HTMLDialogElement;

  @state() private _denied = false;

  #formLoading = false;
  /**
   * Once opened, the content stays rendered in the closed dialog: the card form that paid the
   * debt must still be connected when it announces payment-method-updated.
   */
  #opened = false;

  /** Whether the dialog is open (reflected; driven by the provider's state, not by the host). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Where Update goes when `billing-update-request` is not cancelled. */
  @property({ attribute: 'update-href' }) updateHref?: string;

  /** The address for paying another way (shown as a mailto link). */
  @property({ attribute: 'support-email' }) supportEmail?: string;

  /** The terms page for the card form inside the dialog (section 3.7). */
  @property({ attribute: 'terms-href' }) termsHref?: string;

  private get _suspended(): boolean {
    return this.billing?.state.dunning?.level === 'suspended';
  }

  protected override willUpdate(): void {
    this.open = this._suspended;
    if (this.open) this.#opened = true;
    if (!this.open) this._denied = false;
  }

  /** The card form is the way out of suspension; it loads when the dialog first opens. */
  @state() private _formReady = customElements.get('billing-form') !== undefined;

  protected override updated(): void {
    if (this.open && !this._formReady) void this.#loadForm();
    const dialog = this._dialog;
    if (!dialog) return;
    if (this.open && !dialog.open && this.isConnected) {
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  async #loadForm(): Promise<void> {
    if (this.#formLoading) return;
    this.#formLoading = true;
    try {
      const { BillingForm } = await import('../billing-form/billing-form.js');
      defineElement('billing-form', BillingForm);
      this._formReady = true;
    } catch (error) {
      // The Update button and the pay-another-way address still lead out.
      this.fireError(toBillingError(error));
    } finally {
      this.#formLoading = false;
    }
  }

  #onCancel(event: Event): void {
    // Escape must not dismiss a suspension.
    event.preventDefault();
  }

  #onClose(): void {
    // Browsers may still close a modal dialog (repeated Escape): reopen while suspended.
    if (this._suspended && this._dialog && !this._dialog.open && this.isConnected) this._dialog.showModal();
  }

  #onUpdate(): void {
    if (!this.canManageBilling) {
      this._denied = true;
      return;
    }
    const outcome = requestUpdate(this, 'suspension-modal', this.updateHref);
    if (outcome === 'unhandled') {
      // No page to go to: the card form is right here in the dialog.
      const form = this.renderRoot.querySelector('billing-form');
      form?.scrollIntoView({ block: 'start' });
      form?.shadowRoot?.querySelector<HTMLElement>('input, select')?.focus();
    }
  }

  #message(dunning: DunningState) {
    if (dunning.outstandingCount === 0) {
      return msg('Access returns once payment is received.', { id: 'billing.modal.messageNoDebt' });
    }
    const amount = formatMoney(dunning.amountOwed, this.locale);
    return msg('{amount} has been past due for {days, plural, one {# day} other {# days}}. Access returns once payment is received.', {
      id: 'billing.modal.message',
      args: { amount, days: dunning.oldestDaysOutstanding },
    });
  }

  #renderWayOut() {
    const formAvailable = this.canManageBilling && this._formReady;
    return html`
      <p>
        ${formAvailable
          ? msg('Update your card below to pay the outstanding balance.', { id: 'billing.modal.formIntro' })
          : msg('Update your card to pay the outstanding balance.', { id: 'billing.modal.updateIntro' })}
      </p>
      <div class="actions">
        <button part="action" class="button" type="button" @click=${this.#onUpdate}>${sharedText.update()}</button>
      </div>
      ${this._denied ? html`<p part="no-permission" class="denied" role="alert">${sharedText.noPermission()}</p>` : nothing}
      ${formAvailable
        ? html`<billing-form part="form" class="form" expanded terms-href=${this.termsHref ?? nothing}></billing-form>`
        : nothing}
    `;
  }

  protected override render() {
    const shared = this.renderSharedState({ quiet: true });
    if (shared !== null) return shared;
    const dunning = this.billing?.state.dunning;
    // The title takes focus when the dialog opens (see the template): a deliberate autofocus.
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
        ${dunning && (this.open || this.#opened)
          ? html`
              <!-- A modal dialog starts at its title, read first by screen readers (not at the form's first field). -->
              <h2 part="title" id="title" tabindex="-1" autofocus>
                ${msg('Your account is suspended', { id: 'billing.modal.title' })}
              </h2>
              <p part="message" id="message">${this.#message(dunning)}</p>
              ${this.#renderWayOut()}
              <p part="note" class="note">${sharedText.processingDelay()}</p>
              ${this.renderPayAnotherWay(this.supportEmail)}
            `
          : nothing}
      </dialog>
    `;
    /* eslint-enable lit-a11y/no-autofocus */
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'suspension-modal': SuspensionModal;
  }
}
