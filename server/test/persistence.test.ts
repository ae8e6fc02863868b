/** Restarts lose nothing: the data lives in the database (a SQLite file, or PostgreSQL). */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseSnapshot, parseSubmitResult } from '../../src/domain/schemas.js';
import { NOW, STORE, charges, put, request, spawnServer, startServer, storageArgs, submission, tempDir } from './helpers.js';

describe('persistence', () => {
  const tmp = tempDir();
  after(() => tmp.dispose());

  it('a restarted server process has the card, the paid invoices, the charges, the clock and the stored responses', async () => {
    const db = join(tmp.dir, 'nested', 'billing.sqlite');
    const args = await storageArgs(db);
    const first = await spawnServer([...args, '--scenario', 'suspended-50', '--now', NOW, '--test-endpoints']);
    let submitted;
    try {
      const reply = await put(first.url, submission('5555555555554444'), 'persist-key');
      assert.equal(reply.status, 200);
      submitted = parseSubmitResult(reply.json);
    } finally {
      await first.stop();
    }
    if (STORE === 'sqlite') assert.ok(existsSync(db), 'the folder and the file were created');

    // No --scenario: the data is used as it is.
    const second = await spawnServer([...args, '--test-endpoints']);
    try {
      const snapshot = parseSnapshot((await request(`${second.url}/billing`)).json);
      assert.deepEqual(snapshot, submitted.snapshot, 'same snapshot, same fixed clock');
      assert.equal(snapshot.paymentMethod?.last4, '4444');
      assert.equal(snapshot.account.suspended, false);
      const ledger = await charges(second.url);
      assert.equal(ledger.count, 1);
      const replay = await put(second.url, submission('5555555555554444'), 'persist-key');
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true', 'idempotency records survive a restart');
      assert.equal((await charges(second.url)).count, 1);
    } finally {
      await second.stop();
    }
  });

  it('an in-process server closed and reopened on the same file keeps its data', async () => {
    const db = join(tmp.dir, 'inproc.sqlite');
    const one = await startServer({ dbPath: db, scenario: 'outstanding-5' });
    assert.equal((await put(one.url, submission(), 'inproc')).status, 200);
    await one.close();
    const two = await startServer({ dbPath: db, scenario: undefined });
    try {
      const snapshot = parseSnapshot((await request(`${two.url}/billing`)).json);
      assert.equal(snapshot.paymentMethod?.status, 'pending');
      assert.equal(snapshot.now, NOW);
    } finally {
      await two.close();
    }
  });
});
