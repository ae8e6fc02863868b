/**
 * Shared pieces of the stories: every story wraps its element in a `<billing-provider>` whose
 * MemoryBillingAdapter starts from a named scenario on a fixed day, so stories look the same
 * on every day they are opened.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { MemoryBillingAdapter, type MemoryBillingAdapterOptions } from '../src/adapters/memory-adapter.js';
import { scenario, type ScenarioName } from '../src/adapters/scenarios.js';
import { addDays } from '../src/domain/dates.js';
import type { Invoice } from '../src/domain/types.js';
import type { BillingAdapter } from '../src/adapters/adapter.js';
import { fillForm } from '../src/components/billing-form/billing-form.harness.js';
import { shippedCatalog } from '../src/i18n/index.js';
import '../src/billing-provider.js';

/** "Today" of every story (the adapter's server clock). */
export const STORY_TODAY = '2025-06-15';

/** Longer than any story is looked at, and below setTimeout's 2^31 − 1 ms limit. */
export const FOREVER_MS = 2_000_000_000;

/** What a story puts in its provider: `parameters.billing`. */
export interface BillingStoryParameters {
  /** The scenario the adapter starts from (default `all-paid`). */
  scenario?: ScenarioName;
  /** Adapter options laid over the scenario's (shallow). */
  options?: Partial<MemoryBillingAdapterOptions>;
  /** Adjusts the adapter (e.g. `failNext`) or returns another adapter wrapping it. */
  setup?: (adapter: MemoryBillingAdapter) => BillingAdapter | void;
  /** `false` renders the element on its own, outside any provider (default `true`). */
  provider?: boolean;
}

/** Provider settings a story may pass on from its args. */
export interface ProviderSettings {
  locale?: string;
  refreshInterval?: number;
  onBillingError?: (event: Event) => void;
}

/** A fresh adapter for one render of a story. */
export function storyAdapter(parameters: BillingStoryParameters = {}): BillingAdapter {
  const adapter = new MemoryBillingAdapter({
    ...scenario(parameters.scenario ?? 'all-paid', STORY_TODAY),
    ...parameters.options,
  });
  return parameters.setup?.(adapter) ?? adapter;
}

/** `content` inside a `<billing-provider>` holding a fresh adapter for `parameters`. */
export function withBilling(
  content: TemplateResult,
  parameters: BillingStoryParameters | undefined,
  settings: ProviderSettings = {},
): TemplateResult {
  if (parameters?.provider === false) return content;
  return html`<billing-provider
    .adapter=${storyAdapter(parameters)}
    locale=${ifDefined(settings.locale || undefined)}
    refresh-interval=${ifDefined(settings.refreshInterval || undefined)}
    @billing-error=${settings.onBillingError ?? nothing}
    >${content}</billing-provider
  >`;
}

/** A visible remark next to a story's element, for states that show nothing by design. */
export function storyNote(text: string): TemplateResult {
  // English whatever the toolbar's language: its own language and direction, so its punctuation
  // stays in place on a right-to-left page.
  return html`<p class="story-note" lang="en" dir="ltr">${text}</p>`;
}

/**
 * An open invoice due `daysAgo` days before STORY_TODAY (finalized 15 days before its due
 * date), in USD cents, like the scenarios' invoices.
 */
export function invoiceDue(daysAgo: number, amountBilled: number, amountPaid = 0): Invoice {
  const dueDate = addDays(STORY_TODAY, -daysAgo);
  const finalized = addDays(dueDate, -15);
  const compact = finalized.replaceAll('-', '');
  const amountOwed = amountBilled - amountPaid;
  return {
    id: `in_${compact}`,
    number: `ACME-${compact}`,
    finalizedAt: `${finalized}T06:00:00Z`,
    dueDate,
    status: amountOwed === 0 ? 'paid' : amountPaid === 0 ? 'open' : 'partially_paid',
    currency: 'USD',
    amountBilled,
    amountPaid,
    amountOwed,
  };
}

/** An adapter whose downloads never finish (the "Downloading…" state); everything else as `adapter`. */
export function downloadsHang(adapter: MemoryBillingAdapter): BillingAdapter {
  return {
    load: (options) => adapter.load(options),
    submitPaymentMethod: (submission, options) => adapter.submitPaymentMethod(submission, options),
    downloadInvoice: () => new Promise<Blob>(() => {}),
  };
}

/**
 * Waits until the element `tag` inside `canvas` shows a part `names` (space-separated: the
 * first of any of them) in its shadow root.
 */
export async function findPart(canvas: HTMLElement, tag: string, names: string): Promise<HTMLElement> {
  const selector = names
    .split(' ')
    .map((name) => `[part~="${name}"]`)
    .join(', ');
  let found: HTMLElement | null = null;
  await waitFor(
    () => {
      found = canvas.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
      expect(found, `<${tag}> part ${names}`).toBeTruthy();
    },
    { timeout: 60000 },
  );
  return found!;
}

/** The invoices of scenario `name` on STORY_TODAY (newest first). */
export function scenarioInvoices(name: ScenarioName): Invoice[] {
  return scenario(name, STORY_TODAY).invoices ?? [];
}

/**
 * Forgets the form drafts `<billing-form>` keeps in sessionStorage (per account), so a story
 * never starts with what another story typed: every story's account is the same demo account.
 */
export function clearBillingDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('billing-elements:')) sessionStorage.removeItem(key);
  } catch {
    // Storage may be blocked; then there are no drafts either.
  }
}

/** A test card number: any Luhn-valid number works; DECLINED_CARD_NUMBER is declined. */
export const GOOD_CARD = '4242 4242 4242 4242';

/**
 * Fills every field of the `<billing-form>` inside `canvas` through the element's harness (the
 * same one its tests use): a US address in California, so State and ZIP code appear, leaving
 * the submit button enabled.
 */
export async function fillPaymentForm(canvas: HTMLElement, card: { number?: string } = {}): Promise<ShadowRoot> {
  await findPart(canvas, 'billing-form', 'form replace');
  const form = canvas.querySelector('billing-form')!;
  await fillForm(form, {
    values: {
      'mailing.company': 'Acme Corp',
      'mailing.address.line1': '1 Analytical Way',
      'mailing.address.city': 'San Francisco',
      'mailing.address.region': 'US-CA',
      'mailing.address.postalCode': '94105',
      'billingAddress.region': 'US-CA',
      'billingAddress.postalCode': '94105',
    },
    card: { number: card.number ?? GOOD_CARD, expiry: '12/28', cvc: '123' },
  });
  return form.shadowRoot!;
}

/**
 * What users read for message `id` in the toolbar's language (`globals.locale`): its shipped
 * translation, else `english`. Play functions check texts with it, so a story also passes in Arabic.
 */
export function textInLanguage(globals: Record<string, unknown>, id: string, english: string): string {
  const locale = typeof globals['locale'] === 'string' && globals['locale'] ? globals['locale'] : 'en';
  return shippedCatalog(locale)?.[id] ?? english;
}
