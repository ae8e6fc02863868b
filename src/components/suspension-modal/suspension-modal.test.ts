import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { StaticAdapter, invoice, mount, snapshot, textOf, waitUntil } from '../../../test/helpers.js';
import { sharedBehaviour } from '../../../test/shared-behaviour.js';
import type { SuspensionModal } from './suspension-modal.js';
import '../../suspension-modal.js';

async function modal(data: unknown) {
  const adapter = new StaticAdapter(data);
  const mounted = await mount<SuspensionModal>(
    adapter,
    html`<suspension-modal support-email="billing@example.com" update-href="#update"></suspension-modal>`,
  );
  return { ...mounted, adapter };
}

function dialogOf(element: SuspensionModal): HTMLDialogElement {
  return element.shadowRoot!.querySelector('dialog')!;
}

describe('<suspension-modal>', () => {
  it('is accessible when open', async () => {
    const { element } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    await expect(element).to.be.accessible();
  });

  it('stays closed at 44 days outstanding', async () => {
    const { element } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 44 })] }));
    expect(element.open).to.be.false;
    expect(element.hasAttribute('open')).to.be.false;
    expect(dialogOf(element).open).to.be.false;
  });

  it('opens as a modal dialog at 45 days, with what is owed', async () => {
    const { element } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 45, billed: 9900 })] }));
    const dialog = dialogOf(element);
    expect(element.hasAttribute('open')).to.be.true;
    expect(dialog.matches(':modal')).to.be.true;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(textOf(element.shadowRoot!.getElementById('title')!)).to.equal('Your account is suspended');
    expect(textOf(dialog)).to.contain('$99.00 has been past due for 45 days. Access returns once payment is received.');
    expect(dialog.querySelector('a')!.getAttribute('href')).to.equal('mailto:billing@example.com');
  });

  it('opens when the snapshot says the account is suspended', async () => {
    const { element } = await modal(snapshot({ suspended: true }));
    expect(dialogOf(element).matches(':modal')).to.be.true;
    expect(textOf(dialogOf(element))).to.contain('Access returns once payment is received.');
  });

  it('says "1 day" when suspended by the account flag one day after the due date', async () => {
    const { element } = await modal(snapshot({ suspended: true, invoices: [invoice({ daysPastDue: 1, billed: 500 })] }));
    expect(textOf(dialogOf(element))).to.contain('$5.00 has been past due for 1 day.');
  });

  it('makes the rest of the page inert', async () => {
    const { element, provider } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 60 })] }));
    const outside = document.createElement('button');
    outside.textContent = 'Outside';
    provider.after(outside);
    const rect = outside.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.x + 2, rect.y + 2);
    expect(hit).to.not.equal(outside);
    outside.remove();
    expect(dialogOf(element).open).to.be.true;
  });

  it('does not close on Escape, even pressed twice', async () => {
    const { element } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(dialogOf(element).open).to.be.true;
    expect(element.open).to.be.true;
  });

  it('never lets keyboard focus reach the page behind it', async () => {
    const { element, provider } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    // The card form inside loads with the dialog: wait for its fields.
    await waitUntil(() => element.shadowRoot!.querySelector('billing-form')?.shadowRoot?.querySelector('input'), 'form ready');
    const outside = document.createElement('button');
    outside.textContent = 'Outside';
    provider.before(outside);
    const reached = new Set<Element>();
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, `focus after ${i + 1} tabs`).to.not.equal(outside);
      const inner = element.shadowRoot!.activeElement;
      if (inner) reached.add(inner);
    }
    outside.remove();
    // The dialog's own controls and the card form inside it are reachable by keyboard.
    expect([...reached].map((e) => e.localName)).to.include.members(['button', 'billing-form']);
  });

  it('closes by itself once the provider is no longer suspended', async () => {
    const { element, provider, adapter } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    expect(dialogOf(element).open).to.be.true;
    adapter.data = snapshot({ invoices: [invoice({ daysPastDue: 50, paid: 12000 })] });
    await provider.refresh();
    await element.updateComplete;
    await waitUntil(() => !dialogOf(element).open, undefined);
    expect(element.hasAttribute('open')).to.be.false;
  });

  it('carries the card form and fires billing-update-request from Update', async () => {
    const { element } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    expect(element.shadowRoot!.querySelector('dialog billing-form')).to.exist;
    const update = [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Update')!;
    document.addEventListener('billing-update-request', (event) => event.preventDefault(), { once: true });
    setTimeout(() => update.click());
    const event = await oneEvent(element, 'billing-update-request');
    expect(event.detail).to.deep.equal({ source: 'suspension-modal' });
  });

  it('shows a viewer without the billing role the no-permission message on Update', async () => {
    const { element } = await modal(snapshot({ canManageBilling: false, invoices: [invoice({ daysPastDue: 50 })] }));
    let fired = false;
    element.addEventListener('billing-update-request', () => (fired = true));
    const update = [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Update')!;
    update.click();
    await element.updateComplete;
    expect(fired).to.be.false;
    expect(textOf(element.shadowRoot!.querySelector('[part="no-permission"]')!)).to.equal(
      "You don't have permission to see payment information",
    );
    expect(element.shadowRoot!.querySelector('billing-form')).to.be.null;
  });

  it('takes a viewer to the card form inside it when Update has nowhere else to go', async () => {
    const { fixture } = await import('@open-wc/testing');
    const { StaticAdapter: Adapter } = await import('../../../test/helpers.js');
    const provider = await fixture(
      html`<billing-provider .adapter=${new Adapter(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }))}><suspension-modal></suspension-modal></billing-provider>`,
    );
    const element = provider.querySelector('suspension-modal')!;
    await waitUntil(() => element.open, 'opens');
    await element.updateComplete;
    const form = element.shadowRoot!.querySelector('billing-form')!;
    await form.updateComplete;
    [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Update')!.click();
    expect(element.shadowRoot!.activeElement).to.equal(form);
    expect(form.shadowRoot!.activeElement?.id).to.equal('mailing-firstName');
  });
});

sharedBehaviour('suspension-modal', { quietWhileUnloaded: true });
