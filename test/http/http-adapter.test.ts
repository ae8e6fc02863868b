/**
 * HttpBillingAdapter against the real reference server (started by test/server-plugin.mjs),
 * over real HTTP from Chromium: the domain, idempotency, and every fault the contract names.
 */
import { billingError, rejection } from '../helpers.js';
import { expect } from '@open-wc/testing';
import { HttpBillingAdapter, type HttpBillingAdapterOptions } from '../../src/adapters/http-adapter.js';
import { dunningState } from '../../src/domain/dunning.js';
import { NOW, authHeaders, charges, injectFaults, pendingFaults, reset, serverUrl, submission, tokens } from './billing-server.js';

/** An adapter signed in as Acme's billing admin (a development token minted by the test plugin). */
async function adapter(options: Partial<HttpBillingAdapterOptions> = {}): Promise<HttpBillingAdapter> {
  return new HttpBillingAdapter({
    baseUrl: await serverUrl(),
    headers: authHeaders(),
    timeoutMs: 5000,
    retry: { baseDelayMs: 20, maxDelayMs: 2000 },
    ...options,
  });
}

describe('HttpBillingAdapter against the reference server', function () {

  describe('the domain', () => {
    it('loads a validated snapshot with the server clock', async () => {
      await reset('overdue-35');
      const snapshot = await (await adapter()).load();
      expect(snapshot.now).to.equal(NOW);
      expect(snapshot.account.id).to.equal('acct_acme');
      expect(dunningState(snapshot).level).to.equal('overdue');
      expect(snapshot.paymentMethod?.last4).to.equal('1881');
    });

    it('submits a card: charges the outstanding balance, card pending, user cap lifted', async () => {
      await reset('overdue-35');
      const http = await adapter();
      const before = dunningState(await http.load());
      const result = await http.submitPaymentMethod(submission(), { idempotencyKey: crypto.randomUUID() });
      expect(result.charged).to.deep.equal({ amount: before.amountOwed.amount, currency: 'USD' });
      expect(result.snapshot.paymentMethod).to.deep.equal({ brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2030, status: 'pending' });
      expect(result.snapshot.account.userCap).to.equal(null);
      expect(dunningState(result.snapshot).level).to.equal('none');
      expect((await http.load()).paymentMethod?.last4).to.equal('4242');
      expect((await charges()).count).to.equal(1);
    });

    it('clears a suspension', async () => {
      await reset('suspended-50');
      const http = await adapter();
      expect(dunningState(await http.load()).level).to.equal('suspended');
      const result = await http.submitPaymentMethod(submission(), { idempotencyKey: crypto.randomUUID() });
      expect(result.snapshot.account.suspended).to.equal(false);
      expect(dunningState(result.snapshot).level).to.equal('none');
      expect(dunningState(await http.load()).level).to.equal('none');
    });

    it('a declined card rejects card_declined, charges nothing, and the error holds no card number', async () => {
      await reset('outstanding-5');
      const error = await billingError((await adapter()).submitPaymentMethod(submission('4000000000000002'), { idempotencyKey: crypto.randomUUID() }));
      expect(error.code).to.equal('card_declined');
      expect(error.status).to.equal(402);
      expect(error.fieldErrors).to.deep.equal({ 'card.number': 'declined' });
      expect(`${error.message} ${JSON.stringify(error.fieldErrors)}`).not.to.include('4000000000000002');
      expect((await charges()).count).to.equal(0);
    });

    it("the server's field errors reach the caller (invalid_request with fieldErrors)", async () => {
      await reset('outstanding-5');
      const invalid = submission('4242424242424241'); // passes the schema, fails the checksum on the server
      invalid.card.expYear = 2024; // expired on the server's clock
      const error = await billingError((await adapter()).submitPaymentMethod(invalid, { idempotencyKey: crypto.randomUUID() }));
      expect(error.code).to.equal('invalid_request');
      expect(error.status).to.equal(422);
      expect(error.fieldErrors).to.deep.equal({ 'card.number': 'invalid', 'card.expYear': 'expired' });
      expect(error.message).not.to.include('4242424242424241');
    });

    it('downloads an invoice PDF', async () => {
      await reset('outstanding-5');
      const http = await adapter();
      const [invoice] = (await http.load()).invoices;
      const blob = await http.downloadInvoice(invoice!.id);
      expect(blob.type).to.equal('application/pdf');
      expect(await blob.slice(0, 5).text()).to.equal('%PDF-');
      expect(blob.size).to.be.greaterThan(500);
    });

    it('an unknown invoice rejects invalid_request (404)', async () => {
      await reset('outstanding-5');
      const error = await billingError((await adapter()).downloadInvoice('in_missing/../x'));
      expect(error.code).to.equal('invalid_request');
      expect(error.status).to.equal(404);
    });

    it('sends headers from an async function (bearer token); without a token: unauthorized', async () => {
      await reset('all-paid');
      const { billingAdmin } = await tokens();
      let calls = 0;
      const withToken = await adapter({
        headers: async () => {
          calls += 1;
          return { Authorization: `Bearer ${billingAdmin}` };
        },
      });
      expect((await withToken.load()).account.id).to.equal('acct_acme');
      expect(calls).to.equal(1);
      const refused: Record<string, string>[] = [{}, { Authorization: 'Bearer not-a-jwt' }];
      for (const headers of refused) {
        const error = await billingError((await adapter({ headers })).load());
        expect(error.code).to.equal('unauthorized');
        expect(error.status).to.equal(401);
      }
    });

    it('the role and the account are per caller: a plain admin sees no card and may not submit; another account sees its own data', async () => {
      await reset('overdue-35');
      const plain = await adapter({ headers: authHeaders('plainAdmin') });
      const seen = await plain.load();
      expect(seen.viewer.canManageBilling).to.equal(false);
      expect(seen.paymentMethod).to.equal(null);
      const denied = await billingError(plain.submitPaymentMethod(submission(), { idempotencyKey: crypto.randomUUID() }));
      expect(denied.code).to.equal('unauthorized');
      expect(denied.status).to.equal(403);
      expect(denied.message).not.to.include('4242424242424242');
      expect((await charges()).count).to.equal(0);

      const globex = await (await adapter({ headers: authHeaders('otherAccount') })).load();
      expect(globex.account.id).to.equal('acct_globex');
      expect(globex.viewer.canManageBilling).to.equal(true);
    });
  });

  describe('idempotency: nothing is charged twice', () => {
    it('the same key twice → one charge, the same result', async () => {
      await reset('overdue-35');
      const http = await adapter();
      const key = crypto.randomUUID();
      const first = await http.submitPaymentMethod(submission(), { idempotencyKey: key });
      const second = await http.submitPaymentMethod(submission(), { idempotencyKey: key });
      expect(second).to.deep.equal(first);
      const ledger = await charges();
      expect(ledger.count).to.equal(1);
      expect(ledger.total).to.equal(first.charged!.amount);
    });

    it('concurrent submits with one key → one charge', async () => {
      await reset('suspended-50');
      const http = await adapter();
      const key = crypto.randomUUID();
      const results = await Promise.all(Array.from({ length: 6 }, () => http.submitPaymentMethod(submission(), { idempotencyKey: key })));
      expect(new Set(results.map((result) => JSON.stringify(result))).size).to.equal(1);
      expect(results[0]!.charged!.amount).to.be.greaterThan(0);
      expect((await charges()).count).to.equal(1);
    });

    it('the same key with another card → invalid_request, no second charge', async () => {
      await reset('outstanding-5');
      const http = await adapter();
      const key = crypto.randomUUID();
      await http.submitPaymentMethod(submission(), { idempotencyKey: key });
      const error = await billingError(http.submitPaymentMethod(submission('5555555555554444'), { idempotencyKey: key }));
      expect(error.code).to.equal('invalid_request');
      expect(error.status).to.equal(422);
      expect((await charges()).count).to.equal(1);
    });

    it('a connection reset after the charge is retried with the same key and resolves; one charge', async () => {
      await reset('overdue-35');
      await injectFaults({ route: 'payment-method', kind: 'reset', after: true });
      const result = await (await adapter()).submitPaymentMethod(submission(), { idempotencyKey: crypto.randomUUID() });
      expect(result.charged!.amount).to.be.greaterThan(0);
      expect(await pendingFaults()).to.deep.equal([]);
      const ledger = await charges();
      expect(ledger.count).to.equal(1);
      expect(ledger.duplicateKeys).to.deep.equal([]);
    });

    it('a PUT that stalls past the timeout after charging → timeout; resubmitting the key charges nothing more', async () => {
      await reset('overdue-35');
      await injectFaults({ route: 'payment-method', kind: 'stall', after: true, stallMs: 5000 });
      const key = crypto.randomUUID();
      const error = await billingError((await adapter({ timeoutMs: 400 })).submitPaymentMethod(submission(), { idempotencyKey: key }));
      expect(error.code).to.equal('timeout');
      expect((await charges()).count).to.equal(1);
      const result = await (await adapter()).submitPaymentMethod(submission(), { idempotencyKey: key });
      expect(result.charged!.amount).to.be.greaterThan(0);
      expect((await charges()).count).to.equal(1);
    });

    it('a 503 before the charge is retried with the same key; one charge', async () => {
      await reset('overdue-35');
      await injectFaults({ route: 'payment-method', kind: 'problem', status: 503 });
      const result = await (await adapter()).submitPaymentMethod(submission(), { idempotencyKey: crypto.randomUUID() });
      expect(result.charged).to.exist;
      expect(await pendingFaults()).to.deep.equal([]);
      expect((await charges()).count).to.equal(1);
    });
  });

  describe('faults', () => {
    beforeEach(() => reset('outstanding-5'));

    it('a server that stalls past the timeout → timeout', async () => {
      await injectFaults({ route: 'billing', kind: 'stall', stallMs: 10000 });
      const started = performance.now();
      const error = await billingError((await adapter({ timeoutMs: 300 })).load());
      expect(error.code).to.equal('timeout');
      expect(performance.now() - started).to.be.lessThan(2500);
    });

    it("the caller's abort wins: AbortError, not a BillingError, and no retry", async () => {
      await injectFaults({ route: 'billing', kind: 'stall', stallMs: 10000, count: 2 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await rejection((await adapter()).load({ signal: controller.signal }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(await pendingFaults()).to.have.length(1);
    });

    it('500 with problem details → server, not retried', async () => {
      await injectFaults({ route: 'billing', kind: 'problem', status: 500, count: 2 });
      const error = await billingError((await adapter()).load());
      expect(error.code).to.equal('server');
      expect(error.status).to.equal(500);
      expect(error.message).to.include('Injected 500');
      expect((await pendingFaults())[0]!.count).to.equal(1);
    });

    it("a problem's code wins over the status", async () => {
      await injectFaults({ route: 'billing', kind: 'problem', status: 400, code: 'unauthorized' });
      expect((await billingError((await adapter()).load())).code).to.equal('unauthorized');
    });

    it('429 with Retry-After: waits, retries, then resolves', async () => {
      await injectFaults({ route: 'billing', kind: 'rate-limit', retryAfter: 1 });
      const started = performance.now();
      const snapshot = await (await adapter()).load();
      expect(snapshot.account.id).to.equal('acct_acme');
      expect(performance.now() - started).to.be.at.least(950);
      expect(await pendingFaults()).to.deep.equal([]);
    });

    it('429 with a Retry-After longer than the longest wait → rate_limited with retryAfter, at once', async () => {
      await injectFaults({ route: 'billing', kind: 'rate-limit', retryAfter: 30 });
      const started = performance.now();
      const error = await billingError((await adapter()).load());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(30);
      expect(performance.now() - started).to.be.lessThan(1000);
    });

    it('429 on every attempt → rate_limited after the bounded retries', async () => {
      await injectFaults({ route: 'billing', kind: 'rate-limit', retryAfter: 0, count: 5 });
      const error = await billingError((await adapter({ retry: { retries: 2, baseDelayMs: 1 } })).load());
      expect(error.code).to.equal('rate_limited');
      expect((await pendingFaults())[0]!.count).to.equal(2, 'three attempts');
    });

    it('malformed JSON → invalid_response', async () => {
      await injectFaults({ route: 'billing', kind: 'malformed-json' });
      const error = await billingError((await adapter()).load());
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.match(/not valid JSON/);
    });

    it('an HTML page with status 200 → invalid_response naming the content type', async () => {
      await injectFaults({ route: 'billing', kind: 'html' });
      const error = await billingError((await adapter()).load());
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.include('text/html');
    });

    it('an HTML page instead of the PDF → invalid_response', async () => {
      await injectFaults({ route: 'invoice-pdf', kind: 'html' });
      const http = await adapter();
      const [invoice] = (await http.load()).invoices;
      expect((await billingError(http.downloadInvoice(invoice!.id))).code).to.equal('invalid_response');
    });

    it('a connection reset mid-body → network when retries are exhausted', async () => {
      await injectFaults({ route: 'billing', kind: 'reset', count: 2 });
      const error = await billingError((await adapter({ retry: { retries: 1, baseDelayMs: 1 } })).load());
      expect(error.code).to.equal('network');
      expect(await pendingFaults()).to.deep.equal([]);
    });

    it('a connection reset mid-body is retried and the load resolves', async () => {
      await injectFaults({ route: 'billing', kind: 'reset' });
      expect((await (await adapter()).load()).account.id).to.equal('acct_acme');
    });

    it('a connection reset in the middle of a PDF is retried', async () => {
      await injectFaults({ route: 'invoice-pdf', kind: 'reset' });
      const http = await adapter();
      const [invoice] = (await http.load()).invoices;
      const blob = await http.downloadInvoice(invoice!.id);
      expect(await blob.slice(0, 5).text()).to.equal('%PDF-');
    });

    it('a PUT rejected before processing (500) charges nothing and is not retried', async () => {
      await injectFaults({ route: 'payment-method', kind: 'problem', status: 500, count: 2 });
      const error = await billingError((await adapter()).submitPaymentMethod(submission(), { idempotencyKey: crypto.randomUUID() }));
      expect(error.code).to.equal('server');
      expect((await pendingFaults())[0]!.count).to.equal(1);
      expect((await charges()).count).to.equal(0);
    });
  });
});
