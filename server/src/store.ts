/**
 * The reference server's storage: one SQLite file (better-sqlite3) holding accounts, their
 * organizations, cards (brand, last 4, expiry, status — never the number or security code),
 * billing profiles (contact and addresses), invoices, charges and idempotency records.
 *
 * Every method is synchronous; `transaction()` runs a function under `BEGIN IMMEDIATE`, so a
 * read-decide-write sequence (the idempotent PUT) cannot interleave with another one, even
 * from a second process sharing the file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Account, BillingAddress, BillingSnapshot, Invoice, MailingContact, PaymentMethod, PostalAddress, Viewer } from '../../src/domain/types.js';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS accounts (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  currency           TEXT NOT NULL,
  suspended          INTEGER NOT NULL DEFAULT 0,
  user_cap           INTEGER,
  next_charge_date   TEXT NOT NULL,
  can_manage_billing INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS organizations (
  id         TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  position   INTEGER NOT NULL,
  PRIMARY KEY (account_id, id)
);
-- One card per account. Only what the snapshot shows: no number, no security code, no name.
CREATE TABLE IF NOT EXISTS cards (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  brand      TEXT NOT NULL,
  last4      TEXT NOT NULL CHECK (length(last4) = 4),
  exp_month  INTEGER NOT NULL,
  exp_year   INTEGER NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('active', 'pending')),
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS billing_profiles (
  account_id      TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  mailing         TEXT NOT NULL,
  billing_address TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invoices (
  id            TEXT NOT NULL,
  account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  number        TEXT NOT NULL,
  finalized_at  TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  currency      TEXT NOT NULL,
  amount_billed INTEGER NOT NULL,
  amount_paid   INTEGER NOT NULL,
  amount_owed   INTEGER NOT NULL,
  position      INTEGER NOT NULL,
  PRIMARY KEY (account_id, id)
);
CREATE TABLE IF NOT EXISTS charges (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  amount          INTEGER NOT NULL,
  currency        TEXT NOT NULL,
  invoice_ids     TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
-- The fingerprint is an HMAC under a server secret of the request body with the card number
-- reduced to its length and last 4 and the security code left out: neither can be searched for.
CREATE TABLE IF NOT EXISTS idempotency (
  account_id  TEXT NOT NULL,
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status      INTEGER NOT NULL,
  body        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (account_id, key)
);
`;

export interface SeedData {
  account: Account;
  viewer: Viewer;
  paymentMethod: PaymentMethod | null;
  invoices: Invoice[];
}

export interface ChargeRecord {
  id: number;
  accountId: string;
  idempotencyKey: string;
  amount: number;
  currency: string;
  invoiceIds: string[];
  createdAt: string;
}

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
  createdAt: number;
}

interface AccountRow {
  id: string;
  name: string;
  currency: string;
  suspended: number;
  user_cap: number | null;
  next_charge_date: string;
  can_manage_billing: number;
}
interface InvoiceRow {
  id: string;
  number: string;
  finalized_at: string;
  due_date: string;
  currency: string;
  amount_billed: number;
  amount_paid: number;
  amount_owed: number;
}
interface CardRow {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  status: 'active' | 'pending';
}

function invoiceStatus(paid: number, owed: number): Invoice['status'] {
  return owed === 0 ? 'paid' : paid === 0 ? 'open' : 'partially_paid';
}

function toInvoice(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    number: row.number,
    finalizedAt: row.finalized_at,
    dueDate: row.due_date,
    status: invoiceStatus(row.amount_paid, row.amount_owed),
    currency: row.currency,
    amountBilled: row.amount_billed,
    amountPaid: row.amount_paid,
    amountOwed: row.amount_owed,
  };
}

export class BillingStore {
  readonly path: string;
  readonly #db: Database;
  #secret: string | undefined;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.path = path;
    this.#db = new Database(path, { timeout: 5000 });
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.exec(SCHEMA);
    const version = this.getMeta('schema_version');
    if (version === null) this.setMeta('schema_version', String(SCHEMA_VERSION));
    else if (Number(version) !== SCHEMA_VERSION) {
      throw new Error(`${path}: database schema version ${version}, this server needs ${SCHEMA_VERSION}. Delete the file to start over.`);
    }
    this.fingerprintSecret();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /** Runs `fn` in one `BEGIN IMMEDIATE` transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    if (this.#db.inTransaction) return fn();
    return this.#db.transaction(fn).immediate();
  }

  getMeta(key: string): string | null {
    const row = this.#db.prepare<{ value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
    return row ? row.value : null;
  }

  setMeta(key: string, value: string | null): void {
    if (value === null) this.#db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.#db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * The per-database secret keying body fingerprints: made by whichever process opens the
   * file first (INSERT OR IGNORE), then the same for every process sharing the file.
   */
  fingerprintSecret(): string {
    if (this.#secret === undefined) {
      this.#db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('fingerprint_secret', ?)").run(randomBytes(32).toString('hex'));
      this.#secret = this.getMeta('fingerprint_secret')!;
    }
    return this.#secret;
  }

  /** The account the API serves (the reference server has one signed-in account). */
  currentAccountId(): string | null {
    return this.getMeta('current_account');
  }

  /** Replaces everything (accounts, cards, invoices, charges, idempotency records) with `data`. */
  seed(data: SeedData): void {
    this.transaction(() => {
      for (const table of ['idempotency', 'charges', 'invoices', 'billing_profiles', 'cards', 'organizations', 'accounts']) {
        this.#db.exec(`DELETE FROM ${table}`);
      }
      const { account, viewer, paymentMethod, invoices } = data;
      this.#db
        .prepare(
          'INSERT INTO accounts (id, name, currency, suspended, user_cap, next_charge_date, can_manage_billing) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(account.id, account.name, account.currency, account.suspended ? 1 : 0, account.userCap, account.nextChargeDate, viewer.canManageBilling ? 1 : 0);
      const org = this.#db.prepare('INSERT INTO organizations (id, account_id, name, position) VALUES (?, ?, ?, ?)');
      account.organizations.forEach((o, i) => org.run(o.id, account.id, o.name, i));
      if (paymentMethod) this.saveCard(account.id, paymentMethod, new Date().toISOString());
      const inv = this.#db.prepare(
        `INSERT INTO invoices (id, account_id, number, finalized_at, due_date, currency, amount_billed, amount_paid, amount_owed, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      invoices.forEach((v, i) =>
        inv.run(v.id, account.id, v.number, v.finalizedAt, v.dueDate, v.currency, v.amountBilled, v.amountPaid, v.amountOwed, i),
      );
      this.setMeta('current_account', account.id);
    });
  }

  account(accountId: string): Account | null {
    const row = this.#db.prepare<AccountRow>('SELECT * FROM accounts WHERE id = ?').get(accountId);
    if (!row) return null;
    const organizations = this.#db
      .prepare<{ id: string; name: string }>('SELECT id, name FROM organizations WHERE account_id = ? ORDER BY position')
      .all(accountId);
    return {
      id: row.id,
      name: row.name,
      currency: row.currency,
      suspended: row.suspended === 1,
      userCap: row.user_cap,
      nextChargeDate: row.next_charge_date,
      organizations,
    };
  }

  viewer(accountId: string): Viewer {
    const row = this.#db.prepare<{ can_manage_billing: number }>('SELECT can_manage_billing FROM accounts WHERE id = ?').get(accountId);
    return { canManageBilling: row?.can_manage_billing === 1 };
  }

  card(accountId: string): PaymentMethod | null {
    const row = this.#db.prepare<CardRow>('SELECT brand, last4, exp_month, exp_year, status FROM cards WHERE account_id = ?').get(accountId);
    return row ? { brand: row.brand, last4: row.last4, expMonth: row.exp_month, expYear: row.exp_year, status: row.status } : null;
  }

  invoices(accountId: string): Invoice[] {
    return this.#db.prepare<InvoiceRow>('SELECT * FROM invoices WHERE account_id = ? ORDER BY position').all(accountId).map(toInvoice);
  }

  invoice(accountId: string, invoiceId: string): Invoice | null {
    const row = this.#db.prepare<InvoiceRow>('SELECT * FROM invoices WHERE account_id = ? AND id = ?').get(accountId, invoiceId);
    return row ? toInvoice(row) : null;
  }

  /** The snapshot `GET /billing` answers; card data only for viewers who may see it. */
  snapshot(accountId: string, now: string): BillingSnapshot | null {
    const account = this.account(accountId);
    if (!account) return null;
    const viewer = this.viewer(accountId);
    return {
      now,
      account,
      viewer,
      paymentMethod: viewer.canManageBilling ? this.card(accountId) : null,
      invoices: this.invoices(accountId),
    };
  }

  saveCard(accountId: string, card: PaymentMethod, updatedAt: string): void {
    this.#db
      .prepare(
        `INSERT INTO cards (account_id, brand, last4, exp_month, exp_year, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(account_id) DO UPDATE SET brand = excluded.brand, last4 = excluded.last4, exp_month = excluded.exp_month,
           exp_year = excluded.exp_year, status = excluded.status, updated_at = excluded.updated_at`,
      )
      .run(accountId, card.brand, card.last4, card.expMonth, card.expYear, card.status, updatedAt);
  }

  saveBillingProfile(accountId: string, mailing: MailingContact & { address: PostalAddress }, billingAddress: BillingAddress, updatedAt: string): void {
    this.#db
      .prepare(
        `INSERT INTO billing_profiles (account_id, mailing, billing_address, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(account_id) DO UPDATE SET mailing = excluded.mailing, billing_address = excluded.billing_address, updated_at = excluded.updated_at`,
      )
      .run(accountId, JSON.stringify(mailing), JSON.stringify(billingAddress), updatedAt);
  }

  billingProfile(accountId: string): { mailing: MailingContact & { address: PostalAddress }; billingAddress: BillingAddress } | null {
    const row = this.#db
      .prepare<{ mailing: string; billing_address: string }>('SELECT mailing, billing_address FROM billing_profiles WHERE account_id = ?')
      .get(accountId);
    return row ? { mailing: JSON.parse(row.mailing), billingAddress: JSON.parse(row.billing_address) } : null;
  }

  /** Marks `amount` of an invoice paid. */
  payInvoice(accountId: string, invoiceId: string, amount: number): void {
    this.#db
      .prepare('UPDATE invoices SET amount_paid = amount_paid + ?, amount_owed = amount_owed - ? WHERE account_id = ? AND id = ? AND amount_owed >= ?')
      .run(amount, amount, accountId, invoiceId, amount);
  }

  updateAccount(accountId: string, changes: { suspended?: boolean; userCap?: number | null }): void {
    if (changes.suspended !== undefined) this.#db.prepare('UPDATE accounts SET suspended = ? WHERE id = ?').run(changes.suspended ? 1 : 0, accountId);
    if (changes.userCap !== undefined) this.#db.prepare('UPDATE accounts SET user_cap = ? WHERE id = ?').run(changes.userCap, accountId);
  }

  recordCharge(charge: Omit<ChargeRecord, 'id'>): number {
    const result = this.#db
      .prepare('INSERT INTO charges (account_id, idempotency_key, amount, currency, invoice_ids, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(charge.accountId, charge.idempotencyKey, charge.amount, charge.currency, JSON.stringify(charge.invoiceIds), charge.createdAt);
    return Number(result.lastInsertRowid);
  }

  charges(accountId?: string): ChargeRecord[] {
    const rows = this.#db
      .prepare<{ id: number; account_id: string; idempotency_key: string; amount: number; currency: string; invoice_ids: string; created_at: string }>(
        accountId === undefined ? 'SELECT * FROM charges ORDER BY id' : 'SELECT * FROM charges WHERE account_id = ? ORDER BY id',
      )
      .all(...(accountId === undefined ? [] : [accountId]));
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      idempotencyKey: r.idempotency_key,
      amount: r.amount,
      currency: r.currency,
      invoiceIds: JSON.parse(r.invoice_ids) as string[],
      createdAt: r.created_at,
    }));
  }

  findResponse(accountId: string, key: string): StoredResponse | null {
    const row = this.#db
      .prepare<{ fingerprint: string; status: number; body: string; created_at: number }>(
        'SELECT fingerprint, status, body, created_at FROM idempotency WHERE account_id = ? AND key = ?',
      )
      .get(accountId, key);
    return row ? { fingerprint: row.fingerprint, status: row.status, body: row.body, createdAt: row.created_at } : null;
  }

  saveResponse(accountId: string, key: string, response: StoredResponse): void {
    this.#db
      .prepare('INSERT INTO idempotency (account_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(accountId, key, response.fingerprint, response.status, response.body, response.createdAt);
  }

  /** Forgets idempotency records created before `before` (epoch ms). */
  expireResponses(before: number): number {
    return this.#db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(before).changes;
  }
}
