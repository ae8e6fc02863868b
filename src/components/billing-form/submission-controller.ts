import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IdempotencyKeys } from '../../domain/idempotency.js';
import type { PaymentSubmission, SubmitResult, TokenizedCard } from '../../domain/types.js';
import type { CardFields } from '../../adapters/adapter.js';
import type { runSubmission } from './submission-run.js';

export { DEFAULT_SUBMIT_TIMEOUT_S } from './submit-timeout.js';

/** The part of the form's lazy engine that runs an attempt (submission-run.ts). */
export interface SubmissionRules {
  runSubmission: typeof runSubmission;
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

export type SubmissionAttempt =
  | { ok: true; result: SubmitResult }
  /** `unconfirmed`: no answer before the deadline (`timeout`): the card may or may not have been charged. */
  | { ok: false; error: unknown; unconfirmed: boolean };

/** What outlives one attempt: the idempotency keys, and a retryable attempt's hosted-fields token. */
export interface SubmissionMemory {
  keys?: IdempotencyKeys;
  retryToken?: TokenizedCard;
}

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
 *
 * The attempt itself runs in the form's lazy engine (submission-run.ts): this controller holds
 * only the state the element renders and what outlives an attempt.
 */
export class SubmissionController implements ReactiveController {
  /** True while an attempt is in flight (rendered as the busy button). */
  submitting = false;
  /** True when the last attempt ended without an answer (`timeout`): it may or may not have charged. */
  unconfirmed = false;
  readonly #memory: SubmissionMemory = {};

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
    try {
      const attempt = await request.rules.runSubmission(this.#memory, request);
      this.unconfirmed = !attempt.ok && attempt.unconfirmed;
      return attempt;
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  /** The hosted fields changed: the next attempt tokenizes them again. */
  forgetToken(): void {
    this.#memory.retryToken = undefined;
  }

  /** Forgets keys and token (the form was cleared, or another account is shown). */
  reset(): void {
    this.#memory.keys?.reset();
    this.#memory.retryToken = undefined;
    this.unconfirmed = false;
  }
}
