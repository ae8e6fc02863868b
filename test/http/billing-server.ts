/**
 * Browser-side helpers for tests against the reference server started by
 * test/server-plugin.mjs: its URL, development tokens, resetting it to a scenario, injecting
 * faults, reading charges.
 */
import type { PaymentSubmission } from '../../src/domain/types.js';

/** Development tokens minted by the plugin (HS256 under the server's secret of this run). */
export interface ServerTokens {
  /** Acme, role `billing_admin`. */
  billingAdmin: string;
  /** Acme, no billing role. */
  plainAdmin: string;
  /** The second seeded account (Globex), role `billing_admin`. */
  otherAccount: string;
}

let cached: Promise<{ url: string; tokens: ServerTokens }> | undefined;

function info(): Promise<{ url: string; tokens: ServerTokens }> {
  cached ??= fetch('/__billing-server-url')
    .then((response) => response.json() as Promise<{ url?: string; tokens?: ServerTokens; error?: string }>)
    .then((body) => {
      if (!body.url || !body.tokens) throw new Error(`The reference billing server did not start: ${body.error ?? 'unknown error'}`);
      return { url: body.url, tokens: body.tokens };
    });
  return cached;
}

/** The reference server's base URL (`http://127.0.0.1:PORT`). */
export async function serverUrl(): Promise<string> {
  return (await info()).url;
}

/** Development tokens for the seeded callers. */
export async function tokens(): Promise<ServerTokens> {
  return (await info()).tokens;
}

/** `HttpBillingAdapter`'s `headers` option for a caller (default: Acme's billing admin). */
export function authHeaders(who: keyof ServerTokens = 'billingAdmin'): () => Promise<Record<string, string>> {
  return async () => ({ Authorization: `Bearer ${(await tokens())[who]}` });
}

/** A test endpoint, through the plugin (which holds the test secret; the page never sees it). */
async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch('/__billing-server-test', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, path, ...(body === undefined ? {} : { body }) }),
  });
  const answer = (await response.json()) as { status: number; body?: unknown; error?: string };
  if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${path}: ${answer.status} ${answer.error ?? JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The server clock of these tests. */
export const NOW = '2025-03-15T12:00:00Z';

/** Reseeds the server with a scenario, fixes its clock, clears faults. */
export async function reset(scenario: string, options: { now?: string } = {}): Promise<void> {
  await call('POST', '/__test/reset', { scenario, now: options.now ?? NOW });
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

export async function charges(account = 'acct_acme'): Promise<Ledger> {
  return (await call('GET', `/__test/charges?account=${account}`)) as Ledger;
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
