/**
 * Side-by-side benchmark page (run by scripts/bench.mjs in headless Chromium, production esbuild
 * bundle of the root export). Each row times an element and a hand-written vanilla-DOM version
 * of the same markup and texts (bench/vanilla.ts) in this one page, interleaved sample by sample
 * (the order alternates), from the action to the result on screen (layout included).
 *
 * Both sides read the same adapter, created and settled before the clock starts, so the
 * adapter's own work (the memory adapter clones and validates its data on every load) is in both
 * columns; the element's column adds the provider, its validation, context, Lit and the element.
 * The big-data rows time the elements alone, from `load()` resolving to the rows shown, and
 * record the longest task (PerformanceObserver 'longtask').
 */
import {
  BillingForm,
  InvoiceHistory,
  MemoryBillingAdapter,
  OverdueBanner,
  type BillingAdapter,
  type BillingProvider,
  type BillingSnapshot,
  type Invoice,
} from '../src/index.js';
import { COUNTRY_CODES, loadAddressRules, type CountryAddressRules } from '../src/domain/address/index.js';
import { formViewStyles } from '../src/components/billing-form/billing-form.view.js';
import { renderBanner, renderForm, renderInvoiceHistory, vanillaHost, type VanillaForm } from './vanilla.js';

const NOW = '2025-06-15T12:00:00Z';
const stage = document.body;

/** Yields one macrotask (MessageChannel: no timer clamping). */
const tick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await tick();
  }
}

/** Forces style and layout of `node`'s tree, so both columns pay for what the user would see. */
const layout = (node: Element | null | undefined) => void node?.getBoundingClientRect().height;

function invoice(i: number, options: Partial<Invoice> = {}): Invoice {
  const month = String((i % 12) + 1).padStart(2, '0');
  const year = 2022 + Math.floor(i / 12);
  return {
    id: `in_${i}`,
    number: `INV-${String(i).padStart(6, '0')}`,
    finalizedAt: `${year}-${month}-01T00:00:00Z`,
    dueDate: `${year}-${month}-15`,
    status: 'paid',
    currency: 'USD',
    amountBilled: 4900 + i,
    amountPaid: 4900 + i,
    amountOwed: 0,
    ...options,
  };
}

/** 12 paid invoices in the 2024–2025 range (all listed). */
const twelve = Array.from({ length: 12 }, (_, i) => invoice(i + 30));
const outstanding = invoice(99, { finalizedAt: '2025-05-01T00:00:00Z', dueDate: '2025-05-10', status: 'open', amountPaid: 0, amountOwed: 4999 });

const sheets = (styles: unknown): CSSStyleSheet[] =>
  ([styles].flat(Infinity) as { styleSheet?: CSSStyleSheet }[]).map((s) => s.styleSheet!).filter(Boolean);
const historySheets = sheets(InvoiceHistory.styles);
const bannerSheets = sheets(OverdueBanner.styles);
// The form's shell styles and its view's (adopted when the view arrives), as in the element's shadow root.
const formSheets = sheets([BillingForm.styles, formViewStyles]);

async function readyAdapter(options: ConstructorParameters<typeof MemoryBillingAdapter>[0]): Promise<MemoryBillingAdapter> {
  const adapter = new MemoryBillingAdapter(options);
  await adapter.load(); // its seed check and the schemas settle before the clock starts
  return adapter;
}

type Sample = () => Promise<number>;

// ── Row 1: <invoice-history> first render, 12 invoices ─────────────────────────────────────

const history = {
  async library(): Promise<number> {
    const adapter = await readyAdapter({ now: NOW, invoices: twelve });
    const start = performance.now();
    const provider = document.createElement('billing-provider');
    const element = document.createElement('invoice-history');
    provider.append(element);
    provider.adapter = adapter;
    stage.append(provider);
    await until(() => element.shadowRoot?.querySelectorAll('tbody tr').length === 12, 'history rows');
    layout(element.shadowRoot!.querySelector('table'));
    const ms = performance.now() - start;
    provider.remove();
    return ms;
  },
  async vanilla(): Promise<number> {
    const adapter = await readyAdapter({ now: NOW, invoices: twelve });
    const start = performance.now();
    const { host, root } = vanillaHost(historySheets);
    stage.append(host);
    renderInvoiceHistory(root, await adapter.load());
    layout(root.querySelector('table'));
    const ms = performance.now() - start;
    host.remove();
    return ms;
  },
};

// ── Row 2: <billing-form> first render, no card on file ─────────────────────────────────────

const rules = new Map<string, CountryAddressRules>();
const form = {
  async library(): Promise<number> {
    const adapter = await readyAdapter({ now: NOW, invoices: twelve });
    const start = performance.now();
    const provider = document.createElement('billing-provider');
    const element = document.createElement('billing-form');
    provider.append(element);
    provider.adapter = adapter;
    stage.append(provider);
    await until(() => !!element.shadowRoot?.querySelector('[part="submit"]'), 'the form');
    layout(element.shadowRoot!.querySelector('form'));
    const ms = performance.now() - start;
    provider.remove();
    return ms;
  },
  async vanilla(): Promise<number> {
    const adapter = await readyAdapter({ now: NOW, invoices: twelve });
    const start = performance.now();
    const { host, root } = vanillaHost(formSheets);
    stage.append(host);
    renderForm(root, await adapter.load(), (code) => rules.get(code));
    layout(root.querySelector('form'));
    const ms = performance.now() - start;
    host.remove();
    return ms;
  },
};

// ── Row 3: country switch in Billing information (US → CA → JP …), warm ─────────────────────

const SWITCH_ORDER = ['US', 'CA', 'JP', 'GB', 'DE', 'IN', 'BR', 'AU', 'IE', 'FR', 'CN', 'MX', 'IT', 'ES', 'KR', 'AE', 'RU', 'NL', 'CH', 'SG'];

/** What the mailing address shows after a switch: region options (or text/none) and postal label. */
function signature(root: ShadowRoot): string {
  const region = root.getElementById('mailing-address-region');
  const postal = root.querySelector('label[for="mailing-address-postalCode"]');
  const regionSig = !region ? 'none' : region instanceof HTMLSelectElement ? `select:${region.options.length}:${region.options[1]?.value}` : 'text';
  return `${regionSig}|${postal?.textContent?.replace('*', '').trim() ?? 'none'}`;
}

function expectedSignature(code: string): string {
  const r = rules.get(code)!;
  const hasRegion = r.regionLabel !== null && r.format.includes('%S');
  const regionSig = !hasRegion ? 'none' : r.regions ? `select:${r.regions.length + 1}:${r.regions[0]?.code}` : 'text';
  const words: Record<string, string> = { zip: 'ZIP code', postal: 'Postal code', pin: 'PIN code', eircode: 'Eircode' };
  const postal = r.postalLabel !== null && r.format.includes('%Z') ? words[r.postalLabel]! : 'none';
  return `${regionSig}|${postal}`;
}

let switchLibrary: { element: BillingForm; select: HTMLSelectElement; index: number } | undefined;
let switchVanilla: { root: ShadowRoot; form: VanillaForm; select: HTMLSelectElement; index: number } | undefined;
const countrySwitch = {
  async library(): Promise<number> {
    if (!switchLibrary) {
      const provider = document.createElement('billing-provider') as BillingProvider;
      const element = document.createElement('billing-form');
      provider.append(element);
      provider.adapter = await readyAdapter({ now: NOW });
      stage.append(provider);
      await until(() => !!element.shadowRoot?.getElementById('mailing-address-country'), 'the form');
      switchLibrary = { element, select: element.shadowRoot!.getElementById('mailing-address-country') as HTMLSelectElement, index: 0 };
    }
    const s = switchLibrary;
    const code = SWITCH_ORDER[s.index++ % SWITCH_ORDER.length]!;
    const expected = expectedSignature(code);
    const start = performance.now();
    s.select.value = code;
    s.select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => signature(s.element.shadowRoot!) === expected, `country ${code}`);
    layout(s.element.shadowRoot!.querySelector('form'));
    return performance.now() - start;
  },
  async vanilla(): Promise<number> {
    if (!switchVanilla) {
      const { host, root } = vanillaHost(formSheets);
      stage.append(host);
      const form = renderForm(root, await (await readyAdapter({ now: NOW })).load(), (code) => rules.get(code));
      switchVanilla = { root, form, select: root.getElementById('mailing-address-country') as HTMLSelectElement, index: 0 };
    }
    const s = switchVanilla;
    const code = SWITCH_ORDER[s.index++ % SWITCH_ORDER.length]!;
    const expected = expectedSignature(code);
    const start = performance.now();
    s.select.value = code;
    s.select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => signature(s.root) === expected, `country ${code}`);
    layout(s.root.querySelector('form'));
    return performance.now() - start;
  },
};

// ── Row 4: banner none → outstanding after refresh() ────────────────────────────────────────

/** An adapter that answers from `calm` until `switchTo()`, then from `owing`. */
function switchingAdapter(calm: MemoryBillingAdapter, owing: MemoryBillingAdapter) {
  let current = calm;
  const adapter: BillingAdapter = {
    load: (options) => current.load(options),
    submitPaymentMethod: (submission, options) => current.submitPaymentMethod(submission, options),
    downloadInvoice: (id, options) => current.downloadInvoice(id, options),
  };
  return { adapter, switchTo: () => void (current = owing) };
}

const banner = {
  async library(): Promise<number> {
    const { adapter, switchTo } = switchingAdapter(await readyAdapter({ now: NOW, invoices: twelve }), await readyAdapter({ now: NOW, invoices: [...twelve, outstanding] }));
    const provider = document.createElement('billing-provider') as BillingProvider;
    const element = document.createElement('overdue-banner');
    provider.append(element);
    provider.adapter = adapter;
    stage.append(provider);
    await until(() => provider.state.status === 'ready' && element.hasUpdated, 'the first load');
    await element.updateComplete;
    if (element.level !== 'none') throw new Error('expected level none');
    switchTo();
    const start = performance.now();
    void provider.refresh();
    await until(() => !!element.shadowRoot?.querySelector('[part="banner"]'), 'the banner');
    layout(element.shadowRoot!.querySelector('[part="banner"]'));
    const ms = performance.now() - start;
    provider.remove();
    return ms;
  },
  async vanilla(): Promise<number> {
    const { adapter, switchTo } = switchingAdapter(await readyAdapter({ now: NOW, invoices: twelve }), await readyAdapter({ now: NOW, invoices: [...twelve, outstanding] }));
    const { host, root } = vanillaHost(bannerSheets);
    stage.append(host);
    renderBanner(root, await adapter.load());
    if (root.childElementCount !== 0) throw new Error('expected no banner');
    switchTo();
    const start = performance.now();
    renderBanner(root, await adapter.load());
    layout(root.querySelector('[part="banner"]'));
    const ms = performance.now() - start;
    host.remove();
    return ms;
  },
};

// ── Big data: 10,000 and 100,000 invoices ───────────────────────────────────────────────────

/** `count` invoices, one per day back from 2025-06-01; a few outstanding, the oldest 40 days past due. */
function bigSnapshot(count: number): BillingSnapshot {
  const invoices: Invoice[] = [];
  const base = Date.UTC(2025, 5, 1);
  for (let i = 0; i < count; i++) {
    const finalized = new Date(base - i * 3_600_000).toISOString();
    const due = new Date(base - i * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
    const owing = i % 500 === 250 && i < 1000; // two outstanding, due 2025-05-11 and 2025-05-20 (hours back)
    invoices.push({
      id: `in_${i}`,
      number: `INV-${String(count - i).padStart(7, '0')}`,
      finalizedAt: finalized,
      dueDate: due,
      status: owing ? 'open' : 'paid',
      currency: 'USD',
      amountBilled: 1000 + (i % 97),
      amountPaid: owing ? 0 : 1000 + (i % 97),
      amountOwed: owing ? 1000 + (i % 97) : 0,
    });
  }
  return {
    now: NOW,
    account: { id: 'acct_big', name: 'Big Corp', currency: 'USD', userCap: null, nextChargeDate: '2025-07-01', organizations: [{ id: 'org_1', name: 'One' }] },
    viewer: { canManageBilling: true },
    paymentMethod: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, status: 'active' },
    invoices,
  };
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

async function big(count: number): Promise<{ ms: number; longest: number; level: string; firstRow: string }> {
  const json = JSON.stringify(bigSnapshot(count));
  const data = JSON.parse(json) as BillingSnapshot; // what a host's adapter resolves with
  await tick();
  let resolvedAt = 0;
  const adapter: BillingAdapter = {
    load: () => {
      resolvedAt = performance.now();
      return Promise.resolve(data);
    },
    submitPaymentMethod: () => Promise.reject(new Error('not in this benchmark')),
    downloadInvoice: () => Promise.reject(new Error('not in this benchmark')),
  };
  const provider = document.createElement('billing-provider') as BillingProvider;
  const banner = document.createElement('overdue-banner');
  const element = document.createElement('invoice-history');
  provider.append(banner, element);
  longTasks.length = 0;
  provider.adapter = adapter;
  stage.append(provider);
  await until(
    () => element.shadowRoot?.querySelectorAll('tbody tr').length === 12 && !!banner.shadowRoot?.querySelector('[part="banner"]'),
    `${count} invoices`,
  );
  layout(element.shadowRoot!.querySelector('table'));
  const end = performance.now();
  // Long tasks are reported after they end: give the observer a moment.
  await new Promise((r) => setTimeout(r, 50));
  const longest = Math.max(0, ...longTasks.filter((t) => t.startTime + t.duration >= resolvedAt && t.startTime <= end).map((t) => t.duration));
  const result = {
    ms: end - resolvedAt,
    longest,
    level: banner.level,
    firstRow: element.shadowRoot!.querySelector('tbody th')!.textContent!.trim(),
  };
  provider.remove();
  return result;
}

// ── Runner ──────────────────────────────────────────────────────────────────────────────────

const ROWS: Record<string, { library: Sample; vanilla: Sample }> = { history, form, countrySwitch, banner };

declare global {
  interface Window {
    benchSetup(): Promise<void>;
    benchRow(name: string, samples: number): Promise<{ library: number[]; vanilla: number[] }>;
    benchBig(count: number): Promise<{ ms: number; longest: number; level: string; firstRow: string }>;
  }
}

window.benchSetup = async () => {
  await BillingForm.preload();
  await Promise.all(COUNTRY_CODES.map(async (code) => rules.set(code, await loadAddressRules(code))));
};

window.benchRow = async (name, samples) => {
  const row = ROWS[name]!;
  const library: number[] = [];
  const vanilla: number[] = [];
  // Warm-up: a few of each (JIT, style caches), not recorded.
  for (let i = 0; i < 3; i++) {
    await row.library();
    await row.vanilla();
  }
  for (let i = 0; i < samples; i++) {
    // Interleaved, alternating which goes first.
    if (i % 2 === 0) {
      library.push(await row.library());
      vanilla.push(await row.vanilla());
    } else {
      vanilla.push(await row.vanilla());
      library.push(await row.library());
    }
    await tick();
  }
  return { library, vanilla };
};

window.benchBig = big;
