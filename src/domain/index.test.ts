import { expect } from '@open-wc/testing';
import * as domain from './index.js';
import * as dates from './dates.js';
import * as dunning from './dunning.js';
import * as errors from './errors.js';
import * as invoices from './invoices.js';
import * as money from './money.js';
import * as schemas from './schemas.js';
import * as address from './address/index.js';
import * as card from './card.js';

describe('domain barrel', () => {
  it('re-exports every runtime export of the core modules, as the same objects', () => {
    for (const mod of [errors, money, dates, dunning, invoices, schemas, card, address]) {
      for (const [name, value] of Object.entries(mod)) {
        expect((domain as Record<string, unknown>)[name], name).to.equal(value);
      }
    }
  });

  it('includes isTokenizedCard from types.ts', () => {
    expect(domain.isTokenizedCard({ token: 't', brand: 'visa', last4: '4242', expMonth: 1, expYear: 2030, name: 'A' })).to.equal(true);
  });
});
