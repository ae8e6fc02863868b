import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { billingContext, type BillingActions, type BillingContextValue, type BillingState } from '../../context/billing-context.js';
import type { BillingError } from '../../domain/errors.js';
import type { BillingAdapter } from '../../adapters/adapter.js';
import { BillingErrorEvent } from '../../events/billing-error.js';
import { loadLanguage, onMessagesChanged, registeredLanguages, remember, requestedLocales } from '../../i18n/index.js';
import type * as ProviderData from './billing-provider.data.js';
import type { LoadJob, ProviderHost } from './billing-provider.data.js';

/** Seconds a load may take before the provider gives up on it (`load-timeout`). */
const DEFAULT_LOAD_TIMEOUT_S = 30;

/**
 * The provider's lazy half (billing-provider.data.ts): the response schemas (zod), the dunning
 * rules, date parsing and the work around each adapter call, once it is under way. It loads in
 * parallel with the first load, so it is not part of the initial bundle and costs no extra round trip.
 */
let data: typeof ProviderData | undefined;
// Once loaded, at once (a microtask): a download or submission starts the adapter's call without waiting a task.
const loadData = async () => data ?? import('./billing-provider.data.js').then((module) => (data = module));

/**
 * The error state when the lazy half itself cannot load (the page lost its network): a
 * BillingError by shape (`isBillingError` accepts it), without the class, which is lazy too.
 */
const unloadable = (cause: unknown) =>
  Object.assign(new Error('The billing elements could not load their code.', { cause }), { name: 'BillingError', code: 'network' }) as unknown as BillingError;

/**
 * Holds the billing adapter, loads one snapshot and shares state and actions with every
 * billing element inside it (through one Lit context). It renders nothing of its own.
 *
 * Every adapter response is validated before any element sees it; a malformed one becomes
 * an `invalid_response` error state. Stale responses are dropped: only the newest load wins.
 * A load that does not answer within `load-timeout` seconds (30 by default) is aborted and
 * becomes a `timeout` error state, where every element offers Try again. A snapshot with many
 * invoices is validated in slices that yield to the page, so it never freezes it.
 *
 * @tagname billing-provider
 * @summary Loads billing data through an adapter and shares it with the elements inside.
 *
 * @slot - The billing elements (`<billing-form>`, `<invoice-history>`, `<overdue-banner>`, `<suspension-modal>`).
 *
 * @fires {BillingErrorEvent} billing-error - A load failed. `detail: { error: BillingError }`.
 */
export class BillingProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // Reactive properties in `static properties` rather than decorators (fewer bytes in every entry).
  static override properties = {
    adapter: { attribute: false },
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
    locale: {},
    loadTimeout: { type: Number, attribute: 'load-timeout' },
  };

  /** The billing adapter: `MemoryBillingAdapter`, `HttpBillingAdapter` or your own. Setting it (re)loads. */
  adapter?: BillingAdapter;

  /** Reload every N seconds while connected and the page is visible (0: never). */
  refreshInterval = 0;

  /**
   * The one locale of every element inside: texts, money, dates, country names and plurals
   * (`de`, `de-AT`, `ar`, `ja`…). Unset: the nearest `lang` attribute, else the browser's languages.
   * A regional tag takes its language's texts (`de-AT` → German); an unshipped language shows
   * English, marked `lang="en"`. Changing it re-renders every element, keeping what was typed.
   */
  locale?: string;

  /**
   * Seconds to wait for the adapter's `load()` before aborting it and showing the error state
   * with Try again (a `timeout` BillingError). Anything but a positive number means the default, 30.
   */
  loadTimeout: number = DEFAULT_LOAD_TIMEOUT_S;

  #localeSequence = 0;
  #stopListening?: () => void;
  #stopObservingLang?: () => void;
  #timer?: ReturnType<typeof setInterval>;
  /** A load in flight was cut short by a disconnect. */
  #interrupted = false;

  /** What the lazy half works with: the load in flight, and how to change the shared state. */
  #host: ProviderHost = {
    element: this,
    sequence: 0,
    set: (patch) => this.#setState(patch),
    fail: (error) => {
      this.#setState({ status: this.state.snapshot ? 'ready' : 'error', error, loading: false });
      this.dispatchEvent(new BillingErrorEvent({ error }));
    },
  };

  #actions: BillingActions = {
    refresh: () => this.refresh(),
    submitPaymentMethod: (submission, options) => {
      const adapter = this.adapter; // the adapter of the moment the element submitted
      return loadData().then((half) => half.submit(this.#host, adapter, submission, options));
    },
    downloadInvoice: async (invoiceId, options) => (await loadData()).downloadThrough(this.adapter, invoiceId, options),
    mountCardFields: async (container) => (await loadData()).mountThrough(this.adapter, container),
  };

  #provider = new ContextProvider(this, {
    context: billingContext,
    initialValue: this.#makeValue({
      status: 'idle',
      snapshot: null,
      error: null,
      loading: false,
      dunning: null,
      // The browser's UTC calendar date, until a snapshot says what "today" is.
      today: new Date().toISOString().slice(0, 10),
      locale: 'en',
      hostedCardFields: false,
    }),
  });

  /** The state the elements inside currently see. */
  get state(): BillingState {
    return this.#provider.value.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#applyLocale();
    // A host's registerMessages(): re-resolve (it may add a language) and re-render every element.
    this.#stopListening ??= onMessagesChanged(() => this.#applyLocale(true));
    // The first load starts from updated(); a provider moved in the DOM reloads what it dropped.
    if (this.hasUpdated && this.adapter && (this.state.status === 'idle' || this.#interrupted || this.#host.loadedFrom !== this.adapter)) {
      void this.refresh();
    }
    this.#interrupted = false;
    this.#schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#stopObservingLang?.();
    this.#stopObservingLang = undefined;
    const host = this.#host;
    this.#interrupted = host.controller !== undefined;
    host.controller?.abort();
    host.controller = undefined;
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.state.loading) this.#setState({ loading: false });
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('adapter')) {
      this.#setState({ hostedCardFields: typeof this.adapter?.mountCardFields === 'function' });
      if (this.isConnected) void this.refresh();
    }
    if (changed.has('locale')) this.#applyLocale();
    if (changed.has('refreshInterval')) this.#schedule();
  }

  /** Reloads the snapshot. Resolves when done; failures become the error state (and `billing-error`). */
  async refresh(): Promise<void> {
    const adapter = this.adapter;
    const host = this.#host;
    host.controller?.abort();
    if (!adapter) {
      this.#setState({ status: 'idle', loading: false });
      return;
    }
    const controller = (host.controller = new AbortController());
    this.#setState({ status: this.state.snapshot ? this.state.status : 'loading', loading: true });
    const seconds = this.loadTimeout > 0 ? this.loadTimeout : DEFAULT_LOAD_TIMEOUT_S;
    const job: LoadJob = {
      adapter,
      controller,
      sequence: ++host.sequence,
      seconds,
      timedOut: false,
      // The adapter may stop its request once aborted.
      timer: setTimeout(() => {
        job.timedOut = true;
        controller.abort();
      }, seconds * 1000),
      // The adapter's load starts now; the lazy half that waits for it loads beside it.
      answer: new Promise((resolve) => resolve(adapter.load({ signal: controller.signal }))),
    };
    job.answer.catch(() => {}); // handled by the lazy half, once it is here
    try {
      await (await loadData()).finishLoad(host, job);
    } catch (error) {
      // Only the lazy half's own import throws (finishLoad handles every failure of the load).
      clearTimeout(job.timer);
      if (host.controller === controller) host.controller = undefined;
      if (job.sequence === host.sequence) host.fail(unloadable(error));
    }
  }

  #setState(patch: Partial<BillingState>): void {
    const current = this.#provider.value.state;
    // "today" changes with the snapshot only (the lazy half's snapshot patch carries it).
    const state: BillingState = { ...current, ...patch };
    // Nothing changed: no new value, so no element re-renders for nothing.
    if ((Object.keys(state) as (keyof BillingState)[]).every((key) => state[key] === current[key])) return;
    this.#provider.setValue(this.#makeValue(state));
  }

  #makeValue(state: BillingState): BillingContextValue {
    return { state, actions: this.#actions };
  }

  /**
   * Resolves the locale and publishes it once its language's texts are loaded (one lazy chunk per
   * language), so elements switch language in one render; until then they keep the previous one.
   */
  #applyLocale(force = false): void {
    const requested = requestedLocales(this, this.locale);
    const sequence = ++this.#localeSequence;
    const publish = (locale: string) => {
      if (sequence !== this.#localeSequence) return;
      if (force && locale === this.state.locale) this.#provider.setValue(this.#makeValue({ ...this.state }));
      else this.#setState({ locale });
    };
    // Resolution (resolve.ts) and the language's texts load lazily; English needs neither.
    import('../../i18n/resolve.js')
      .then(({ resolveLocale, observeLang }) => {
        // A run-time change of the nearest `lang` (or `<html lang>`) resolves again (observe-lang.ts).
        if (this.isConnected) this.#stopObservingLang ??= observeLang(this, () => this.#applyLocale());
        const resolved = resolveLocale(requested, registeredLanguages());
        remember(resolved);
        return Promise.resolve(loadLanguage(resolved.language)).then(() => resolved.locale);
      })
      // A chunk did not load (offline?): English, the source, rather than nothing.
      .then(publish, () => publish('en'));
  }

  #schedule(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (!this.isConnected || !(this.refreshInterval > 0)) return;
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible' && !this.state.loading) void this.refresh();
    }, this.refreshInterval * 1000);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-provider': BillingProvider;
  }
}
