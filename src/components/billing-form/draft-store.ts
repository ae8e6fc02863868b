/**
 * The form's draft in sessionStorage, one per account, so that a reload loses nothing typed.
 * Holds only what `draftOf` lets through (never the card number, expiry or security code).
 * Storage may be full, blocked or hold garbage: the draft is a convenience, never an error.
 */
const PREFIX = 'billing-elements:draft:';

export function readDraft(accountId: string): unknown {
  try {
    return JSON.parse(sessionStorage.getItem(PREFIX + accountId) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

export function writeDraft(accountId: string, draft: object): void {
  try {
    sessionStorage.setItem(PREFIX + accountId, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: nothing to do.
  }
}

export function removeDraft(accountId: string): void {
  try {
    sessionStorage.removeItem(PREFIX + accountId);
  } catch {
    // Blocked storage: nothing was kept.
  }
}
