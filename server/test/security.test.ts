/**
 * The server's front door, tried as an attacker would (issue 11): every finding has a test
 * that fails without its fix. Loopback only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { parseProblemDetails, parseSnapshot, parseSubmitResult } from '../../src/domain/schemas.js';
import {
  BILLING_ROLE,
  JSON_DEPTH_LIMIT,
  RateLimiter,
  SECOND_ACCOUNT_ID,
  mintDevToken,
  parseServerArgs,
  startBillingServer,
  type RunningBillingServer,
} from '../src/index.js';
import {
  JWT_SECRET,
  NOW,
  callers,
  charges,
  post,
  put,
  request,
  resetTo,
  spawnServer,
  startServer,
  storage,
  storageArgs,
  submission,
  tempDir,
  token,
} from './helpers.js';

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('safe by default: the test endpoints', () => {
  const tmp = tempDir();
  let server: RunningBillingServer;
  let base: string;

  before(async () => {
    server = await startServer({ dbPath: join(tmp.dir, 'test-endpoints.sqlite') });
    base = server.url;
  });
  after(async () => {
    await server.close();
    tmp.dispose();
  });

  it('`npm run server` and the CLI without flags serve the contract only', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    assert.doesNotMatch(pkg.scripts.server!, /test-endpoints/);
    assert.equal(parseServerArgs([], {}).testEndpoints, false);
  });

  it('are absent without the flag: /__test/* is an unknown, authenticated path', async () => {
    const plain = await startBillingServer({ ...(await storage(join(tmp.dir, 'plain.sqlite'))), port: 0, auth: { jwtSecret: JWT_SECRET }, scenario: 'overdue-35', now: NOW });
    try {
      assert.equal(plain.testSecret, null);
      const anonymous = await request(`${plain.url}/__test/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(anonymous.status, 401);
      const signedIn = await request(`${plain.url}/__test/reset`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer(await token()) },
        body: '{"scenario":"all-paid"}',
      });
      assert.equal(signedIn.status, 404);
      const faults = await request(`${plain.url}/__test/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...bearer(await token()) }, body: '{"route":"any","kind":"problem","status":503}' });
      assert.equal(faults.status, 404);
      assert.equal((await request(`${plain.url}/billing`)).status, 200, 'no fault was injected');
      assert.ok(parseSnapshot((await request(`${plain.url}/billing`)).json).invoices.some((invoice) => invoice.amountOwed > 0), 'not reset');
    } finally {
      await plain.close();
    }
  });

  it('exist only on a loopback address', async () => {
    await assert.rejects(
      startBillingServer({ ...(await storage(join(tmp.dir, 'public.sqlite'))), host: '0.0.0.0', port: 0, testEndpoints: true, auth: { jwtSecret: JWT_SECRET } }),
      /loopback/,
    );
  });

  it('need their own random secret; a reset cannot change how callers authenticate', async () => {
    assert.match(server.testSecret ?? '', /^[\w-]{24,}$/);
    const noSecret = await fetch(`${base}/__test/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"token":"attacker"}' });
    assert.equal(noSecret.status, 403);
    const wrong = await fetch(`${base}/__test/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Test-Secret': 'guess' }, body: '{}' });
    assert.equal(wrong.status, 403);
    const withToken = await fetch(`${base}/__test/charges`, { headers: bearer(await token()) });
    assert.equal(withToken.status, 403, 'a caller token does not open them');

    // Even with the secret, the body's "token" is ignored: callers still need a valid JWT.
    assert.equal((await post(base, '/__test/reset', { scenario: 'all-paid', now: NOW, token: 'attacker' })).status, 200);
    assert.equal((await request(`${base}/billing`, { headers: bearer('attacker') })).status, 401);
    assert.equal((await request(`${base}/billing`)).status, 200, 'the real token still works');
  });

  it('a cross-origin text/plain POST (a "simple" request) wipes nothing', async () => {
    const seeded = await resetTo(base, 'overdue-35');
    const attack = await fetch(`${base}/__test/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
      body: '{"scenario":"all-paid"}',
    });
    assert.equal(attack.status, 403);
    assert.equal(attack.headers.get('access-control-allow-origin'), null);
    // Even holding the secret, only application/json is read.
    const plainText = await request(`${base}/__test/reset`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"scenario":"all-paid"}' });
    assert.equal(plainText.status, 415);
    assert.deepEqual(parseSnapshot((await request(`${base}/billing`)).json).invoices, seeded.invoices);
  });
});

describe('real callers: bearer JWTs', () => {
  const tmp = tempDir();
  let server: RunningBillingServer;
  let base: string;

  before(async () => {
    server = await startServer({ dbPath: join(tmp.dir, 'callers.sqlite') });
    base = server.url;
  });
  after(async () => {
    await server.close();
    tmp.dispose();
  });

  it('refuses a missing, malformed, expired, unsigned, wrongly signed or other-algorithm token', async () => {
    const secret = new TextEncoder().encode(JWT_SECRET);
    const claims = { account: 'acct_acme', roles: [BILLING_ROLE] };
    const refused: Record<string, string | null> = {
      missing: null,
      'not a JWT': 'Bearer s3cret',
      'basic auth': 'Basic YWRhOnB3',
      'alg none': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: 'ada', exp: inOneHour() })}.`,
      'HS512 (not the configured algorithm)': `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).setSubject('ada').setExpirationTime('1h').sign(new Uint8Array(64).fill(7))}`,
      'HS384 with the right secret': `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'HS384' }).setSubject('ada').setExpirationTime('1h').sign(secret)}`,
      expired: `Bearer ${await mintDevToken(JWT_SECRET, { sub: 'ada', account: 'acct_acme', roles: [BILLING_ROLE], expiresIn: -60 })}`,
      'no exp': `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').sign(secret)}`,
      'another secret': `Bearer ${await mintDevToken('x'.repeat(40), { sub: 'ada', account: 'acct_acme', roles: [BILLING_ROLE] })}`,
      'no account claim': `Bearer ${await new SignJWT({ roles: [BILLING_ROLE] }).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').setExpirationTime('1h').sign(secret)}`,
      'roles not an array': `Bearer ${await new SignJWT({ account: 'acct_acme', roles: BILLING_ROLE }).setProtectedHeader({ alg: 'HS256' }).setSubject('ada').setExpirationTime('1h').sign(secret)}`,
      'tampered payload': `Bearer ${(await token({ roles: [] })).replace(/\.[^.]+\./, `.${b64({ ...claims, sub: 'ada', exp: inOneHour() })}.`)}`,
    };
    for (const [name, header] of Object.entries(refused)) {
      for (const path of ['/billing', '/billing/invoices/in_x/pdf', '/nope']) {
        const reply = await request(`${base}${path}`, { headers: { Authorization: header ?? '' } });
        assert.equal(reply.status, 401, `${name} ${path}`);
        assert.equal(parseProblemDetails(reply.json)?.code, 'unauthorized');
        assert.equal(reply.headers.get('www-authenticate'), 'Bearer');
      }
      const putReply = await put(base, submission(), `k-${name}`, { Authorization: header ?? '' });
      assert.equal(putReply.status, 401, `${name} PUT`);
    }
    assert.equal((await charges(base)).count, 0);
  });

  it('each caller sees only its own account; the role is checked per caller', async () => {
    const acme = await resetTo(base, 'overdue-35');
    const globexToken = await callers.otherAccount();
    const globex = parseSnapshot((await request(`${base}/billing`, { headers: bearer(globexToken) })).json);
    assert.equal(acme.account.id, 'acct_acme');
    assert.equal(globex.account.id, SECOND_ACCOUNT_ID);
    assert.equal(globex.account.name, 'Globex Corporation');
    assert.notDeepEqual(globex.account.organizations, acme.account.organizations);

    // Globex pays its own invoices, and only those.
    const paid = await put(base, submission(), 'shared-key-name', bearer(globexToken));
    assert.equal(paid.status, 200);
    const result = parseSubmitResult(paid.json);
    assert.equal(result.snapshot.account.id, SECOND_ACCOUNT_ID);
    assert.deepEqual((await charges(base)).charges.map((charge) => charge.accountId), [SECOND_ACCOUNT_ID]);
    assert.deepEqual(parseSnapshot((await request(`${base}/billing`)).json), acme, "Acme's data is untouched");
    // The same key from another account is another submission, not a replay of Globex's.
    const acmePut = await put(base, submission(), 'shared-key-name');
    assert.equal(acmePut.status, 200);
    assert.equal(acmePut.headers.get('idempotent-replayed'), null);
    assert.equal(parseSubmitResult(acmePut.json).snapshot.account.id, 'acct_acme');
    assert.equal((await charges(base)).count, 2);

    // A plain admin of Acme: no card, 403 on PUT and PDF, even replaying an admin's key.
    const plain = bearer(await callers.plainAdmin());
    const seen = parseSnapshot((await request(`${base}/billing`, { headers: plain })).json);
    assert.equal(seen.viewer.canManageBilling, false);
    assert.equal(seen.paymentMethod, null);
    assert.equal((await put(base, submission(), 'shared-key-name', plain)).status, 403);
    assert.equal((await request(`${base}/billing/invoices/${encodeURIComponent(seen.invoices[0]!.id)}/pdf`, { headers: plain })).status, 403);

    // A token for an account this server does not have.
    const stranger = bearer(await token({ account: 'acct_nobody' }));
    assert.equal((await request(`${base}/billing`, { headers: stranger })).status, 403);
    assert.equal((await put(base, submission(), 'stranger', stranger)).status, 403);
  });

  it('an invoice id of another account is not found', async () => {
    await resetTo(base, 'outstanding-5');
    const acmeInvoices = parseSnapshot((await request(`${base}/billing`)).json).invoices;
    const globexInvoices = parseSnapshot((await request(`${base}/billing`, { headers: bearer(await callers.otherAccount()) })).json).invoices;
    const foreign = acmeInvoices.find((invoice) => !globexInvoices.some((other) => other.id === invoice.id));
    assert.ok(foreign, 'the seed gives the accounts different invoices');
    const reply = await request(`${base}/billing/invoices/${encodeURIComponent(foreign.id)}/pdf`, { headers: bearer(await callers.otherAccount()) });
    assert.equal(reply.status, 404);
  });

  it('verifies RS256 tokens against a JWKS URL, and then refuses HS256 ones', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks: Server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    const production = await startBillingServer({
      ...(await storage(join(tmp.dir, 'jwks.sqlite'))),
      port: 0,
      scenario: 'all-paid',
      now: NOW,
      auth: { jwksUrl, issuer: 'https://id.example', audience: 'billing' },
    });
    try {
      const sign = (claims: { iss?: string; aud?: string }) =>
        new SignJWT({ account: 'acct_acme', roles: [BILLING_ROLE] })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setSubject('ada')
          .setIssuer(claims.iss ?? 'https://id.example')
          .setAudience(claims.aud ?? 'billing')
          .setExpirationTime('5m')
          .sign(privateKey);
      assert.equal(production.auth.generatedSecret, null);
      const ok = await request(`${production.url}/billing`, { headers: bearer(await sign({})) });
      assert.equal(ok.status, 200);
      assert.equal(parseSnapshot(ok.json).paymentMethod?.last4 !== undefined, true);
      assert.equal((await request(`${production.url}/billing`, { headers: bearer(await sign({ iss: 'https://evil.example' })) })).status, 401);
      assert.equal((await request(`${production.url}/billing`, { headers: bearer(await sign({ aud: 'other' })) })).status, 401);
      assert.equal((await request(`${production.url}/billing`, { headers: bearer(await token()) })).status, 401, 'HS256 is not accepted in JWKS mode');
    } finally {
      await production.close();
      jwks.close();
    }
  });

  it('without a secret or JWKS: a random development secret, and the CLI prints a billing-admin token for it', async () => {
    const args = await storageArgs(join(tmp.dir, 'dev.sqlite'));
    const dev = await spawnServer([...args, '--scenario', 'overdue-35', '--now', NOW, '--dev-credentials', join(tmp.dir, 'dev-credentials.json')], { BILLING_JWT_SECRET: '' });
    try {
      const printed = /Authorization: Bearer (\S+)/.exec(dev.output)?.[1];
      assert.ok(printed, dev.output);
      const reply = await request(`${dev.url}/billing`, { headers: bearer(printed) });
      assert.equal(reply.status, 200);
      assert.equal(parseSnapshot(reply.json).viewer.canManageBilling, true);
      assert.equal((await request(`${dev.url}/billing`, { headers: bearer(await token()) })).status, 401, 'another secret');
      assert.equal((await request(`${dev.url}/billing`, { headers: { Authorization: '' } })).status, 401);
      assert.doesNotMatch(dev.output, /X-Test-Secret/, 'no test endpoints by default');
    } finally {
      await dev.stop();
    }
  });

  it('refuses to start with a short BILLING_JWT_SECRET', async () => {
    await assert.rejects(startBillingServer({ dbPath: ':memory:', port: 0, auth: { jwtSecret: 'short' } }), /at least 32/);
  });
});

describe('browser-facing hygiene', () => {
  const tmp = tempDir();
  let server: RunningBillingServer;
  let base: string;

  before(async () => {
    server = await startServer({ dbPath: join(tmp.dir, 'hygiene.sqlite'), rateLimit: { perSecond: 0.01, burst: 6 } });
    base = server.url;
  });
  after(async () => {
    await server.close();
    tmp.dispose();
  });

  it('a deeply nested JSON body (~40 kB) answers 400 problem details, before any processing', async () => {
    const nested = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const deepObject = `{"mailing":${'{"a":'.repeat(JSON_DEPTH_LIMIT)}1${'}'.repeat(JSON_DEPTH_LIMIT)}}`;
    for (const body of [nested, deepObject]) {
      const reply = await put(base, body, `deep-${body.length}`, bearer(await token({ sub: `deep-${body.length}` })));
      assert.equal(reply.status, 400, reply.text.slice(0, 200));
      assert.equal(reply.contentType, 'application/problem+json');
      assert.match(parseProblemDetails(reply.json)?.title ?? '', /nested too deeply/);
    }
    // Brackets inside strings do not count: this one reaches the card check (declined, nothing charged).
    const strings = JSON.stringify({ ...submission('4000000000000002'), note: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' });
    assert.equal((await put(base, strings, 'brackets-in-a-string', bearer(await token({ sub: 'strings' })))).status, 402);
    const testReset = await request(`${base}/__test/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: nested });
    assert.equal(testReset.status, 400);
  });

  it('a body over 64 kB answers 413; a body that is not application/json answers 415', async () => {
    const auth = bearer(await token({ sub: 'big' }));
    const big = await put(base, JSON.stringify({ ...submission(), padding: 'x'.repeat(70_000) }), 'big', auth);
    assert.equal(big.status, 413);
    const form = await request(`${base}/billing/payment-method`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': 'form', ...auth },
      body: 'a=1',
    });
    assert.equal(form.status, 415);
    assert.equal((await charges(base)).count, 0);
  });

  it('a per-caller rate limit answers 429 with Retry-After; other callers are not affected', async () => {
    const noisy = bearer(await token({ sub: 'noisy' }));
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 8; i += 1) {
      const reply = await request(`${base}/billing`, { headers: noisy });
      statuses.push(reply.status);
      if (reply.status === 429) limited ??= reply;
    }
    assert.deepEqual(statuses.slice(0, 6), [200, 200, 200, 200, 200, 200]);
    assert.ok(limited, statuses.join(','));
    assert.equal(parseProblemDetails(limited.json)?.code, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await request(`${base}/billing`, { headers: bearer(await token({ sub: 'quiet' })) })).status, 200);
  });

  it('an invoice PDF costs more of the budget than a snapshot', async () => {
    const auth = bearer(await token({ sub: 'pdf' }));
    const invoice = parseSnapshot((await request(`${base}/billing`, { headers: auth })).json).invoices[0]!;
    const url = `${base}/billing/invoices/${encodeURIComponent(invoice.id)}/pdf`;
    assert.equal((await request(url, { headers: auth })).status, 200);
    assert.equal((await request(url, { headers: auth })).status, 429, 'one snapshot and one PDF leave too little for a second PDF');
  });

  it('RateLimiter: a bucket of `burst`, refilled at `perSecond`', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, () => now);
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], [0, 0, 0]);
    assert.equal(limiter.take('a'), 1);
    assert.equal(limiter.take('b'), 0, 'per key');
    now = 500;
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('a', 3), 2, 'needs 3 tokens at 2/s');
  });
});
