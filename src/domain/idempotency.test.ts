import { expect } from '@open-wc/testing';
import { BillingError } from './errors.js';
import { IdempotencyKeys, outcomeOfError, submissionFingerprint } from './idempotency.js';
import type { PaymentSubmission } from './types.js';

function counter(): () => string {
  let n = 0;
  return () => `key-${++n}`;
}

function submission(overrides: { number?: string; cvc?: string; email?: string } = {}): PaymentSubmission {
  return {
    mailing: {
      firstName: 'Ana',
      lastName: 'Lima',
      email: overrides.email ?? 'ana@example.com',
      address: { country: 'US', line1: '1 Main St', city: 'Springfield', region: 'US-IL', postalCode: '62701' },
    },
    billingAddress: { country: 'US', region: 'US-IL', postalCode: '62701' },
    card: { number: overrides.number ?? '4242424242424242', expMonth: 12, expYear: 2030, cvc: overrides.cvc ?? '314', name: 'Ana Lima' },
  };
}

describe('IdempotencyKeys', () => {
  it('reuses the key when the same data is retried after a retryable failure', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor('fp-a');
    keys.settle('retryable'); // e.g. network error: the charge may or may not have happened
    expect(keys.keyFor('fp-a')).to.equal(first);
    keys.settle('retryable'); // timeout again
    expect(keys.keyFor('fp-a')).to.equal(first);
  });

  it('reuses the key for a second submit while the first is still unsettled (double click)', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor('fp-a');
    expect(keys.keyFor('fp-a')).to.equal(first);
  });

  it('makes a new key when the data changed, even after a retryable failure', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor('fp-a');
    keys.settle('retryable');
    const second = keys.keyFor('fp-b');
    expect(second).to.not.equal(first);
    // and going back to the old data is a new submission too
    keys.settle('retryable');
    expect(keys.keyFor('fp-a')).to.not.equal(first);
  });

  it('makes a new key after a success', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor('fp-a');
    keys.settle('definitive');
    expect(keys.keyFor('fp-a')).to.not.equal(first);
  });

  it('makes a new key after a decline, then keeps it for retries of that attempt', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor('fp-a');
    keys.settle(outcomeOfError(new BillingError('card_declined', 'The card was declined.')));
    const second = keys.keyFor('fp-a');
    expect(second).to.not.equal(first);
    keys.settle(outcomeOfError(new BillingError('server', 'Server error.')));
    expect(keys.keyFor('fp-a')).to.equal(second);
  });

  it('makes a new key after reset()', () => {
    const keys = new IdempotencyKeys(counter());
    const first = keys.keyFor('fp-a');
    keys.reset();
    expect(keys.keyFor('fp-a')).to.not.equal(first);
  });

  it('ignores settle() before any key was handed out', () => {
    const keys = new IdempotencyKeys(counter());
    keys.settle('definitive');
    expect(keys.keyFor('fp-a')).to.equal('key-1');
  });

  it('makes random UUID v4 keys by default', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor('fp-a');
    keys.settle('definitive');
    const second = keys.keyFor('fp-a');
    expect(first).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).to.not.equal(first);
  });
});

describe('outcomeOfError', () => {
  it('treats answers the server decided as definitive', () => {
    for (const code of ['card_declined', 'invalid_request', 'unauthorized'] as const) {
      expect(outcomeOfError(new BillingError(code, 'x')), code).to.equal('definitive');
    }
  });

  it('treats unknown or temporary outcomes as retryable', () => {
    for (const code of ['network', 'timeout', 'rate_limited', 'server', 'invalid_response'] as const) {
      expect(outcomeOfError(new BillingError(code, 'x')), code).to.equal('retryable');
    }
    expect(outcomeOfError(new DOMException('aborted', 'AbortError'))).to.equal('retryable');
    expect(outcomeOfError(new TypeError('Failed to fetch'))).to.equal('retryable');
  });
});

describe('submissionFingerprint', () => {
  it('is 64 hex digits, equal for equal submissions', async () => {
    const a = await submissionFingerprint(submission());
    const b = await submissionFingerprint(submission());
    expect(a).to.match(/^[0-9a-f]{64}$/);
    expect(b).to.equal(a);
  });

  it('does not depend on key order or undefined members', async () => {
    const s = submission();
    const reordered: PaymentSubmission = {
      card: { name: 'Ana Lima', cvc: '314', expYear: 2030, expMonth: 12, number: '4242424242424242' },
      billingAddress: { postalCode: '62701', region: 'US-IL', country: 'US' },
      mailing: { ...s.mailing, company: undefined },
    };
    expect(await submissionFingerprint(reordered)).to.equal(await submissionFingerprint(s));
  });

  it('differs when the card number, security code or contact differs', async () => {
    const base = await submissionFingerprint(submission());
    expect(await submissionFingerprint(submission({ number: '4000056655665556' }))).to.not.equal(base);
    expect(await submissionFingerprint(submission({ cvc: '315' }))).to.not.equal(base);
    expect(await submissionFingerprint(submission({ email: 'ana@example.org' }))).to.not.equal(base);
  });

  it('contains neither the card number nor the security code, in any form', async () => {
    const fingerprint = await submissionFingerprint(submission({ number: '4242424242424242', cvc: '987' }));
    expect(fingerprint).to.not.contain('4242424242424242');
    expect(fingerprint).to.not.contain('424242');
    expect(fingerprint).to.not.contain(btoa('4242424242424242'));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('4242424242424242')));
    const plainHash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(fingerprint).to.not.equal(plainHash);
  });

  it('is keyed: it is not the plain SHA-256 of the canonical JSON, which could be brute-forced', async () => {
    const s = submission();
    const json = JSON.stringify({
      billingAddress: { city: 'Springfield', country: 'US', line1: '1 Main St', postalCode: '62701', region: 'US-IL' },
      card: { cvc: '314', expMonth: 12, expYear: 2030, name: 'Ana Lima', number: '4242424242424242' },
      mailing: {
        address: { city: 'Springfield', country: 'US', line1: '1 Main St', postalCode: '62701', region: 'US-IL' },
        email: 'ana@example.com',
        firstName: 'Ana',
        lastName: 'Lima',
      },
    });
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json)));
    const plainHash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(await submissionFingerprint(s)).to.not.equal(plainHash);
  });
});
