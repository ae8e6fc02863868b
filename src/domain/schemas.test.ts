import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import { BillingError } from './errors.js';
import {
  formatIssuePath,
  invoiceSchema,
  parsePaymentSubmission,
  parseProblemDetails,
  parseSnapshot,
  parseSnapshotInSlices,
  parseSubmitResult,
  paymentSubmissionSchema,
  problemDetailsSchema,
  snapshotSchema,
  submitResultSchema,
  type ProblemDetails,
} from './schemas.js';
import type { BillingSnapshot, Invoice, PaymentSubmission, SubmitResult } from './types.js';

// Compile-time: what the schemas infer fits the contract types.
const inferredFitsContract = (
  snapshot: z.infer<typeof snapshotSchema>,
  invoice: z.infer<typeof invoiceSchema>,
  result: z.infer<typeof submitResultSchema>,
  submission: z.infer<typeof paymentSubmissionSchema>,
  problem: z.infer<typeof problemDetailsSchema>,
): [BillingSnapshot, Invoice, SubmitResult, PaymentSubmission, ProblemDetails] => [snapshot, invoice, result, submission, problem];

type Json = Record<string, unknown>;

function validSnapshot(): Json {
  return {
    now: '2024-03-01T12:00:00Z',
    account: {
      id: 'acct_1',
      name: 'Acme Inc.',
      currency: 'USD',
      suspended: false,
      userCap: 5,
      nextChargeDate: '2024-04-01',
      organizations: [
        { id: 'org_1', name: 'Acme EU' },
        { id: 'org_2', name: 'Acme US' },
      ],
    },
    viewer: { canManageBilling: true },
    paymentMethod: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2027, status: 'active' },
    invoices: [
      { id: 'inv_1', number: 'INV-1', finalizedAt: '2024-01-01T00:00:00Z', dueDate: '2024-01-31', status: 'open', currency: 'USD', amountBilled: 1000, amountPaid: 0, amountOwed: 1000 },
      { id: 'inv_2', number: 'INV-2', finalizedAt: '2024-02-01', dueDate: '2024-03-02', status: 'partially_paid', currency: 'USD', amountBilled: 1000, amountPaid: 400, amountOwed: 600 },
      { id: 'inv_3', number: 'INV-3', finalizedAt: '2023-12-01T08:00:00+02:00', dueDate: '2023-12-31', status: 'paid', currency: 'USD', amountBilled: 1000, amountPaid: 1000, amountOwed: 0 },
      { id: 'inv_4', number: 'INV-4', finalizedAt: '2023-11-01T00:00:00Z', dueDate: '2023-12-01', status: 'paid', currency: 'USD', amountBilled: 0, amountPaid: 0, amountOwed: 0 },
    ],
  };
}

/** A deep copy of a valid snapshot with `edit` applied. */
function snapshotWith(edit: (s: any) => void): Json {
  const s = structuredClone(validSnapshot());
  edit(s);
  return s;
}

function responseError(fn: () => unknown): BillingError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(BillingError);
    return error as BillingError;
  }
  throw new Error('expected a BillingError');
}

describe('parseSnapshot', () => {
  it('accepts a valid snapshot and returns its data', () => {
    const parsed = parseSnapshot(validSnapshot());
    expect(parsed).to.deep.equal(validSnapshot());
    expect(inferredFitsContract(parsed, parsed.invoices[0]!, { snapshot: parsed }, null as never, null as never)[0]).to.equal(parsed);
  });

  it('accepts the minimal shape: no now, no suspended, null card and cap, no invoices', () => {
    const minimal = snapshotWith((s) => {
      delete s.now;
      delete s.account.suspended;
      s.account.userCap = null;
      s.account.organizations = [];
      s.paymentMethod = null;
      s.invoices = [];
    });
    expect(parseSnapshot(minimal)).to.deep.equal(minimal);
  });

  it('drops unknown keys', () => {
    const parsed = parseSnapshot(snapshotWith((s) => {
      s.extra = 1;
      s.paymentMethod.number = '4242424242424242';
    }));
    expect(parsed).not.to.have.property('extra');
    expect(parsed.paymentMethod).not.to.have.property('number');
  });

  const SECRET = '4111111111111111';
  const malformed: [string, (s: any) => void, string][] = [
    ['the body is not an object', () => {}, '(root): expected object'],
    ['account is missing', (s) => delete s.account, 'account: expected object'],
    ['an invoice does not add up', (s) => (s.invoices[3] = { ...s.invoices[3], amountBilled: 1000 }), 'invoices[3].amountOwed: amountBilled must equal amountPaid + amountOwed'],
    ['an amount is negative', (s) => Object.assign(s.invoices[1], { amountPaid: -400, amountOwed: 1400 }), 'invoices[1].amountPaid: must be a non-negative safe integer'],
    ['an amount is fractional', (s) => Object.assign(s.invoices[0], { amountBilled: 10.5, amountOwed: 10.5 }), 'invoices[0].amountBilled: must be a non-negative safe integer'],
    ['an amount is beyond the safe range', (s) => Object.assign(s.invoices[0], { amountBilled: 2 ** 53, amountOwed: 2 ** 53 }), 'invoices[0].amountBilled: must be a non-negative safe integer'],
    ['an amount is a string', (s) => (s.invoices[0].amountOwed = SECRET), 'invoices[0].amountOwed: expected number'],
    ['"paid" while something is owed', (s) => (s.invoices[0].status = 'paid'), 'invoices[0].status: must be "open" when amountPaid is 0 and amountOwed is above 0'],
    ['"open" while partly paid', (s) => (s.invoices[1].status = 'open'), 'invoices[1].status: must be "partially_paid" when amountPaid and amountOwed are both above 0'],
    ['"partially_paid" while nothing is owed', (s) => (s.invoices[2].status = 'partially_paid'), 'invoices[2].status: must be "paid" when amountOwed is 0'],
    ['an unknown status', (s) => (s.invoices[0].status = SECRET), 'invoices[0].status: must be one of "open", "partially_paid", "paid"'],
    ['a due date that does not exist', (s) => (s.invoices[2].dueDate = '2023-02-29'), 'invoices[2].dueDate: must be a calendar date YYYY-MM-DD'],
    ['a due date with a time', (s) => (s.invoices[2].dueDate = '2023-02-28T00:00:00Z'), 'invoices[2].dueDate: must be a calendar date YYYY-MM-DD'],
    ['finalizedAt is not ISO 8601', (s) => (s.invoices[1].finalizedAt = SECRET), 'invoices[1].finalizedAt: must be an ISO 8601 date or date-time'],
    ['a lower-case currency', (s) => (s.account.currency = 'usd'), 'account.currency: must be a 3-letter uppercase ISO 4217 code'],
    ['an unknown currency code', (s) => (s.account.currency = 'XYZ'), 'account.currency: must be a known ISO 4217 currency code'],
    ['an invoice in an unknown currency', (s) => (s.invoices[1].currency = 'ABC'), 'invoices[1].currency: must be a known ISO 4217 currency code'],
    ['an invoice in another currency', (s) => (s.invoices[2].currency = 'EUR'), 'invoices[2].currency: must equal account.currency'],
    ['two invoices with one id', (s) => (s.invoices[2].id = 'inv_1'), 'invoices[2].id: must be unique among the invoices'],
    ['an empty invoice id', (s) => (s.invoices[0].id = ' '), 'invoices[0].id: must be a non-empty string of at most 200 characters'],
    ['a card number where last4 belongs', (s) => (s.paymentMethod.last4 = SECRET), 'paymentMethod.last4: must be exactly 4 digits'],
    ['expMonth 13', (s) => (s.paymentMethod.expMonth = 13), 'paymentMethod.expMonth: must be an integer from 1 to 12'],
    ['expMonth 0', (s) => (s.paymentMethod.expMonth = 0), 'paymentMethod.expMonth: must be an integer from 1 to 12'],
    ['an unknown card status', (s) => (s.paymentMethod.status = 'deleted'), 'paymentMethod.status: must be one of "active", "pending"'],
    ['paymentMethod missing instead of null', (s) => delete s.paymentMethod, 'paymentMethod: expected object'],
    ['a negative user cap', (s) => (s.account.userCap = -1), 'account.userCap: must be a non-negative safe integer'],
    ['a bad next charge date', (s) => (s.account.nextChargeDate = '2024-04-31'), 'account.nextChargeDate: must be a calendar date YYYY-MM-DD'],
    ['suspended as a string', (s) => (s.account.suspended = 'yes'), 'account.suspended: expected boolean'],
    ['an organization without id', (s) => delete s.account.organizations[1].id, 'account.organizations[1].id: expected string'],
    ['viewer role as a string', (s) => (s.viewer.canManageBilling = 'true'), 'viewer.canManageBilling: expected boolean'],
    ['now is not ISO 8601', (s) => (s.now = 'Fri, 01 Mar 2024 12:00:00 GMT'), 'now: must be an ISO 8601 date or date-time'],
    ['invoices is not an array', (s) => (s.invoices = {}), 'invoices: expected array'],
  ];

  for (const [what, edit, message] of malformed) {
    it(`rejects when ${what}, naming the path`, () => {
      const data = what === 'the body is not an object' ? SECRET : snapshotWith(edit);
      const error = responseError(() => parseSnapshot(data));
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.equal(`Invalid billing response: ${message}`);
      expect(error.message).not.to.contain(SECRET);
      expect(error.cause).to.equal(undefined);
    });
  }

  it('reports the first bad field in document order', () => {
    const error = responseError(() => parseSnapshot(snapshotWith((s) => {
      s.account.currency = 'dollars';
      s.invoices[3].amountOwed = -1;
    })));
    expect(error.message).to.match(/^Invalid billing response: account\.currency: /);
  });
});

describe('parseSnapshotInSlices', () => {
  /** A valid snapshot with `count` invoices (the four of validSnapshot, then paid ones). */
  function big(count: number, edit: (s: any) => void = () => {}): Json {
    return snapshotWith((s) => {
      for (let i = s.invoices.length; i < count; i++) {
        s.invoices.push({ id: `inv_${i + 1}`, number: `INV-${i + 1}`, finalizedAt: '2023-06-01T10:00:00.000Z', dueDate: '2023-07-01', status: 'paid', currency: 'USD', amountBilled: 100 + i, amountPaid: 100 + i, amountOwed: 0 });
      }
      edit(s);
    });
  }

  async function sliceError(data: unknown): Promise<BillingError> {
    try {
      await parseSnapshotInSlices(data);
    } catch (error) {
      expect(error).to.be.instanceOf(BillingError);
      return error as BillingError;
    }
    throw new Error('expected a BillingError');
  }

  it('returns what parseSnapshot returns, for a small and a large snapshot', async () => {
    for (const count of [4, 4500]) {
      const withExtra = big(count, (s) => {
        s.invoices[count - 1].extra = 'dropped';
        s.extra = 'dropped';
      });
      expect(await parseSnapshotInSlices(structuredClone(withExtra))).to.deep.equal(parseSnapshot(structuredClone(withExtra)));
    }
  });

  it('rejects every malformed large snapshot with the message parseSnapshot gives, in any slice', async () => {
    const edits: [string, (s: any) => void][] = [
      ['a sum that does not add up', (s) => (s.invoices[3001].amountBilled = 1)],
      ['a status that does not fit', (s) => (s.invoices[2999].status = 'open')],
      ['an unknown status', (s) => (s.invoices[1000].status = 'void')],
      ['a negative amount', (s) => Object.assign(s.invoices[4400], { amountPaid: -1, amountBilled: 99 })],
      ['a fractional amount', (s) => Object.assign(s.invoices[10], { amountBilled: 10.5, amountPaid: 10.5 })],
      ['an amount as a string', (s) => (s.invoices[2500].amountOwed = '0')],
      ['a date that does not exist', (s) => (s.invoices[4499].dueDate = '2023-02-29')],
      ['a finalizedAt at hour 24', (s) => (s.invoices[3333].finalizedAt = '2023-06-01T24:00:00Z')],
      ['a blank id', (s) => (s.invoices[1234].id = '  ')],
      ['a long number', (s) => (s.invoices[1234].number = 'N'.repeat(201))],
      ['an unknown currency', (s) => (s.invoices[4000].currency = 'XYZ')],
      ['another currency', (s) => (s.invoices[4001].currency = 'EUR')],
      ['a repeated id', (s) => (s.invoices[4002].id = 'inv_7')],
      ['an invoice that is not an object', (s) => (s.invoices[2000] = null)],
      ['a bad account beside bad invoices', (s) => ((s.account.currency = 'usd'), (s.invoices[3000].amountOwed = -5))],
    ];
    for (const [what, edit] of edits) {
      const data = big(4500, edit);
      let expected: BillingError | undefined;
      try {
        parseSnapshot(structuredClone(data));
      } catch (error) {
        expected = error as BillingError;
      }
      expect(expected, what).to.be.instanceOf(BillingError);
      const error = await sliceError(data);
      expect(error.code, what).to.equal('invalid_response');
      expect(error.message, what).to.equal(expected!.message);
    }
  });

  it('accepts what the schema accepts even off the fast path (offsets, one-digit fractions)', async () => {
    const data = big(4500, (s) => {
      s.invoices[3500].finalizedAt = '2023-06-01T10:00:00+02:00';
      s.invoices[3501].finalizedAt = '2023-06-01T10:00:00.5Z';
    });
    expect(await parseSnapshotInSlices(structuredClone(data))).to.deep.equal(parseSnapshot(structuredClone(data)));
  });

  it('does not check the same validated snapshot twice, and checks a copy', async () => {
    const validated = parseSnapshot(validSnapshot());
    expect(await parseSnapshotInSlices(validated)).to.equal(validated);
    const copy = structuredClone(validated);
    expect(await parseSnapshotInSlices(copy)).not.to.equal(copy);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const pending = parseSnapshotInSlices(big(200_000), { signal: controller.signal });
    controller.abort();
    // 200,000 invoices take far longer than one 12 ms slice: the check yields, sees the abort and stops.
    const error = await pending.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect((error as DOMException | null)?.name).to.equal('AbortError');
  });
});

describe('parseSubmitResult', () => {
  it('accepts a snapshot with and without charged', () => {
    const withCharge = { snapshot: validSnapshot(), charged: { amount: 1600, currency: 'USD' } };
    expect(parseSubmitResult(withCharge)).to.deep.equal(withCharge);
    expect(parseSubmitResult({ snapshot: validSnapshot() })).to.deep.equal({ snapshot: validSnapshot() });
  });

  it('names paths inside the nested snapshot', () => {
    const error = responseError(() => parseSubmitResult({ snapshot: snapshotWith((s) => (s.invoices[1].amountPaid = 401)) }));
    expect(error.code).to.equal('invalid_response');
    expect(error.message).to.equal('Invalid billing response: snapshot.invoices[1].amountOwed: amountBilled must equal amountPaid + amountOwed');
  });

  it('rejects a negative or malformed charge', () => {
    expect(responseError(() => parseSubmitResult({ snapshot: validSnapshot(), charged: { amount: -1, currency: 'USD' } })).message).to.equal(
      'Invalid billing response: charged.amount: must be a non-negative safe integer',
    );
    expect(responseError(() => parseSubmitResult({ snapshot: validSnapshot(), charged: { amount: 1, currency: 'US' } })).message).to.equal(
      'Invalid billing response: charged.currency: must be a 3-letter uppercase ISO 4217 code',
    );
  });

  it('rejects a missing snapshot', () => {
    expect(responseError(() => parseSubmitResult({ charged: { amount: 1, currency: 'USD' } })).message).to.equal('Invalid billing response: snapshot: expected object');
  });
});

describe('parseProblemDetails', () => {
  it('reads an RFC 9457 body with a billing code and field errors', () => {
    const body = {
      type: 'https://billing.example.com/problems/invalid-request',
      title: 'Invalid request',
      status: 422,
      detail: 'The postal code does not match the country.',
      instance: '/billing/payment-method',
      code: 'invalid_request',
      fieldErrors: { 'billingAddress.postalCode': 'invalid' },
    };
    expect(parseProblemDetails(body)).to.deep.equal(body);
  });

  it('needs only title, status and code, and drops extension members', () => {
    expect(parseProblemDetails({ title: 'Declined', status: 402, code: 'card_declined', balance: 30 })).to.deep.equal({ title: 'Declined', status: 402, code: 'card_declined' });
  });

  it('accepts every billing error code', () => {
    for (const code of ['card_declined', 'invalid_request', 'unauthorized', 'network', 'timeout', 'rate_limited', 'server', 'invalid_response']) {
      expect(parseProblemDetails({ title: 't', status: 400, code })?.code).to.equal(code);
    }
  });

  it('is null for anything that is not a billing problem', () => {
    expect(parseProblemDetails('<html>Bad gateway</html>')).to.equal(null);
    expect(parseProblemDetails(null)).to.equal(null);
    expect(parseProblemDetails({ title: 'x', status: 500 })).to.equal(null);
    expect(parseProblemDetails({ title: 'x', status: 500, code: 'teapot' })).to.equal(null);
    expect(parseProblemDetails({ status: 500, code: 'server' })).to.equal(null);
    expect(parseProblemDetails({ title: 'x', status: 99, code: 'server' })).to.equal(null);
    expect(parseProblemDetails({ title: 'x', status: 500, code: 'server', fieldErrors: { a: 1 } })).to.equal(null);
  });
});

describe('parsePaymentSubmission', () => {
  const CARD = '4242424242424242';
  const CVC = '987';
  const address = { country: 'US', line1: '1 Main St', city: 'Springfield', region: 'US-IL', postalCode: '62701' };
  const mailing = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', company: 'Acme', address };
  const rawSubmission = () => structuredClone({ mailing, billingAddress: { country: 'DE', postalCode: '10115' }, card: { number: CARD, expMonth: 12, expYear: 2030, cvc: CVC, name: 'Ada Lovelace' } });
  const tokenSubmission = () => structuredClone({ mailing, billingAddress: { country: 'US', region: 'US-IL', postalCode: '62701' }, card: { token: 'tok_123', brand: 'visa', last4: '4242', expMonth: 1, expYear: 2031, name: 'Ada' } });

  function requestError(data: unknown): BillingError {
    const error = responseError(() => parsePaymentSubmission(data));
    expect(error.code).to.equal('invalid_request');
    expect(error.message).not.to.contain(CARD);
    expect(error.message).not.to.contain(CVC);
    expect(JSON.stringify(error.fieldErrors)).not.to.contain(CARD);
    return error;
  }

  it('accepts a raw card and a tokenized card', () => {
    expect(parsePaymentSubmission(rawSubmission())).to.deep.equal(rawSubmission());
    expect(parsePaymentSubmission(tokenSubmission())).to.deep.equal(tokenSubmission());
  });

  it('keeps only country, region and postal code of the billing address', () => {
    const data = rawSubmission() as any;
    data.billingAddress = { country: 'CA', region: 'CA-ON', postalCode: 'K1A 0B1', line1: '1 Main St' };
    expect(parsePaymentSubmission(data).billingAddress).to.deep.equal({ country: 'CA', region: 'CA-ON', postalCode: 'K1A 0B1' });
    expect(parsePaymentSubmission({ ...rawSubmission(), billingAddress: { country: 'HK' } }).billingAddress).to.deep.equal({ country: 'HK' });
  });

  it('names a bad card number without echoing it', () => {
    const data = rawSubmission();
    data.card.number = `${CARD}9999`;
    const error = requestError(data);
    expect(error.message).to.equal('Invalid payment submission: card.number: must be 12 to 19 digits');
    expect(error.message).not.to.contain(`${CARD}9999`);
    expect(error.fieldErrors).to.deep.equal({ 'card.number': 'must be 12 to 19 digits' });
  });

  it('names a bad security code without echoing it', () => {
    const data = rawSubmission();
    data.card.cvc = '98';
    const error = requestError(data);
    expect(error.message).to.equal('Invalid payment submission: card.cvc: must be 3 or 4 digits');
    expect(error.message).not.to.contain('98');
  });

  it('names a bad field of a tokenized card', () => {
    const data = tokenSubmission();
    data.card.last4 = '42';
    expect(requestError(data).message).to.equal('Invalid payment submission: card.last4: must be exactly 4 digits');
  });

  it('rejects a card that is neither shape', () => {
    const error = requestError({ ...rawSubmission(), card: { name: 'Ada' } });
    expect(error.message).to.match(/^Invalid payment submission: card\.[a-zA-Z0-9]+: /);
  });

  it('names address and contact fields, collecting every field error', () => {
    const data = rawSubmission() as any;
    data.billingAddress.country = 'Germany';
    delete data.mailing.address.line1;
    data.mailing.email = 'ada';
    const error = requestError(data);
    expect(error.message).to.equal('Invalid payment submission: mailing.email: must be an email address');
    expect(error.fieldErrors).to.deep.equal({
      'mailing.email': 'must be an email address',
      'mailing.address.line1': 'expected string',
      'billingAddress.country': 'must be an ISO 3166-1 alpha-2 code',
    });
  });

  it('rejects blank required names', () => {
    const data = rawSubmission();
    data.mailing.firstName = '   ';
    expect(requestError(data).message).to.equal('Invalid payment submission: mailing.firstName: must be a non-empty string of at most 200 characters');
  });

  it('rejects a body that is not an object', () => {
    expect(requestError(CARD).message).to.equal('Invalid payment submission: (root): expected object');
  });
});

describe('formatIssuePath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatIssuePath([])).to.equal('(root)');
    expect(formatIssuePath(['invoices', 3, 'amountOwed'])).to.equal('invoices[3].amountOwed');
    expect(formatIssuePath([0, 'a'])).to.equal('[0].a');
    expect(formatIssuePath(['fieldErrors', 'billingAddress.postalCode'])).to.equal('fieldErrors["billingAddress.postalCode"]');
  });
});
