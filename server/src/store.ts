/**
 * The reference server's storage, one interface over two databases ({@link SqlDriver}):
 * SQLite (one embedded file, the default) or PostgreSQL (`DATABASE_URL`, for several server
 * instances on one database). Tables: accounts, their organizations, cards (brand, last 4,
 * expiry, status — never the number or security code), billing profiles (contact and
 * addresses), invoices, charges and idempotency records.
 *
 * Idempotency is the database's job: `(account_id, key)` is the primary key of the stored
 * responses and `(account_id, idempotency_key)` is unique among charges, and the idempotent PUT
 * runs in one transaction that first locks the account (PostgreSQL: `SELECT … FOR UPDATE`;
 * SQLite: `BEGIN IMMEDIATE`), so two instances can never both charge for one key.
 */
import { randomBytes } from 'node:crypto';
import type { Account, BillingAddress, BillingSnapshot, Invoice, MailingContact, PaymentMethod, PostalAddress, Viewer } from '../../src/domain/types.js';
import { PostgresDriver, SqliteDriver, type SqlDriver } from './sql.js';

const SCHEMA_VERSION = 2;

function schema(kind: 'sqlite' | 'postgres'): string {
  const serial = kind === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  return `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS accounts (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  currency         TEXT NOT NULL,
  suspended        INTEGER NOT NULL DEFAULT 0,
  user_cap         INTEGER,
  next_charge_date TEXT NOT NULL
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
  id              ${serial},
  account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  amount          INTEGER NOT NULL,
  currency        TEXT NOT NULL,
  invoice_ids     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (account_id, idempotency_key)
);
-- The fingerprint is an HMAC under a server secret of the request body with the card number
-- reduced to its length and last 4 and the security code left out: neither can be searched for.
CREATE TABLE IF NOT EXISTS idempotency (
  account_id  TEXT NOT NULL,
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status      INTEGER NOT NULL,
  body        TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  PRIMARY KEY (account_id, key)
);
`;
}

export interface SeedData {
  account: Account;
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
    status: invoiceStatus(Number(row.amount_paid), Number(row.amount_owed)),
    currency: row.currency,
    amountBilled: Number(row.amount_billed),
    amountPaid: Number(row.amount_paid),
    amountOwed: Number(row.amount_owed),
  };
}

/** Where the data lives: a SQLite file (`dbPath`) or a PostgreSQL database (`databaseUrl`). */
export interface StorageOptions {
  dbPath?: string;
  databaseUrl?: string;
}

export class BillingStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  readonly #db: SqlDriver;
  readonly #shared: { secret?: string };

  private constructor(db: SqlDriver, location: string, shared: { secret?: string }) {
    this.#db = db;
    this.kind = db.kind;
    this.location = location;
    this.#shared = shared;
  }

  /** Opens (and creates the tables of) the database `options` name. */
  static async open(options: StorageOptions): Promise<BillingStore> {
    if (options.databaseUrl) {
      const driver = new PostgresDriver(options.databaseUrl);
      const url = new URL(options.databaseUrl);
      if (url.password) url.password = '***';
      const store = new BillingStore(driver, url.href, {});
      try {
        await driver.withGlobalLock(() => store.#migrate(() => driver.exec(schema('postgres'))));
      } catch (error) {
        await driver.close();
        throw error;
      }
      return store;
    }
    const path = options.dbPath ?? ':memory:';
    const driver = new SqliteDriver(path);
    const store = new BillingStore(driver, path, {});
    try {
      await store.#migrate(() => driver.exec(schema('sqlite')));
    } catch (error) {
      await driver.close();
      throw error;
    }
    return store;
  }

  async #migrate(create: () => Promise<void>): Promise<void> {
    await create();
    const version = await this.getMeta('schema_version');
    if (version === null) await this.setMeta('schema_version', String(SCHEMA_VERSION));
    else if (Number(version) !== SCHEMA_VERSION) {
      throw new Error(`${this.location}: database schema version ${version}, this server needs ${SCHEMA_VERSION}. Delete the data to start over.`);
    }
    await this.fingerprintSecret();
  }

  close(): Promise<void> {
    return this.#db.close();
  }

  /** Runs `fn` in one transaction on a store bound to it. */
  transaction<T>(fn: (tx: BillingStore) => Promise<T>): Promise<T> {
    return this.#db.transaction((tx) => fn(new BillingStore(tx, this.location, this.#shared)));
  }

  /** Inside a transaction: no other transaction may change this account until it ends. */
  lockAccount(accountId: string): Promise<void> {
    return this.#db.lockAccount(accountId);
  }

  async getMeta(key: string): Promise<string | null> {
    const [row] = await this.#db.query<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
    return row ? row.value : null;
  }

  async setMeta(key: string, value: string | null): Promise<void> {
    if (value === null) await this.#db.run('DELETE FROM meta WHERE key = ?', [key]);
    else await this.#db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  /**
   * The per-database secret keying body fingerprints: made by whichever process opens the
   * database first (insert unless present), then the same for every process sharing it.
   */
  async fingerprintSecret(): Promise<string> {
    if (this.#shared.secret === undefined) {
      await this.#db.run("INSERT INTO meta (key, value) VALUES ('fingerprint_secret', ?) ON CONFLICT (key) DO NOTHING", [randomBytes(32).toString('hex')]);
      this.#shared.secret = (await this.getMeta('fingerprint_secret'))!;
    }
    return this.#shared.secret;
  }

  async hasAccounts(): Promise<boolean> {
    return (await this.#db.query('SELECT id FROM accounts LIMIT 1')).length > 0;
  }

  /** Replaces everything (accounts, cards, invoices, charges, idempotency records) with `accounts`. */
  seed(accounts: SeedData[]): Promise<void> {
    return this.transaction(async (tx) => {
      await tx.#db.lockGlobal();
      for (const table of ['idempotency', 'charges', 'invoices', 'billing_profiles', 'cards', 'organizations', 'accounts']) {
        await tx.#db.run(`DELETE FROM ${table}`);
      }
      for (const { account, paymentMethod, invoices } of accounts) {
        await tx.#db.run('INSERT INTO accounts (id, name, currency, suspended, user_cap, next_charge_date) VALUES (?, ?, ?, ?, ?, ?)', [
          account.id,
          account.name,
          account.currency,
          account.suspended ? 1 : 0,
          account.userCap,
          account.nextChargeDate,
        ]);
        for (const [i, o] of account.organizations.entries()) {
          await tx.#db.run('INSERT INTO organizations (id, account_id, name, position) VALUES (?, ?, ?, ?)', [o.id, account.id, o.name, i]);
        }
        if (paymentMethod) await tx.saveCard(account.id, paymentMethod, new Date().toISOString());
        for (const [i, v] of invoices.entries()) {
          await tx.#db.run(
            `INSERT INTO invoices (id, account_id, number, finalized_at, due_date, currency, amount_billed, amount_paid, amount_owed, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [v.id, account.id, v.number, v.finalizedAt, v.dueDate, v.currency, v.amountBilled, v.amountPaid, v.amountOwed, i],
          );
        }
      }
    });
  }

  async account(accountId: string): Promise<Account | null> {
    const [row] = await this.#db.query<AccountRow>('SELECT * FROM accounts WHERE id = ?', [accountId]);
    if (!row) return null;
    const organizations = await this.#db.query<{ id: string; name: string }>(
      'SELECT id, name FROM organizations WHERE account_id = ? ORDER BY position',
      [accountId],
    );
    return {
      id: row.id,
      name: row.name,
      currency: row.currency,
      suspended: Number(row.suspended) === 1,
      userCap: row.user_cap === null ? null : Number(row.user_cap),
      nextChargeDate: row.next_charge_date,
      organizations: organizations.map(({ id, name }) => ({ id, name })),
    };
  }

  async card(accountId: string): Promise<PaymentMethod | null> {
    const [row] = await this.#db.query<CardRow>('SELECT brand, last4, exp_month, exp_year, status FROM cards WHERE account_id = ?', [accountId]);
    return row ? { brand: row.brand, last4: row.last4, expMonth: Number(row.exp_month), expYear: Number(row.exp_year), status: row.status } : null;
  }

  async invoices(accountId: string): Promise<Invoice[]> {
    return (await this.#db.query<InvoiceRow>('SELECT * FROM invoices WHERE account_id = ? ORDER BY position', [accountId])).map(toInvoice);
  }

  async invoice(accountId: string, invoiceId: string): Promise<Invoice | null> {
    const [row] = await this.#db.query<InvoiceRow>('SELECT * FROM invoices WHERE account_id = ? AND id = ?', [accountId, invoiceId]);
    return row ? toInvoice(row) : null;
  }

  /** The snapshot `GET /billing` answers; card data only for a viewer who may see it. */
  async snapshot(accountId: string, now: string, viewer: Viewer): Promise<BillingSnapshot | null> {
    const account = await this.account(accountId);
    if (!account) return null;
    return {
      now,
      account,
      viewer,
      paymentMethod: viewer.canManageBilling ? await this.card(accountId) : null,
      invoices: await this.invoices(accountId),
    };
  }

  async saveCard(accountId: string, card: PaymentMethod, updatedAt: string): Promise<void> {
    await this.#db.run(
      `INSERT INTO cards (account_id, brand, last4, exp_month, exp_year, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET brand = excluded.brand, last4 = excluded.last4, exp_month = excluded.exp_month,
         exp_year = excluded.exp_year, status = excluded.status, updated_at = excluded.updated_at`,
      [accountId, card.brand, card.last4, card.expMonth, card.expYear, card.status, updatedAt],
    );
  }

  async saveBillingProfile(
    accountId: string,
    mailing: MailingContact & { address: PostalAddress },
    billingAddress: BillingAddress,
    updatedAt: string,
  ): Promise<void> {
    await this.#db.run(
      `INSERT INTO billing_profiles (account_id, mailing, billing_address, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET mailing = excluded.mailing, billing_address = excluded.billing_address, updated_at = excluded.updated_at`,
      [accountId, JSON.stringify(mailing), JSON.stringify(billingAddress), updatedAt],
    );
  }

  async billingProfile(accountId: string): Promise<{ mailing: MailingContact & { address: PostalAddress }; billingAddress: BillingAddress } | null> {
    const [row] = await this.#db.query<{ mailing: string; billing_address: string }>(
      'SELECT mailing, billing_address FROM billing_profiles WHERE account_id = ?',
      [accountId],
    );
    return row ? { mailing: JSON.parse(row.mailing), billingAddress: JSON.parse(row.billing_address) } : null;
  }

  /** Marks `amount` of an invoice paid. */
  async payInvoice(accountId: string, invoiceId: string, amount: number): Promise<void> {
    await this.#db.run(
      'UPDATE invoices SET amount_paid = amount_paid + ?, amount_owed = amount_owed - ? WHERE account_id = ? AND id = ? AND amount_owed >= ?',
      [amount, amount, accountId, invoiceId, amount],
    );
  }

  async updateAccount(accountId: string, changes: { suspended?: boolean; userCap?: number | null }): Promise<void> {
    if (changes.suspended !== undefined) await this.#db.run('UPDATE accounts SET suspended = ? WHERE id = ?', [changes.suspended ? 1 : 0, accountId]);
    if (changes.userCap !== undefined) await this.#db.run('UPDATE accounts SET user_cap = ? WHERE id = ?', [changes.userCap, accountId]);
  }

  /** Records a charge; the database refuses a second charge for one key (unique constraint). */
  async recordCharge(charge: Omit<ChargeRecord, 'id'>): Promise<void> {
    await this.#db.run('INSERT INTO charges (account_id, idempotency_key, amount, currency, invoice_ids, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      charge.accountId,
      charge.idempotencyKey,
      charge.amount,
      charge.currency,
      JSON.stringify(charge.invoiceIds),
      charge.createdAt,
    ]);
  }

  async charges(accountId?: string): Promise<ChargeRecord[]> {
    const rows = await this.#db.query<{ id: number; account_id: string; idempotency_key: string; amount: number; currency: string; invoice_ids: string; created_at: string }>(
      accountId === undefined ? 'SELECT * FROM charges ORDER BY id' : 'SELECT * FROM charges WHERE account_id = ? ORDER BY id',
      accountId === undefined ? [] : [accountId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      accountId: r.account_id,
      idempotencyKey: r.idempotency_key,
      amount: Number(r.amount),
      currency: r.currency,
      invoiceIds: JSON.parse(r.invoice_ids) as string[],
      createdAt: r.created_at,
    }));
  }

  async findResponse(accountId: string, key: string): Promise<StoredResponse | null> {
    const [row] = await this.#db.query<{ fingerprint: string; status: number; body: string; created_at: number }>(
      'SELECT fingerprint, status, body, created_at FROM idempotency WHERE account_id = ? AND key = ?',
      [accountId, key],
    );
    return row ? { fingerprint: row.fingerprint, status: Number(row.status), body: row.body, createdAt: Number(row.created_at) } : null;
  }

  /** Stores the response for a key; the database refuses a second one (primary key). */
  async saveResponse(accountId: string, key: string, response: StoredResponse): Promise<void> {
    await this.#db.run('INSERT INTO idempotency (account_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      accountId,
      key,
      response.fingerprint,
      response.status,
      response.body,
      response.createdAt,
    ]);
  }

  /** Forgets idempotency records created before `before` (epoch ms). */
  expireResponses(before: number): Promise<number> {
    return this.#db.run('DELETE FROM idempotency WHERE created_at < ?', [before]);
  }
}
