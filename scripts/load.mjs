#!/usr/bin/env node
// Throughput report for the reference billing server, on loopback only (a report, not a test):
//   node scripts/load.mjs [--requests 2000] [--rounds 100] [--concurrency 8] [--seconds 10]
//
// For each store — SQLite (a temp file) and PostgreSQL (a throwaway cluster from
// scripts/postgres.mjs; skipped with a message when the machine has none) — starts its own
// server process (test endpoints, fixed clock, a development JWT, rate limit off) on
// 127.0.0.1, then measures
//   1. GET /billing: --requests requests at --concurrency;
//   2. idempotent PUT /billing/payment-method: --rounds rounds; each resets the account to a
//      scenario with outstanding invoices, sends 4 concurrent PUTs with one new key and then one
//      more (a client retry), and checks the ledger: exactly one charge, of the outstanding
//      amount, and five identical answers.
// Prints requests per second and p50/p99 latency for each, then both stores side by side, and
// the number of double charges (exit code 1 when there is any, or when a request failed).
// Both phases stop at --seconds. `--store sqlite|postgres` measures one store only.
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { startPostgres } from './postgres.mjs';
import { buildServer } from './run-server.mjs';

const JWT_SECRET = randomBytes(32).toString('base64url');
const TOKEN = await new SignJWT({ account: 'acct_acme', roles: ['billing_admin'] })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject('load')
  .setExpirationTime('2h')
  .sign(Buffer.from(JWT_SECRET));
let testSecret = '';

const LIMITS = { requests: 20_000, rounds: 1_000, concurrency: 64, seconds: 60 };
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '10' },
    store: { type: 'string', default: 'both' },
  },
});
if (!['both', 'sqlite', 'postgres'].includes(values.store)) {
  console.error('--store must be sqlite, postgres or both');
  process.exit(2);
}
const opt = {};
for (const [name, max] of Object.entries(LIMITS)) {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be an integer from 1 to ${max}`);
    process.exit(2);
  }
  opt[name] = n;
}

const NOW = '2025-03-15T12:00:00Z';
const HOST = '127.0.0.1';
const SUBMISSION = JSON.stringify({
  mailing: {
    firstName: 'Load',
    lastName: 'Test',
    email: 'load@example.com',
    address: { country: 'US', line1: '1 Main St', city: 'Springfield', region: 'US-IL', postalCode: '62701' },
  },
  billingAddress: { country: 'US', region: 'US-IL', postalCode: '62701' },
  card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123', name: 'Load Test' },
});

const agent = new Agent({ keepAlive: true, maxSockets: opt.concurrency });

/** One HTTP request on loopback; resolves with status, body and latency in ms. */
function call(port, method, path, body, extra = {}) {
  const headers = { ...(path.startsWith('/__test/') ? { 'X-Test-Secret': testSecret } : { Authorization: `Bearer ${TOKEN}` }), ...extra };
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(
      { host: HOST, port, method, path, agent, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } : headers },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: Number(process.hrtime.bigint() - started) / 1e6 }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(label, latencies, seconds, extra = '') {
  const sorted = [...latencies].sort((a, b) => a - b);
  const rate = latencies.length / seconds;
  console.log(
    `${label}: ${latencies.length} requests in ${seconds.toFixed(2)} s → ${rate.toFixed(0)} req/s; ` +
      `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms${extra}`,
  );
  return { count: latencies.length, rate, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function startServer(storeArgs) {
  const bundle = await buildServer();
  const args = [join(bundle, '..', 'cli.mjs'), '--host', HOST, '--port', '0', ...storeArgs, '--scenario', 'overdue-35', '--now', NOW, '--test-endpoints', '--rate-limit', 'off', '--quiet'];
  const child = spawn(process.execPath, [...args, '--dev-credentials', join(dir, 'dev-credentials.json')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BILLING_JWT_SECRET: JWT_SECRET },
  });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      const secret = /X-Test-Secret: (\S+)/.exec(out);
      if (match && secret) {
        testSecret = secret[1];
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { port, stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))) };
}

const deadline = (seconds) => Date.now() + seconds * 1000;
let failures = 0;
let doubleCharges = 0;
const summary = [];

async function measure(label, storeArgs) {
  const server = await startServer(storeArgs);
  try {
  console.log(`\n${label}: reference server on ${HOST}:${server.port} (loopback), concurrency ${opt.concurrency}, at most ${opt.seconds} s per phase`);

  // Warm-up (JIT, SQLite page cache).
  for (let i = 0; i < 50; i += 1) await call(server.port, 'GET', '/billing');

  // 1. GET /billing
  {
    const latencies = [];
    const stopAt = deadline(opt.seconds);
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: opt.concurrency }, async () => {
        while (next < opt.requests && Date.now() < stopAt) {
          next += 1;
          const reply = await call(server.port, 'GET', '/billing');
          if (reply.status !== 200) failures += 1;
          latencies.push(reply.ms);
        }
      }),
    );
    summary.push({ label, phase: 'GET /billing', ...report('GET /billing', latencies, Number(process.hrtime.bigint() - started) / 1e9) });
  }

  // 2. Idempotent PUTs
  {
    const latencies = [];
    const stopAt = deadline(opt.seconds);
    let putSeconds = 0;
    let rounds = 0;
    let replays = 0;
    let charges = 0;
    for (; rounds < opt.rounds && Date.now() < stopAt; rounds += 1) {
      const reset = await call(server.port, 'POST', '/__test/reset', JSON.stringify({ scenario: 'overdue-35', now: NOW }));
      const snapshot = JSON.parse((await call(server.port, 'GET', '/billing')).text);
      if (reset.status !== 200) failures += 1;
      const owed = snapshot.invoices.filter((i) => i.amountOwed > 0 && i.dueDate < NOW.slice(0, 10)).reduce((sum, i) => sum + i.amountOwed, 0);
      const key = `load-${process.pid}-${rounds}`;
      const headers = { 'Idempotency-Key': key };
      const started = process.hrtime.bigint();
      const burst = await Promise.all(Array.from({ length: 4 }, () => call(server.port, 'PUT', '/billing/payment-method', SUBMISSION, headers)));
      const retry = await call(server.port, 'PUT', '/billing/payment-method', SUBMISSION, headers);
      putSeconds += Number(process.hrtime.bigint() - started) / 1e9;
      const replies = [...burst, retry];
      for (const reply of replies) {
        latencies.push(reply.ms);
        if (reply.status !== 200) failures += 1;
        if (reply.headers['idempotent-replayed'] === 'true') replays += 1;
      }
      if (new Set(replies.map((reply) => reply.text)).size !== 1) failures += 1;
      const ledger = JSON.parse((await call(server.port, 'GET', '/__test/charges')).text);
      charges += ledger.count;
      if (ledger.count > 1) doubleCharges += ledger.count - 1;
      if (ledger.count < 1 || ledger.total !== owed || JSON.parse(retry.text).charged?.amount !== owed) failures += 1;
    }
    summary.push({
      label,
      phase: 'PUT /billing/payment-method',
      ...report('PUT /billing/payment-method (idempotent)', latencies, putSeconds, `; ${rounds} keys × 5 requests, ${replays} replays, ${charges} charges`),
    });
  }
  } finally {
    await server.stop();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'billing-load-'));
try {
  if (values.store !== 'postgres') await measure('SQLite', ['--db', join(dir, 'load.sqlite')]);
  if (values.store !== 'sqlite') {
    const pg = await startPostgres();
    if ('missing' in pg) console.log(`\nPostgreSQL: not measured (${pg.missing}).`);
    else {
      try {
        await measure('PostgreSQL', ['--database-url', pg.url]);
      } finally {
        pg.stop();
      }
    }
  }
  console.log('\n| phase | store | requests | throughput | p50 | p99 |\n| --- | --- | ---: | ---: | ---: | ---: |');
  for (const row of [...summary].sort((a, b) => a.phase.localeCompare(b.phase))) {
    console.log(`| ${row.phase} | ${row.label} | ${row.count} | ${row.rate.toFixed(0)} req/s | ${row.p50.toFixed(2)} ms | ${row.p99.toFixed(2)} ms |`);
  }
  console.log(`\nDouble charges: ${doubleCharges}`);
  console.log(`Failed requests or checks: ${failures}`);
} finally {
  agent.destroy();
  await rm(dir, { recursive: true, force: true });
}
process.exitCode = doubleCharges > 0 || failures > 0 ? 1 : 0;
