/**
 * `<billing-form>`'s view: everything the form shows once its rules have loaded, and the state
 * behind it — the values, what was touched, the error summary, the submission and its outcome,
 * the draft, the country rules and the hosted card fields — with its handlers, its templates and
 * the styles only they need (`formViewStyles`). Part of the form's lazy engine
 * (billing-form.engine.ts): the element (billing-form.ts) keeps only its shell (properties, the
 * shared states, the loading state) and creates one `FormView` when the engine arrives.
 */
import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BillingContextValue } from '../../context/billing-context.js';
import { toBillingError, type BillingError } from '../../domain/errors.js';
import { CARD_FIELDS, emptyValues, isCardField, type FormField, type FormValues } from '../../domain/payment-form-fields.js';
import type { FieldProblem, FormContext } from '../../domain/payment-form.js';
import type { PostalLabel, RegionLabel } from '../../domain/address/types.js';
import type { PaymentMethod, SubmitResult } from '../../domain/types.js';
import { PaymentMethodSubmitEvent } from '../../events/payment-method-submit.js';
import { PaymentMethodUpdatedEvent } from '../../events/payment-method-updated.js';
import { sentenceGap, sharedText } from '../../i18n/index.js';
import { AddressRulesController, type AddressGroup } from './address-rules-controller.js';
import { viewStyles } from '../../internal/view.styles.js';
import { billingFormStyles } from './billing-form.styles.js';
import { errorSummaryStyles } from './billing-form.summary.styles.js';
import { readDraft, removeDraft, writeDraft } from './draft-store.js';
import { renderErrorSummary, type SummaryItem, type SummarySection } from './error-summary.js';
import type { FormEngine } from './form-engine-controller.js';
import { HostedFieldsController } from './hosted-fields-controller.js';
import { SubmissionController } from './submission-controller.js';

/** The view's styles, adopted by the element's shadow root when the view arrives. */
export const formViewStyles = [viewStyles, billingFormStyles, errorSummaryStyles];

/** The element as the view sees it: a Lit element with the form's public properties. */
export type FormHost = LitElement & { readonly termsHref?: string; readonly expanded: boolean; readonly submitTimeout: number };

/** What the view reads of the element's protected side (the provider's state, the locale) and how it reports errors. */
export interface FormHostAccess {
  billing(): BillingContextValue | undefined;
  locale(): string;
  fireError(error: BillingError): void;
}

/** What is wrong with each field that has a problem. */
type Problems = Partial<Record<FormField, FieldProblem>>;

/** What the error summary lists: fields, and `hosted` for processor-hosted card fields. */
type SummaryTarget = FormField | 'hosted';

/** What one render works from: the loaded engine, the rules' context and every field's problem. */
interface View {
  readonly engine: FormEngine;
  readonly context: FormContext;
  readonly problems: Problems;
}

/** The state the view renders from; every change goes through `#set`, which re-renders the element. */
interface FormState {
  values: FormValues;
  touched: ReadonlySet<FormField>;
  /** What the error summary listed at the last submit attempt (null: no summary). */
  summary: readonly SummaryTarget[] | null;
  replacing: boolean;
  submitError: BillingError | null;
  serverFieldErrors: Partial<Record<FormField, string>>;
  result: SubmitResult | null;
}

const COUNTRY_FIELD: Record<AddressGroup, FormField> = {
  mailing: 'mailing.address.country',
  billing: 'billingAddress.country',
};

const ADDRESS_PREFIX: Record<AddressGroup, 'mailing.address' | 'billingAddress'> = {
  mailing: 'mailing.address',
  billing: 'billingAddress',
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

/**
 * Inputs that read left to right in every language: numbers, codes, addresses of mail and phone.
 * The other text inputs (names, company, address, city) take the direction of what is typed
 * (`dir="auto"`): "1 Analytical Way" typed into a right-to-left form stays "1 Analytical Way".
 */
const LTR_FIELDS: ReadonlySet<FormField> = new Set<FormField>([
  'card.number',
  'card.expiry',
  'card.cvc',
  'mailing.email',
  'mailing.phone',
  'mailing.address.postalCode',
  'billingAddress.postalCode',
]);

const INPUT_TYPE: Partial<Record<FormField, { type: string; inputmode?: string }>> = {
  'mailing.email': { type: 'email', inputmode: 'email' },
  'mailing.phone': { type: 'tel', inputmode: 'tel' },
  'card.number': { type: 'text', inputmode: 'numeric' },
  'card.expiry': { type: 'text', inputmode: 'numeric' },
  'card.cvc': { type: 'text', inputmode: 'numeric' },
};

/** `mailing.address.postalCode` → `mailing-address-postalCode` (ids inside the shadow root). */
const idOf = (field: FormField) => field.replaceAll('.', '-');

/**
 * The form itself, for one `<billing-form>`: a controller of the element that holds the form's
 * state, renders it (`render`), and reacts to the element's updates.
 */
export class FormView implements ReactiveController {
  readonly #rules: AddressRulesController;
  readonly #submission: SubmissionController;
  readonly #hosted: HostedFieldsController;

  #s: FormState = {
    values: emptyValues(),
    touched: new Set(),
    summary: null,
    replacing: false,
    submitError: null,
    serverFieldErrors: {},
    result: null,
  };

  /** The account whose draft the values belong to. */
  #draftAccount?: string;
  /** True while Lit commits a render (see #touch). */
  #rendering = false;
  /** Fields the user changed (input or change) since they were last checked: leaving one shows its error. */
  #changed = new Set<FormField>();

  readonly #host: FormHost;
  readonly #access: FormHostAccess;
  readonly #engine: FormEngine;

  constructor(host: FormHost, access: FormHostAccess, engine: FormEngine) {
    this.#host = host;
    this.#access = access;
    this.#engine = engine;
    this.#rules = new AddressRulesController(this.#host);
    this.#submission = new SubmissionController(this.#host);
    this.#hosted = new HostedFieldsController(this.#host, {
      onChange: () => this.#submission.forgetToken(),
      onError: (error) => this.#access.fireError(toBillingError(error)),
    });
    // The view's styles join the shell's in the shadow root (created when the element connected) before the view's first render.
    // (What Lit's adoptStyles does, adding to the shell's sheets instead of replacing them.)
    const root = host.renderRoot;
    if (root instanceof ShadowRoot) {
      const sheets = formViewStyles.map((s) => s.styleSheet);
      if (sheets.every((sheet) => sheet !== undefined)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
      else {
        for (const s of formViewStyles) {
          const style = document.createElement('style');
          const nonce = (globalThis as { litNonce?: string }).litNonce;
          if (nonce !== undefined) style.setAttribute('nonce', nonce);
          style.textContent = s.cssText;
          root.append(style);
        }
      }
    }
    this.#host.addController(this);
  }

  get #billing(): BillingContextValue | undefined {
    return this.#access.billing();
  }

  get #locale(): string {
    return this.#access.locale();
  }

  get #canManageBilling(): boolean {
    return this.#billing?.state.snapshot?.viewer.canManageBilling === true;
  }

  #set(patch: Partial<FormState>): void {
    this.#s = { ...this.#s, ...patch };
    this.#host.requestUpdate();
  }

  /** Before each render: a new account's draft (or none) replaces what was typed for the last one. */
  hostUpdate(): void {
    const snapshot = this.#billing?.state.snapshot;
    if (snapshot && this.#draftAccount !== snapshot.account.id && snapshot.viewer.canManageBilling) {
      // Another account (a multi-tenant portal switching tenants): nothing typed for the last one stays.
      if (this.#draftAccount !== undefined) this.#clearForm();
      this.#draftAccount = snapshot.account.id;
      this.#restoreDraft(this.#engine, snapshot.account.id);
    }
  }

  /** Runs the element's DOM commit (`commit`), so that blurs it causes are not taken for the user leaving a field. */
  rendering(commit: () => void): void {
    this.#rendering = true;
    try {
      commit();
    } finally {
      this.#rendering = false;
    }
  }

  hostUpdated(): void {
    const billing = this.#billing;
    if (billing?.state.hostedCardFields && this.#showForm && this.#canManageBilling) void this.#hosted.mount((container) => billing.actions.mountCardFields(container));
  }

  // ── State helpers ─────────────────────────────────────────────────────────────────────────

  #contextOf(): FormContext {
    return {
      mailingRules: this.#rules.rules('mailing'),
      billingRules: this.#rules.rules('billing'),
      today: this.#billing?.state.today ?? '1970-01-01',
      hostedCard: this.#billing?.state.hostedCardFields ? { complete: this.#hosted.complete } : null,
    };
  }

  get #showForm(): boolean {
    return this.#host.expanded || this.#s.replacing || !this.#billing?.state.snapshot?.paymentMethod;
  }

  #restoreDraft(engine: FormEngine, accountId: string): void {
    const stored = readDraft(accountId);
    if (!stored) return;
    this.#set({ values: engine.applyDraft(this.#s.values, stored) });
    for (const group of ['mailing', 'billing'] as const) {
      const country = this.#s.values[COUNTRY_FIELD[group]];
      if (country) void this.#chooseCountry(engine, group, country, false);
    }
  }

  #saveDraft(): void {
    if (this.#draftAccount) writeDraft(this.#draftAccount, this.#engine.draftOf(this.#s.values));
  }

  #setValue(field: FormField, value: string): void {
    this.#set({ values: { ...this.#s.values, [field]: value } });
    if (this.#s.serverFieldErrors[field]) {
      const errors = { ...this.#s.serverFieldErrors };
      delete errors[field];
      this.#set({ serverFieldErrors: errors });
    }
    if (this.#s.result) this.#set({ result: null });
    if (!isCardField(field)) this.#saveDraft();
  }

  /** The user left a field: its error shows from now on if they changed it (not when they only tabbed past it). */
  #touch(field: FormField): void {
    // A focused field that a render removes (the form collapsing after success) blurs while
    // the render is committed: that is not the user leaving it.
    if (this.#rendering || this.#s.touched.has(field) || !this.#changed.has(field)) return;
    this.#set({ touched: new Set([...this.#s.touched, field]) });
  }

  /**
   * Loads the country's address rules for the group; once they are the group's rules, keeps
   * the region and postal code only where they fit the new country (`normalize`).
   */
  async #chooseCountry(engine: FormEngine, group: AddressGroup, country: string, normalize: boolean): Promise<void> {
    const loaded = await this.#rules.choose(group, country, engine.loadAddressRules, (error) => this.#access.fireError(toBillingError(error)));
    if (!loaded) return;
    if (normalize) {
      const prefix = ADDRESS_PREFIX[group];
      const get = (name: string) => this.#s.values[`${prefix}.${name}` as FormField] ?? '';
      const kept = engine.normalizeAddressForCountry(
        { country, line1: get('line1'), line2: get('line2'), city: get('city'), region: get('region'), postalCode: get('postalCode') },
        loaded.rules,
        loaded.previous ?? undefined,
      );
      this.#set({ values: { ...this.#s.values, [`${prefix}.region`]: kept.region, [`${prefix}.postalCode`]: kept.postalCode } as FormValues });
      this.#saveDraft();
    }
    this.#rules.settle(group, loaded.rules);
  }

  // ── Handlers ──────────────────────────────────────────────────────────────────────────────

  #onInput(engine: FormEngine, field: FormField, event: Event): void {
    const input = event.target as HTMLInputElement;
    const formatted = engine.formatInput(field, input.value, input.selectionStart ?? input.value.length, this.#s.values[field]);
    if (formatted.value !== input.value) {
      input.value = formatted.value;
      if (formatted.caret !== undefined) input.setSelectionRange(formatted.caret, formatted.caret);
    }
    this.#changed.add(field);
    this.#setValue(field, formatted.value);
  }

  #onCountryChange(engine: FormEngine, group: AddressGroup, event: Event): void {
    const country = (event.target as HTMLSelectElement).value;
    const field = COUNTRY_FIELD[group];
    this.#changed.add(field);
    this.#setValue(field, country);
    if (country) void this.#chooseCountry(engine, group, country, true);
    else this.#rules.clear(group);
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    const billing = this.#billing;
    const engine = this.#engine;
    if (!billing || !engine || this.#submission.submitting) return;
    const context = this.#contextOf();
    if (engine.remainingFields(this.#s.values, context) > 0) {
      this.#showSummary(engine, context);
      return;
    }
    this.#set({ summary: null, submitError: null, result: null });
    const values = this.#s.values;
    void this.#submission
      .submit({
        rules: engine,
        build: (token) => engine.buildSubmission(values, context, token),
        cardFields: this.#hosted.fields,
        keyed: (idempotencyKey) => this.#host.dispatchEvent(new PaymentMethodSubmitEvent({ idempotencyKey })),
        // Not aborted when the form leaves the page: a payment under way is seen through, so
        // the provider still gets the new snapshot; only the deadline (submit-timeout) aborts it.
        send: (submission, idempotencyKey, signal) => billing.actions.submitPaymentMethod(submission, { idempotencyKey, signal }),
        timeoutSeconds: this.#host.submitTimeout,
      })
      .then((attempt) => {
        if (!attempt) return;
        if (attempt.ok) this.#onAccepted(attempt.result);
        else this.#onRejected(engine, toBillingError(attempt.error));
      });
  }

  /**
   * A submit attempt with missing or invalid fields: every field shown so far shows its own
   * error, and the summary lists them at the top of the form and takes focus.
   */
  #showSummary(engine: FormEngine, context: FormContext): void {
    const visible = engine.visibleFields(context);
    const problems = engine.formProblems(this.#s.values, context);
    const hosted = context.hostedCard;
    // The hosted fields sit after Name on card, like the card inputs they replace.
    const targets = visible
      .flatMap((field): SummaryTarget[] => (field === 'card.name' && hosted ? [field, 'hosted'] : [field]))
      .filter((target) => (target === 'hosted' ? !hosted!.complete : problems[target]));
    this.#set({ touched: new Set([...this.#s.touched, ...visible]) });
    // Nothing to list (a country's rules still loading, an instant): no summary to show.
    this.#set({ summary: targets.length > 0 ? targets : null });
    if (this.#s.summary) void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus());
  }

  /** A link of the summary: focus the field (the hosted fields' frame), as a fragment link would outside a shadow root. */
  #followSummaryLink(item: SummaryItem, event: Event): void {
    event.preventDefault();
    (item.target === 'hosted'
      ? this.#host.querySelector<HTMLElement>('[slot="card-fields"] iframe')
      : this.#host.renderRoot.querySelector<HTMLElement>(`#${item.target}`)
    )?.focus();
  }

  #onAccepted(result: SubmitResult): void {
    const cleared = { ...this.#s.values };
    for (const field of CARD_FIELDS) cleared[field] = '';
    this.#set({ values: cleared, touched: new Set(), summary: null, serverFieldErrors: {}, result, replacing: false });
    this.#changed.clear();
    // Card inputs are cleared: hosted fields too (fresh ones next time).
    this.#hosted.unmount();
    if (this.#draftAccount) removeDraft(this.#draftAccount);
    const paymentMethod = result.snapshot.paymentMethod as PaymentMethod;
    this.#host.dispatchEvent(new PaymentMethodUpdatedEvent({ paymentMethod, ...(result.charged ? { charged: result.charged } : {}) }));
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('[part="success"]')?.focus());
  }

  #onRejected(engine: FormEngine, error: BillingError): void {
    const fieldErrors: Partial<Record<FormField, string>> = {};
    for (const [path, message] of Object.entries(error.fieldErrors ?? {})) {
      const field = engine.fieldForErrorPath(path);
      if (field) fieldErrors[field] = message;
    }
    this.#set({ serverFieldErrors: fieldErrors, submitError: error });
    // Everything typed stays; only the security code is asked for again after a decline.
    if (error.code === 'card_declined') this.#set({ values: { ...this.#s.values, 'card.cvc': '' } });
    this.#access.fireError(error);
    void this.#host.updateComplete.then(() => {
      const first = Object.keys(fieldErrors)[0] as FormField | undefined;
      const target = first ? this.#host.renderRoot.querySelector<HTMLElement>(`#${idOf(first)}`) : null;
      (target ?? this.#host.renderRoot.querySelector<HTMLElement>('[part="alert"]'))?.focus();
    });
  }

  // ── Rendering ─────────────────────────────────────────────────────────────────────────────

  #labelOf(v: View, field: FormField): string {
    const group: AddressGroup = field.startsWith('mailing.') ? 'mailing' : 'billing';
    const rules = this.#rules.rules(group);
    if (field.endsWith('.region') && rules?.regionLabel) return v.engine.regionLabelText(rules.regionLabel);
    if (field.endsWith('.postalCode') && rules?.postalLabel) return v.engine.postalLabelText(rules.postalLabel);
    return v.engine.fixedLabel(field);
  }

  /** The country's words for the region and postal-code fields of the field's group. */
  #labelsOf(field: FormField): { region: RegionLabel | null; postal: PostalLabel | null } {
    const rules = this.#rules.rules(field.startsWith('mailing.') ? 'mailing' : 'billing');
    return { region: rules?.regionLabel ?? null, postal: rules?.postalLabel ?? null };
  }

  #errorOf(field: FormField, v: View): string | null {
    const server = this.#s.serverFieldErrors[field];
    if (server) {
      const example = this.#rules.rules(field.startsWith('mailing.') ? 'mailing' : 'billing')?.postalExample ?? null;
      return v.engine.serverFieldText(server, field, { ...this.#labelsOf(field), example });
    }
    if (!this.#s.touched.has(field)) return null;
    return this.#problemTextOf(field, v);
  }

  /** The sentence naming the field and its problem ("Last name is required."), or null when it has none. */
  #problemTextOf(field: FormField, v: View): string | null {
    const problem = v.problems[field];
    if (!problem) return null;
    return v.engine.problemText(field, problem, {
      ...this.#labelsOf(field),
      example: this.#rules.rules(field.startsWith('mailing.') ? 'mailing' : 'billing')?.postalExample ?? null,
      codeLength: v.engine.describeCardNumber(this.#s.values['card.number']).codeLength,
    });
  }

  #renderField(
    field: FormField,
    v: View,
    control: (describedBy: string, invalid: boolean) => TemplateResult,
    options: { hint?: TemplateResult | string | null; wide?: boolean; aside?: string } = {},
  ): TemplateResult {
    const id = idOf(field);
    const error = this.#errorOf(field, v);
    const required = v.engine.isRequired(field, v.context);
    const describedBy = [options.aside ? `${id}-aside` : '', options.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <div part="field" class="field ${options.wide ? 'field--wide' : ''} ${field === 'billingAddress.country' ? 'field--row-start' : ''}">
        <div class="label-row">
          <label for=${id}>${this.#labelOf(v, field)}${required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}</label>
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
    v: View,
    options: { hint?: TemplateResult | string | null; wide?: boolean; placeholder?: string; maxlength?: number; aside?: string } = {},
  ): TemplateResult {
    const kind = INPUT_TYPE[field] ?? { type: 'text' };
    return this.#renderField(
      field,
      v,
      (describedBy, invalid) => html`<input
        part="input"
        id=${idOf(field)}
        name=${field}
        type=${kind.type}
        dir=${LTR_FIELDS.has(field) ? 'ltr' : 'auto'}
        inputmode=${kind.inputmode ?? nothing}
        autocomplete=${AUTOCOMPLETE[field] ?? 'off'}
        placeholder=${options.placeholder ?? nothing}
        maxlength=${options.maxlength ?? nothing}
        spellcheck="false"
        aria-required=${v.engine.isRequired(field, v.context) ? 'true' : 'false'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${live(this.#s.values[field])}
        @input=${(event: Event) => this.#onInput(v.engine, field, event)}
        @blur=${() => this.#touch(field)}
      />`,
      options,
    );
  }

  #renderCountry(group: AddressGroup, v: View): TemplateResult {
    const field = COUNTRY_FIELD[group];
    const options = v.engine.countryOptions(this.#locale);
    return this.#renderField(field, v, (describedBy, invalid) => html`<select
      part="input"
      id=${idOf(field)}
      name=${field}
      autocomplete=${AUTOCOMPLETE[field]!}
      aria-required="true"
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${live(this.#s.values[field])}
      @change=${(event: Event) => this.#onCountryChange(v.engine, group, event)}
      @blur=${() => this.#touch(field)}
    >
      <option value="" ?selected=${this.#s.values[field] === ''}>${v.engine.formText.chooseCountry()}</option>
      ${options.map((o) => html`<option value=${o.code} ?selected=${this.#s.values[field] === o.code}>${o.name}</option>`)}
    </select>`);
  }

  #renderRegion(group: AddressGroup, v: View): TemplateResult | typeof nothing {
    const rules = this.#rules.rules(group);
    if (!rules) return nothing;
    const shape = v.engine.addressFields(rules, { locale: this.#locale }).region;
    if (!shape.shown) return nothing;
    const field: FormField = group === 'mailing' ? 'mailing.address.region' : 'billingAddress.region';
    if (shape.kind === 'text') return this.#renderInput(field, v);
    return this.#renderField(field, v, (describedBy, invalid) => html`<select
      part="input"
      id=${idOf(field)}
      name=${field}
      autocomplete=${AUTOCOMPLETE[field]!}
      aria-required=${shape.required ? 'true' : 'false'}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${live(this.#s.values[field])}
      @change=${(event: Event) => this.#onInput(v.engine, field, event)}
      @blur=${() => this.#touch(field)}
    >
      <option value="" ?selected=${this.#s.values[field] === ''}>${v.engine.formText.chooseRegion(shape.label)}</option>
      ${shape.options.map((o) => html`<option value=${o.code} ?selected=${this.#s.values[field] === o.code}>${o.name}</option>`)}
    </select>`);
  }

  #renderPostal(group: AddressGroup, v: View): TemplateResult | typeof nothing {
    const rules = this.#rules.rules(group);
    if (!rules) return nothing;
    const shape = v.engine.addressFields(rules).postalCode;
    if (!shape.shown) return nothing;
    const field: FormField = group === 'mailing' ? 'mailing.address.postalCode' : 'billingAddress.postalCode';
    const hint = shape.example ? v.engine.formText.postalExample(shape.example) : null;
    return this.#renderInput(field, v, { hint, maxlength: 32 });
  }

  #renderMailingAddress(v: View): TemplateResult[] {
    const rules = this.#rules.rules('mailing');
    const parts: Record<string, () => TemplateResult | typeof nothing> = {
      address: () =>
        html`${this.#renderInput('mailing.address.line1', v, { wide: true })}${this.#renderInput('mailing.address.line2', v, {
          wide: true,
        })}`,
      city: () => this.#renderInput('mailing.address.city', v),
      region: () => this.#renderRegion('mailing', v),
      postalCode: () => this.#renderPostal('mailing', v),
    };
    // Street lines and city stay where they are (a focused field must never be re-created
    // under the user's caret when the country's rules arrive); region and postal code follow
    // in the country's own order (Japan: postal code, then prefecture).
    const order = rules ? v.engine.addressFields(rules).order.filter((name) => name === 'region' || name === 'postalCode') : [];
    return ['address', 'city', ...order].map((name) => html`${parts[name]?.() ?? nothing}`);
  }

  #renderMailing(v: View): TemplateResult {
    return html`
      <fieldset part="mailing">
        <legend>${v.engine.formText.mailing()}</legend>
        ${this.#renderInput('mailing.firstName', v)} ${this.#renderInput('mailing.lastName', v)}
        ${this.#renderInput('mailing.email', v)} ${this.#renderInput('mailing.company', v)}
        ${this.#renderInput('mailing.phone', v)} ${this.#renderCountry('mailing', v)}
        ${this.#renderMailingAddress(v)}
      </fieldset>
    `;
  }

  #renderCardInputs(v: View): TemplateResult {
    if (this.#billing?.state.hostedCardFields) {
      return html`<div class="hosted" part="hosted-fields"><slot name="card-fields"></slot></div>`;
    }
    const card = v.engine.describeCardNumber(this.#s.values['card.number']);
    const brand = card.brand ? v.engine.brandLabel(card.brand) : '';
    const groups = card.gaps.length + 1;
    return html`
      ${this.#renderInput('card.number', v, {
        wide: true,
        maxlength: card.maxLength + groups,
        // The brand, shown beside the label and read as the field's description.
        ...(brand ? { aside: brand } : {}),
      })}
      ${this.#renderInput('card.expiry', v, { placeholder: 'MM/YY', maxlength: 7, hint: v.engine.formText.expiryFormat() })}
      ${this.#renderInput('card.cvc', v, {
        maxlength: card.brand ? card.codeLength : 4,
        hint: v.engine.formText.cvcHint(card.codeLength),
      })}
    `;
  }

  #renderBilling(v: View): TemplateResult {
    return html`
      <fieldset part="billing">
        <legend>${v.engine.formText.billing()}</legend>
        ${this.#renderInput('card.name', v, { wide: true })} ${this.#renderCardInputs(v)}
        ${this.#renderCountry('billing', v)} ${this.#renderRegion('billing', v)} ${this.#renderPostal('billing', v)}
      </fieldset>
    `;
  }

  #renderCurrent(v: View, method: PaymentMethod): TemplateResult {
    const expiry = `${String(method.expMonth).padStart(2, '0')}/${method.expYear}`;
    const brand = v.engine.isCardBrand(method.brand) ? v.engine.brandLabel(method.brand) : method.brand;
    const [year, month] = this.#billing!.state.today.split('-').map(Number) as [number, number];
    const expired = method.expYear < year || (method.expYear === year && method.expMonth < month);
    const status = expired ? 'expired' : method.status;
    return html`
      <section part="current" class="current" aria-labelledby="current-title">
        <p class="current-card" id="current-title">
          ${v.engine.formText.cardSummary(brand, method.last4)}
          <span class="badge badge--${status}"
            >${status === 'expired'
              ? v.engine.formText.expired()
              : status === 'pending'
                ? v.engine.formText.pending()
                : v.engine.formText.active()}</span
          >
        </p>
        <p>${v.engine.formText.expires(expiry)}</p>
        ${expired ? html`<p>${v.engine.formText.expiredNote()}</p>` : nothing}
        ${status === 'pending'
          ? html`<p>${v.engine.formText.pendingNote()}</p>`
          : nothing}
        ${this.#renderRules(v)}
        ${this.#showForm
          ? nothing
          : html`<div class="row">
              <button part="replace" class="button button--secondary" type="button" @click=${() => this.#set({ replacing: true })}>
                ${v.engine.formText.replaceCard()}
              </button>
            </div>`}
      </section>
    `;
  }

  #renderRules(v: View): TemplateResult {
    const snapshot = this.#billing!.state.snapshot!;
    const organizations = snapshot.account.organizations.length;
    const next = v.engine.formatDate(snapshot.account.nextChargeDate, this.#locale);
    return html`
      <p>
        ${v.engine.formText.paysAll(organizations)}
      </p>
      <p>${v.engine.formText.nextCharge(next)}</p>
      ${snapshot.account.userCap !== null
        ? html`<p>
            ${v.engine.formText.userCap(snapshot.account.userCap)}
          </p>`
        : nothing}
    `;
  }

  #renderSuccess(v: View): TemplateResult | typeof nothing {
    const result = this.#s.result;
    if (!result) return nothing;
    const charged = result.charged && result.charged.amount > 0 ? v.engine.formatMoney(result.charged, this.#locale) : null;
    return html`<div part="success" class="success" role="status" tabindex="-1">
      <p>${charged ? v.engine.formText.successCharged(charged) : v.engine.formText.success()}${sentenceGap()}${v.engine.formText.successDelay()}</p>
    </div>`;
  }

  /** The summary of the last submit attempt, without the fields fixed since (nothing once all are). */
  #renderSummary(v: View): TemplateResult | typeof nothing {
    if (!this.#s.summary) return nothing;
    const sections: { id: 'mailing' | 'billing'; legend: string; items: SummaryItem[] }[] = [
      { id: 'mailing', legend: v.engine.formText.mailing(), items: [] },
      { id: 'billing', legend: v.engine.formText.billing(), items: [] },
    ];
    for (const target of this.#s.summary) {
      const section = target.startsWith('mailing.') ? sections[0]! : sections[1]!;
      if (target === 'hosted') {
        if (!this.#hosted.complete && this.#billing?.state.hostedCardFields) section.items.push({ target, text: v.engine.summaryText.hostedCard() });
        continue;
      }
      const text = this.#problemTextOf(target, v);
      if (text) section.items.push({ target: idOf(target), text });
    }
    const shown: SummarySection[] = sections.filter((section) => section.items.length > 0);
    if (shown.length === 0) return nothing;
    return renderErrorSummary(v.engine.summaryText.title(), shown, (item, event) => this.#followSummaryLink(item, event));
  }

  // The button is never disabled: it stays focusable, and pressing it early shows the error
  // summary. The terms notice puts each text in its own span: Chromium drops a space that touches
  // Lit's comment markers when it composes the button's description ("binds the account tosection 3.7").
  #renderSubmit(v: View, remaining: number): TemplateResult {
    const owed = this.#billing!.state.dunning?.amountOwed;
    const terms = v.engine.formText.termsLink();
    const [termsBefore, termsAfter] = v.engine.formText.terms('\u0000').split('\u0000');
    return html`
      <div class="submit-area">
        ${this.#s.submitError && this.#submission.unconfirmed
          ? this.#renderUnconfirmed(v)
          : this.#s.submitError
            ? html`<p part="alert" class="alert" role="alert" tabindex="-1">${v.engine.submitErrorText(this.#s.submitError.code)}</p>`
            : nothing}
        ${owed && owed.amount > 0
          ? html`<p class="charge">
              ${v.engine.formText.charge(v.engine.formatMoney(owed, this.#locale))}
            </p>`
          : nothing}
        <p part="remaining" class="remaining" id="remaining" role="status">${v.engine.remainingText(remaining)}</p>
        <div class="row">
          <button
            part="submit"
            class="button"
            type="submit"
            aria-disabled=${remaining > 0 || this.#submission.submitting ? 'true' : 'false'}
            aria-describedby="remaining terms"
          >
            ${this.#submission.submitting
              ? v.engine.formText.submitting()
              : v.engine.formText.submit()}
          </button>
          ${this.#billing?.state.snapshot?.paymentMethod && this.#s.replacing && !this.#host.expanded
            ? html`<button class="button button--secondary" type="button" @click=${() => this.#set({ replacing: false })}>
                ${v.engine.formText.keepCard()}
              </button>`
            : nothing}
        </div>
        <p part="terms" class="terms" id="terms"><span>${termsBefore}</span>${this.#host.termsHref
            ? html`<a href=${this.#host.termsHref} target="_blank" rel="noopener">${terms}</a>`
            : html`<span>${terms}</span>`}<span>${termsAfter}</span></p>
      </div>
    `;
  }

  /** No answer before the deadline: the payment's outcome is unknown; Try again resends the same key. */
  #renderUnconfirmed(v: View): TemplateResult {
    return html`<div part="alert" class="alert" role="alert" tabindex="-1">
      <p><strong>${v.engine.unconfirmedText.title()}</strong></p>
      <p>${v.engine.unconfirmedText.body()}</p>
      <button class="button button--secondary" type="button" @click=${() => this.#host.renderRoot.querySelector('form')?.requestSubmit()}>${sharedText.retry()}</button>
    </div>`;
  }

  /** The form, once the provider has a snapshot the viewer may see (the element renders every other state). */
  render(): TemplateResult {
    const engine = this.#engine;
    const context = this.#contextOf();
    const v: View = { engine, context, problems: this.#showForm ? engine.formProblems(this.#s.values, context) : {} };
    const method = this.#billing!.state.snapshot!.paymentMethod;
    if (!this.#showForm) return html`${this.#renderSuccess(v)}${method ? this.#renderCurrent(v, method) : nothing}`;
    const remaining = engine.remainingFields(this.#s.values, context);
    return html`
      ${this.#renderSuccess(v)}
      ${method
        ? this.#renderCurrent(v, method)
        : html`<div class="intro">
            <p>${engine.formText.addIntro()}</p>
            ${this.#renderRules(v)}
          </div>`}
      <form part="form" novalidate aria-busy=${this.#submission.submitting ? 'true' : 'false'} @submit=${(event: Event) => this.#onSubmit(event)}>
        ${this.#renderSummary(v)} ${this.#renderMailing(v)} ${this.#renderBilling(v)} ${this.#renderSubmit(v, remaining)}
      </form>
    `;
  }

  /** Visible fields, for tests and hosts that want to know what the country asks for. */
  get fields(): FormField[] {
    return this.#engine.visibleFields(this.#contextOf());
  }

  /** Clears every field and the draft (card fields included). */
  reset(): void {
    this.#clearForm();
    if (this.#draftAccount) removeDraft(this.#draftAccount);
    this.#host.renderRoot.querySelector('form')?.reset();
  }

  #clearForm(): void {
    this.#set({
      values: emptyValues(),
      touched: new Set(),
      summary: null,
      submitError: null,
      serverFieldErrors: {},
      result: null,
      replacing: false,
    });
    this.#changed.clear();
    this.#rules.clear();
    this.#submission.reset();
  }
}

