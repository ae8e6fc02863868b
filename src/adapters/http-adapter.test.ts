import { billingError, rejection } from '../../test/helpers.js';
import { expect } from '@open-wc/testing';
import { BillingError } from '../domain/errors.js';
import type { BillingSnapshot, PaymentSubmission } from '../domain/types.js';
import { HttpBillingAdapter, type HttpBillingAdapterOptions } from './http-adapter.js';
import { codeForStatus, parseRetryAfter, redactCardData } from './problem.js';

const SNAPSHOT: BillingSnapshot = {
  now: '2025-03-15T12:00:00Z',
  account: { id: 'acct_1', name: 'Acme', currency: 'USD', userCap: 5, nextChargeDate: '2025-04-01', organizations: [{ id: 'o1', name: 'Org' }] },
  viewer: { canManageBilling: true },
  paymentMethod: null,
  invoices: [
    {
      id: 'in_1',
      number: 'A-1',
      finalizedAt: '2025-02-01T06:00:00Z',
      dueDate: '2025-02-16',
      status: 'open',
      currency: 'USD',
      amountBilled: 1000,
      amountPaid: 0,
      amountOwed: 1000,
    },
  ],
};

const CARD_NUMBER = '4242424242424242';
const CVC = '987';

function submission(): PaymentSubmission {
  return {
    mailing: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', address: { country: 'US', line1: '1 Main St', postalCode: '62701' } },
    billingAddress: { country: 'US', region: 'US-IL', postalCode: '62701' },
    card: { number: CARD_NUMBER, expMonth: 12, expYear: 2030, cvc: CVC, name: 'Ada Lovelace' },
  };
}

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  init: RequestInit;
}

type Responder = (call: Call) => Response | Promise<Response>;

/** A fetch that records calls and answers from a list (the last answer repeats). */
function fakeFetch(...responders: Responder[]): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      init,
    };
    calls.push(call);
    init.signal?.throwIfAborted();
    const responder = responders[Math.min(calls.length - 1, responders.length - 1)]!;
    return responder(call);
  }) as typeof fetch & { calls: Call[] };
  fn.calls = calls;
  return fn;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Responder => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problem = (status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Responder => () =>
  new Response(JSON.stringify({ title: 'Nope', status, code: codeForStatus(status), ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
const networkError: Responder = () => Promise.reject(new TypeError('Failed to fetch'));
/** Never answers; rejects with the signal's reason when aborted. */
const hang: Responder = (call) =>
  new Promise((_, reject) => {
    call.init.signal?.addEventListener('abort', () => reject(call.init.signal!.reason), { once: true });
  });

function adapter(fetchFn: typeof fetch, options: Partial<HttpBillingAdapterOptions> = {}): HttpBillingAdapter {
  return new HttpBillingAdapter({ baseUrl: 'https://api.test/v1/', fetch: fetchFn, retry: { baseDelayMs: 1, maxDelayMs: 50 }, ...options });
}

describe('HttpBillingAdapter', () => {
  describe('requests', () => {
    it('GETs {baseUrl}/billing (trailing slash dropped) with JSON Accept and returns the validated snapshot', async () => {
      const fetchFn = fakeFetch(json(SNAPSHOT));
      expect(await adapter(fetchFn).load()).to.deep.equal(SNAPSHOT);
      expect(fetchFn.calls).to.have.length(1);
      expect(fetchFn.calls[0]!.url).to.equal('https://api.test/v1/billing');
      expect(fetchFn.calls[0]!.method).to.equal('GET');
      expect(fetchFn.calls[0]!.headers.get('accept')).to.include('application/json');
    });

    it('PUTs the submission as JSON with the Idempotency-Key; card data only in the body', async () => {
      const fetchFn = fakeFetch(json({ snapshot: SNAPSHOT, charged: { amount: 1000, currency: 'USD' } }));
      const result = await adapter(fetchFn).submitPaymentMethod(submission(), { idempotencyKey: 'key-1' });
      expect(result.charged).to.deep.equal({ amount: 1000, currency: 'USD' });
      const [call] = fetchFn.calls;
      expect(call!.url).to.equal('https://api.test/v1/billing/payment-method');
      expect(call!.method).to.equal('PUT');
      expect(call!.headers.get('idempotency-key')).to.equal('key-1');
      expect(call!.headers.get('content-type')).to.equal('application/json');
      expect(JSON.parse(call!.body!)).to.deep.equal(submission());
      expect(call!.url).not.to.include(CARD_NUMBER);
      for (const [, value] of call!.headers) {
        expect(value).not.to.include(CARD_NUMBER);
        expect(value).not.to.include(CVC);
      }
    });

    it('GETs the PDF with the id URL-encoded and returns an application/pdf Blob', async () => {
      const fetchFn = fakeFetch(() => new Response(new Blob(['%PDF-1.7 test']), { headers: { 'Content-Type': 'application/pdf' } }));
      const blob = await adapter(fetchFn).downloadInvoice('in/1 ?#');
      expect(fetchFn.calls[0]!.url).to.equal('https://api.test/v1/billing/invoices/in%2F1%20%3F%23/pdf');
      expect(blob.type).to.equal('application/pdf');
      expect(await blob.text()).to.equal('%PDF-1.7 test');
    });

    it('sends extra headers from an object, and from an async function called before every attempt', async () => {
      const staticFetch = fakeFetch(json(SNAPSHOT));
      await adapter(staticFetch, { headers: { 'X-Tenant': 't1' } }).load();
      expect(staticFetch.calls[0]!.headers.get('x-tenant')).to.equal('t1');

      let n = 0;
      const refreshingFetch = fakeFetch(problem(503), json(SNAPSHOT));
      await adapter(refreshingFetch, {
        headers: async () => {
          n += 1;
          return { Authorization: `Bearer token-${n}` };
        },
      }).load();
      expect(refreshingFetch.calls.map((call) => call.headers.get('authorization'))).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
    });

    it('passes credentials to fetch, and uses the global fetch when none is given', async () => {
      const fetchFn = fakeFetch(json(SNAPSHOT));
      await adapter(fetchFn, { credentials: 'include' }).load();
      expect(fetchFn.calls[0]!.init.credentials).to.equal('include');

      const original = globalThis.fetch;
      const globalFetch = fakeFetch(json(SNAPSHOT));
      globalThis.fetch = globalFetch;
      try {
        await new HttpBillingAdapter({ baseUrl: '/api' }).load();
      } finally {
        globalThis.fetch = original;
      }
      expect(globalFetch.calls[0]!.url).to.equal('/api/billing');
    });

    it('refuses a bad idempotency key or an invalid submission without sending anything', async () => {
      const fetchFn = fakeFetch(json(SNAPSHOT));
      const http = adapter(fetchFn);
      for (const key of ['', 'with space', 'x'.repeat(256), 'ключ']) {
        expect((await billingError(http.submitPaymentMethod(submission(), { idempotencyKey: key }))).code).to.equal('invalid_request');
      }
      const bad = submission();
      (bad.card as { number: string }).number = '4242x';
      const error = await billingError(http.submitPaymentMethod(bad, { idempotencyKey: 'k' }));
      expect(error.code).to.equal('invalid_request');
      expect(error.fieldErrors).to.deep.equal({ 'card.number': 'invalid' });
      expect(error.message).not.to.include('4242x');
      expect(fetchFn.calls).to.have.length(0);
    });

    it('rejects bad options', () => {
      expect(() => new HttpBillingAdapter({ baseUrl: '' })).to.throw(TypeError);
      expect(() => new HttpBillingAdapter({ baseUrl: '/x', timeoutMs: 0 })).to.throw(RangeError);
      expect(() => new HttpBillingAdapter({ baseUrl: '/x', retry: { retries: -1 } })).to.throw(RangeError);
    });
  });

  describe('validation of responses', () => {
    it('a 200 that is not JSON (an HTML page) → invalid_response naming the content type', async () => {
      const fetchFn = fakeFetch(() => new Response('<!doctype html><p>hi', { headers: { 'Content-Type': 'text/html' } }));
      const error = await billingError(adapter(fetchFn).load());
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.include('text/html');
      expect(fetchFn.calls).to.have.length(1, 'not retried');
    });

    it('malformed JSON → invalid_response', async () => {
      const error = await billingError(adapter(fakeFetch(() => new Response('{"account":', { headers: { 'Content-Type': 'application/json' } }))).load());
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.include('not valid JSON');
    });

    it('a schema mismatch → invalid_response naming the field path', async () => {
      const broken = { ...SNAPSHOT, account: { ...SNAPSHOT.account, currency: 'usd' } };
      const error = await billingError(adapter(fakeFetch(json(broken))).load());
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.include('GET /billing');
      expect(error.message).to.include('account.currency');
      const result = await billingError(adapter(fakeFetch(json({ snapshot: SNAPSHOT, charged: { amount: -1, currency: 'USD' } }))).submitPaymentMethod(submission(), { idempotencyKey: 'k' }));
      expect(result.code).to.equal('invalid_response');
      expect(result.message).to.include('charged.amount');
    });

    it('accepts application/*+json and a charset', async () => {
      const fetchFn = fakeFetch(() => new Response(JSON.stringify(SNAPSHOT), { headers: { 'Content-Type': 'application/vnd.billing+json; charset=utf-8' } }));
      expect((await adapter(fetchFn).load()).account.id).to.equal('acct_1');
    });

    it('a PDF download must be application/pdf and start with %PDF-', async () => {
      const wrongType = fakeFetch(() => new Response('%PDF-1.7', { headers: { 'Content-Type': 'text/plain' } }));
      expect((await billingError(adapter(wrongType).downloadInvoice('in_1'))).code).to.equal('invalid_response');
      const wrongBytes = fakeFetch(() => new Response('<html>', { headers: { 'Content-Type': 'application/pdf' } }));
      const error = await billingError(adapter(wrongBytes).downloadInvoice('in_1'));
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.include('not a PDF');
    });
  });

  describe('status mapping', () => {
    const table: [number, string][] = [
      [400, 'invalid_request'],
      [401, 'unauthorized'],
      [402, 'card_declined'],
      [403, 'unauthorized'],
      [404, 'invalid_request'],
      [408, 'timeout'],
      [409, 'server'],
      [410, 'invalid_request'],
      [422, 'invalid_request'],
      [429, 'rate_limited'],
      [500, 'server'],
      [502, 'server'],
      [503, 'server'],
      [504, 'server'],
    ];
    for (const [status, code] of table) {
      it(`${status} without a problem body → ${code}`, async () => {
        const fetchFn = fakeFetch(() => new Response('<html>proxy error</html>', { status, headers: { 'Content-Type': 'text/html' } }));
        const error = await billingError(adapter(fetchFn, { retry: { retries: 0 } }).load());
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
      });
    }

    it("a problem's valid code wins; an unknown code falls back to the status", async () => {
      const wins = await billingError(adapter(fakeFetch(problem(400, { code: 'card_declined' }))).submitPaymentMethod(submission(), { idempotencyKey: 'k' }));
      expect(wins.code).to.equal('card_declined');
      const unknown = await billingError(adapter(fakeFetch(problem(403, { code: 'teapot' }))).load());
      expect(unknown.code).to.equal('unauthorized');
    });

    it("keeps the problem's fieldErrors and detail, with anything card-like redacted", async () => {
      const fetchFn = fakeFetch(
        problem(422, {
          detail: `Card ${CARD_NUMBER} is invalid`,
          fieldErrors: { 'card.number': `invalid: 4242 4242 4242 4242`, 'billingAddress.postalCode': 'required' },
        }),
      );
      const error = await billingError(adapter(fetchFn).submitPaymentMethod(submission(), { idempotencyKey: 'k' }));
      expect(error.code).to.equal('invalid_request');
      expect(error.fieldErrors).to.deep.equal({ 'card.number': 'invalid: [redacted]', 'billingAddress.postalCode': 'required' });
      expect(error.message).to.include('Card [redacted] is invalid');
      expect(error.message).not.to.include(CARD_NUMBER);
    });

    it('redactCardData keeps short numbers (amounts, years, postal codes)', () => {
      expect(redactCardData('owed 123456 in 2025, ZIP 62701-1234')).to.equal('owed 123456 in 2025, ZIP 62701-1234');
      expect(redactCardData('3782-822463-10005 and 4000000000000002')).to.equal('[redacted] and [redacted]');
    });
  });

  describe('retries', () => {
    for (const status of [502, 503, 504]) {
      it(`GET retries ${status}, then resolves`, async () => {
        const fetchFn = fakeFetch(problem(status), json(SNAPSHOT));
        expect((await adapter(fetchFn).load()).account.id).to.equal('acct_1');
        expect(fetchFn.calls).to.have.length(2);
      });
    }

    it('GET retries a network TypeError and a body that breaks mid-way', async () => {
      const brokenBody: Responder = () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"acc'));
              controller.error(new TypeError('network error'));
            },
          }),
          { headers: { 'Content-Type': 'application/json' } },
        );
      const fetchFn = fakeFetch(networkError, brokenBody, json(SNAPSHOT));
      expect((await adapter(fetchFn).load()).account.id).to.equal('acct_1');
      expect(fetchFn.calls).to.have.length(3);
    });

    it('bounded: retries + 1 attempts, then the last error', async () => {
      const fetchFn = fakeFetch(networkError);
      const error = await billingError(adapter(fetchFn, { retry: { retries: 3, baseDelayMs: 1 } }).load());
      expect(error.code).to.equal('network');
      expect(fetchFn.calls).to.have.length(4);
    });

    it('does not retry 500, 4xx or invalid responses', async () => {
      for (const responder of [problem(500), problem(400), problem(401), json({ nope: true })]) {
        const fetchFn = fakeFetch(responder, json(SNAPSHOT));
        await billingError(adapter(fetchFn).load());
        expect(fetchFn.calls).to.have.length(1);
      }
    });

    it('429 honours Retry-After in seconds and carries it when the retries run out', async () => {
      const fetchFn = fakeFetch(problem(429, {}, { 'Retry-After': '0' }));
      const error = await billingError(adapter(fetchFn, { retry: { retries: 2 } }).load());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(0);
      expect(fetchFn.calls).to.have.length(3);
    });

    it('a Retry-After beyond maxDelayMs is not waited for', async () => {
      const fetchFn = fakeFetch(problem(429, {}, { 'Retry-After': '120' }), json(SNAPSHOT));
      const started = performance.now();
      const error = await billingError(adapter(fetchFn, { retry: { maxDelayMs: 1000 } }).load());
      expect(error.retryAfter).to.equal(120);
      expect(fetchFn.calls).to.have.length(1);
      expect(performance.now() - started).to.be.lessThan(500);
    });

    it('parseRetryAfter reads seconds and HTTP dates', () => {
      const now = Date.parse('2025-03-15T12:00:00Z');
      expect(parseRetryAfter('5', now)).to.equal(5);
      expect(parseRetryAfter('Sat, 15 Mar 2025 12:00:03 GMT', now)).to.equal(3);
      expect(parseRetryAfter('Sat, 15 Mar 2025 11:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });

    it('the PUT is retried (409, 503, network) only with the same idempotency key and body', async () => {
      const fetchFn = fakeFetch(problem(409), problem(503), networkError, json({ snapshot: SNAPSHOT }));
      await adapter(fetchFn, { retry: { retries: 3, baseDelayMs: 1 } }).submitPaymentMethod(submission(), { idempotencyKey: 'same-key' });
      expect(fetchFn.calls).to.have.length(4);
      expect(new Set(fetchFn.calls.map((call) => call.headers.get('idempotency-key')))).to.deep.equal(new Set(['same-key']));
      expect(new Set(fetchFn.calls.map((call) => call.body)).size).to.equal(1);
    });

    it('the PUT is not retried on 500, 402 or 422', async () => {
      for (const status of [500, 402, 422]) {
        const fetchFn = fakeFetch(problem(status), json({ snapshot: SNAPSHOT }));
        await billingError(adapter(fetchFn).submitPaymentMethod(submission(), { idempotencyKey: 'k' }));
        expect(fetchFn.calls).to.have.length(1);
      }
    });
  });

  describe('timeout and abort', () => {
    it('a request that never answers → timeout after timeoutMs', async () => {
      const started = performance.now();
      const error = await billingError(adapter(fakeFetch(hang), { timeoutMs: 80 }).load());
      expect(error.code).to.equal('timeout');
      expect(error.message).to.include('80 ms');
      expect(performance.now() - started).to.be.within(60, 1000);
    });

    it('the timeout covers the retries and the waits between them', async () => {
      const fetchFn = fakeFetch(networkError);
      const started = performance.now();
      const error = await billingError(adapter(fetchFn, { timeoutMs: 150, retry: { retries: 50, baseDelayMs: 40, maxDelayMs: 40 } }).load());
      expect(['network', 'timeout']).to.include(error.code);
      expect(performance.now() - started).to.be.lessThan(1000);
      expect(fetchFn.calls.length).to.be.lessThan(10);
    });

    it("an already aborted signal rejects with its AbortError and sends nothing", async () => {
      const fetchFn = fakeFetch(json(SNAPSHOT));
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(adapter(fetchFn).load({ signal: controller.signal }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(fetchFn.calls).to.have.length(0);
    });

    it('aborting during the request rejects with the AbortError, not a BillingError, and does not retry', async () => {
      const fetchFn = fakeFetch(hang);
      const controller = new AbortController();
      const pending = adapter(fetchFn).submitPaymentMethod(submission(), { idempotencyKey: 'k', signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const error = await rejection(pending);
      expect(error).not.to.be.instanceOf(BillingError);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(fetchFn.calls).to.have.length(1);
    });

    it('aborting during the wait between attempts rejects with the AbortError', async () => {
      const fetchFn = fakeFetch(problem(503));
      const controller = new AbortController();
      const pending = adapter(fetchFn, { retry: { baseDelayMs: 5000, maxDelayMs: 5000 } }).load({ signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      const error = await rejection(pending);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(fetchFn.calls).to.have.length(1);
    });
  });
});
