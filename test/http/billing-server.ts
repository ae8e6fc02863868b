/**
 * Browser-side helpers for tests against the reference server started by
 * test/server-plugin.mjs: its URL, resetting it to a scenario, injecting faults, reading charges.
 */
import type { PaymentSubmission } from '../../src/domain/types.js';

let cached: Promise<string> | undefined;

/** The reference server's base URL (`http://127.0.0.1:PORT`). */
export function serverUrl(): Promise<string> {
  cached ??= fetch('/__billing-server-url')
    .then((response) => response.json() as Promise<{ url?: string; error?: string }>)
    .then((body) => {
      if (!body.url) throw new Error(`The reference billing server did not start: ${body.error ?? 'unknown error'}`);
      return body.url;
    });
  return cached;
}

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${await serverUrl()}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The server clock of these tests. */
export const NOW = '2025-03-15T12:00:00Z';

/** Reseeds the server with a scenario, fixes its clock, clears faults; `token` requires a bearer token. */
export async function reset(scenario: string, options: { now?: string; token?: string } = {}): Promise<void> {
  await call('POST', '/__test/reset', { scenario, now: options.now ?? NOW, ...(options.token ? { token: options.token } : {}) });
}

export interface Fault {
  route: 'billing' | 'payment-method' | 'invoice-pdf' | 'any';
  kind: 'stall' | 'problem' | 'rate-limit' | 'malformed-json' | 'html' | 'reset';
  count?: number;
  status?: number;
  code?: string;
  retryAfter?: string | number;
  stallMs?: number;
  after?: boolean;
}

export async function injectFaults(...faults: Fault[]): Promise<void> {
  await call('POST', '/__test/faults', { faults });
}

/** Faults still queued (count = uses left). */
export async function pendingFaults(): Promise<Fault[]> {
  return ((await call('POST', '/__test/faults', { faults: [] })) as { pending: Fault[] }).pending;
}

export interface Ledger {
  count: number;
  total: number;
  duplicateKeys: string[];
  charges: { idempotencyKey: string; amount: number; currency: string; invoiceIds: string[] }[];
}

export async function charges(): Promise<Ledger> {
  return (await call('GET', '/__test/charges')) as Ledger;
}

/** A valid submission; 4000000000000002 is declined by the server. */
export function submission(number = '4242424242424242'): PaymentSubmission {
  return {
    mailing: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      address: { country: 'US', line1: '1 Main St', city: 'Springfield', region: 'US-IL', postalCode: '62701' },
    },
    billingAddress: { country: 'US', region: 'US-IL', postalCode: '62701' },
    card: { number, expMonth: 12, expYear: 2030, cvc: '123', name: 'Ada Lovelace' },
  };
}
