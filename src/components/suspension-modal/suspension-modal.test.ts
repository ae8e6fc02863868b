import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { StaticAdapter, invoice, mount, snapshot, textOf, waitUntil } from '../../../test/helpers.js';
import { sharedBehaviour } from '../../../test/shared-behaviour.js';
import type { BillingForm } from '../billing-form/billing-form.js';
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

function updateButton(element: SuspensionModal): HTMLButtonElement | undefined {
  return [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Update');
}

/** The card form the modal shows after Update: a light-DOM child slotted into the dialog. */
function formOf(element: SuspensionModal): BillingForm | null {
  return element.querySelector<BillingForm>(':scope > billing-form[slot="form"]');
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

  it('never lets keyboard focus reach the page behind it, before and after Update', async () => {
    const { element, provider } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    const outside = document.createElement('button');
    outside.textContent = 'Outside';
    provider.before(outside);
    const reached = new Set<string>();
    const where = () => {
      const active = document.activeElement;
      if (active === element) return element.shadowRoot!.activeElement?.localName ?? 'dialog';
      if (active && element.contains(active)) return active.localName;
      // Past the dialog's last control, Tab visits the browser's own UI (the document body) before wrapping.
      if (active === document.body) return 'browser';
      return `outside the dialog: ${active?.localName}`;
    };
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, `focus after ${i + 1} tabs`).to.not.equal(outside);
      reached.add(where());
    }
    expect([...reached]).to.include('button');
    // Update shows the card form in the dialog: its fields are reachable, still nothing outside.
    updateButton(element)!.click();
    await waitUntil(() => formOf(element)?.shadowRoot?.activeElement, 'focus in the card form');
    reached.clear();
    for (let i = 0; i < 30; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, `focus after ${i + 1} tabs`).to.not.equal(outside);
      reached.add(where());
    }
    outside.remove();
    expect([...reached]).to.include('billing-form');
    expect([...reached].filter((stop) => stop.startsWith('outside'))).to.deep.equal([]);
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

  it('offers one action, Update, and no form beside it; a host that cancels billing-update-request takes over', async () => {
    const { element } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    const buttons = [...element.shadowRoot!.querySelectorAll('button')].map((b) => textOf(b));
    expect(buttons).to.deep.equal(['Update']);
    expect(element.querySelector('billing-form'), 'no form before Update').to.equal(null);
    expect(element.shadowRoot!.querySelector('billing-form, slot[name="form"]')).to.equal(null);
    expect(textOf(dialogOf(element))).to.contain('Update your card to pay the outstanding balance.');
    document.addEventListener('billing-update-request', (event) => event.preventDefault(), { once: true });
    setTimeout(() => updateButton(element)!.click());
    const event = await oneEvent(element, 'billing-update-request');
    expect(event.detail).to.deep.equal({ source: 'suspension-modal' });
    expect(event.cancelable).to.equal(true);
    await element.updateComplete;
    expect(formOf(element), 'cancelled: the host took over').to.equal(null);
    expect(updateButton(element)).to.exist;
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
    expect(element.querySelector('billing-form')).to.be.null;
  });

  it('shows the card form in place of Update, in its own light DOM, and focuses its first field (update-href is not followed)', async () => {
    const { element } = await modal(snapshot({ invoices: [invoice({ daysPastDue: 50 })] }));
    const before = location.href;
    updateButton(element)!.click();
    await waitUntil(() => formOf(element)?.shadowRoot?.activeElement, 'focus in the card form');
    const form = formOf(element)!;
    expect(document.activeElement).to.equal(form);
    expect(form.shadowRoot!.activeElement!.id).to.equal('mailing-firstName');
    expect(location.href, 'update-href="#update" not followed').to.equal(before);
    // The form is the modal's light-DOM child, slotted into the dialog; Update is gone.
    expect(form.getRootNode()).to.equal(document);
    const slot = dialogOf(element).querySelector<HTMLSlotElement>('slot[name="form"]')!;
    expect(slot.assignedElements()).to.deep.equal([form]);
    expect(form.hasAttribute('expanded')).to.equal(true);
    expect(updateButton(element)).to.equal(undefined);
    expect(textOf(dialogOf(element))).to.contain('Update your card below to pay the outstanding balance.');
    expect(form.getBoundingClientRect().height, 'the form is rendered in the dialog').to.be.greaterThan(100);
    await expect(element).to.be.accessible();
  });
});

sharedBehaviour('suspension-modal', { quietWhileUnloaded: true });
