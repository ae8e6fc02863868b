/**
 * Test cards every shipped backend honours the same way: MemoryBillingAdapter, the reference
 * server, the demo's hints and the tests all read them from here. No DOM.
 */

/** A valid Visa number that is always declined (`card_declined`). */
export const DECLINED_CARD_NUMBER = '4000000000000002';

/** Processor tokens (hosted card fields) starting with this are declined too. */
export const DECLINED_TOKEN_PREFIX = 'tok_declined';

/** Whether a submitted card (raw digits or a processor token) is one of the declined test cards. */
export function isDeclinedTestCard(card: { number: string } | { token: string }): boolean {
  return 'token' in card ? card.token.startsWith(DECLINED_TOKEN_PREFIX) : card.number.replace(/[\s-]/g, '') === DECLINED_CARD_NUMBER;
}
