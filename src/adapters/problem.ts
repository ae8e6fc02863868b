/**
 * HTTP status + RFC 9457 problem details → BillingError, for adapters that speak the REST
 * contract (docs/rest-contract.md). No DOM, no UI.
 */
import { BILLING_ERROR_CODES, BillingError, codeForStatus, fieldErrorCodes, type BillingErrorCode } from '../domain/errors.js';
import type { ProblemDetails } from '../domain/schemas.js';

export { codeForStatus, fieldErrorCodes };

const DEFAULT_MESSAGES: Record<BillingErrorCode, string> = {
  card_declined: 'The card was declined.',
  invalid_request: 'The billing service refused the request.',
  unauthorized: 'The billing service refused access.',
  network: 'The billing service could not be reached.',
  timeout: 'The billing service did not answer in time.',
  rate_limited: 'Too many requests to the billing service.',
  server: 'The billing service failed.',
  invalid_response: 'The billing service sent an invalid response.',
};

// 12–19 digits, optionally grouped by spaces or dashes: anything that could be a card number.
const CARD_LIKE = /\d(?:[ -]?\d){11,18}/g;

/**
 * Removes anything that looks like a card number from a server-supplied text, so that a
 * careless server that echoes the submission cannot leak it into an error message.
 */
export function redactCardData(text: string): string {
  return text.replace(CARD_LIKE, '[redacted]');
}

function isBillingErrorCode(value: unknown): value is BillingErrorCode {
  return typeof value === 'string' && (BILLING_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Seconds to wait from a `Retry-After` header (delay-seconds or an HTTP date), or undefined
 * when absent or unreadable. `now` is epoch milliseconds.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The BillingError for an HTTP error response. A problem's `code` wins over the status when
 * it is one of the contract's codes; its `fieldErrors` are kept (redacted) for the form.
 */
export function errorFromResponse(
  request: string,
  status: number,
  problem: ProblemDetails | null,
  retryAfter?: number,
): BillingError {
  const code = isBillingErrorCode(problem?.code) ? problem.code : codeForStatus(status);
  const said = problem?.detail ?? problem?.title;
  const message = `${request} failed with HTTP ${status}: ${said ? redactCardData(said) : DEFAULT_MESSAGES[code]}`;
  let fieldErrors: Record<string, string> | undefined;
  if (problem?.fieldErrors) {
    fieldErrors = {};
    for (const [field, text] of Object.entries(problem.fieldErrors)) fieldErrors[redactCardData(field)] = redactCardData(text);
  }
  return new BillingError(code, message, {
    status,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  });
}

