import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IdempotencyKeys, SubmissionOutcome } from '../../domain/idempotency.js';
import type { PaymentSubmission, SubmitResult, TokenizedCard } from '../../domain/types.js';
import type { CardFields } from '../../adapters/adapter.js';
import { BillingError, isBillingError } from '../../domain/errors.js';

/**
 * Seconds a submission may go unanswered before the form aborts it (`submit-timeout`). Longer
 * than `HttpBillingAdapter`'s own 15 s deadline (which covers its retries), so an HTTP adapter
 * usually answers `timeout` itself; this catches adapters that never settle.
 */
export const DEFAULT_SUBMIT_TIMEOUT_S = 60;

/** The parts of the form's lazy engine a submission needs. */
export interface SubmissionRules {
  IdempotencyKeys: new () => IdempotencyKeys;
  submissionFingerprint(submission: PaymentSubmission): Promise<string>;
  outcomeOfError(error: unknown): SubmissionOutcome;
}

export interface SubmissionRequest {
  rules: SubmissionRules;
  /** The submission for the current values, with the hosted fields' token when there are some. */
  build(token: TokenizedCard | undefined): PaymentSubmission;
  /** Hosted card fields, when the adapter offers them. */
  cardFields: CardFields | undefined;
  /** Called once the attempt has its idempotency key, before it is sent. */
  keyed(idempotencyKey: string): void;
  /** Sends the submission; `signal` aborts when the deadline passes. */
  send(submission: PaymentSubmission, idempotencyKey: string, signal: AbortSignal): Promise<SubmitResult>;
  /** Seconds to wait for `send` (anything but a positive number: DEFAULT_SUBMIT_TIMEOUT_S). */
  timeoutSeconds?: number;
}

export type SubmissionAttempt = { ok: true; result: SubmitResult } | { ok: false; error: unknown };

/**
 * Exactly-once submission: one attempt in flight at a time (a second click or Enter finds it
 * busy, synchronously), one idempotency key per logical submission (kept for a retry after a
 * retryable failure, new after a definitive answer or changed data), and the hosted fields'
 * token of a retryable attempt reused, since a new token would be a new submission.
 *
 * Every attempt has a deadline: when `send` has not settled after `timeoutSeconds`, its signal
 * aborts and the attempt ends with a `timeout` BillingError. Its outcome is then unknown (the
 * card may or may not have been charged): `unconfirmed` says so until the next attempt, and
 * the idempotency key (and hosted token) is kept, so a retry with the same data is the same
 * submission to the adapter, which charges at most once.
 */
export class SubmissionController implements ReactiveController {
  /** True while an attempt is in flight (rendered as the busy button). */
  submitting = false;
  /** True when the last attempt ended without an answer (`timeout`): it may or may not have charged. */
  unconfirmed = false;
  #keys?: IdempotencyKeys;
  #retryToken?: TokenizedCard;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs one attempt; null when one is already in flight. */
  async submit(request: SubmissionRequest): Promise<SubmissionAttempt | null> {
    if (this.submitting) return null;
    this.submitting = true;
    this.unconfirmed = false;
    this.host.requestUpdate();
    let keys: IdempotencyKeys | undefined;
    try {
      const token = request.cardFields ? (this.#retryToken ??= await request.cardFields.tokenize()) : undefined;
      const submission = request.build(token);
      const fingerprint = await request.rules.submissionFingerprint(submission);
      this.#keys ??= new request.rules.IdempotencyKeys();
      const idempotencyKey = this.#keys.keyFor(fingerprint);
      keys = this.#keys;
      request.keyed(idempotencyKey);
      const result = await withDeadline(request, submission, idempotencyKey);
      keys.settle('definitive');
      this.#retryToken = undefined;
      return { ok: true, result };
    } catch (error) {
      const outcome = request.rules.outcomeOfError(error);
      keys?.settle(outcome);
      if (outcome === 'definitive') this.#retryToken = undefined;
      this.unconfirmed = isBillingError(error) && error.code === 'timeout';
      return { ok: false, error };
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  /** The hosted fields changed: the next attempt tokenizes them again. */
  forgetToken(): void {
    this.#retryToken = undefined;
  }

  /** Forgets keys and token (the form was cleared, or another account is shown). */
  reset(): void {
    this.#keys?.reset();
    this.#retryToken = undefined;
    this.unconfirmed = false;
  }
}

/** `request.send`, aborted through its signal and rejected with `timeout` once the deadline passes. */
async function withDeadline(request: SubmissionRequest, submission: PaymentSubmission, idempotencyKey: string): Promise<SubmitResult> {
  const seconds = request.timeoutSeconds !== undefined && request.timeoutSeconds > 0 ? request.timeoutSeconds : DEFAULT_SUBMIT_TIMEOUT_S;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new BillingError('timeout', `The billing service did not answer the submission within ${seconds} seconds.`);
      reject(error);
      controller.abort(error); // the adapter may stop its request
    }, seconds * 1000);
  });
  try {
    return await Promise.race([request.send(submission, idempotencyKey, controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
