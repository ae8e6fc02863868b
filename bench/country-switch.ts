/**
 * Benchmark page: how long `<billing-form>` takes to show a country's fields once that
 * country's address data is loaded (measured from the country `change` event to the end of
 * the element's update). Run by scripts/bench-country.mjs in headless Chromium.
 */
import '../src/billing-provider.js';
import '../src/billing-form.js';
import { MemoryBillingAdapter } from '../src/adapters/memory-adapter.js';
import type { BillingForm } from '../src/components/billing-form/billing-form.js';
import { COUNTRY_CODES, loadAddressRules } from '../src/domain/address/index.js';

declare global {
  interface Window {
    runBenchmark(): Promise<{ countries: number; median: number; p95: number; max: number; worst: string }>;
  }
}

window.runBenchmark = async () => {
  document.body.innerHTML = '<billing-provider><billing-form></billing-form></billing-provider>';
  const provider = document.querySelector('billing-provider')!;
  provider.adapter = new MemoryBillingAdapter({ now: '2025-06-15T12:00:00Z' });
  const form = document.querySelector<BillingForm>('billing-form')!;
  await (customElements.get('billing-form') as typeof BillingForm).preload();
  while (!form.shadowRoot?.getElementById('mailing-address-country')) await new Promise((r) => setTimeout(r, 10));
  // Data loaded first: the figure is rendering, not fetching.
  await Promise.all(COUNTRY_CODES.map((code) => loadAddressRules(code)));
  const select = form.shadowRoot!.getElementById('mailing-address-country') as HTMLSelectElement;
  const times: { code: string; ms: number }[] = [];
  for (const code of COUNTRY_CODES) {
    const start = performance.now();
    select.value = code;
    select.dispatchEvent(new Event('change'));
    // The element applies the (cached) rules after one microtask, then renders.
    await Promise.resolve();
    await form.updateComplete;
    await form.updateComplete;
    times.push({ code, ms: performance.now() - start });
  }
  const sorted = [...times].sort((a, b) => a.ms - b.ms);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.ms;
  const worst = sorted[sorted.length - 1]!;
  return { countries: times.length, median: at(0.5), p95: at(0.95), max: worst.ms, worst: worst.code };
};
