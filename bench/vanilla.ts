/**
 * Hand-written vanilla-DOM versions of the elements' markup and English texts, for the
 * side-by-side benchmark (bench/side-by-side.ts). Each renders into an open shadow root with the
 * element's own style sheets, reads the same adapter, and builds the same elements, attributes
 * and texts the element renders in that state — with plain `document.createElement`, cached
 * `Intl` formatters, and no validation, context or templating. Benchmark code only: never
 * imported by `src/`.
 */
import { addressFields, countryOptions, type CountryAddressRules } from '../src/domain/address/index.js';
import type { BillingSnapshot, Invoice } from '../src/domain/types.js';

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attrs) node.setAttribute(name, attrs[name]!);
  node.append(...children);
  return node;
}

/** A host with an open shadow root that adopts `sheets` (the element's own styles). */
export function vanillaHost(sheets: CSSStyleSheet[]): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  return { host, root };
}

const money = new Map<string, Intl.NumberFormat>();
function formatMoney(amount: number, currency: string): string {
  let format = money.get(currency);
  if (!format) money.set(currency, (format = new Intl.NumberFormat('en-US', { style: 'currency', currency })));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}
const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const formatDate = (date: string) => dates.format(Date.parse(date.slice(0, 10)));
const DAY = 86_400_000;
const dayOf = (date: string) => Math.floor(Date.parse(date.slice(0, 10)) / DAY);

// ── <invoice-history> ───────────────────────────────────────────────────────────────────────

const STATUS: Record<Invoice['status'], string> = { open: 'Open', partially_paid: 'Partially Paid', paid: 'Paid in Full' };

export function renderInvoiceHistory(root: ShadowRoot, snapshot: BillingSnapshot): void {
  const eligible = snapshot.invoices
    .filter((invoice) => invoice.finalizedAt.slice(0, 10) >= '2022-01-01')
    .sort((a, b) => Date.parse(b.finalizedAt) - Date.parse(a.finalizedAt));
  const hasOlder = eligible.length > 12 || eligible.length < snapshot.invoices.length;
  const rows = eligible.slice(0, 12).map((invoice) => {
    const button = el(
      'button',
      { part: 'download', class: 'button button--secondary', type: 'button', 'aria-label': `Download Invoice ${invoice.number}`, 'aria-disabled': 'false' },
      'Download Invoice',
    );
    button.addEventListener('click', () => undefined);
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, invoice.number),
      el('td', {}, formatDate(invoice.dueDate)),
      el('td', {}, el('span', { part: 'status', class: `status status--${invoice.status}` }, STATUS[invoice.status])),
      el('td', { class: 'amount' }, formatMoney(invoice.amountBilled, invoice.currency)),
      el('td', { class: 'amount' }, formatMoney(invoice.amountPaid, invoice.currency)),
      el('td', { class: 'amount' }, formatMoney(invoice.amountOwed, invoice.currency)),
      el('td', {}, button),
    );
  });
  const heads = ['Invoice Number', 'Due Date', 'Status', 'Amount Billed', 'Amount Paid', 'Amount Owed'].map((text, i) =>
    el('th', i >= 3 ? { scope: 'col', class: 'amount' } : { scope: 'col' }, text),
  );
  root.append(
    el(
      'div',
      { class: 'scroller' },
      el(
        'table',
        { part: 'table' },
        el('caption', { class: 'visually-hidden' }, 'Payment history'),
        el('thead', {}, el('tr', {}, ...heads, el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Download')))),
        el('tbody', {}, ...rows),
      ),
    ),
  );
  if (hasOlder) {
    root.append(
      el(
        'p',
        { part: 'older-note', class: 'older' },
        'Only invoices from 2022 onwards are listed here, up to the 12 most recent. For older invoices, contact your account manager.',
      ),
    );
  }
}

// ── <overdue-banner> ────────────────────────────────────────────────────────────────────────

export function renderBanner(root: ShadowRoot, snapshot: BillingSnapshot): void {
  const today = dayOf(snapshot.now ?? new Date().toISOString());
  let count = 0;
  let owed = 0;
  let oldest = Infinity;
  for (const invoice of snapshot.invoices) {
    const due = dayOf(invoice.dueDate);
    if (invoice.amountOwed > 0 && due < today) {
      count++;
      owed += invoice.amountOwed;
      if (due < oldest) oldest = due;
    }
  }
  root.replaceChildren();
  if (count === 0) return;
  const age = today - oldest;
  const level = age >= 45 ? 'suspended' : age >= 30 ? 'overdue' : 'outstanding';
  const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
  const amount = formatMoney(owed, snapshot.account.currency);
  const title =
    level === 'overdue' ? 'Your account is overdue' : count === 1 ? 'You have an outstanding invoice' : `You have ${count} outstanding invoices`;
  const message =
    level === 'overdue'
      ? `${amount} has been past due for ${days(age)}. Your account will be suspended in ${days(45 - age)} unless it is paid.`
      : `${amount} is past due. Pay it within ${days(45 - age)} to avoid suspension.`;
  const button = el('button', { part: 'action', class: 'button', type: 'button' }, 'Update');
  button.addEventListener('click', () => undefined);
  root.append(
    el(
      'section',
      { part: 'banner', class: `banner banner--${level}`, role: level === 'outstanding' ? 'status' : 'alert', 'aria-labelledby': 'title' },
      el(
        'div',
        { class: 'content' },
        el('p', { part: 'title', class: 'title', id: 'title' }, title),
        el('p', { part: 'message' }, message),
        el('p', { part: 'note', class: 'note' }, 'A payment may take up to a full business day to reach your account.'),
      ),
      el('div', { class: 'actions' }, button),
    ),
  );
}

// ── <billing-form> ──────────────────────────────────────────────────────────────────────────

interface FieldSpec {
  id: string;
  name: string;
  label: string;
  required: boolean;
  autocomplete: string;
  type?: string;
  inputmode?: string;
  wide?: boolean;
  placeholder?: string;
  maxlength?: string;
  hint?: string;
  rowStart?: boolean;
}

function field(spec: FieldSpec, control: HTMLElement): HTMLElement {
  const label = el('label', { for: spec.id }, spec.label);
  if (spec.required) label.append(el('span', { class: 'required', 'aria-hidden': 'true' }, '*'));
  const box = el(
    'div',
    { part: 'field', class: `field ${spec.wide ? 'field--wide' : ''} ${spec.rowStart ? 'field--row-start' : ''}` },
    el('div', { class: 'label-row' }, label),
    control,
  );
  if (spec.hint) box.append(el('p', { class: 'hint', id: `${spec.id}-hint` }, spec.hint));
  return box;
}

function input(spec: FieldSpec): HTMLElement {
  const attrs: Attrs = { part: 'input', spellcheck: 'false', id: spec.id, name: spec.name, type: spec.type ?? 'text' };
  if (spec.inputmode) attrs.inputmode = spec.inputmode;
  attrs.autocomplete = spec.autocomplete;
  if (spec.placeholder) attrs.placeholder = spec.placeholder;
  if (spec.maxlength) attrs.maxlength = spec.maxlength;
  attrs['aria-required'] = String(spec.required);
  attrs['aria-invalid'] = 'false';
  if (spec.hint) attrs['aria-describedby'] = `${spec.id}-hint`;
  const node = el('input', attrs);
  node.addEventListener('input', () => undefined);
  node.addEventListener('blur', () => undefined);
  return field(spec, node);
}

function select(spec: FieldSpec, placeholder: string, options: readonly { code: string; name: string }[]): HTMLElement {
  const node = el('select', { part: 'input', 'aria-required': String(spec.required), id: spec.id, name: spec.name, autocomplete: spec.autocomplete, 'aria-invalid': 'false' });
  const first = new Option(placeholder, '', true, true);
  node.append(first);
  for (const option of options) node.append(new Option(option.name, option.code));
  node.addEventListener('blur', () => undefined);
  return field(spec, node);
}

const REGION_WORDS: Record<string, string> = {
  area: 'Area', county: 'County', department: 'Department', district: 'District', do_si: 'Do/Si', emirate: 'Emirate',
  island: 'Island', oblast: 'Oblast', parish: 'Parish', prefecture: 'Prefecture', province: 'Province', state: 'State',
};
const POSTAL_WORDS: Record<string, string> = { zip: 'ZIP code', postal: 'Postal code', pin: 'PIN code', eircode: 'Eircode' };

/** The country-dependent fields of the mailing address (region and postal code, in the country's order). */
function addressParts(rules: CountryAddressRules): HTMLElement[] {
  const shape = addressFields(rules, { locale: 'en-US' });
  const parts: HTMLElement[] = [];
  for (const name of shape.order) {
    if (name === 'region' && shape.region.shown) {
      const spec: FieldSpec = {
        id: 'mailing-address-region',
        name: 'mailing.address.region',
        label: REGION_WORDS[shape.region.label]!,
        required: shape.region.required,
        autocomplete: 'section-mailing address-level1',
      };
      parts.push(shape.region.kind === 'select' ? select(spec, `Choose a ${spec.label}`, shape.region.options) : input(spec));
    } else if (name === 'postalCode' && shape.postalCode.shown) {
      parts.push(
        input({
          id: 'mailing-address-postalCode',
          name: 'mailing.address.postalCode',
          label: POSTAL_WORDS[shape.postalCode.label]!,
          required: shape.postalCode.required,
          autocomplete: 'section-mailing postal-code',
          maxlength: '32',
          ...(shape.postalCode.example ? { hint: `For example ${shape.postalCode.example}` } : {}),
        }),
      );
    }
  }
  return parts;
}

export interface VanillaForm {
  /** Switches the mailing country: only the region and postal fields are replaced. */
  switchCountry(rules: CountryAddressRules): void;
}

export function renderForm(root: ShadowRoot, snapshot: BillingSnapshot, rulesOf: (code: string) => CountryAddressRules | undefined): VanillaForm {
  const countries = countryOptions('en-US');
  const mailing = el(
    'fieldset',
    { part: 'mailing' },
    el('legend', {}, 'Mailing information'),
    input({ id: 'mailing-firstName', name: 'mailing.firstName', label: 'First name', required: true, autocomplete: 'section-mailing given-name' }),
    input({ id: 'mailing-lastName', name: 'mailing.lastName', label: 'Last name', required: true, autocomplete: 'section-mailing family-name' }),
    input({ id: 'mailing-email', name: 'mailing.email', label: 'Email', required: true, autocomplete: 'section-mailing email', type: 'email', inputmode: 'email' }),
    input({ id: 'mailing-company', name: 'mailing.company', label: 'Company', required: false, autocomplete: 'section-mailing organization' }),
    input({ id: 'mailing-phone', name: 'mailing.phone', label: 'Phone', required: false, autocomplete: 'section-mailing tel', type: 'tel', inputmode: 'tel' }),
    select({ id: 'mailing-address-country', name: 'mailing.address.country', label: 'Country', required: true, autocomplete: 'section-mailing country' }, 'Choose a country', countries),
    input({ id: 'mailing-address-line1', name: 'mailing.address.line1', label: 'Address line 1', required: true, autocomplete: 'section-mailing address-line1', wide: true }),
    input({ id: 'mailing-address-line2', name: 'mailing.address.line2', label: 'Address line 2', required: false, autocomplete: 'section-mailing address-line2', wide: true }),
    input({ id: 'mailing-address-city', name: 'mailing.address.city', label: 'City', required: false, autocomplete: 'section-mailing address-level2' }),
  );
  const billing = el(
    'fieldset',
    { part: 'billing' },
    el('legend', {}, 'Billing information'),
    input({ id: 'card-name', name: 'card.name', label: 'Name on card', required: true, autocomplete: 'cc-name', wide: true }),
    input({ id: 'card-number', name: 'card.number', label: 'Card number', required: true, autocomplete: 'cc-number', inputmode: 'numeric', maxlength: '23', wide: true }),
    input({ id: 'card-expiry', name: 'card.expiry', label: 'Expiration date', required: true, autocomplete: 'cc-exp', inputmode: 'numeric', placeholder: 'MM/YY', maxlength: '7', hint: 'MM/YY' }),
    input({ id: 'card-cvc', name: 'card.cvc', label: 'Security code', required: true, autocomplete: 'cc-csc', inputmode: 'numeric', maxlength: '4', hint: '3 digits, on the card' }),
    select({ id: 'billingAddress-country', name: 'billingAddress.country', label: 'Country', required: true, autocomplete: 'billing country', rowStart: true }, 'Choose a country', countries),
  );
  const account = snapshot.account;
  const intro = el(
    'div',
    { class: 'intro' },
    el('p', {}, 'Add the card that pays for this account.'),
    el('p', {}, `This card pays for all ${account.organizations.length} organizations of the account and is the default for all past, present and future billings.`),
    el('p', {}, `Accounts are charged on the 1st of each month. Next charge: ${formatDate(account.nextChargeDate)}.`),
  );
  if (account.userCap !== null) intro.append(el('p', {}, `Adding a card lifts the limit of ${account.userCap} users per organization.`));
  // Never `disabled`: it stays focusable, marked aria-disabled until every required field is valid.
  const submit = el('button', { part: 'submit', class: 'button', type: 'submit', 'aria-disabled': 'true', 'aria-describedby': 'remaining terms' }, 'Submit Payment Information');
  const submitArea = el(
    'div',
    { class: 'submit-area' },
    el('p', { part: 'remaining', class: 'remaining', id: 'remaining', role: 'status' }, '10 required fields remaining.'),
    el('div', { class: 'row' }, submit),
    // Each text in its own span, as the element renders it (no terms-href: the words are not a link).
    el('p', { part: 'terms', class: 'terms', id: 'terms' }, el('span', {}, 'Adding a card binds the account to '), el('span', {}, 'section 3.7 of the terms'), el('span', {}, '.')),
  );
  const form = el('form', { part: 'form', novalidate: '', 'aria-busy': 'false' }, mailing, billing, submitArea);
  form.addEventListener('submit', (event) => event.preventDefault());
  root.append(intro, form);

  const city = mailing.lastElementChild!;
  let shown: HTMLElement[] = [];
  const switchCountry = (rules: CountryAddressRules) => {
    for (const part of shown) part.remove();
    shown = addressParts(rules);
    city.after(...shown);
  };
  const country = root.getElementById('mailing-address-country') as HTMLSelectElement;
  country.addEventListener('change', () => {
    const rules = rulesOf(country.value);
    if (rules) switchCountry(rules);
  });
  return { switchCountry };
}
