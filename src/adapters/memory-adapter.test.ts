import { rejection } from '../../test/helpers.js';
import { expect } from '@open-wc/testing';
import { dunningLevel } from '../domain/dunning.js';
import { BillingError } from '../domain/errors.js';
import { parseSnapshot } from '../domain/schemas.js';
import type { Invoice, PaymentSubmission, RawCard, TokenizedCard } from '../domain/types.js';
import { DECLINED_CARD_NUMBER, MemoryBillingAdapter, type MemoryFailure } from './memory-adapter.js';

const NOW = '2025-06-20T12:00:00Z';

function invoice(id: string, dueDate: string, billed: number, paid = 0, finalizedAt = '2025-05-01T06:00:00Z'): Invoice {
  const owed = billed - paid;
  return {
    id,
    number: `INV-${id}`,
    finalizedAt,
    dueDate,
    status: owed === 0 ? 'paid' : paid === 0 ? 'open' : 'partially_paid',
    currency: 'USD',
    amountBilled: billed,
    amountPaid: paid,
    amountOwed: owed,
  };
}

function submission(card: Partial<RawCard> | TokenizedCard = {}): PaymentSubmission {
  const fullCard: RawCard | TokenizedCard =
    'token' in card
      ? card
      : { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', name: 'Ada Lovelace', ...card };
  return {
    mailing: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      company: 'Acme Corp',
      address: { country: 'US', line1: '1 Main St', city: 'Springfield', region: 'US-IL', postalCode: '62701' },
    },
    billingAddress: { country: 'US', region: 'US-IL', postalCode: '62701' },
    card: fullCard,
  };
}

/** Invoices on NOW (2025-06-20): two outstanding, one due today, one not yet due, one paid. */
function mixedInvoices(): Invoice[] {
  return [
    invoice('late', '2025-06-19', 12_000),
    invoice('partial', '2025-05-16', 50_000, 20_000),
    invoice('due-today', '2025-06-20', 7_000, 0, '2025-06-05T06:00:00Z'),
    invoice('future', '2025-07-01', 9_000, 0, '2025-06-16T06:00:00Z'),
    invoice('paid', '2025-04-16', 40_000, 40_000, '2025-04-01T06:00:00Z'),
  ];
}


async function billingRejection(promise: Promise<unknown>): Promise<BillingError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(BillingError);
  return error as BillingError;
}

function byId(invoices: Invoice[], id: string): Invoice {
  const found = invoices.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no invoice ${id}`);
  return found;
}

describe('MemoryBillingAdapter', () => {
  describe('load', () => {
    it('returns the demo account by default, valid for parseSnapshot', async () => {
      const snapshot = await new MemoryBillingAdapter({ now: NOW }).load();
      expect(parseSnapshot(snapshot)).to.deep.equal(snapshot);
      expect(snapshot.now).to.equal(NOW);
      expect(snapshot.account.name).to.equal('Acme Corp');
      expect(snapshot.account.currency).to.equal('USD');
      expect(snapshot.account.userCap).to.equal(5);
      expect(snapshot.account.nextChargeDate).to.equal('2025-07-01');
      expect(snapshot.account.organizations).to.have.length(3);
      expect(snapshot.viewer).to.deep.equal({ canManageBilling: true });
      expect(snapshot.paymentMethod).to.equal(null);
      expect(snapshot.invoices).to.deep.equal([]);
      expect(dunningLevel(snapshot)).to.equal('none');
    });

    it('lifts the default user cap when a card is on file', async () => {
      const snapshot = await new MemoryBillingAdapter({
        now: NOW,
        paymentMethod: { brand: 'Visa', last4: '4242', expMonth: 1, expYear: 2030, status: 'active' },
      }).load();
      expect(snapshot.account.userCap).to.equal(null);
    });

    it('keeps explicit account overrides, including a user cap', async () => {
      const snapshot = await new MemoryBillingAdapter({ now: NOW, account: { name: 'Globex', userCap: 12, nextChargeDate: '2025-08-01' } }).load();
      expect(snapshot.account.name).to.equal('Globex');
      expect(snapshot.account.userCap).to.equal(12);
      expect(snapshot.account.nextChargeDate).to.equal('2025-08-01');
      expect(snapshot.account.currency).to.equal('USD');
    });

    it('dates the next charge on the 1st of the next month, across year ends and from the 1st', async () => {
      const next = async (now: string) => (await new MemoryBillingAdapter({ now }).load()).account.nextChargeDate;
      expect(await next('2025-12-31T23:59:59Z')).to.equal('2026-01-01');
      expect(await next('2025-01-01T00:00:00Z')).to.equal('2025-02-01');
      // 2025-03-01T01:00+05:00 is still February in UTC.
      expect(await next('2025-03-01T01:00:00+05:00')).to.equal('2025-03-01');
    });

    it('uses the real clock when no `now` is given', async () => {
      const before = Date.now();
      const snapshot = await new MemoryBillingAdapter().load();
      expect(Date.parse(snapshot.now!)).to.be.within(before, Date.now());
    });

    it('rejects invalid options, naming the field', async () => {
      const bad = { ...invoice('x', '2025-06-01', 100), amountOwed: 50 };
      const rejection = await new MemoryBillingAdapter({ now: NOW, invoices: [bad] }).load().then(
        () => null,
        (error: unknown) => error,
      );
      expect(rejection).to.be.instanceOf(TypeError);
      expect((rejection as Error).message).to.match(/invoices\[0\]\.amountOwed/);
      expect(() => new MemoryBillingAdapter({ now: 'yesterday' })).to.throw(RangeError);
    });
  });

  describe('copies', () => {
    it('returns snapshots that callers cannot use to change the adapter', async () => {
      const invoices = mixedInvoices();
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices });
      invoices[0]!.amountOwed = 1;
      const first = await adapter.load();
      expect(byId(first.invoices, 'late').amountOwed).to.equal(12_000);
      first.invoices[0]!.amountOwed = 0;
      first.account.organizations.push({ id: 'org_x', name: 'X' });
      first.viewer.canManageBilling = false;
      const second = await adapter.load();
      expect(byId(second.invoices, 'late').amountOwed).to.equal(12_000);
      expect(second.account.organizations).to.have.length(3);
      expect(second.viewer.canManageBilling).to.equal(true);
      expect(second).not.to.equal(first);
    });

    it('returns submit results and replays that are copies', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      const first = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'copy-1' });
      first.snapshot.paymentMethod!.last4 = '0000';
      first.charged!.amount = 1;
      const replay = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'copy-1' });
      expect(replay.snapshot.paymentMethod!.last4).to.equal('4242');
      expect(replay.charged!.amount).to.equal(42_000);
      expect((await adapter.load()).paymentMethod!.last4).to.equal('4242');
    });
  });

  describe('submitPaymentMethod', () => {
    it('charges every outstanding invoice in full, lifts the cap and clears the suspension', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, account: { suspended: true }, invoices: mixedInvoices() });
      expect(dunningLevel(await adapter.load())).to.equal('suspended');

      const result = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'charge-1' });
      expect(result.charged).to.deep.equal({ amount: 12_000 + 30_000, currency: 'USD' });
      expect(adapter.charges).to.deep.equal([{ amount: 42_000, currency: 'USD' }]);

      const { snapshot } = result;
      expect(parseSnapshot(snapshot)).to.deep.equal(snapshot);
      expect(snapshot.paymentMethod).to.deep.equal({ brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2030, status: 'pending' });
      expect(snapshot.account.userCap).to.equal(null);
      expect(snapshot.account.suspended).to.equal(false);
      expect(byId(snapshot.invoices, 'late')).to.include({ status: 'paid', amountPaid: 12_000, amountOwed: 0 });
      expect(byId(snapshot.invoices, 'partial')).to.include({ status: 'paid', amountPaid: 50_000, amountOwed: 0 });
      // Not outstanding: due today or later.
      expect(byId(snapshot.invoices, 'due-today')).to.include({ status: 'open', amountOwed: 7_000 });
      expect(byId(snapshot.invoices, 'future')).to.include({ status: 'open', amountOwed: 9_000 });
      expect(byId(snapshot.invoices, 'paid')).to.include({ status: 'paid', amountPaid: 40_000 });
      expect(dunningLevel(snapshot)).to.equal('none');

      expect(await adapter.load()).to.deep.equal(snapshot);
    });

    it('omits `charged` when nothing is outstanding, and still replaces the card', async () => {
      const adapter = new MemoryBillingAdapter({
        now: NOW,
        paymentMethod: { brand: 'Visa', last4: '1111', expMonth: 1, expYear: 2026, status: 'active' },
        invoices: [invoice('paid', '2025-04-16', 40_000, 40_000)],
      });
      const result = await adapter.submitPaymentMethod(submission({ number: '5555555555554444' }), { idempotencyKey: 'nothing-owed' });
      expect(result).not.to.have.property('charged');
      expect(result.snapshot.paymentMethod).to.include({ brand: 'Mastercard', last4: '4444', status: 'pending' });
      expect(adapter.charges).to.deep.equal([]);
    });

    it('declines 4000000000000002 without the number in any message, and changes nothing', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      const before = await adapter.load();
      const error = await billingRejection(
        adapter.submitPaymentMethod(submission({ number: DECLINED_CARD_NUMBER, cvc: '987' }), { idempotencyKey: 'decline-1' }),
      );
      expect(error.code).to.equal('card_declined');
      expect(error.message).to.equal('The card was declined.');
      expect(error.fieldErrors).to.deep.equal({ 'card.number': 'declined' });
      expect(error.retryable).to.equal(false);
      const everything = `${error.message} ${String(error)} ${error.stack ?? ''} ${JSON.stringify(error)} ${JSON.stringify(error.fieldErrors)}`;
      expect(everything).not.to.include(DECLINED_CARD_NUMBER);
      expect(everything).not.to.include('0000000000002');
      expect(everything).not.to.include('987');
      expect(await adapter.load()).to.deep.equal(before);
      expect(adapter.charges).to.deep.equal([]);
    });

    it('declines spaced input of the declined number as well', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW });
      const error = await billingRejection(adapter.submitPaymentMethod(submission({ number: '4000 0000 0000 0002' }), { idempotencyKey: 'd2' }));
      expect(error.code).to.equal('card_declined');
    });

    it('rejects a Luhn-invalid number with invalid_request on card.number', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      const error = await billingRejection(adapter.submitPaymentMethod(submission({ number: '4242424242424241' }), { idempotencyKey: 'luhn' }));
      expect(error.code).to.equal('invalid_request');
      expect(error.fieldErrors).to.deep.equal({ 'card.number': 'invalid' });
      expect(error.message).to.include('card.number');
      expect(error.message).not.to.include('4242');
      expect(adapter.charges).to.deep.equal([]);
    });

    it('names every missing required value in fieldErrors, keyed by field path', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW });
      const incomplete = submission({ number: '', cvc: '', name: ' ' });
      incomplete.mailing.firstName = '';
      incomplete.mailing.email = 'not-an-email';
      incomplete.mailing.address.line1 = '';
      delete incomplete.billingAddress.postalCode;
      const error = await billingRejection(adapter.submitPaymentMethod(incomplete, { idempotencyKey: 'missing' }));
      expect(error.code).to.equal('invalid_request');
      expect(error.fieldErrors).to.deep.equal({
        'mailing.firstName': 'required',
        'mailing.email': 'invalid',
        'mailing.address.line1': 'required',
        'billingAddress.postalCode': 'required',
        'card.name': 'required',
        'card.number': 'required',
        'card.cvc': 'required',
      });
    });

    it('requires a postal code only where the country uses one for card checks, and checks US ZIPs', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW });
      const irish = submission();
      irish.billingAddress = { country: 'IE' };
      await adapter.submitPaymentMethod(irish, { idempotencyKey: 'ie' });

      const badZip = submission();
      badZip.billingAddress.postalCode = '1234';
      const error = await billingRejection(adapter.submitPaymentMethod(badZip, { idempotencyKey: 'zip' }));
      expect(error.fieldErrors).to.deep.equal({ 'billingAddress.postalCode': 'invalid' });
    });

    it('rejects an expired card (by the server clock) and a 3-digit code for American Express', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW });
      const expired = await billingRejection(adapter.submitPaymentMethod(submission({ expMonth: 5, expYear: 2025 }), { idempotencyKey: 'exp' }));
      expect(expired.fieldErrors).to.deep.equal({ 'card.expYear': 'expired' });
      // The current month is still valid.
      await adapter.submitPaymentMethod(submission({ expMonth: 6, expYear: 2025 }), { idempotencyKey: 'exp-ok' });

      const amex = await billingRejection(adapter.submitPaymentMethod(submission({ number: '378282246310005', cvc: '123' }), { idempotencyKey: 'amex' }));
      expect(amex.fieldErrors).to.deep.equal({ 'card.cvc': 'invalid' });
      const ok = await adapter.submitPaymentMethod(submission({ number: '378282246310005', cvc: '1234' }), { idempotencyKey: 'amex-ok' });
      expect(ok.snapshot.paymentMethod).to.include({ brand: 'American Express', last4: '0005' });
    });

    it('accepts tokenized cards, naming their brand, and declines declined tokens', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      const token: TokenizedCard = { token: 'tok_123', brand: 'american-express', last4: '0005', expMonth: 3, expYear: 2031, name: 'Ada' };
      const declined = await billingRejection(
        adapter.submitPaymentMethod(submission({ ...token, token: 'tok_declined_1' }), { idempotencyKey: 'tok-d' }),
      );
      expect(declined.code).to.equal('card_declined');
      const result = await adapter.submitPaymentMethod(submission(token), { idempotencyKey: 'tok-ok' });
      expect(result.snapshot.paymentMethod).to.deep.equal({ brand: 'American Express', last4: '0005', expMonth: 3, expYear: 2031, status: 'pending' });
      expect(result.charged?.amount).to.equal(42_000);
    });

    it('rejects a submission from a viewer without the billing role', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, viewer: { canManageBilling: false }, invoices: mixedInvoices() });
      const error = await billingRejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: 'viewer' }));
      expect(error.code).to.equal('unauthorized');
      expect(adapter.charges).to.deep.equal([]);
    });

    it('requires a usable idempotency key', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW });
      for (const key of ['', 'has space', 'x'.repeat(256)]) {
        const error = await billingRejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: key }));
        expect(error.code).to.equal('invalid_request');
        expect(error.message).to.include('idempotencyKey');
      }
    });
  });

  describe('idempotency', () => {
    it('replays the first result for the same key and never charges twice', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      const first = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'same' });
      const second = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'same' });
      expect(second).to.deep.equal(first);
      expect(second.charged).to.deep.equal({ amount: 42_000, currency: 'USD' });
      expect(adapter.charges).to.have.length(1);

      // A new key is a new submission: nothing is owed any more.
      const third = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'other' });
      expect(third).not.to.have.property('charged');
      expect(adapter.charges).to.have.length(1);
    });

    it('charges once for concurrent calls with the same key', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices(), latencyMs: 30 });
      const results = await Promise.all([
        adapter.submitPaymentMethod(submission(), { idempotencyKey: 'concurrent' }),
        adapter.submitPaymentMethod(submission(), { idempotencyKey: 'concurrent' }),
        adapter.submitPaymentMethod(submission(), { idempotencyKey: 'concurrent' }),
      ]);
      for (const result of results) expect(result.charged).to.deep.equal({ amount: 42_000, currency: 'USD' });
      expect(results[1]).to.deep.equal(results[0]);
      expect(adapter.charges).to.deep.equal([{ amount: 42_000, currency: 'USD' }]);
    });

    it('rejects a key reused with a different submission', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'reuse' });
      const otherCard = await billingRejection(adapter.submitPaymentMethod(submission({ number: '5555555555554444' }), { idempotencyKey: 'reuse' }));
      expect(otherCard.code).to.equal('invalid_request');
      expect(otherCard.message).to.include('idempotency key');
      const changedAddress = submission();
      changedAddress.billingAddress.postalCode = '10001';
      expect((await billingRejection(adapter.submitPaymentMethod(changedAddress, { idempotencyKey: 'reuse' }))).code).to.equal('invalid_request');
      expect((await adapter.load()).paymentMethod!.last4).to.equal('4242');
    });

    it('lets a failed call be retried with the same key', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      await billingRejection(adapter.submitPaymentMethod(submission({ number: DECLINED_CARD_NUMBER }), { idempotencyKey: 'retry' }));
      // Same key, same (declined) body: declined again, not a stored success.
      expect((await billingRejection(adapter.submitPaymentMethod(submission({ number: DECLINED_CARD_NUMBER }), { idempotencyKey: 'retry' }))).code).to.equal(
        'card_declined',
      );
    });
  });

  describe('failures', () => {
    const cases: [Exclude<MemoryFailure, null | 'malformed'>, string][] = [
      ['network', 'network'],
      ['server', 'server'],
      ['timeout', 'timeout'],
      ['unauthorized', 'unauthorized'],
      ['rate_limited', 'rate_limited'],
    ];
    for (const [failure, code] of cases) {
      it(`makes load, submit and download fail with ${code}`, async () => {
        const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices(), fail: failure });
        expect((await billingRejection(adapter.load())).code).to.equal(code);
        expect((await billingRejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: 'f' }))).code).to.equal(code);
        expect((await billingRejection(adapter.downloadInvoice('late'))).code).to.equal(code);
        expect(adapter.charges).to.deep.equal([]);
        adapter.setFailure(null);
        // The oldest outstanding invoice ("partial") is 35 days past due.
        expect(dunningLevel(await adapter.load())).to.equal('overdue');
      });
    }

    it('says when to retry a rate-limited call', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, fail: 'rate_limited' });
      const error = await billingRejection(adapter.load());
      expect(error.retryAfter).to.be.a('number').greaterThan(0);
      expect(error.retryable).to.equal(true);
    });

    it('answers a malformed snapshot that fails validation with invalid_response', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, fail: 'malformed' });
      const error = await billingRejection(adapter.load());
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.match(/account\.userCap/);
    });

    it('fails exactly the next call with failNext: a network error, then the retry succeeds and charges once', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      adapter.failNext('submit', 'network');
      const error = await billingRejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: 'net' }));
      expect(error.code).to.equal('network');
      expect(error.retryable).to.equal(true);
      expect(adapter.charges).to.deep.equal([]);
      expect((await adapter.load()).paymentMethod).to.equal(null);

      const result = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'net' });
      expect(result.charged?.amount).to.equal(42_000);
      expect(adapter.charges).to.have.length(1);
    });

    it('queues failNext per operation and lets `null` punch through a standing failure', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW });
      adapter.failNext('load', 'server');
      adapter.failNext('load', 'timeout');
      expect((await billingRejection(adapter.load())).code).to.equal('server');
      expect((await billingRejection(adapter.load())).code).to.equal('timeout');
      await adapter.load();

      adapter.setFailure('network');
      adapter.failNext('load', null);
      await adapter.load();
      expect((await billingRejection(adapter.load())).code).to.equal('network');
    });

    it('charges a malformed submit once: the retry with the same key returns the stored result', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      adapter.failNext('submit', 'malformed');
      const error = await billingRejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: 'lost' }));
      expect(error.code).to.equal('invalid_response');
      expect(adapter.charges).to.have.length(1);
      const retry = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'lost' });
      expect(retry.charged?.amount).to.equal(42_000);
      expect(adapter.charges).to.have.length(1);
    });

    it('answers a malformed download with invalid_response', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      adapter.failNext('download', 'malformed');
      expect((await billingRejection(adapter.downloadInvoice('late'))).code).to.equal('invalid_response');
    });
  });

  describe('latency and abort', () => {
    it('delays every call by latencyMs', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, latencyMs: 80, invoices: mixedInvoices() });
      for (const call of [() => adapter.load(), () => adapter.submitPaymentMethod(submission(), { idempotencyKey: 'lat' })]) {
        const start = performance.now();
        await call();
        expect(performance.now() - start).to.be.at.least(75);
      }
      const start = performance.now();
      await billingRejection(new MemoryBillingAdapter({ now: NOW, latencyMs: 80, fail: 'server' }).load());
      expect(performance.now() - start).to.be.at.least(75);
    });

    it('rejects with an AbortError when the signal is already aborted', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      const signal = AbortSignal.abort();
      for (const call of [
        adapter.load({ signal }),
        adapter.submitPaymentMethod(submission(), { idempotencyKey: 'a', signal }),
        adapter.downloadInvoice('late', { signal }),
      ]) {
        const error = await rejection(call);
        expect(error).to.be.instanceOf(DOMException);
        expect((error as DOMException).name).to.equal('AbortError');
      }
      expect(adapter.charges).to.deep.equal([]);
    });

    it('rejects promptly when aborted during the latency, and an aborted submit charges nothing', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, latencyMs: 400, invoices: mixedInvoices() });
      const controller = new AbortController();
      const start = performance.now();
      const load = rejection(adapter.load({ signal: controller.signal }));
      const submit = rejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: 'abort', signal: controller.signal }));
      setTimeout(() => controller.abort(), 20);
      for (const error of [await load, await submit]) expect((error as DOMException).name).to.equal('AbortError');
      expect(performance.now() - start).to.be.below(300);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(adapter.charges).to.deep.equal([]);
      // The key was not used up by the aborted call.
      const result = await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'abort' });
      expect(result.charged?.amount).to.equal(42_000);
    });

    it('lets a second caller with the same key finish when the first one aborts', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, latencyMs: 60, invoices: mixedInvoices() });
      const controller = new AbortController();
      const first = rejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: 'shared', signal: controller.signal }));
      const second = adapter.submitPaymentMethod(submission(), { idempotencyKey: 'shared' });
      setTimeout(() => controller.abort(), 10);
      expect(((await first) as DOMException).name).to.equal('AbortError');
      expect((await second).charged?.amount).to.equal(42_000);
      expect(adapter.charges).to.have.length(1);
    });

    it('lets a waiting caller abort without stopping the call that owns the key', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, latencyMs: 60, invoices: mixedInvoices() });
      const controller = new AbortController();
      const owner = adapter.submitPaymentMethod(submission(), { idempotencyKey: 'owner' });
      const waiter = rejection(adapter.submitPaymentMethod(submission(), { idempotencyKey: 'owner', signal: controller.signal }));
      setTimeout(() => controller.abort(), 10);
      expect(((await waiter) as DOMException).name).to.equal('AbortError');
      expect((await owner).charged?.amount).to.equal(42_000);
      expect(adapter.charges).to.have.length(1);
    });
  });

  describe('downloadInvoice', () => {
    it('returns a PDF blob of the invoice', async () => {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      const blob = await adapter.downloadInvoice('late');
      expect(blob).to.be.instanceOf(Blob);
      expect(blob.type).to.equal('application/pdf');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).to.equal('%PDF-');
      expect(bytes.length).to.be.greaterThan(1000);
      const { PDFDocument } = await import('pdf-lib');
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).to.equal(1);
      expect(doc.getTitle()).to.equal('Invoice INV-late');
    });

    it('rejects unknown ids and invoices finalized before 2022-01-01 (UTC) with invalid_request', async () => {
      const adapter = new MemoryBillingAdapter({
        now: NOW,
        invoices: [
          invoice('old', '2021-12-16', 100, 100, '2021-12-01T06:00:00Z'),
          // 2021-12-31T23:30-05:00 is 2022-01-01 in UTC: downloadable.
          invoice('edge-in', '2022-01-16', 100, 100, '2021-12-31T23:30:00-05:00'),
          // 2022-01-01T00:30+01:00 is 2021-12-31 in UTC: not downloadable.
          invoice('edge-out', '2022-01-16', 100, 100, '2022-01-01T00:30:00+01:00'),
        ],
      });
      for (const id of ['nope', 'old', 'edge-out']) {
        const error = await billingRejection(adapter.downloadInvoice(id));
        expect(error.code, id).to.equal('invalid_request');
      }
      expect((await billingRejection(adapter.downloadInvoice('old'))).message).to.include('account manager');
      expect((await adapter.downloadInvoice('edge-in')).type).to.equal('application/pdf');
    });
  });

  it('keeps the brand name of the number as the card on file', async () => {
    const cards: [string, string, string][] = [
      ['4242424242424242', '123', 'Visa'],
      ['5555555555554444', '123', 'Mastercard'],
      ['2223003122003222', '123', 'Mastercard'],
      ['378282246310005', '1234', 'American Express'],
      ['6011111111111117', '123', 'Discover'],
      ['3056930009020004', '123', 'Diners Club'],
      ['3566002020360505', '123', 'JCB'],
      ['6200000000000005', '123', 'UnionPay'],
    ];
    for (const [number, cvc, brand] of cards) {
      const adapter = new MemoryBillingAdapter({ now: NOW });
      const result = await adapter.submitPaymentMethod(submission({ number, cvc }), { idempotencyKey: `brand-${number}` });
      expect(result.snapshot.paymentMethod?.brand, number).to.equal(brand);
      expect(result.snapshot.paymentMethod?.last4, number).to.equal(number.slice(-4));
    }
  });

  it('writes nothing to the console', async () => {
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => console[method]);
    const calls: string[] = [];
    methods.forEach((method) => {
      console[method] = (...args: unknown[]) => void calls.push(`${method}: ${args.map(String).join(' ')}`);
    });
    try {
      const adapter = new MemoryBillingAdapter({ now: NOW, invoices: mixedInvoices() });
      await adapter.load();
      await rejection(adapter.submitPaymentMethod(submission({ number: DECLINED_CARD_NUMBER }), { idempotencyKey: 'quiet-1' }));
      await adapter.submitPaymentMethod(submission(), { idempotencyKey: 'quiet-2' });
      await adapter.downloadInvoice('late');
      adapter.failNext('load', 'malformed');
      await rejection(adapter.load());
    } finally {
      methods.forEach((method, i) => {
        console[method] = originals[i]!;
      });
    }
    expect(calls).to.deep.equal([]);
  });
});
