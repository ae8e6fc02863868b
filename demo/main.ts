/**
 * The demo portal: the billing page of an admin portal, on the in-memory adapter (a scenario
 * per switcher entry) or on the HTTP adapter against the reference server.
 */
import '../src/index.js';
import { HttpBillingAdapter, MemoryBillingAdapter, SCENARIOS, scenario, type ScenarioName } from '../src/adapters/index.js';
import type { BillingProvider } from '../src/components/billing-provider/billing-provider.js';

const provider = document.querySelector<BillingProvider>('#provider')!;
const scenarioSelect = document.querySelector<HTMLSelectElement>('#scenario')!;
const adapterSelect = document.querySelector<HTMLSelectElement>('#adapter-kind')!;
const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
const dark = document.querySelector<HTMLInputElement>('#dark')!;
const rtl = document.querySelector<HTMLInputElement>('#rtl')!;
const log = document.querySelector<HTMLOListElement>('#event-log')!;
const adapterHint = document.querySelector<HTMLElement>('#adapter-hint')!;
const nextSubmit = document.querySelector<HTMLSelectElement>('#next-submit')!;

const params = new URLSearchParams(location.search);

for (const { name, label } of SCENARIOS) scenarioSelect.add(new Option(label, name));
scenarioSelect.value = params.get('scenario') ?? 'outstanding-5';
adapterSelect.value = params.get('adapter') === 'http' ? 'http' : 'memory';
localeSelect.value = params.get('locale') ?? 'en-US';
dark.checked = params.has('dark');
rtl.checked = params.has('rtl');

function saveParams(): void {
  const next = new URLSearchParams();
  next.set('scenario', scenarioSelect.value);
  if (adapterSelect.value === 'http') next.set('adapter', 'http');
  if (localeSelect.value !== 'en-US') next.set('locale', localeSelect.value);
  if (dark.checked) next.set('dark', '');
  if (rtl.checked) next.set('rtl', '');
  history.replaceState(null, '', `?${next}${location.hash}`);
}

async function applyAdapter(): Promise<void> {
  const name = scenarioSelect.value as ScenarioName;
  adapterHint.hidden = adapterSelect.value !== 'http';
  if (adapterSelect.value === 'http') {
    // The reference server's test endpoints reseed it with the same scenario (Vite's proxy adds
    // their secret); the scenario's viewer picks the caller: a billing admin or a plain admin,
    // each with a development token Vite mints under the server's secret.
    await fetch('/api/__test/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: name }),
    }).catch(() => undefined);
    const role = scenario(name).viewer?.canManageBilling === false ? 'admin' : 'billing_admin';
    const token = fetch(`/__demo/token?role=${role}`)
      .then((response) => response.json() as Promise<{ token?: string }>)
      .then((body) => body.token ?? '')
      .catch(() => '');
    provider.adapter = new HttpBillingAdapter({
      baseUrl: '/api',
      headers: async (): Promise<Record<string, string>> => {
        const value = await token;
        return value ? { Authorization: `Bearer ${value}` } : {};
      },
    });
  } else {
    provider.adapter = new MemoryBillingAdapter({ ...scenario(name), latencyMs: 400 });
  }
  nextSubmit.disabled = adapterSelect.value === 'http';
}

// The next submission's outcome, for trying every outcome of the form on the memory adapter.
nextSubmit.addEventListener('change', () => {
  const adapter = provider.adapter;
  if (adapter instanceof MemoryBillingAdapter && nextSubmit.value) {
    adapter.failNext('submit', nextSubmit.value as Parameters<MemoryBillingAdapter['failNext']>[1]);
  }
});
provider.addEventListener('payment-method-submit', () => {
  // failNext applies once: the control goes back to "Goes through" for the next attempt.
  queueMicrotask(() => (nextSubmit.value = ''));
});

function applyPage(): void {
  document.documentElement.classList.toggle('dark', dark.checked);
  document.documentElement.dir = rtl.checked ? 'rtl' : 'ltr';
  // One locale for the billing elements (texts, money, dates, country names, plurals, direction):
  // the page's own chrome stays English.
  provider.locale = localeSelect.value;
}

for (const control of [scenarioSelect, adapterSelect]) {
  control.addEventListener('change', () => {
    saveParams();
    void applyAdapter();
  });
}
for (const control of [localeSelect, dark, rtl]) {
  control.addEventListener('change', () => {
    saveParams();
    applyPage();
  });
}

// What a host receives: event names and details (never card data).
for (const type of ['billing-update-request', 'payment-method-submit', 'payment-method-updated', 'invoice-download', 'billing-error'] as const) {
  provider.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const detail = (event as Event & { detail?: unknown }).detail as Record<string, unknown> | undefined;
    const shown = detail && 'error' in detail ? { error: { code: (detail.error as { code: string }).code, message: (detail.error as Error).message } } : detail;
    item.textContent = `${type} ${JSON.stringify(shown)}`;
    log.prepend(item);
  });
}

// Update in the banner goes to the form: focus its section (the host keeps control of
// navigation). Update in the modal is left to the modal: its own form is the way out.
provider.addEventListener('billing-update-request', (event) => {
  if (event.detail.source === 'suspension-modal') return;
  event.preventDefault();
  document.querySelector<HTMLElement>('#billing-information')?.focus();
  document.querySelector('billing-form')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
});

applyPage();
void applyAdapter();
