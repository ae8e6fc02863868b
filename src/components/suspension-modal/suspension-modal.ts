import { nothing } from 'lit';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { LazyView } from '../../internal/lazy-view.js';
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
  static override styles = suspensionModalStyles;

  // Reactive properties in `static properties` rather than decorators (fewer bytes in every entry).
  static override properties = {
    open: { type: Boolean, reflect: true },
    updateHref: { attribute: 'update-href' },
    supportEmail: { attribute: 'support-email' },
    termsHref: { attribute: 'terms-href' },
  };
  static {
    safeHrefProperty(this.prototype, 'updateHref', 'update-href');
  }

  /**
   * The dialog, what is owed, Update and the card form (suspension-modal.view.ts), with the shared
   * states (suspension-modal.lazy.ts), loaded when the element connects.
   */
  #view = new LazyView(this, () => import('./suspension-modal.lazy.js'));

  /** Whether the dialog is open (reflected; driven by the provider's state, not by the host). */
  open = false;

  /** Where Update goes when `billing-update-request` is not cancelled. */
  updateHref?: string;

  /** The address for paying another way (shown as a mailto link). */
  supportEmail?: string;

  /** The terms page for the card form inside the dialog (section 3.7). */
  termsHref?: string;

  protected override willUpdate(): void {
    // The dialog comes with the view: open once both the suspension and the view are there.
    this.open = this.billing?.state.dunning?.level === 'suspended' && !!this.#view.view;
  }

  /** Also waits for the modal's view to load (or fail). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#view.settled;
    return super.getUpdateComplete();
  }

  protected override render() {
    const view = this.#view.view;
    if (view) return view.renderModal(this, this.billing, this.locale);
    // Suspended while the view could not be loaded: the load error, with Try again.
    return this.billing?.state.dunning?.level === 'suspended' ? this.#view.render(true) : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'suspension-modal': SuspensionModal;
  }
}
