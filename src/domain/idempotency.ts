/**
 * Idempotency keys for payment-method submissions: one key per logical submission, so that a
 * retry after a lost response cannot charge the card twice, while a new submission (other
 * data, or after a definitive answer) is never mistaken for a replay. No DOM.
 */
import { canonicalJson } from './canonical-json.js';
import { isBillingError } from './errors.js';
import type { PaymentSubmission } from './types.js';

/**
 * How an attempt ended, for the key's sake:
 * - `definitive`: the server decided (success, `card_declined`, `invalid_request`,
 *   `unauthorized`); sending again is a new submission and needs a new key.
 * - `retryable`: the outcome is unknown or temporary (network, timeout, rate_limited, server,
 *   an unreadable response, an abort); sending the same data again must reuse the key so the
 *   server can answer with the first attempt's result instead of charging again.
 */
export type SubmissionOutcome = 'definitive' | 'retryable';

type Attempt = { key: string; fingerprint: string; outcome: SubmissionOutcome | 'unsettled' };

/**
 * Hands out idempotency keys, one per logical submission.
 *
 * `keyFor(fingerprint)` returns the previous key when the fingerprint equals the previous
 * one and the previous attempt is unsettled (a double click) or ended `retryable`; otherwise
 * a fresh key. Call `settle()` when the attempt ends. Keys and fingerprints stay in memory.
 */
export class IdempotencyKeys {
  #makeKey: () => string;
  #last: Attempt | null = null;

  constructor(makeKey: () => string = randomKey) {
    this.#makeKey = makeKey;
  }

  /** The key for a submission whose data hashes to `fingerprint` (see `submissionFingerprint`). */
  keyFor(fingerprint: string): string {
    const last = this.#last;
    if (last && last.fingerprint === fingerprint && last.outcome !== 'definitive') {
      last.outcome = 'unsettled';
      return last.key;
    }
    const key = this.#makeKey();
    this.#last = { key, fingerprint, outcome: 'unsettled' };
    return key;
  }

  /** Records how the latest attempt ended. */
  settle(outcome: SubmissionOutcome): void {
    if (this.#last) this.#last.outcome = outcome;
  }

  /** Forgets the latest attempt: the next `keyFor` makes a new key. */
  reset(): void {
    this.#last = null;
  }
}

/**
 * The outcome (for `IdempotencyKeys.settle`) of an attempt that rejected with `error`.
 * `invalid_response` counts as retryable on purpose: the server answered, so the card may
 * have been charged; a retry must carry the same key.
 */
export function outcomeOfError(error: unknown): SubmissionOutcome {
  if (!isBillingError(error)) return 'retryable';
  switch (error.code) {
    case 'card_declined':
    case 'invalid_request':
    case 'unauthorized':
      return 'definitive';
    default:
      return 'retryable';
  }
}

/** A random UUID v4; falls back to `getRandomValues` where `randomUUID` is missing (http pages). */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let fingerprintKey: Promise<CryptoKey> | null = null;

/**
 * A fingerprint of everything in `submission` (contact, addresses, card), as 64 hex digits:
 * HMAC-SHA-256 of its canonical JSON under a random key made once per page and never
 * extractable. Equal submissions give equal fingerprints within the page; any changed field,
 * card number and security code included, gives another.
 *
 * Why this is safe to hold: the card number and security code enter only the hash input and
 * the canonical JSON is dropped at once; a hash cannot be turned back into its input. A plain
 * SHA-256 would not be enough on its own, because card numbers are guessable (issuer prefix,
 * last four and the Luhn digit leave about 10^6 candidates), so a leaked plain hash could be
 * brute-forced; the secret, per-page HMAC key makes the fingerprint worthless outside this
 * page's memory. It is still only for comparing with the previous attempt: never log, send
 * or store it.
 *
 * Needs `crypto.subtle`, i.e. a secure context (https or localhost) — as card entry does.
 */
export async function submissionFingerprint(submission: PaymentSubmission): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('submissionFingerprint needs crypto.subtle: serve the page over https (or localhost).');
  fingerprintKey ??= (subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) as Promise<CryptoKey>).catch(
    (error: unknown) => {
      fingerprintKey = null;
      throw error;
    },
  );
  const key = await fingerprintKey;
  const mac = await subtle.sign('HMAC', key, new TextEncoder().encode(canonicalJson(submission)));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}
