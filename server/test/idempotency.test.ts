/** Idempotency and concurrency at the HTTP level, in one process and across two processes sharing the file. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseSnapshot, parseSubmitResult } from '../../src/domain/schemas.js';
import type { RunningBillingServer } from '../src/index.js';
import { NOW, STORE, charges, databaseText, post, put, request, spawnServer, startServer, storage, storageArgs, submission, tempDir } from './helpers.js';

describe('idempotency', () => {
  const tmp = tempDir();
  let server: RunningBillingServer;
  let base: string;

  before(async () => {
    server = await startServer({ dbPath: join(tmp.dir, 'idem.sqlite') });
    base = server.url;
  });
  after(async () => {
    await server.close();
    tmp.dispose();
  });

  it('the same key and body charge once; the replay is the stored response', async () => {
    await post(base, '/__test/reset', { scenario: 'suspended-50', now: NOW });
    const before = parseSnapshot((await request(`${base}/billing`)).json);
    const owed = before.invoices.reduce((sum, invoice) => sum + (invoice.dueDate < '2025-03-15' ? invoice.amountOwed : 0), 0);
    assert.ok(owed > 0);
    const first = await put(base, submission(), 'same-key');
    const second = await put(base, submission(), 'same-key');
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(second.text, first.text);
    const result = parseSubmitResult(first.json);
    assert.deepEqual(result.charged, { amount: owed, currency: 'USD' });
    assert.equal(result.snapshot.account.suspended, false, 'suspension cleared');
    assert.equal(result.snapshot.account.userCap, null, 'user cap lifted');
    assert.ok(result.snapshot.invoices.every((invoice) => invoice.dueDate >= '2025-03-15' || invoice.amountOwed === 0));
    const ledger = await charges(base);
    assert.equal(ledger.count, 1);
    assert.equal(ledger.total, owed);
  });

  it('the same key with another body is refused (422) and charges nothing', async () => {
    await post(base, '/__test/reset', { scenario: 'outstanding-5', now: NOW });
    assert.equal((await put(base, submission(), 'reused')).status, 200);
    const other = await put(base, submission('5555555555554444'), 'reused');
    assert.equal(other.status, 422);
    assert.match((other.json as { type: string }).type, /idempotency-key-reused/);
    const ledger = await charges(base);
    assert.equal(ledger.count, 1);
    // The key order of the JSON does not make a body "different".
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(submission()).reverse()));
    assert.equal((await put(base, reordered, 'reused')).status, 200);
  });

  it('a second submission with a new key charges nothing more once everything is paid', async () => {
    await post(base, '/__test/reset', { scenario: 'outstanding-5', now: NOW });
    const first = parseSubmitResult((await put(base, submission(), 'k-a')).json);
    assert.ok(first.charged);
    const second = parseSubmitResult((await put(base, submission('5555555555554444'), 'k-b')).json);
    assert.equal(second.charged, undefined);
    assert.equal(second.snapshot.paymentMethod?.last4, '4444');
    assert.equal(second.snapshot.paymentMethod?.brand, 'Mastercard');
    assert.equal((await charges(base)).count, 1);
  });

  it('a decline is stored under its key; a validation error is not', async () => {
    await post(base, '/__test/reset', { scenario: 'outstanding-5', now: NOW });
    const declined = await put(base, submission('4000000000000002'), 'decline-key');
    assert.equal(declined.status, 402);
    const replay = await put(base, submission('4000000000000002'), 'decline-key');
    assert.equal(replay.status, 402);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');

    const invalid = { ...submission(), card: { ...submission().card, cvc: '1' } };
    assert.equal((await put(base, invalid, 'fix-me')).status, 422);
    assert.equal((await put(base, submission(), 'fix-me')).status, 200, 'the key is still free after a 422');
    assert.equal((await charges(base)).count, 1);
  });

  it('40 concurrent PUTs with one key charge once and all get the same answer', async () => {
    await post(base, '/__test/reset', { scenario: 'overdue-35', now: NOW });
    const replies = await Promise.all(Array.from({ length: 40 }, () => put(base, submission(), 'concurrent')));
    assert.ok(replies.every((reply) => reply.status === 200));
    assert.equal(new Set(replies.map((reply) => reply.text)).size, 1);
    assert.equal(replies.filter((reply) => reply.headers.get('idempotent-replayed') !== 'true').length, 1);
    const ledger = await charges(base);
    assert.equal(ledger.count, 1);
    assert.deepEqual(ledger.duplicateKeys, []);
  });

  it('a response lost after the charge (connection reset) is recovered by retrying the key', async () => {
    await post(base, '/__test/reset', { scenario: 'outstanding-5', now: NOW });
    await post(base, '/__test/faults', { route: 'payment-method', kind: 'reset', after: true });
    await assert.rejects(put(base, submission(), 'lost'));
    assert.equal((await charges(base)).count, 1, 'the server did charge');
    const retry = await put(base, submission(), 'lost');
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.ok(parseSubmitResult(retry.json).charged);
    assert.equal((await charges(base)).count, 1);
  });

  it('never stores the card number or security code', async () => {
    await post(base, '/__test/reset', { scenario: 'outstanding-5', now: NOW });
    const card = { ...submission('4111111111111111').card, cvc: '987' };
    assert.equal((await put(base, { ...submission(), card }, 'pan-check')).status, 200);
    await put(base, submission('4000000000000002'), 'pan-check-2');
    const where = await storage(join(tmp.dir, 'idem.sqlite'));
    const contents: [string, string][] =
      'databaseUrl' in where
        ? [['the PostgreSQL database', await databaseText(where.databaseUrl)]]
        : readdirSync(tmp.dir).map((file) => [file, readFileSync(join(tmp.dir, file)).toString('latin1')]);
    assert.ok(contents.some(([, bytes]) => bytes.includes('4242') || bytes.includes('1111')), 'the scan reads the data (last 4 are stored)');
    for (const [file, bytes] of contents) {
      assert.ok(!bytes.includes('4111111111111111'), `${file} holds the card number`);
      assert.ok(!bytes.includes('4000000000000002'), `${file} holds the declined card number`);
      assert.ok(!bytes.includes('"cvc"'), `${file} holds a security code`);
    }
  });
});

/** Concurrent PUTs across both processes: many, yet bounded by the test's timeout (loopback only). */
const CONCURRENT_PUTS = 1000;

describe(`two server processes on one ${STORE === 'postgres' ? 'PostgreSQL database' : 'SQLite file'}`, { timeout: 150_000 }, () => {
  const tmp = tempDir();
  after(() => tmp.dispose());

  it(`${CONCURRENT_PUTS} concurrent PUTs with one key, spread over both, charge exactly once; restarting either loses nothing`, async () => {
    const args = await storageArgs(join(tmp.dir, 'shared.sqlite'));
    const servers = [
      await spawnServer([...args, '--scenario', 'overdue-35', '--now', NOW, '--test-endpoints']),
      await spawnServer([...args, '--test-endpoints']),
    ];
    try {
      const [a, b] = servers;
      const replies = await Promise.all(Array.from({ length: CONCURRENT_PUTS }, (_, i) => put(i % 2 ? a!.url : b!.url, submission(), 'two-processes')));
      const statuses = new Map<number, number>();
      for (const reply of replies) statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      assert.deepEqual([...statuses], [[200, CONCURRENT_PUTS]]);
      assert.equal(new Set(replies.map((reply) => reply.text)).size, 1, 'every caller got the same answer');
      assert.equal(replies.filter((reply) => reply.headers.get('idempotent-replayed') !== 'true').length, 1, 'one request did the work');
      const charged = parseSubmitResult(replies[0]!.json).charged;
      assert.ok(charged && charged.amount > 0);
      const ledger = await charges(a!.url);
      assert.equal(ledger.count, 1);
      assert.equal(ledger.total, charged.amount);
      assert.deepEqual(await charges(b!.url), ledger);
      const snapshot = (await request(`${a!.url}/billing`)).text;

      // Restart each in turn: the other keeps serving, and the restarted one has everything.
      for (const i of [0, 1]) {
        await servers[i]!.stop();
        servers[i] = await spawnServer([...args, '--test-endpoints']);
        for (const server of servers) {
          const replay = await put(server.url, submission(), 'two-processes');
          assert.equal(replay.status, 200);
          assert.equal(replay.headers.get('idempotent-replayed'), 'true');
          assert.equal(replay.text, replies[0]!.text);
          assert.equal((await request(`${server.url}/billing`)).text, snapshot);
          assert.deepEqual(await charges(server.url), ledger);
        }
      }
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });
});
