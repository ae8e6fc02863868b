import { expect, html, oneEvent } from '@open-wc/testing';
import { StaticAdapter, invoice, mount, snapshot, textOf } from '../../../test/helpers.js';
import { sharedBehaviour } from '../../../test/shared-behaviour.js';
import type { OverdueBanner } from './overdue-banner.js';
import '../../overdue-banner.js';

async function banner(data: unknown, attributes = html`<overdue-banner support-email="billing@example.com" update-href="#billing-update"></overdue-banner>`) {
  return (await mount<OverdueBanner>(new StaticAdapter(data), attributes)).element;
}

function button(element: OverdueBanner): HTMLButtonElement {
  return element.shadowRoot!.querySelector('button')!;
}

describe('<overdue-banner>', () => {
  it('is accessible in its outstanding state', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 5 })] }));
    await expect(element).to.be.accessible();
  });

  it('shows nothing and reflects level="none" when nothing is outstanding', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 10, paid: 12000 }), invoice({ daysPastDue: 0 })] }));
    expect(element.getAttribute('level')).to.equal('none');
    expect(textOf(element)).to.equal('');
    expect(getComputedStyle(element).display).to.equal('none');
  });

  it('shows the first banner from one invoice outstanding for one day', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 1, billed: 12000 })] }));
    expect(element.getAttribute('level')).to.equal('outstanding');
    const region = element.shadowRoot!.querySelector('[role="status"]');
    expect(region).to.exist;
    expect(textOf(region!)).to.contain('You have an outstanding invoice');
    expect(textOf(region!)).to.contain('$120.00 is past due. Pay it within 44 days to avoid suspension.');
    expect(textOf(region!)).to.contain('A payment may take up to a full business day to reach your account.');
    expect(button(element).textContent!.trim()).to.equal('Update');
  });

  it('counts outstanding invoices and sums what they owe, partially paid included', async () => {
    const element = await banner(
      snapshot({ invoices: [invoice({ daysPastDue: 20, billed: 5000, paid: 1000 }), invoice({ daysPastDue: 3, billed: 2500 })] }),
    );
    expect(textOf(element)).to.contain('You have 2 outstanding invoices');
    expect(textOf(element)).to.contain('$65.00 is past due. Pay it within 25 days');
  });

  it('stays on the first banner at 29 days and turns sterner at 30', async () => {
    const at29 = await banner(snapshot({ invoices: [invoice({ daysPastDue: 29 })] }));
    expect(at29.getAttribute('level')).to.equal('outstanding');
    const at30 = await banner(snapshot({ invoices: [invoice({ daysPastDue: 30 })] }));
    expect(at30.getAttribute('level')).to.equal('overdue');
    const alert = at30.shadowRoot!.querySelector('[role="alert"]');
    expect(textOf(alert!)).to.contain('Your account is overdue');
    expect(textOf(alert!)).to.contain('$120.00 has been past due for 30 days. Your account will be suspended in 15 days unless it is paid.');
  });

  it('says "1 day" before suspension at 44 days', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 44 })] }));
    expect(element.getAttribute('level')).to.equal('overdue');
    expect(textOf(element)).to.contain('suspended in 1 day unless');
  });

  it('reflects level="suspended" at 45 days', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 45 })] }));
    expect(element.getAttribute('level')).to.equal('suspended');
    expect(textOf(element)).to.contain('Your account is suspended');
  });

  it('does not claim a past-due amount when the account is suspended with nothing outstanding', async () => {
    const element = await banner(snapshot({ suspended: true }));
    expect(element.getAttribute('level')).to.equal('suspended');
    expect(textOf(element)).to.contain('Access returns once payment is received.');
    expect(textOf(element)).to.not.contain('past due');
  });

  it('offers the pay-another-way address as a mail link', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 5 })] }));
    const link = element.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('mailto:billing@example.com');
    expect(textOf(link.parentElement!)).to.equal('To pay another way, write to billing@example.com.');
  });

  it('fires a cancelable billing-update-request and stays when it is cancelled', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 5 })] }));
    const before = location.href;
    const listener = (event: Event) => event.preventDefault();
    document.addEventListener('billing-update-request', listener, { once: true });
    setTimeout(() => button(element).click());
    const event = await oneEvent(element, 'billing-update-request');
    expect(event.detail).to.deep.equal({ source: 'overdue-banner' });
    expect(event.cancelable).to.be.true;
    expect(event.composed).to.be.true;
    expect(location.href).to.equal(before);
  });

  it('goes to update-href when the request is not cancelled', async () => {
    const element = await banner(snapshot({ invoices: [invoice({ daysPastDue: 5 })] }));
    history.replaceState(null, '', location.pathname + location.search);
    button(element).click();
    expect(location.hash).to.equal('#billing-update');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('keeps a viewer without the billing role where they are and says why', async () => {
    const element = await banner(snapshot({ canManageBilling: false, invoices: [invoice({ daysPastDue: 35 })] }));
    let fired = false;
    element.addEventListener('billing-update-request', () => (fired = true));
    const before = location.href;
    button(element).click();
    await element.updateComplete;
    expect(fired).to.be.false;
    expect(location.href).to.equal(before);
    const alert = element.shadowRoot!.querySelector('[part="no-permission"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.equal("You don't have permission to see payment information");
  });

  it('formats the amount in the account currency and the viewer locale', async () => {
    const data = snapshot({ currency: 'JPY', invoices: [{ ...invoice({ daysPastDue: 5, billed: 5000 }), currency: 'JPY' }] });
    const { element } = await mount<OverdueBanner>(
      new StaticAdapter(data),
      html`<overdue-banner></overdue-banner>`,
    );
    expect(textOf(element)).to.contain('¥5,000 is past due');
  });
});

sharedBehaviour('overdue-banner', { quietWhileUnloaded: true });
