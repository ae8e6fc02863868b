import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { consume } from '@lit/context';
import { billingContext, type BillingContextValue } from '../../context/billing-context.js';
import { BillingError } from '../../domain/errors.js';
import { ControlledAdapter, StaticAdapter, invoice, snapshot, textOf, waitUntil } from '../../../test/helpers.js';
import type { BillingProvider } from './billing-provider.js';
import '../../billing-provider.js';
import '../../invoice-history.js';

/** A bare consumer that records every context value it receives. */
class ProbeElement extends LitElement {
  @consume({ context: billingContext, subscribe: true })
  set billing(value: BillingContextValue) {
    this.seen.push(value);
  }
  seen: BillingContextValue[] = [];
}
customElements.define('billing-probe', ProbeElement);

async function withProbe(adapter?: unknown) {
  const provider = await fixture<BillingProvider>(
    html`<billing-provider .adapter=${adapter}><billing-probe></billing-probe></billing-provider>`,
  );
  return { provider, probe: provider.querySelector<ProbeElement>('billing-probe')! };
}

describe('<billing-provider>', () => {
  it('stays idle without an adapter and loads once one is set', async () => {
    const { provider, probe } = await withProbe();
    expect(provider.state.status).to.equal('idle');
    provider.adapter = new StaticAdapter(snapshot());
    await waitUntil(() => provider.state.status === 'ready', undefined);
    expect(probe.seen.at(-1)!.state.snapshot!.account.name).to.equal('Acme Corp');
  });

  it('loads once on start, shares loading then ready, each as a new state object', async () => {
    const adapter = new ControlledAdapter();
    const { provider, probe } = await withProbe(adapter);
    expect(adapter.pending).to.have.length(1);
    expect(provider.state.status).to.equal('loading');
    const loadingState = probe.seen.at(-1)!.state;
    adapter.pending[0]!.resolve(snapshot({ invoices: [invoice({ daysPastDue: 31 })] }));
    await waitUntil(() => provider.state.status === 'ready', undefined);
    const readyState = probe.seen.at(-1)!.state;
    expect(readyState).to.not.equal(loadingState);
    expect(readyState.dunning!.level).to.equal('overdue');
    expect(readyState.today).to.equal('2025-06-15');
  });

  it('passes an AbortSignal, aborts the older load and drops its late answer', async () => {
    const adapter = new ControlledAdapter();
    const { provider } = await withProbe(adapter);
    const first = adapter.pending[0]!;
    void provider.refresh();
    const second = adapter.pending[1]!;
    expect(first.signal!.aborted).to.be.true;
    expect(second.signal!.aborted).to.be.false;
    second.resolve(snapshot({ invoices: [] }));
    await waitUntil(() => provider.state.status === 'ready', undefined);
    first.resolve(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    await new Promise((r) => setTimeout(r, 20));
    expect(provider.state.dunning!.level).to.equal('none');
  });

  it('drops the answer of the adapter it no longer holds', async () => {
    const slow = new ControlledAdapter();
    const { provider } = await withProbe(slow);
    provider.adapter = new StaticAdapter(snapshot({ canManageBilling: false }));
    await waitUntil(() => provider.state.status === 'ready', undefined);
    slow.pending[0]!.resolve(snapshot({ canManageBilling: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(provider.state.snapshot!.viewer.canManageBilling).to.be.false;
  });

  it('becomes an error state with billing-error when the adapter fails', async () => {
    const adapter = new ControlledAdapter();
    const { provider } = await withProbe(adapter);
    setTimeout(() => adapter.pending[0]!.reject(new BillingError('server', 'The billing service failed.')));
    const event = await oneEvent(provider, 'billing-error');
    expect(event.detail.error.code).to.equal('server');
    expect(provider.state.status).to.equal('error');
  });

  it('validates what the adapter returns, naming the bad field', async () => {
    const bad = snapshot({ invoices: [invoice({ daysPastDue: 3 })] });
    (bad.invoices[0] as { amountOwed: number }).amountOwed = 1;
    const { provider } = await withProbe(new StaticAdapter(bad));
    await waitUntil(() => provider.state.status === 'error', undefined);
    expect(provider.state.error!.code).to.equal('invalid_response');
    expect(provider.state.error!.message).to.contain('invoices[0]');
  });

  it('keeps the last good snapshot when a refresh fails', async () => {
    const adapter = new StaticAdapter(snapshot());
    const { provider } = await withProbe(adapter);
    await waitUntil(() => provider.state.status === 'ready', undefined);
    adapter.data = { broken: true };
    await provider.refresh();
    expect(provider.state.status).to.equal('ready');
    expect(provider.state.snapshot!.account.name).to.equal('Acme Corp');
    expect(provider.state.error!.code).to.equal('invalid_response');
  });

  it('reloads every refresh-interval seconds', async () => {
    const adapter = new StaticAdapter(snapshot());
    const provider = await fixture<BillingProvider>(
      html`<billing-provider refresh-interval="0.05" .adapter=${adapter}></billing-provider>`,
    );
    await waitUntil(() => adapter.loads >= 3, 'interval reloads');
    provider.remove();
    const loads = adapter.loads;
    await new Promise((r) => setTimeout(r, 150));
    expect(adapter.loads).to.equal(loads);
  });

  it('does not let a submission answered after an adapter change replace the new state', async () => {
    const first = new StaticAdapter(snapshot());
    let answer!: (value: unknown) => void;
    first.submitPaymentMethod = () => new Promise((resolve) => (answer = resolve)) as never;
    const { provider, probe } = await withProbe(first);
    await waitUntil(() => provider.state.status === 'ready', undefined);
    const pending = probe.seen.at(-1)!.actions.submitPaymentMethod({} as never, { idempotencyKey: 'k1' });
    const other = snapshot();
    other.account = { ...other.account, id: 'acct_2', name: 'Other Corp' };
    provider.adapter = new StaticAdapter(other);
    await waitUntil(() => provider.state.snapshot?.account.name === 'Other Corp', undefined);
    answer({ snapshot: snapshot() });
    await pending;
    expect(provider.state.snapshot!.account.name).to.equal('Other Corp');
  });

  it('reloads when its adapter was replaced while it was out of the DOM', async () => {
    const { provider } = await withProbe(new StaticAdapter(snapshot()));
    await waitUntil(() => provider.state.status === 'ready', undefined);
    const parent = provider.parentElement!;
    provider.remove();
    const other = snapshot();
    other.account = { ...other.account, id: 'acct_2', name: 'Other Corp' };
    provider.adapter = new StaticAdapter(other);
    await new Promise((resolve) => setTimeout(resolve, 20)); // its update runs while detached
    parent.append(provider);
    await waitUntil(() => provider.state.snapshot?.account.name === 'Other Corp', 'reloaded');
  });

  it('gives up on a load that never answers after load-timeout seconds: error state with Try again', async () => {
    const adapter = new ControlledAdapter();
    const provider = await fixture<BillingProvider>(
      html`<billing-provider load-timeout="0.3" .adapter=${adapter}><invoice-history></invoice-history></billing-provider>`,
    );
    const history = provider.querySelector('invoice-history')!;
    expect(provider.loadTimeout).to.equal(0.3);
    const event = await oneEvent(provider, 'billing-error');
    expect(event.detail.error.code).to.equal('timeout');
    expect(event.detail.error.message).to.equal('The billing service did not answer within 0.3 seconds.');
    expect(adapter.pending[0]!.signal!.aborted, 'the adapter is told to stop').to.be.true;
    expect(provider.state.status).to.equal('error');
    await waitUntil(() => history.shadowRoot?.querySelector('[part="load-error"]'), 'error state');
    expect(textOf(history)).to.contain("We couldn't load your billing information.");
    const retry = history.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(textOf(retry)).to.equal('Try again');
    retry.click();
    await waitUntil(() => adapter.pending.length === 2, 'Try again loads again');
    adapter.pending[1]!.resolve(snapshot({ invoices: [invoice({ daysPastDue: 3, number: 'INV-7777' })] }));
    await waitUntil(() => history.shadowRoot?.querySelector('tbody tr'), 'the table');
    expect(textOf(history)).to.contain('INV-7777');
  });

  it('waits 30 seconds by default, and falls back to that for a timeout that is not a positive number', async () => {
    const adapter = new ControlledAdapter();
    const provider = await fixture<BillingProvider>(html`<billing-provider load-timeout="soon" .adapter=${adapter}></billing-provider>`);
    expect(document.createElement('billing-provider').loadTimeout).to.equal(30);
    await new Promise((r) => setTimeout(r, 300));
    expect(provider.state.status).to.equal('loading');
    expect(adapter.pending[0]!.signal!.aborted).to.be.false;
  });

  it('rejects an unknown currency code with a clear error instead of showing "XYZ 10.00"', async () => {
    const data = snapshot({ currency: 'XYZ', invoices: [{ ...invoice({ daysPastDue: 3, billed: 1000 }), currency: 'XYZ' }] });
    const provider = await fixture<BillingProvider>(
      html`<billing-provider .adapter=${new StaticAdapter(data)}><invoice-history></invoice-history></billing-provider>`,
    );
    await waitUntil(() => provider.state.status === 'error', undefined);
    expect(provider.state.error!.code).to.equal('invalid_response');
    expect(provider.state.error!.message).to.equal('Invalid billing response: account.currency: must be a known ISO 4217 currency code');
    const history = provider.querySelector('invoice-history')!;
    await waitUntil(() => history.shadowRoot?.querySelector('[part="load-error"]'), 'error state');
    expect(textOf(history)).not.to.contain('XYZ');
  });

  it('takes "today" from the snapshot clock, not the browser', async () => {
    const { provider } = await withProbe(new StaticAdapter(snapshot({ now: '2030-01-01T23:30:00-05:00' })));
    await waitUntil(() => provider.state.status === 'ready', undefined);
    expect(provider.state.today).to.equal('2030-01-02');
  });
});
