// <billing-form>: the shell — the class, its public properties and methods, the shared states
// (no provider, loading, load error, no permission) and the loading state until the form's view
// is there. Where each concern lives:
// - the view: the fields' templates, the error summary, the state behind them (values, touched
//   fields, the submission's outcome), their handlers and the styles only they need:
//   billing-form.view.ts, part of the lazy engine;
// - the lazy engine (billing-form.engine.ts): the view, the form's rules and its words, imported
//   when the element connects, in parallel with the provider's snapshot; form-engine-controller.ts
//   loads it, makes the element's view and keeps a failed import's error for Try again;
// - the form's rules (fields, required, validation, the submission, the draft's contents):
//   src/domain/payment-form.ts, the one place to read them; backends apply the same rules
//   through src/domain/submission.ts;
// - its words: billing-form.text.ts, billing-form.summary.text.ts, submission.text.ts (with the engine);
// - a country's address rules as they load (an explicit pending state): address-rules-controller.ts;
// - exactly-once submission and idempotency keys: submission-controller.ts (the attempt itself:
//   submission-run.ts, with the engine);
// - processor-hosted card fields: hosted-fields-controller.ts;
// - the draft in sessionStorage: draft-store.ts; reformatting card input: card-input.ts;
// - the error summary's markup: error-summary.ts;
// - finding, filling and reading the form in tests and stories: billing-form.harness.ts.
import { css, html, type PropertyValues } from 'lit';
import type { FormField } from '../../domain/payment-form-fields.js';
import { loadErrorText, sentenceGap, sharedText } from '../../i18n/index.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { renderNoPermission, renderSharedState } from '../../internal/shared-states.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import { safeHrefProperty } from '../../internal/safe-href.js';
import { FormEngineController, loadFormEngine } from './form-engine-controller.js';
import { DEFAULT_SUBMIT_TIMEOUT_S } from './submit-timeout.js';

/**
 * The payment form: the account's one card (there is no delete, only replace), the mailing
 * and billing information with each country's own address fields, and exactly-once
 * submission. Card number and security code stay in this element's memory only: never in an
 * event, attribute, log, storage, error message or the provider's state. With an adapter that
 * offers processor-hosted card fields, they are mounted in a light-DOM container slotted into
 * the card area, and the form submits their token instead.
 *
 * Non-card fields are kept as a draft in sessionStorage (per account) so a reload loses
 * nothing; the draft is cleared once the card is accepted.
 *
 * Submit Payment Information submits only once every required field is complete and valid.
 * Until then it stays focusable, marked `aria-disabled="true"`, and described by the count of
 * required fields remaining; pressing it (click, Enter in a field, keyboard) sends nothing and
 * shows the error summary at the top of the form: focused, `role="alert"`, one link per missing
 * or invalid field reading that field's error ("Last name is required."), which moves focus to
 * the field. The summary keeps the fields of that attempt and drops each one as it is fixed
 * (it disappears when none is left); a new attempt lists the problems anew. A field shows its
 * own error once the user changed it and left it, or after a submit attempt, never from merely
 * tabbing past it.
 *
 * @tagname billing-form
 * @summary Adds or replaces the account's card, with mailing and billing information.
 *
 * @slot card-fields - Where processor-hosted card fields are mounted (filled by the element; don't use it yourself).
 *
 * @fires {PaymentMethodSubmitEvent} payment-method-submit - A submission is sent. `detail: { idempotencyKey }` — no card data.
 * @fires {PaymentMethodUpdatedEvent} payment-method-updated - The card was accepted. `detail: { paymentMethod, charged? }`.
 * @fires {BillingErrorEvent} billing-error - The submission failed. `detail: { error: BillingError }`.
 *
 * @csspart current - The current payment method box.
 * @csspart replace - The Replace card button.
 * @csspart form - The form.
 * @csspart mailing - The Mailing information fieldset.
 * @csspart billing - The Billing information fieldset.
 * @csspart field - Each field wrapper (label, input, hint, error).
 * @csspart input - Each input and select.
 * @csspart error - Each field's error message.
 * @csspart hosted-fields - The box around processor-hosted card fields.
 * @csspart error-summary - The error summary shown at the top of the form after a submit attempt with missing or invalid fields.
 * @csspart remaining - The count of required fields remaining (also the submit button's description).
 * @csspart submit - The Submit Payment Information button.
 * @csspart terms - The terms notice beside the button.
 * @csspart alert - The submission error.
 * @csspart success - The confirmation after a card was accepted.
 *
 * @cssprop [--billing-color-danger=light-dark(#c5221f, #f28b82)] - Errors and required marks.
 * @cssprop [--billing-color-input=Field] - Input background.
 * @cssprop [--billing-color-input-text=FieldText] - Input text.
 * @cssprop [--billing-color-input-border] - Input border.
 */
export class BillingForm extends BillingConsumerElement {
  /** What the shell shows (shared states, loading); the view's own styles are adopted when it arrives. */
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  // Reactive properties in `static properties` rather than decorators (fewer bytes in every entry).
  static override properties = {
    termsHref: { attribute: 'terms-href' },
    expanded: { type: Boolean },
    submitTimeout: { type: Number, attribute: 'submit-timeout' },
  };
  static {
    safeHrefProperty(this.prototype, 'termsHref', 'terms-href');
  }

  readonly #engine = new FormEngineController(this, {
    billing: () => this.billing,
    locale: () => this.locale,
    fireError: (error) => this.fireError(error),
  });

  /** Where the terms of service live; section 3.7 binds the account when a card is added. */
  termsHref?: string;

  /** Show the inputs at once even when the account has a card (the suspension modal sets it). */
  expanded = false;

  /**
   * Seconds to wait for the adapter to answer a submission before aborting it (through its
   * signal) and saying the payment could not be confirmed (a `timeout` BillingError). Everything
   * typed stays, and Try again sends the same idempotency key, so the card is charged at most
   * once. Anything but a positive number means the default, 60.
   */
  submitTimeout: number = DEFAULT_SUBMIT_TIMEOUT_S;

  protected override update(changed: PropertyValues): void {
    const view = this.#engine.view;
    if (view) view.rendering(() => super.update(changed));
    else super.update(changed);
  }

  protected override render() {
    const shared = renderSharedState(this, this.billing);
    if (shared !== null) return shared;
    if (!this.canManageBilling) return renderNoPermission();
    const view = this.#engine.view;
    if (view) return view.render();
    const error = this.#engine.error;
    if (error) {
      // The view could not be imported (offline, or a deploy removed the old chunk): the load error, and Try again imports it again.
      return html`<div part="load-error" class="notice notice--error" role="alert">
        <p>${sharedText.loadFailed()}${sentenceGap()}${loadErrorText(error.code)}</p>
        <button part="retry" class="button button--secondary" type="button" @click=${() => this.#engine.retry()}>${sharedText.retry()}</button>
      </div>`;
    }
    return html`<p part="loading" class="loading" role="status">${sharedText.loading()}</p>`;
  }

  /**
   * Loads the form's rules (address data index, card checks) ahead of time. Every form starts
   * this itself when it connects; call it to have it ready before a form is shown.
   */
  static async preload(): Promise<void> {
    await loadFormEngine();
  }

  /** Visible fields, for tests and hosts that want to know what the country asks for. */
  get fields(): FormField[] {
    return this.#engine.view?.fields ?? [];
  }

  /** Clears every field and the draft (card fields included). */
  reset(): void {
    this.#engine.view?.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-form': BillingForm;
  }
}
