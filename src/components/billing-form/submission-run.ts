/**
 * One submission attempt, for SubmissionController (see there for the rules): part of the
 * form's lazy engine (billing-form.engine.ts), since no attempt can start before it loads.
 */
import { BillingError, isBillingError } from '../../domain/errors.js';
import { IdempotencyKeys, outcomeOfError, submissionFingerprint } from '../../domain/idempotency.js';
import type { PaymentSubmission, SubmitResult } from '../../domain/types.js';
import type { SubmissionAttempt, SubmissionMemory, SubmissionRequest } from './submission-controller.js';
import { DEFAULT_SUBMIT_TIMEOUT_S } from './submit-timeout.js';

/** Runs one attempt with `memory`'s keys and token; never rejects. */
export async function runSubmission(memory: SubmissionMemory, request: SubmissionRequest): Promise<SubmissionAttempt> {
  let keys: IdempotencyKeys | undefined;
  try {
    const token = request.cardFields ? (memory.retryToken ??= await request.cardFields.tokenize()) : undefined;
    const submission = request.build(token);
    const fingerprint = await submissionFingerprint(submission);
    memory.keys ??= new IdempotencyKeys();
    const idempotencyKey = memory.keys.keyFor(fingerprint);
    keys = memory.keys;
    request.keyed(idempotencyKey);
    const result = await withDeadline(request, submission, idempotencyKey);
    keys.settle('definitive');
    memory.retryToken = undefined;
    return { ok: true, result };
  } catch (error) {
    const outcome = outcomeOfError(error);
    keys?.settle(outcome);
    if (outcome === 'definitive') memory.retryToken = undefined;
    return { ok: false, error, unconfirmed: isBillingError(error) && error.code === 'timeout' };
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
