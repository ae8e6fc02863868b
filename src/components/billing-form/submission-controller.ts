import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IdempotencyKeys, SubmissionOutcome } from '../../domain/idempotency.js';
import type { PaymentSubmission, SubmitResult, TokenizedCard } from '../../domain/types.js';
import type { CardFields } from '../../adapters/adapter.js';

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
  send(submission: PaymentSubmission, idempotencyKey: string): Promise<SubmitResult>;
}

export type SubmissionAttempt = { ok: true; result: SubmitResult } | { ok: false; error: unknown };

/**
 * Exactly-once submission: one attempt in flight at a time (a second click or Enter finds it
 * busy, synchronously), one idempotency key per logical submission (kept for a retry after a
 * retryable failure, new after a definitive answer or changed data), and the hosted fields'
 * token of a retryable attempt reused, since a new token would be a new submission.
 */
export class SubmissionController implements ReactiveController {
  /** True while an attempt is in flight (rendered as the busy button). */
  submitting = false;
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
      const result = await request.send(submission, idempotencyKey);
      keys.settle('definitive');
      this.#retryToken = undefined;
      return { ok: true, result };
    } catch (error) {
      const outcome = request.rules.outcomeOfError(error);
      keys?.settle(outcome);
      if (outcome === 'definitive') this.#retryToken = undefined;
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
  }
}
