import { expect } from '@open-wc/testing';
import { addDays, daysBetween } from '../domain/dates.js';
import { dunningLevel, dunningState, type DunningLevel } from '../domain/dunning.js';
import { BillingError } from '../domain/errors.js';
import { listInvoices } from '../domain/invoices.js';
import { parseSnapshot } from '../domain/schemas.js';
import type { BillingSnapshot } from '../domain/types.js';
import { MemoryBillingAdapter } from './memory-adapter.js';
import { scenario, SCENARIOS, type ScenarioName } from './scenarios.js';

const EXPECTED_LEVELS: Record<ScenarioName, DunningLevel> = {
  'all-paid': 'none',
  'outstanding-5': 'outstanding',
  'overdue-35': 'overdue',
  'suspended-50': 'suspended',
  // One invoice past due, so a viewer without the role meets the banner's Update.
  'no-permission': 'outstanding',
  'pending-card': 'none',
  'many-invoices': 'none',
  'failing-backend': 'none',
  empty: 'none',
};

/** Month ends, a leap day, a year start and an ordinary day. */
const DAYS = ['2026-11-26', '2024-02-29', '2025-01-01', '2025-03-31', '2025-12-31', '2025-07-15'];

async function load(name: ScenarioName, today: string): Promise<BillingSnapshot> {
  const options = scenario(name, today);
  // The failing backend's data, seen once the failure is lifted.
  const adapter = new MemoryBillingAdapter({ ...options, fail: null });
  return adapter.load();
}

describe('scenarios', () => {
  it('lists every scenario once, with an English label, in the documented order', () => {
    expect(SCENARIOS.map((entry) => entry.name)).to.deep.equal([
      'all-paid',
      'outstanding-5',
      'overdue-35',
      'suspended-50',
      'no-permission',
      'pending-card',
      'many-invoices',
      'failing-backend',
      'empty',
    ]);
    for (const { label } of SCENARIOS) expect(label).to.match(/^[A-Z0-9][\x20-\x7e]+$/);
    expect(new Set(SCENARIOS.map((entry) => entry.label)).size).to.equal(SCENARIOS.length);
  });

  for (const today of DAYS) {
    describe(`on ${today}`, () => {
      for (const { name } of SCENARIOS) {
        it(`${name}: valid, at today's noon, dunning level ${EXPECTED_LEVELS[name]}`, async () => {
          const options = scenario(name, today);
          expect(options.now).to.equal(`${today}T12:00:00Z`);
          const snapshot = await load(name, today);
          expect(parseSnapshot(snapshot)).to.deep.equal(snapshot);
          expect(dunningLevel(snapshot)).to.equal(EXPECTED_LEVELS[name]);
          const ids = snapshot.invoices.map((invoice) => invoice.id);
          expect(new Set(ids).size).to.equal(ids.length);
          for (const invoice of snapshot.invoices) {
            expect(invoice.finalizedAt <= `${today}T12:00:00Z`, invoice.id).to.equal(true);
            expect(daysBetween(invoice.finalizedAt, invoice.dueDate), invoice.id).to.equal(15);
          }
        });
      }

      it('outstanding-5: one unpaid invoice, due exactly 5 days ago', async () => {
        const snapshot = await load('outstanding-5', today);
        const state = dunningState(snapshot);
        expect(state.outstandingCount).to.equal(1);
        expect(state.oldestDaysOutstanding).to.equal(5);
        expect(state.outstanding[0]!.dueDate).to.equal(addDays(today, -5));
        expect(state.outstanding[0]!.status).to.equal('open');
      });

      it('overdue-35: oldest unpaid 35 days past due, plus a partially paid one', async () => {
        const state = dunningState(await load('overdue-35', today));
        expect(state.oldestDaysOutstanding).to.equal(35);
        expect(state.outstanding.map((invoice) => invoice.status)).to.deep.equal(['open', 'partially_paid']);
        expect(state.suspendedByAccount).to.equal(false);
      });

      it('suspended-50: oldest unpaid 50 days past due, account suspended, no card', async () => {
        const snapshot = await load('suspended-50', today);
        const state = dunningState(snapshot);
        expect(state.oldestDaysOutstanding).to.equal(50);
        expect(snapshot.account.suspended).to.equal(true);
        expect(snapshot.paymentMethod).to.equal(null);
        expect(snapshot.account.userCap).to.equal(5);
      });

      it('history invoices are finalized on the 1st of consecutive months', async () => {
        const snapshot = await load('all-paid', today);
        const finalized = snapshot.invoices.map((invoice) => invoice.finalizedAt.slice(0, 10));
        expect(finalized[0]).to.equal(`${today.slice(0, 7)}-01`);
        for (const date of finalized) expect(date.endsWith('-01')).to.equal(true);
        for (let i = 1; i < finalized.length; i++) expect(daysBetween(finalized[i]!, finalized[i - 1]!)).to.be.within(28, 31);
        for (const invoice of snapshot.invoices) expect(invoice.amountBilled).to.be.within(50_000, 200_000);
      });
    });
  }

  it('no-permission: the viewer lacks the billing role', async () => {
    const snapshot = await load('no-permission', '2026-11-26');
    expect(snapshot.viewer.canManageBilling).to.equal(false);
    expect(snapshot.invoices.length).to.be.greaterThan(0);
  });

  it('pending-card: the card on file is pending', async () => {
    const snapshot = await load('pending-card', '2026-11-26');
    expect(snapshot.paymentMethod?.status).to.equal('pending');
    expect(snapshot.account.userCap).to.equal(null);
  });

  it('many-invoices: 15 invoices, two from 2021; the history lists the 12 newest from 2022 on', async () => {
    const snapshot = await load('many-invoices', '2026-11-26');
    expect(snapshot.invoices).to.have.length(15);
    expect(snapshot.invoices.filter((invoice) => invoice.finalizedAt.startsWith('2021-'))).to.have.length(2);
    const listing = listInvoices(snapshot.invoices);
    expect(listing.invoices).to.have.length(12);
    expect(listing.hasOlder).to.equal(true);
    expect(listing.invoices[0]!.finalizedAt.slice(0, 10)).to.equal('2026-11-01');
  });

  it('failing-backend: every call fails with a server error', async () => {
    const adapter = new MemoryBillingAdapter(scenario('failing-backend', '2026-11-26'));
    for (const call of [() => adapter.load(), () => adapter.downloadInvoice('in_20261101')]) {
      try {
        await call();
        expect.fail('should have failed');
      } catch (error) {
        expect(error).to.be.instanceOf(BillingError);
        expect((error as BillingError).code).to.equal('server');
      }
    }
  });

  it('empty: no invoices and no card, capped users', async () => {
    const snapshot = await load('empty', '2026-11-26');
    expect(snapshot.invoices).to.deep.equal([]);
    expect(snapshot.paymentMethod).to.equal(null);
    expect(snapshot.account.userCap).to.equal(5);
  });

  for (const name of ['outstanding-5', 'overdue-35', 'suspended-50'] as const) {
    it(`${name}: submitting a card pays everything outstanding and ends dunning`, async () => {
      const adapter = new MemoryBillingAdapter(scenario(name, '2026-11-26'));
      const before = dunningState(await adapter.load());
      const result = await adapter.submitPaymentMethod(
        {
          mailing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', address: { country: 'GB', line1: '1 High St', city: 'London', postalCode: 'SW1A 1AA' } },
          billingAddress: { country: 'GB', postalCode: 'SW1A 1AA' },
          card: { number: '4242424242424242', expMonth: 1, expYear: 2030, cvc: '123', name: 'Ada Lovelace' },
        },
        { idempotencyKey: `pay-${name}` },
      );
      expect(result.charged).to.deep.equal(before.amountOwed);
      expect(dunningLevel(result.snapshot)).to.equal('none');
    });
  }

  it('defaults to the real UTC date and returns fresh objects', () => {
    const first = scenario('all-paid');
    expect(first.now).to.equal(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
    const second = scenario('all-paid');
    expect(second).to.deep.equal(first);
    first.invoices![0]!.amountPaid = 0;
    expect(scenario('all-paid').invoices![0]!.amountPaid).to.be.greaterThan(0);
  });
});
