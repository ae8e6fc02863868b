import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { msg } from '../../i18n/index.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { LazyView } from '../../internal/lazy-view.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { safeHrefProperty } from '../../internal/safe-href.js';
import { suspensionModalStyles } from './suspension-modal.styles.js';

/**
 * The suspension modal: a native modal `<dialog>` (opened with `showModal()`, so the rest of
 * the page is inert) while the account is suspended — the oldest outstanding invoice is 45 or
 * more days past due, or the snapshot says `account.suspended`. Escape and backdrop clicks do
 * not close it. It states what is owed and offers one way out, **Update** (and the
 * pay-another-way address). Update fires the cancelable `billing-update-request`; unless the
 * host cancels it, the card form (a `<billing-form>`) takes the button's place inside the
 * dialog and focus moves to its first field. A viewer without the billing role gets the
 * no-permission message instead, and no event. It closes by itself as soon as the provider's
 * state is no longer suspended (payment received).
 *
 * The card form lives in the modal's own light DOM (`<billing-form slot="form">`, created on
 * the first Update, or one the host put there) and is slotted into the dialog, so
 * processor-hosted card fields are mounted in the document's light DOM, as on the page.
 * `update-href` is followed only when the card form could not be loaded.
 *
 * @tagname suspension-modal
 * @summary Blocks a suspended account's page until the card is updated.
 *
 * @fires {BillingUpdateRequestEvent} billing-update-request - Update was pressed by a viewer who may manage billing. Cancelable; when not cancelled the card form shows in the dialog (the page goes to `update-href` only if the form could not be loaded). `detail: { source: 'suspension-modal' }`.
 * @fires {BillingErrorEvent} billing-error - The card form could not be loaded when Update was pressed. `detail: { error: BillingError }`.
 *
 * @csspart dialog - The native dialog.
 * @csspart title - The heading.
 * @csspart message - What is owed and since when.
 * @csspart note - Processing-delay and pay-another-way notes.
 * @csspart action - The Update button.
 * @csspart form - The box in the dialog that shows the card form (after Update).
 *
 * @slot form - The card form: a `<billing-form>` the element creates in its own light DOM on the first Update (style it as `suspension-modal > billing-form`). A host may put its own `<billing-form slot="form">` there instead.
 *
 * @cssprop [--billing-color-danger=light-dark(#c5221f, #f28b82)] - The dialog's accent.
 * @cssprop [--billing-backdrop=rgb(20 20 20 / 0.6)] - The backdrop behind the dialog.
 */
export class SuspensionModal extends BillingConsumerElement {
  static override styles = [sharedStyles, suspensionModalStyles];

  /** What is owed, Update and the card form (suspension-modal.view.ts), loaded when the element connects. */
  #view = new LazyView(this, () => import('./suspension-modal.view.js'));

  @query('dialog') private _dialog?: HTMLDialogElement;

  /**
   * Once opened, the content stays rendered in the closed dialog: the card form that paid the
   * debt must still be connected when it announces payment-method-updated.
   */
  #opened = false;

  /** Whether the dialog is open (reflected; driven by the provider's state, not by the host). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Where Update goes when `billing-update-request` is not cancelled. */
  @property({ attribute: 'update-href' }) @safeHrefProperty('update-href') updateHref?: string;

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
  }

  protected override updated(): void {
    const dialog = this._dialog;
    if (!dialog) return;
    if (this.open && !dialog.open && this.isConnected) {
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** Also waits for the modal's view to load (or fail). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#view.settled;
    return super.getUpdateComplete();
  }

  #onCancel(event: Event): void {
    // Escape must not dismiss a suspension.
    event.preventDefault();
  }

  #onClose(): void {
    // Browsers may still close a modal dialog (repeated Escape): reopen while suspended.
    if (this._suspended && this._dialog && !this._dialog.open && this.isConnected) this._dialog.showModal();
  }

  protected override render() {
    const shared = this.renderSharedState({ quiet: true });
    if (shared !== null) return shared;
    const dunning = this.billing?.state.dunning;
    // The title takes focus when the dialog opens: a deliberate autofocus. A modal dialog starts at
    // its title, read first by screen readers (not at the form's first field). Until the content
    // has loaded, the dialog shows the loading state under it.
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
              <h2 part="title" id="title" tabindex="-1" autofocus>
                ${msg('Your account is suspended', { id: 'billing.modal.title' })}
              </h2>
              ${this.#view.view?.render(dunning, this.locale, this.canManageBilling, this.renderPayAnotherWay(this.supportEmail)) ??
              this.#view.render()}
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
