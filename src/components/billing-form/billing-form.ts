import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CountryAddressRules } from '../../domain/address/index.js';
import { formatDate } from '../../domain/dates.js';
import { toBillingError, type BillingError } from '../../domain/errors.js';
import type { IdempotencyKeys } from '../../domain/idempotency.js';
import { formatMoney } from '../../domain/money.js';
import { CARD_FIELDS, emptyValues, type FormField, type FormValues } from '../../domain/payment-form-fields.js';
import type { FieldProblem, FormContext } from '../../domain/payment-form.js';

/** What is wrong with each field that has a problem. */
type Problems = Partial<Record<FormField, FieldProblem>>;
import type { CardFields, PaymentMethod, SubmitResult, TokenizedCard } from '../../domain/types.js';
import { PaymentMethodSubmitEvent } from '../../events/payment-method-submit.js';
import { PaymentMethodUpdatedEvent } from '../../events/payment-method-updated.js';
import { localized, sharedText } from '../../i18n/index.js';
import { BillingConsumerElement } from '../../internal/billing-consumer.js';
import { sharedStyles } from '../../internal/shared.styles.js';
import type * as FormEngine from './billing-form.engine.js';
import { billingFormStyles } from './billing-form.styles.js';
type AddressGroup = 'mailing' | 'billing';

const COUNTRY_FIELD: Record<AddressGroup, FormField> = {
  mailing: 'mailing.address.country',
  billing: 'billingAddress.country',
};

const AUTOCOMPLETE: Partial<Record<FormField, string>> = {
  'mailing.firstName': 'section-mailing given-name',
  'mailing.lastName': 'section-mailing family-name',
  'mailing.email': 'section-mailing email',
  'mailing.company': 'section-mailing organization',
  'mailing.phone': 'section-mailing tel',
  'mailing.address.country': 'section-mailing country',
  'mailing.address.line1': 'section-mailing address-line1',
  'mailing.address.line2': 'section-mailing address-line2',
  'mailing.address.city': 'section-mailing address-level2',
  'mailing.address.region': 'section-mailing address-level1',
  'mailing.address.postalCode': 'section-mailing postal-code',
  'card.name': 'cc-name',
  'card.number': 'cc-number',
  'card.expiry': 'cc-exp',
  'card.cvc': 'cc-csc',
  'billingAddress.country': 'billing country',
  'billingAddress.region': 'billing address-level1',
  'billingAddress.postalCode': 'billing postal-code',
};

const INPUT_TYPE: Partial<Record<FormField, { type: string; inputmode?: string }>> = {
  'mailing.email': { type: 'email', inputmode: 'email' },
  'mailing.phone': { type: 'tel', inputmode: 'tel' },
  'card.number': { type: 'text', inputmode: 'numeric' },
  'card.expiry': { type: 'text', inputmode: 'numeric' },
  'card.cvc': { type: 'text', inputmode: 'numeric' },
};

/** `mailing.address.postalCode` → `mailing-address-postalCode` (ids inside the shadow root). */
const idOf = (field: FormField) => field.replaceAll('.', '-');

const DRAFT_PREFIX = 'billing-elements:draft:';

/** The form's rules, loaded once for every form on the page (see billing-form.engine.ts). */
let engine: typeof FormEngine | undefined;
let engineLoading: Promise<typeof FormEngine> | undefined;
function loadEngine(): Promise<typeof FormEngine> {
  engineLoading ??= import('./billing-form.engine.js').then((module) => (engine = module));
  return engineLoading;
}

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
 * @csspart remaining - The count of required fields remaining.
 * @csspart submit - The Submit Payment Information button.
 * @csspart terms - The terms notice beside the button.
 * @csspart alert - The submission error.
 * @csspart success - The confirmation after a card was accepted.
 * @csspart no-permission - Shown to a viewer without the billing role.
 * @csspart developer-error - Shown when the element is not inside a `<billing-provider>`.
 *
 * @cssprop [--billing-color-accent=LinkText] - Button and link color.
 * @cssprop [--billing-color-danger=light-dark(#c5221f, #f28b82)] - Errors and required marks.
 * @cssprop [--billing-color-input=Field] - Input background.
 * @cssprop [--billing-color-input-text=FieldText] - Input text.
 * @cssprop [--billing-color-input-border] - Input border.
 */
@localized()
export class BillingForm extends BillingConsumerElement {
  static override styles = [sharedStyles, billingFormStyles];

  @query('form') private _form?: HTMLFormElement;

  @state() private _values: FormValues = emptyValues();
  @state() private _touched: ReadonlySet<FormField> = new Set();
  @state() private _rules: Record<AddressGroup, CountryAddressRules | null> = { mailing: null, billing: null };
  @state() private _replacing = false;
  @state() private _submitting = false;
  @state() private _submitError: BillingError | null = null;
  @state() private _serverFieldErrors: Partial<Record<FormField, string>> = {};
  @state() private _result: SubmitResult | null = null;
  @state() private _hostedComplete = false;

  /** Where the terms of service live; section 3.7 binds the account when a card is added. */
  @property({ attribute: 'terms-href' }) termsHref?: string;

  /** Show the inputs at once even when the account has a card (the suspension modal sets it). */
  @property({ type: Boolean }) expanded = false;

  #keyring?: IdempotencyKeys;
  #inFlight = false;
  /** The hosted fields' token of an attempt that may be retried (see #onSubmit). */
  #retryToken?: TokenizedCard;
  #ruleRequests: Record<AddressGroup, string> = { mailing: '', billing: '' };
  #draftLoadedFor?: string;
  #cardFields?: CardFields;
  #cardFieldsContainer?: HTMLElement;
  #mountGeneration = 0;
  #rendering = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!engine) void loadEngine().then(() => this.requestUpdate(), (error: unknown) => this.fireError(toBillingError(error)));
    // Back in the DOM: hosted card fields removed on disconnect are mounted again by updated().
    else if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unmountHostedFields();
  }

  protected override willUpdate(): void {
    const snapshot = this.billing?.state.snapshot;
    if (engine && snapshot && this.#draftLoadedFor !== snapshot.account.id && snapshot.viewer.canManageBilling) {
      // Another account (a multi-tenant portal switching tenants): nothing typed for the last one stays.
      if (this.#draftLoadedFor !== undefined) this.#clearForm();
      this.#draftLoadedFor = snapshot.account.id;
      this.#restoreDraft(snapshot.account.id);
    }
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    this.#rendering = true;
    try {
      super.update(changed);
    } finally {
      this.#rendering = false;
    }
  }

  protected override updated(): void {
    if (this.billing?.state.hostedCardFields && this.#showForm && this.canManageBilling) void this.#mountHostedFields();
  }

  // ── State helpers ─────────────────────────────────────────────────────────────────────────

  private get _context(): FormContext {
    return {
      mailingRules: this._rules.mailing,
      billingRules: this._rules.billing,
      today: this.billing?.state.today ?? '1970-01-01',
      hostedCard: this.billing?.state.hostedCardFields ? { complete: this._hostedComplete } : null,
    };
  }

  /** One idempotency key per logical submission (see IdempotencyKeys). */
  get #keys(): IdempotencyKeys {
    this.#keyring ??= new engine!.IdempotencyKeys();
    return this.#keyring;
  }

  get #showForm(): boolean {
    return this.expanded || this._replacing || !this.billing?.state.snapshot?.paymentMethod;
  }

  #draftKey(): string | null {
    const id = this.billing?.state.snapshot?.account.id;
    return id ? `${DRAFT_PREFIX}${id}` : null;
  }

  #restoreDraft(accountId: string): void {
    let stored: unknown = null;
    try {
      stored = JSON.parse(sessionStorage.getItem(`${DRAFT_PREFIX}${accountId}`) ?? 'null');
    } catch {
      stored = null;
    }
    if (!stored) return;
    this._values = engine!.applyDraft(this._values, stored);
    for (const group of ['mailing', 'billing'] as const) {
      const country = this._values[COUNTRY_FIELD[group]];
      if (country) void this.#loadRules(group, country, false);
    }
  }

  #saveDraft(): void {
    const key = this.#draftKey();
    if (!key) return;
    try {
      sessionStorage.setItem(key, JSON.stringify(engine!.draftOf(this._values)));
    } catch {
      // Storage may be full or blocked; the draft is a convenience.
    }
  }

  #clearDraft(): void {
    const key = this.#draftKey();
    if (!key) return;
    try {
      sessionStorage.removeItem(key);
    } catch {
      // ignore
    }
  }

  #setValue(field: FormField, value: string): void {
    this._values = { ...this._values, [field]: value };
    if (this._serverFieldErrors[field]) {
      const errors = { ...this._serverFieldErrors };
      delete errors[field];
      this._serverFieldErrors = errors;
    }
    if (this._result) this._result = null;
    if (!CARD_FIELDS.includes(field as (typeof CARD_FIELDS)[number])) this.#saveDraft();
  }

  #touch(field: FormField): void {
    // A focused field removed by a render (the form collapsing after success) blurs mid-render:
    // that is not the user leaving it.
    if (this.#rendering || this._touched.has(field)) return;
    this._touched = new Set([...this._touched, field]);
  }

  async #loadRules(group: AddressGroup, country: string, normalize: boolean): Promise<void> {
    this.#ruleRequests[group] = country;
    const previous = this._rules[group];
    this._rules = { ...this._rules, [group]: null };
    let rules: CountryAddressRules;
    try {
      rules = await engine!.loadAddressRules(country);
    } catch (error) {
      if (this.#ruleRequests[group] !== country) return;
      this.fireError(toBillingError(error));
      return;
    }
    if (this.#ruleRequests[group] !== country) return;
    if (normalize) {
      const prefix = group === 'mailing' ? 'mailing.address' : 'billingAddress';
      const get = (name: string) => this._values[`${prefix}.${name}` as FormField] ?? '';
      const kept = engine!.normalizeAddressForCountry(
        { country, line1: get('line1'), line2: get('line2'), city: get('city'), region: get('region'), postalCode: get('postalCode') },
        rules,
        previous ?? undefined,
      );
      const next = { ...this._values, [`${prefix}.region`]: kept.region, [`${prefix}.postalCode`]: kept.postalCode } as FormValues;
      this._values = next;
      this.#saveDraft();
    }
    this._rules = { ...this._rules, [group]: rules };
  }

  // ── Handlers ──────────────────────────────────────────────────────────────────────────────

  #onInput(field: FormField, event: Event): void {
    const input = event.target as HTMLInputElement;
    if (field === 'card.number') {
      const raw = input.value;
      const caret = input.selectionStart ?? raw.length;
      const formatted = engine!.formatCardNumber(raw);
      if (formatted !== raw) {
        input.value = formatted;
        const position = engine!.caretAfterFormat(raw, caret, formatted);
        input.setSelectionRange(position, position);
      }
      this.#setValue(field, formatted);
      return;
    }
    if (field === 'card.expiry') {
      const formatted = engine!.formatExpiryInput(input.value, this._values['card.expiry']);
      if (formatted !== input.value) input.value = formatted;
      this.#setValue(field, formatted);
      return;
    }
    if (field === 'card.cvc') {
      const digits = engine!.digitsOnly(input.value).slice(0, 4);
      if (digits !== input.value) input.value = digits;
      this.#setValue(field, digits);
      return;
    }
    this.#setValue(field, input.value);
  }

  #onCountryChange(group: AddressGroup, event: Event): void {
    const country = (event.target as HTMLSelectElement).value;
    this.#setValue(COUNTRY_FIELD[group], country);
    this.#touch(COUNTRY_FIELD[group]);
    if (country) void this.#loadRules(group, country, true);
    else this._rules = { ...this._rules, [group]: null };
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const billing = this.billing;
    if (!billing || this.#inFlight || engine!.remainingFields(this._values, this._context) > 0) return;
    // Synchronously, before any await: a second click or Enter finds the submission in flight.
    this.#inFlight = true;
    this._submitting = true;
    this._submitError = null;
    this._result = null;
    let keyed = false;
    try {
      // A retry after a retryable failure submits the same processor token: a new token would
      // be a new submission, so a new idempotency key. Editing the hosted fields drops it.
      const token = this.#cardFields ? (this.#retryToken ??= await this.#cardFields.tokenize()) : undefined;
      const submission = engine!.buildSubmission(this._values, this._context, token);
      const idempotencyKey = this.#keys.keyFor(await engine!.submissionFingerprint(submission));
      keyed = true;
      this.dispatchEvent(new PaymentMethodSubmitEvent({ idempotencyKey }));
      // Not aborted when the form leaves the page: a payment under way is seen through, so
      // the provider still gets the new snapshot.
      const result = await billing.actions.submitPaymentMethod(submission, { idempotencyKey });
      this.#keys.settle('definitive');
      this.#retryToken = undefined;
      this.#onAccepted(result);
    } catch (error) {
      const outcome = engine!.outcomeOfError(error);
      if (keyed) this.#keys.settle(outcome);
      if (outcome === 'definitive') this.#retryToken = undefined;
      this.#onRejected(toBillingError(error));
    } finally {
      this.#inFlight = false;
      this._submitting = false;
    }
  }

  #onAccepted(result: SubmitResult): void {
    const cleared = { ...this._values };
    for (const field of CARD_FIELDS) cleared[field] = '';
    this._values = cleared;
    this._touched = new Set();
    this._serverFieldErrors = {};
    this._result = result;
    this._replacing = false;
    // Card inputs are cleared: hosted fields too (fresh ones next time).
    this.#unmountHostedFields();
    this.#clearDraft();
    const paymentMethod = result.snapshot.paymentMethod as PaymentMethod;
    this.dispatchEvent(new PaymentMethodUpdatedEvent({ paymentMethod, ...(result.charged ? { charged: result.charged } : {}) }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="success"]')?.focus());
  }

  #onRejected(error: BillingError): void {
    const fieldErrors: Partial<Record<FormField, string>> = {};
    for (const [path, message] of Object.entries(error.fieldErrors ?? {})) {
      const field = engine!.fieldForErrorPath(path);
      if (field) fieldErrors[field] = message;
    }
    this._serverFieldErrors = fieldErrors;
    this._submitError = error;
    // Everything typed stays; only the security code is asked for again after a decline.
    if (error.code === 'card_declined') this._values = { ...this._values, 'card.cvc': '' };
    this.fireError(error);
    void this.updateComplete.then(() => {
      const first = Object.keys(fieldErrors)[0] as FormField | undefined;
      const target = first ? this.renderRoot.querySelector<HTMLElement>(`#${idOf(first)}`) : null;
      (target ?? this.renderRoot.querySelector<HTMLElement>('[part="alert"]'))?.focus();
    });
  }

  async #mountHostedFields(): Promise<void> {
    if (this.#cardFields || this.#cardFieldsContainer || !this.billing) return;
    const generation = this.#mountGeneration;
    const container = document.createElement('div');
    container.slot = 'card-fields';
    this.append(container);
    this.#cardFieldsContainer = container;
    try {
      const fields = await this.billing.actions.mountCardFields(container);
      if (generation !== this.#mountGeneration) {
        // Unmounted (disconnected, or a card was accepted) while the processor was loading.
        fields.destroy?.();
        container.remove();
        return;
      }
      this.#cardFields = fields;
      this._hostedComplete = fields.isComplete?.() ?? false;
      fields.onChange?.((complete) => {
        if (generation !== this.#mountGeneration) return;
        this._hostedComplete = complete;
        this.#retryToken = undefined;
      });
    } catch (error) {
      if (generation !== this.#mountGeneration) return;
      container.remove();
      this.#cardFieldsContainer = undefined;
      this.fireError(toBillingError(error));
    }
  }

  /** Removes the hosted card fields; the next time the form shows, fresh ones are mounted. */
  #unmountHostedFields(): void {
    this.#mountGeneration++;
    this.#cardFields?.destroy?.();
    this.#cardFields = undefined;
    this.#cardFieldsContainer?.remove();
    this.#cardFieldsContainer = undefined;
    this._hostedComplete = false;
    this.#retryToken = undefined;
  }

  // ── Rendering ─────────────────────────────────────────────────────────────────────────────

  #labelOf(field: FormField): string {
    const group: AddressGroup = field.startsWith('mailing.') ? 'mailing' : 'billing';
    const rules = this._rules[group];
    if (field.endsWith('.region') && rules?.regionLabel) return engine!.regionLabelText(rules.regionLabel);
    if (field.endsWith('.postalCode') && rules?.postalLabel) return engine!.postalLabelText(rules.postalLabel);
    return engine!.fixedLabel(field);
  }

  #errorOf(field: FormField, problems: Problems): string | null {
    const server = this._serverFieldErrors[field];
    if (server) return engine!.serverFieldText(server, this.#labelOf(field));
    if (!this._touched.has(field)) return null;
    const problem = problems[field];
    if (!problem) return null;
    const group: AddressGroup = field.startsWith('mailing.') ? 'mailing' : 'billing';
    const rules = this._rules[group];
    return engine!.problemText(field, problem, {
      label: this.#labelOf(field),
      example: rules?.postalExample ?? null,
      codeLength: engine!.describeCardNumber(this._values['card.number']).codeLength,
    });
  }

  #renderField(
    field: FormField,
    problems: Problems,
    control: (describedBy: string, invalid: boolean) => TemplateResult,
    options: { hint?: TemplateResult | string | null; wide?: boolean; aside?: string } = {},
  ): TemplateResult {
    const id = idOf(field);
    const error = this.#errorOf(field, problems);
    const required = engine!.isRequired(field, this._context);
    const describedBy = [options.aside ? `${id}-aside` : '', options.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <div part="field" class="field ${options.wide ? 'field--wide' : ''} ${field === 'billingAddress.country' ? 'field--row-start' : ''}">
        <div class="label-row">
          <label for=${id}>${this.#labelOf(field)}${required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}</label>
          ${options.aside ? html`<span class="aside" id="${id}-aside">${options.aside}</span>` : nothing}
        </div>
        ${control(describedBy, error !== null)}
        ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
        ${error ? html`<p part="error" class="error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  }

  #renderInput(
    field: FormField,
    problems: Problems,
    options: { hint?: TemplateResult | string | null; wide?: boolean; placeholder?: string; maxlength?: number; aside?: string } = {},
  ): TemplateResult {
    const kind = INPUT_TYPE[field] ?? { type: 'text' };
    return this.#renderField(
      field,
      problems,
      (describedBy, invalid) => html`<input
        part="input"
        id=${idOf(field)}
        name=${field}
        type=${kind.type}
        inputmode=${kind.inputmode ?? nothing}
        autocomplete=${AUTOCOMPLETE[field] ?? 'off'}
        placeholder=${options.placeholder ?? nothing}
        maxlength=${options.maxlength ?? nothing}
        spellcheck="false"
        aria-required=${engine!.isRequired(field, this._context) ? 'true' : 'false'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${live(this._values[field])}
        @input=${(event: Event) => this.#onInput(field, event)}
        @blur=${() => this.#touch(field)}
      />`,
      options,
    );
  }

  #renderCountry(group: AddressGroup, problems: Problems): TemplateResult {
    const field = COUNTRY_FIELD[group];
    const options = engine!.countryOptions(this.locale);
    return this.#renderField(field, problems, (describedBy, invalid) => html`<select
      part="input"
      id=${idOf(field)}
      name=${field}
      autocomplete=${AUTOCOMPLETE[field]!}
      aria-required="true"
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${live(this._values[field])}
      @change=${(event: Event) => this.#onCountryChange(group, event)}
      @blur=${() => this.#touch(field)}
    >
      <option value="" ?selected=${this._values[field] === ''}>${engine!.formText.chooseCountry()}</option>
      ${options.map((o) => html`<option value=${o.code} ?selected=${this._values[field] === o.code}>${o.name}</option>`)}
    </select>`);
  }

  #renderRegion(group: AddressGroup, problems: Problems): TemplateResult | typeof nothing {
    const rules = this._rules[group];
    if (!rules) return nothing;
    const shape = engine!.addressFields(rules, { locale: this.locale }).region;
    if (!shape.shown) return nothing;
    const field: FormField = group === 'mailing' ? 'mailing.address.region' : 'billingAddress.region';
    if (shape.kind === 'text') return this.#renderInput(field, problems);
    const label = engine!.regionLabelText(shape.label);
    return this.#renderField(field, problems, (describedBy, invalid) => html`<select
      part="input"
      id=${idOf(field)}
      name=${field}
      autocomplete=${AUTOCOMPLETE[field]!}
      aria-required=${shape.required ? 'true' : 'false'}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${live(this._values[field])}
      @change=${(event: Event) => this.#onInput(field, event)}
      @blur=${() => this.#touch(field)}
    >
      <option value="" ?selected=${this._values[field] === ''}>${engine!.formText.chooseRegion(label)}</option>
      ${shape.options.map((o) => html`<option value=${o.code} ?selected=${this._values[field] === o.code}>${o.name}</option>`)}
    </select>`);
  }

  #renderPostal(group: AddressGroup, problems: Problems): TemplateResult | typeof nothing {
    const rules = this._rules[group];
    if (!rules) return nothing;
    const shape = engine!.addressFields(rules).postalCode;
    if (!shape.shown) return nothing;
    const field: FormField = group === 'mailing' ? 'mailing.address.postalCode' : 'billingAddress.postalCode';
    const hint = shape.example ? engine!.formText.postalExample(shape.example) : null;
    return this.#renderInput(field, problems, { hint, maxlength: 32 });
  }

  #renderMailingAddress(problems: Problems): TemplateResult[] {
    const rules = this._rules.mailing;
    const parts: Record<string, () => TemplateResult | typeof nothing> = {
      address: () =>
        html`${this.#renderInput('mailing.address.line1', problems, { wide: true })}${this.#renderInput('mailing.address.line2', problems, {
          wide: true,
        })}`,
      city: () => this.#renderInput('mailing.address.city', problems),
      region: () => this.#renderRegion('mailing', problems),
      postalCode: () => this.#renderPostal('mailing', problems),
    };
    // Street lines and city stay where they are (a focused field must never be re-created
    // under the user's caret when the country's rules arrive); region and postal code follow
    // in the country's own order (Japan: postal code, then prefecture).
    const order = rules ? engine!.addressFields(rules).order.filter((name) => name === 'region' || name === 'postalCode') : [];
    return ['address', 'city', ...order].map((name) => html`${parts[name]?.() ?? nothing}`);
  }

  #renderMailing(problems: Problems): TemplateResult {
    return html`
      <fieldset part="mailing">
        <legend>${engine!.formText.mailing()}</legend>
        ${this.#renderInput('mailing.firstName', problems)} ${this.#renderInput('mailing.lastName', problems)}
        ${this.#renderInput('mailing.email', problems)} ${this.#renderInput('mailing.company', problems)}
        ${this.#renderInput('mailing.phone', problems)} ${this.#renderCountry('mailing', problems)}
        ${this.#renderMailingAddress(problems)}
      </fieldset>
    `;
  }

  #renderCardInputs(problems: Problems): TemplateResult {
    if (this.billing?.state.hostedCardFields) {
      return html`<div class="hosted" part="hosted-fields"><slot name="card-fields"></slot></div>`;
    }
    const card = engine!.describeCardNumber(this._values['card.number']);
    const brand = card.brand ? engine!.brandLabel(card.brand) : '';
    const groups = card.gaps.length + 1;
    return html`
      ${this.#renderInput('card.number', problems, {
        wide: true,
        maxlength: card.maxLength + groups,
        // The brand, shown beside the label and read as the field's description.
        ...(brand ? { aside: brand } : {}),
      })}
      ${this.#renderInput('card.expiry', problems, { placeholder: 'MM/YY', maxlength: 7, hint: engine!.formText.expiryFormat() })}
      ${this.#renderInput('card.cvc', problems, {
        maxlength: card.brand ? card.codeLength : 4,
        hint: engine!.formText.cvcHint(card.codeLength),
      })}
    `;
  }

  #renderBilling(problems: Problems): TemplateResult {
    return html`
      <fieldset part="billing">
        <legend>${engine!.formText.billing()}</legend>
        ${this.#renderInput('card.name', problems, { wide: true })} ${this.#renderCardInputs(problems)}
        ${this.#renderCountry('billing', problems)} ${this.#renderRegion('billing', problems)} ${this.#renderPostal('billing', problems)}
      </fieldset>
    `;
  }

  #renderCurrent(method: PaymentMethod): TemplateResult {
    const expiry = `${String(method.expMonth).padStart(2, '0')}/${method.expYear}`;
    const brand = engine!.isCardBrand(method.brand) ? engine!.brandLabel(method.brand) : method.brand;
    const [year, month] = this.billing!.state.today.split('-').map(Number) as [number, number];
    const expired = method.expYear < year || (method.expYear === year && method.expMonth < month);
    const status = expired ? 'expired' : method.status;
    return html`
      <section part="current" class="current" aria-labelledby="current-title">
        <p class="current-card" id="current-title">
          ${engine!.formText.cardSummary(brand, method.last4)}
          <span class="badge badge--${status}"
            >${status === 'expired'
              ? engine!.formText.expired()
              : status === 'pending'
                ? engine!.formText.pending()
                : engine!.formText.active()}</span
          >
        </p>
        <p>${engine!.formText.expires(expiry)}</p>
        ${expired ? html`<p>${engine!.formText.expiredNote()}</p>` : nothing}
        ${status === 'pending'
          ? html`<p>${engine!.formText.pendingNote()}</p>`
          : nothing}
        ${this.#renderRules()}
        ${this.#showForm
          ? nothing
          : html`<div class="row">
              <button part="replace" class="button button--secondary" type="button" @click=${() => (this._replacing = true)}>
                ${engine!.formText.replaceCard()}
              </button>
            </div>`}
      </section>
    `;
  }

  #renderRules(): TemplateResult {
    const snapshot = this.billing!.state.snapshot!;
    const organizations = snapshot.account.organizations.length;
    const next = formatDate(snapshot.account.nextChargeDate, this.locale);
    return html`
      <p>
        ${engine!.formText.paysAll(organizations)}
      </p>
      <p>${engine!.formText.nextCharge(next)}</p>
      ${snapshot.account.userCap !== null
        ? html`<p>
            ${engine!.formText.userCap(snapshot.account.userCap)}
          </p>`
        : nothing}
    `;
  }

  #renderSuccess(): TemplateResult | typeof nothing {
    const result = this._result;
    if (!result) return nothing;
    const charged = result.charged && result.charged.amount > 0 ? formatMoney(result.charged, this.locale) : null;
    return html`<div part="success" class="success" role="status" tabindex="-1">
      <p>
        ${charged
          ? engine!.formText.successCharged(charged)
          : engine!.formText.success()}
        ${engine!.formText.successDelay()}
      </p>
    </div>`;
  }

  #renderSubmit(remaining: number): TemplateResult {
    const owed = this.billing!.state.dunning?.amountOwed;
    const terms = engine!.formText.termsLink();
    return html`
      <div class="submit-area">
        ${this._submitError
          ? html`<p part="alert" class="alert" role="alert" tabindex="-1">${engine!.submitErrorText(this._submitError.code)}</p>`
          : nothing}
        ${owed && owed.amount > 0
          ? html`<p class="charge">
              ${engine!.formText.charge(formatMoney(owed, this.locale))}
            </p>`
          : nothing}
        <p part="remaining" class="remaining" id="remaining" role="status">${engine!.remainingText(remaining)}</p>
        <div class="row">
          <button
            part="submit"
            class="button"
            type="submit"
            ?disabled=${remaining > 0 || this._submitting}
            aria-describedby="remaining terms"
          >
            ${this._submitting
              ? engine!.formText.submitting()
              : engine!.formText.submit()}
          </button>
          ${this.billing?.state.snapshot?.paymentMethod && this._replacing && !this.expanded
            ? html`<button class="button button--secondary" type="button" @click=${() => (this._replacing = false)}>
                ${engine!.formText.keepCard()}
              </button>`
            : nothing}
        </div>
        <p part="terms" class="terms" id="terms">
          ${engine!.formText.termsPrefix()}
          ${this.termsHref ? html`<a href=${this.termsHref} target="_blank" rel="noopener">${terms}</a>` : terms}.
        </p>
      </div>
    `;
  }

  protected override render() {
    const shared = this.renderSharedState();
    if (shared !== null) return shared;
    if (!this.canManageBilling) return this.renderNoPermission();
    if (!engine) return html`<p part="loading" class="loading" role="status">${sharedText.loading()}</p>`;
    const snapshot = this.billing!.state.snapshot!;
    const method = snapshot.paymentMethod;
    if (!this.#showForm) return html`${this.#renderSuccess()}${method ? this.#renderCurrent(method) : nothing}`;
    const problems = engine!.formProblems(this._values, this._context);
    const remaining = engine!.remainingFields(this._values, this._context);
    return html`
      ${this.#renderSuccess()}
      ${method
        ? this.#renderCurrent(method)
        : html`<div class="intro">
            <p>${engine!.formText.addIntro()}</p>
            ${this.#renderRules()}
          </div>`}
      <form part="form" novalidate aria-busy=${this._submitting ? 'true' : 'false'} @submit=${this.#onSubmit}>
        ${this.#renderMailing(problems)} ${this.#renderBilling(problems)} ${this.#renderSubmit(remaining)}
      </form>
    `;
  }

  /**
   * Loads the form's rules (address data index, card checks) ahead of time. Every form starts
   * this itself when it connects; call it to have it ready before a form is shown.
   */
  static async preload(): Promise<void> {
    await loadEngine();
  }

  /** Visible fields, for tests and hosts that want to know what the country asks for. */
  get fields(): FormField[] {
    return engine ? engine.visibleFields(this._context) : [];
  }

  /** Clears every field and the draft (card fields included). */
  reset(): void {
    this.#clearForm();
    this.#clearDraft();
    this._form?.reset();
  }

  #clearForm(): void {
    this._values = emptyValues();
    this._touched = new Set();
    this._rules = { mailing: null, billing: null };
    this.#ruleRequests = { mailing: '', billing: '' };
    this._submitError = null;
    this._serverFieldErrors = {};
    this._result = null;
    this._replacing = false;
    this.#keyring?.reset();
    this.#retryToken = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-form': BillingForm;
  }
}
