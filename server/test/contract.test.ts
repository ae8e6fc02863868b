/** The server's responses, checked against openapi/billing.openapi.json (ajv, JSON Schema 2020-12) and the zod parsers. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseProblemDetails, parseSnapshot, parseSubmitResult } from '../../src/domain/schemas.js';
import type { RunningBillingServer } from '../src/index.js';
import { scenarioNames } from '../src/index.js';
import { Contract, NOW, callers, charges, post, put, request, resetTo, startServer, submission, tempDir } from './helpers.js';

const contract = new Contract();

function assertContract(method: string, path: string, reply: Awaited<ReturnType<typeof request>>): void {
  assert.deepEqual(contract.check(method, path, reply), [], `${method} ${path} ${reply.status}: ${reply.text.slice(0, 300)}`);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and every schema compiles under ajv strict mode', () => {
    assert.equal(contract.doc.openapi, '3.1.0');
    assert.ok(contract.compileAll() >= 10);
  });

  it('has the same schemas as the zod parsers (a snapshot zod rejects is rejected by the document too)', () => {
    const validate = contract.schema('BillingSnapshot');
    const good = { account: { id: 'a', name: 'A', currency: 'USD', userCap: null, nextChargeDate: '2025-04-01', organizations: [] }, viewer: { canManageBilling: true }, paymentMethod: null, invoices: [] };
    assert.ok(validate(good));
    assert.doesNotThrow(() => parseSnapshot(good));
    const bad = { ...good, viewer: {} };
    assert.equal(validate(bad), false);
    assert.throws(() => parseSnapshot(bad), /viewer\.canManageBilling/);
  });
});

describe('responses match the contract', () => {
  const tmp = tempDir();
  let server: RunningBillingServer;
  let base: string;

  before(async () => {
    server = await startServer({ dbPath: `${tmp.dir}/contract.sqlite`, corsOrigins: ['http://localhost:5173'] });
    base = server.url;
  });
  after(async () => {
    await server.close();
    tmp.dispose();
  });

  it('GET /billing for every scenario', async () => {
    for (const name of scenarioNames()) {
      await post(base, '/__test/reset', { scenario: name, now: NOW });
      const reply = await request(`${base}/billing`);
      if (name === 'failing-backend') {
        assert.equal(reply.status, 500);
        assertContract('GET', '/billing', reply);
        assert.equal(parseProblemDetails(reply.json)?.code, 'server');
        continue;
      }
      assert.equal(reply.status, 200, name);
      assertContract('GET', '/billing', reply);
      const snapshot = parseSnapshot(reply.json);
      assert.equal(snapshot.now, NOW);
      assert.equal(snapshot.viewer.canManageBilling, true, 'the role comes from the token');
      const plain = await request(`${base}/billing`, { headers: { Authorization: `Bearer ${await callers.plainAdmin()}` } });
      assertContract('GET', '/billing', plain);
      const seen = parseSnapshot(plain.json);
      assert.equal(seen.viewer.canManageBilling, false);
      assert.equal(seen.paymentMethod, null, 'no card data for a caller without the billing role');
      assert.deepEqual(seen.invoices, snapshot.invoices);
    }
  });

  it('PUT 200 (charged), then a replay with Idempotent-Replayed', async () => {
    await post(base, '/__test/reset', { scenario: 'overdue-35', now: NOW });
    const first = await put(base, submission(), 'contract-200');
    assert.equal(first.status, 200);
    assertContract('PUT', '/billing/payment-method', first);
    const result = parseSubmitResult(first.json);
    assert.ok(result.charged && result.charged.amount > 0);
    assert.equal(result.snapshot.paymentMethod?.status, 'pending');
    assert.equal(result.snapshot.paymentMethod?.last4, '4242');
    assert.equal(result.snapshot.paymentMethod?.brand, 'Visa');
    const again = await put(base, submission(), 'contract-200');
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.text, first.text);
    assertContract('PUT', '/billing/payment-method', again);
  });

  it('PUT 402 declined, 422 invalid (field codes), 400 without a key, 400 malformed JSON, 415, 403', async () => {
    await post(base, '/__test/reset', { scenario: 'outstanding-5', now: NOW });
    const declined = await put(base, submission('4000000000000002'), 'contract-402');
    assert.equal(declined.status, 402);
    assertContract('PUT', '/billing/payment-method', declined);
    assert.equal(parseProblemDetails(declined.json)?.code, 'card_declined');

    const invalid = await put(base, { ...submission(), card: { ...submission().card, number: '4242424242424241', expYear: 2024 } }, 'contract-422');
    assert.equal(invalid.status, 422);
    assertContract('PUT', '/billing/payment-method', invalid);
    const problem = parseProblemDetails(invalid.json);
    assert.deepEqual(problem?.fieldErrors, { 'card.number': 'invalid', 'card.expYear': 'expired' });
    assert.ok(!invalid.text.includes('4242424242424241'), 'the problem never echoes the card number');

    const missing = await put(base, { ...submission(), mailing: { ...submission().mailing, email: '' } }, 'contract-422b');
    assert.equal(missing.status, 422);
    assert.equal(parseProblemDetails(missing.json)?.fieldErrors?.['mailing.email'], 'required');

    const noKey = await put(base, submission(), null);
    assert.equal(noKey.status, 400);
    assertContract('PUT', '/billing/payment-method', noKey);

    const malformed = await put(base, '{"mailing":', 'contract-400');
    assert.equal(malformed.status, 400);
    assertContract('PUT', '/billing/payment-method', malformed);

    const wrongType = await request(`${base}/billing/payment-method`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': 'contract-415' },
      body: JSON.stringify(submission()),
    });
    assert.equal(wrongType.status, 415);
    assertContract('PUT', '/billing/payment-method', wrongType);

    const forbidden = await put(base, submission(), 'contract-403', { Authorization: `Bearer ${await callers.plainAdmin()}` });
    assert.equal(forbidden.status, 403);
    assertContract('PUT', '/billing/payment-method', forbidden);
    assert.equal((await charges(base)).count, 0, 'nothing was charged by any of these');
  });

  it('GET the PDF: 200 application/pdf, 404 for unknown and pre-2022 invoices', async () => {
    const invoices = (await resetTo(base, 'many-invoices')).invoices;
    const recent = invoices.find((invoice) => invoice.finalizedAt >= '2022')!;
    const old = invoices.find((invoice) => invoice.finalizedAt < '2022')!;
    const pdf = await request(`${base}/billing/invoices/${encodeURIComponent(recent.id)}/pdf`);
    assert.equal(pdf.status, 200);
    assertContract('GET', '/billing/invoices/{invoiceId}/pdf', pdf);
    assert.match(pdf.headers.get('content-disposition') ?? '', /attachment; filename="invoice-/);
    for (const id of [old.id, 'in_nope']) {
      const missing = await request(`${base}/billing/invoices/${id}/pdf`);
      assert.equal(missing.status, 404);
      assertContract('GET', '/billing/invoices/{invoiceId}/pdf', missing);
    }
  });

  it('GET the PDF: 403 for a viewer without the billing role', async () => {
    const invoice = (await resetTo(base, 'outstanding-5')).invoices[0]!;
    const denied = await request(`${base}/billing/invoices/${encodeURIComponent(invoice.id)}/pdf`, {
      headers: { Authorization: `Bearer ${await callers.plainAdmin()}` },
    });
    assertContract('GET', '/billing/invoices/{invoiceId}/pdf', denied);
    assert.equal(denied.status, 403);
    assert.equal((denied.json as { code: string }).code, 'unauthorized');
  });

  it('401 without a token; 429 with Retry-After; 500 problem', async () => {
    const anonymous = await request(`${base}/billing`, { headers: { Authorization: '' } });
    assert.equal(anonymous.status, 401);
    assertContract('GET', '/billing', anonymous);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    for (const [method, path] of [['PUT', '/billing/payment-method'], ['GET', '/billing/invoices/{invoiceId}/pdf']] as const) {
      const reply = await request(`${base}${path.replace('{invoiceId}', 'in_x')}`, { method, headers: { Authorization: '' } });
      assert.equal(reply.status, 401);
      assertContract(method, path, reply);
    }

    await post(base, '/__test/reset', { scenario: 'all-paid', now: NOW });
    await post(base, '/__test/faults', { faults: [{ route: 'billing', kind: 'rate-limit', retryAfter: 7 }, { route: 'billing', kind: 'problem', status: 500 }] });
    const limited = await request(`${base}/billing`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assertContract('GET', '/billing', limited);
    const failed = await request(`${base}/billing`);
    assert.equal(failed.status, 500);
    assertContract('GET', '/billing', failed);
    assert.equal((await request(`${base}/billing`)).status, 200, 'faults are used up');
  });

  it('CORS: an allowed origin is echoed with credentials; another origin, even on loopback, is not', async () => {
    const preflight = await request(`${base}/billing/payment-method`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
    const foreign = await request(`${base}/billing`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const allowed = await request(`${base}/billing`, { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    for (const origin of ['http://127.0.0.1:8000', 'http://localhost:5174', 'http://localhost']) {
      const other = await request(`${base}/billing`, { headers: { Origin: origin } });
      assert.equal(other.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(other.headers.get('access-control-allow-credentials'), null, origin);
      const preflightOther = await request(`${base}/billing`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
      assert.equal(preflightOther.headers.get('access-control-allow-origin'), null, origin);
    }
  });

  it('unknown paths and methods answer problem details', async () => {
    const notFound = await request(`${base}/nope`);
    assert.equal(notFound.status, 404);
    assert.equal(parseProblemDetails(notFound.json)?.code, 'invalid_request');
    const method = await request(`${base}/billing`, { method: 'DELETE' });
    assert.equal(method.status, 405);
    assert.equal(method.headers.get('allow'), 'GET');
  });
});
