/**
 * A test adapter with processor-hosted card fields: `mountCardFields(container)` puts a REAL
 * same-origin `<iframe>` (test/fixtures/hosted-card-frame.html, a separate document with its own
 * card inputs) into the container the form gives it, tracks whether the card typed there is
 * complete, and tokenizes it — so the page hosting `<billing-form>` never holds the raw card.
 * Card checks use the project's own domain rules (src/domain/card.ts).
 */
import { describeCardNumber, digitsOnly, parseExpiry, validateCardNumber, validateExpiry, validateSecurityCode } from '../src/domain/card.js';
import { BillingError } from '../src/domain/errors.js';
import type { BillingSnapshot, PaymentSubmission, SubmitResult, TokenizedCard } from '../src/domain/types.js';
import type { CardFields } from '../src/adapters/adapter.js';
import { StaticAdapter, TODAY } from './helpers.js';

/** The page the hosted-fields iframe loads (served by the test runner, same origin). */
export const HOSTED_CARD_FRAME_URL = new URL('./fixtures/hosted-card-frame.html', import.meta.url).href;

/** What a test types into the hosted fields (any field left out is not touched). */
export interface HostedCardInput {
  number?: string;
  expiry?: string;
  cvc?: string;
}

/** One mount: the container the form gave, the iframe put in it and the fields handed back. */
export interface HostedMount {
  container: HTMLElement;
  iframe: HTMLIFrameElement;
  fields: CardFields;
  destroyed: boolean;
}

function frameInputs(iframe: HTMLIFrameElement): { number: HTMLInputElement; expiry: HTMLInputElement; cvc: HTMLInputElement } {
  const doc = iframe.contentDocument;
  if (!doc) throw new BillingError('invalid_request', 'The hosted card frame is not readable (not same-origin or not loaded).');
  const get = (name: string) => {
    const input = doc.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new BillingError('invalid_request', `The hosted card frame has no ${name} input.`);
    return input;
  };
  return { number: get('number'), expiry: get('expiry'), cvc: get('cvc') };
}

/** Types into the hosted fields of `iframe` as a user would (value + an `input` event from the frame's realm). */
export function fillHostedCard(iframe: HTMLIFrameElement, card: HostedCardInput): void {
  const inputs = frameInputs(iframe);
  const FrameEvent = (iframe.contentWindow as (Window & typeof globalThis) | null)?.Event ?? Event;
  for (const name of ['number', 'expiry', 'cvc'] as const) {
    const value = card[name];
    if (value === undefined) continue;
    inputs[name].value = value;
    inputs[name].dispatchEvent(new FrameEvent('input', { bubbles: true }));
  }
}

/**
 * `StaticAdapter` plus hosted card fields. Records every mount, every token issued and every
 * submission; a submission answers with the snapshot whose payment method is the tokenized card
 * (status `pending`).
 */
export class HostedCardFieldsAdapter extends StaticAdapter {
  readonly mounts: HostedMount[] = [];
  readonly tokens: TokenizedCard[] = [];
  readonly submissions: { submission: PaymentSubmission; idempotencyKey: string }[] = [];
  readonly #today: string;
  readonly #src: string;

  /**
   * @param data the snapshot `load()` answers with
   * @param options.today the calendar date expiry is checked against (default: helpers' TODAY)
   * @param options.src the page the iframe loads (default: the fixture)
   */
  constructor(data: unknown, options: { today?: string; src?: string } = {}) {
    super(data);
    this.#today = options.today ?? TODAY;
    this.#src = options.src ?? HOSTED_CARD_FRAME_URL;
  }

  /** Calls of mountCardFields, counted when they start (a frame removed while loading never finishes). */
  mountCalls = 0;

  async mountCardFields(container: HTMLElement): Promise<CardFields> {
    this.mountCalls++;
    const iframe = document.createElement('iframe');
    iframe.title = 'Card details';
    iframe.setAttribute('data-test-hosted-card-frame', '');
    iframe.style.border = '0';
    iframe.style.inlineSize = '100%';
    iframe.style.blockSize = '10rem';
    const loaded = new Promise<void>((resolve, reject) => {
      iframe.addEventListener('load', () => resolve(), { once: true });
      iframe.addEventListener('error', () => reject(new BillingError('network', 'The hosted card frame did not load.')), { once: true });
    });
    iframe.src = this.#src;
    container.append(iframe);
    await loaded;
    const inputs = frameInputs(iframe);

    const today = this.#today;
    const isComplete = (): boolean => {
      const brand = describeCardNumber(inputs.number.value).brand;
      return (
        validateCardNumber(inputs.number.value) === 'ok' &&
        validateExpiry(inputs.expiry.value, today) === 'ok' &&
        validateSecurityCode(inputs.cvc.value, brand) === 'ok'
      );
    };
    const listeners: ((complete: boolean) => void)[] = [];
    let complete = isComplete();
    iframe.contentDocument!.addEventListener('input', () => {
      const now = isComplete();
      if (now === complete) return;
      complete = now;
      for (const listener of listeners) listener(now);
    });

    const mount: HostedMount = { container, iframe, destroyed: false, fields: undefined as unknown as CardFields };
    const fields: CardFields = {
      tokenize: async () => {
        // Never put what was typed into the message.
        if (!isComplete()) throw new BillingError('invalid_request', 'The hosted card fields are not complete.', { fieldErrors: { 'card.token': 'incomplete' } });
        const card = describeCardNumber(inputs.number.value);
        const expiry = parseExpiry(inputs.expiry.value)!;
        const token: TokenizedCard = {
          token: `tok_test_${String(this.tokens.length + 1).padStart(4, '0')}`,
          brand: card.brand!,
          last4: digitsOnly(inputs.number.value).slice(-4),
          expMonth: expiry.month,
          expYear: expiry.year,
          name: '',
        };
        this.tokens.push(token);
        return { ...token };
      },
      isComplete: () => complete,
      onChange: (listener) => {
        listeners.push(listener);
      },
      destroy: () => {
        mount.destroyed = true;
        iframe.remove();
      },
    };
    mount.fields = fields;
    this.mounts.push(mount);
    return fields;
  }

  override async submitPaymentMethod(submission: PaymentSubmission, options?: { idempotencyKey: string }): Promise<SubmitResult> {
    this.submissions.push({ submission: structuredClone(submission), idempotencyKey: options?.idempotencyKey ?? '' });
    const next = structuredClone(this.data) as BillingSnapshot;
    const card = submission.card;
    if ('token' in card) {
      next.paymentMethod = { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, status: 'pending' };
    }
    return { snapshot: next };
  }
}
