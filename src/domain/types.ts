/**
 * The data model of the public contract (shared/API.md). Plain types, no DOM.
 * Money amounts are integers in the currency's minor units; dates are ISO 8601 strings
 * (`YYYY-MM-DD` for calendar dates).
 */

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid';

export interface Invoice {
  id: string;
  number: string;
  /** ISO 8601 date or date-time the invoice was finalized. */
  finalizedAt: string;
  /** Calendar date `YYYY-MM-DD`. */
  dueDate: string;
  status: InvoiceStatus;
  /** ISO 4217 code. */
  currency: string;
  amountBilled: number;
  amountPaid: number;
  amountOwed: number;
}

export interface Organization {
  id: string;
  name: string;
}

export interface Account {
  id: string;
  name: string;
  currency: string;
  suspended?: boolean;
  userCap: number | null;
  /** Calendar date `YYYY-MM-DD` of the next charge (the 1st of a month). */
  nextChargeDate: string;
  organizations: Organization[];
}

export interface Viewer {
  canManageBilling: boolean;
}

export type PaymentMethodStatus = 'active' | 'pending';

export interface PaymentMethod {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  status: PaymentMethodStatus;
}

export interface BillingSnapshot {
  /** The server's clock, ISO 8601. "Today" for every date rule when present. */
  now?: string;
  account: Account;
  viewer: Viewer;
  paymentMethod: PaymentMethod | null;
  invoices: Invoice[];
}

export interface Money {
  /** Integer count of the currency's minor units. */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface SubmitResult {
  snapshot: BillingSnapshot;
  charged?: Money;
}

export interface PostalAddress {
  /** ISO 3166-1 alpha-2. */
  country: string;
  line1: string;
  line2?: string;
  city?: string;
  /** ISO 3166-2 code where the country's subdivisions are known, else free text. */
  region?: string;
  postalCode?: string;
}

/** The card's billing address: what card checks (AVS) compare — country, region, postal code. */
export interface BillingAddress {
  /** ISO 3166-1 alpha-2. */
  country: string;
  region?: string;
  postalCode?: string;
}

export interface MailingContact {
  firstName: string;
  lastName: string;
  email: string;
  company?: string;
  phone?: string;
}

/** Raw card data from the built-in inputs. Never logged, stored, evented or put in state. */
export interface RawCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string;
}

/** A card tokenized by processor-hosted fields (`mountCardFields`). */
export interface TokenizedCard {
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  name: string;
}

export type CardInput = RawCard | TokenizedCard;

export interface PaymentSubmission {
  mailing: MailingContact & { address: PostalAddress };
  billingAddress: BillingAddress;
  card: CardInput;
}

export function isTokenizedCard(card: CardInput): card is TokenizedCard {
  return 'token' in card;
}
