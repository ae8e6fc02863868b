import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DunningState } from '../../domain/dunning.js';
import { formatMoney } from '../../domain/money.js';
import { msg, sharedText } from '../../i18n/index.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { viewStyles } from '../../internal/view.styles.js';
import { safeHrefProperty } from '../../internal/safe-href.js';
import { requestUpdate } from '../../internal/update-request.js';
import { defineElement } from '../../internal/define.js';
import { toBillingError } from '../../domain/errors.js';
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
  static override styles = [sharedStyles, viewStyles, suspensionModalStyles];

  @query('dialog') private _dialog?: HTMLDialogElement;

  @state() private _denied = false;
  /** Update was pressed (and not cancelled): the card form shows in place of the button. */
  @state() private _formShown = false;

  #formLoading?: Promise<boolean>;
  /** The card form could not be loaded: Update falls back to `update-href`. */
  #formFailed = false;
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
    const wasOpen = this.open;
    this.open = this._suspended;
    if (this.open) this.#opened = true;
    if (!this.open) this._denied = false;
    // Suspended again later: start from the statement and Update again.
    if (this.open && !wasOpen) this._formShown = false;
  }

  protected override updated(): void {
    // The card form is the way out of suspension: it loads when the dialog first opens.
    if (this.open) void this.#loadForm();
    const form = this.#formElement();
    if (form) {
      if (this.termsHref) form.setAttribute('terms-href', this.termsHref);
      else form.removeAttribute('terms-href');
    }
    const dialog = this._dialog;
    if (!dialog) return;
    if (this.open && !dialog.open && this.isConnected) {
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** Loads and defines `<billing-form>` once; says whether it is defined. */
  #loadForm(): Promise<boolean> {
    if (customElements.get('billing-form')) return Promise.resolve(true);
    this.#formLoading ??= (async () => {
      try {
        const { BillingForm } = await import('../billing-form/billing-form.js');
        defineElement('billing-form', BillingForm);
        return true;
      } catch (error) {
        // Update then goes to update-href, and the pay-another-way address still leads out.
        this.#formFailed = true;
        this.fireError(toBillingError(error));
        return false;
      } finally {
        this.#formLoading = undefined;
      }
    })();
    return this.#formLoading;
  }

  /** The card form in the modal's light DOM, if there is one yet. */
  #formElement(): HTMLElement | null {
    return this.querySelector<HTMLElement>(':scope > billing-form[slot="form"]');
  }

  /**
   * Shows the card form in the dialog (created in the modal's light DOM the first time, so
   * hosted card fields are mounted outside any shadow root) and moves focus to its first field.
   */
  async #showForm(): Promise<void> {
    let form = this.#formElement();
    if (!form) {
      form = document.createElement('billing-form');
      form.slot = 'form';
      form.setAttribute('expanded', '');
      if (this.termsHref) form.setAttribute('terms-href', this.termsHref);
      this.append(form);
    }
    this._formShown = true;
    if (!(await this.#loadForm())) return;
    await this.updateComplete;
    await focusFirstField(form, () => this._formShown && this.open);
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
    // The card form right here in the dialog is the way out (nothing outside it can be used);
    // update-href only when the form could not be loaded.
    const outcome = requestUpdate(this, 'suspension-modal', this.#formFailed ? this.updateHref : undefined);
    if (outcome === 'unhandled') void this.#showForm();
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

  /** One way out: Update, then (for a viewer who may manage billing) the card form in its place. */
  #renderWayOut() {
    if (this._formShown && this.canManageBilling) {
      return html`
        <p>${msg('Update your card below to pay the outstanding balance.', { id: 'billing.modal.formIntro' })}</p>
        <div part="form" class="form"><slot name="form"></slot></div>
      `;
    }
    return html`
      <p>${msg('Update your card to pay the outstanding balance.', { id: 'billing.modal.updateIntro' })}</p>
      <div class="actions">
        <button part="action" class="button" type="button" @click=${this.#onUpdate}>${sharedText.update()}</button>
      </div>
      ${this._denied ? html`<p part="no-permission" class="denied" role="alert">${sharedText.noPermission()}</p>` : nothing}
    `;
  }

  protected override render() {
    const shared = this.renderSharedState({ quiet: true });
    if (shared !== null) return shared;
    const dunning = this.billing?.state.dunning;
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
        ${dunning && (this.open || this.#opened)
          ? html`
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

declare global {
  interface HTMLElementTagNameMap {
    'suspension-modal': SuspensionModal;
  }
}
