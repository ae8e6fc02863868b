/**
 * The provider's lazy half: what it needs once an adapter call is under way. The response
 * schemas (zod), the dunning rules, "today" from the snapshot's clock, and the work around
 * each adapter call (validating answers, turning failures into BillingErrors). Loaded with the
 * first load, in parallel with it, so none of it weighs on the initial bundle of any entry;
 * submissions and downloads come later and find it loaded.
 */
import { BillingError, toBillingError } from '../../domain/errors.js';
import { parseSubmitResult } from '../../domain/schemas.js';
import type { PaymentSubmission, SubmitResult } from '../../domain/types.js';
import type { BillingAdapter, CardFields } from '../../adapters/adapter.js';

export { parseSnapshotInSlices } from '../../domain/schemas.js';
export { dunningState } from '../../domain/dunning.js';
export { today } from '../../domain/dates.js';
export { raceAbort } from '../../adapters/abort.js';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function requireAdapter(adapter: BillingAdapter | undefined): BillingAdapter {
  if (!adapter) throw new BillingError('invalid_request', '<billing-provider> has no adapter.');
  return adapter;
}

/** What a failed load becomes: `timeout` when the provider's deadline passed, else the error as a BillingError. */
export function loadError(error: unknown, timedOutAfter: number | undefined): BillingError {
  return timedOutAfter !== undefined
    ? new BillingError('timeout', `The billing service did not answer within ${timedOutAfter} seconds.`)
    : toBillingError(error);
}

/** The adapter's submission, its answer validated; failures as BillingErrors (an abort passes through). */
export async function submitThrough(
  adapter: BillingAdapter | undefined,
  submission: PaymentSubmission,
  options: { idempotencyKey: string; signal?: AbortSignal },
): Promise<SubmitResult> {
  try {
    return parseSubmitResult(await requireAdapter(adapter).submitPaymentMethod(submission, options));
  } catch (error) {
    if (isAbort(error)) throw error;
    throw toBillingError(error);
  }
}

/** The adapter's PDF, checked to be a non-empty Blob and typed application/pdf. */
export async function downloadThrough(adapter: BillingAdapter | undefined, invoiceId: string, options?: { signal?: AbortSignal }): Promise<Blob> {
  let blob: Blob;
  try {
    blob = await requireAdapter(adapter).downloadInvoice(invoiceId, options);
  } catch (error) {
    if (isAbort(error)) throw error;
    throw toBillingError(error);
  }
  if (!(blob instanceof Blob) || blob.size === 0) {
    throw new BillingError('invalid_response', 'Invalid invoice download: expected a non-empty PDF Blob.');
  }
  return blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' });
}

/** The adapter's hosted card fields, mounted in `container`. */
export function mountThrough(adapter: BillingAdapter | undefined, container: HTMLElement): Promise<CardFields> {
  const mount = requireAdapter(adapter).mountCardFields;
  if (!mount) return Promise.reject(new BillingError('invalid_request', 'This adapter has no hosted card fields.'));
  return mount.call(adapter, container);
}
