/**
 * The provider's lazy half: what it needs once an adapter call is under way. The response
 * schemas (zod), the dunning rules, "today" from the snapshot's clock, and the work around
 * each adapter call (validating answers, turning failures into BillingErrors). Loaded with the
 * first load, in parallel with it, so none of it weighs on the initial bundle of any entry;
 * submissions and downloads come later and find it loaded.
 */
import { BillingError, toBillingError } from '../../domain/errors.js';
import { parseSnapshotInSlices, parseSubmitResult } from '../../domain/schemas.js';
import { dunningState } from '../../domain/dunning.js';
import { today } from '../../domain/dates.js';
import type { BillingSnapshot, PaymentSubmission, SubmitResult } from '../../domain/types.js';
import type { BillingAdapter, CardFields } from '../../adapters/adapter.js';
import { raceAbort } from '../../adapters/abort.js';
import type { BillingState } from '../../context/billing-context.js';
import type { BillingProvider } from './billing-provider.js';

/** What the provider's initial half shares with this one: its element, the load in flight, its state. */
export interface ProviderHost {
  readonly element: BillingProvider;
  /** Numbers loads: only the newest one's answer counts. */
  sequence: number;
  /** Aborts the load in flight. */
  controller?: AbortController;
  /** The adapter the current snapshot came from. */
  loadedFrom?: BillingAdapter;
  /** Changes the shared state (a new state object when anything changed). */
  set(patch: Partial<BillingState>): void;
  /** The error state (the snapshot, if any, is kept) and `billing-error`. */
  fail(error: BillingError): void;
}

/** One load, started by the provider's refresh(): the adapter's answer is already on its way. */
export interface LoadJob {
  readonly adapter: BillingAdapter;
  readonly controller: AbortController;
  readonly sequence: number;
  readonly answer: Promise<unknown>;
  /** The provider's deadline, and whether it passed (the timer aborts the controller). */
  readonly seconds: number;
  timedOut: boolean;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** The state a new snapshot brings: ready, its dunning state and "today" by its clock. */
function snapshotPatch(snapshot: BillingSnapshot): Partial<BillingState> {
  return { status: 'ready', snapshot, error: null, loading: false, dunning: dunningState(snapshot), today: today(snapshot.now) };
}

/** Waits for a load's answer, validates it (in slices that yield) and publishes it, or the error state. Never throws. */
export async function finishLoad(host: ProviderHost, job: LoadJob): Promise<void> {
  const { controller, sequence } = job;
  try {
    const loaded = await raceAbort(job.answer, controller.signal);
    clearTimeout(job.timer);
    if (sequence !== host.sequence) return;
    const snapshot = await parseSnapshotInSlices(loaded, { signal: controller.signal });
    if (sequence !== host.sequence) return;
    host.loadedFrom = job.adapter;
    host.set(snapshotPatch(snapshot));
  } catch (error) {
    if (sequence !== host.sequence || (isAbort(error) && !job.timedOut)) return;
    host.fail(loadError(error, job.timedOut ? job.seconds : undefined));
  } finally {
    clearTimeout(job.timer);
    if (host.controller === controller) host.controller = undefined;
  }
}

/** A submission through the provider's adapter; its snapshot replaces the state (unless the adapter changed meanwhile). */
export async function submit(
  host: ProviderHost,
  adapter: BillingAdapter | undefined,
  submission: PaymentSubmission,
  options: { idempotencyKey: string; signal?: AbortSignal },
): Promise<SubmitResult> {
  const result = await submitThrough(adapter, submission, options);
  // Another adapter (another account) took over meanwhile: its state is not ours to replace.
  if (host.element.adapter !== adapter) return result;
  // A load that started before the card was replaced would bring back the old debt: drop it.
  host.controller?.abort();
  host.sequence++;
  host.set(snapshotPatch(result.snapshot));
  return result;
}

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
