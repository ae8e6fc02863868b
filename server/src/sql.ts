/**
 * The two SQL drivers under {@link BillingStore}: SQLite (better-sqlite3, one embedded file, the
 * default) and PostgreSQL (`pg`, for more than one server instance). Both take the same SQL
 * with `?` placeholders (PostgreSQL's `$n` are numbered here) and run a function in one
 * transaction. What makes concurrent submissions safe is the database, not this process:
 * SQLite's `BEGIN IMMEDIATE` (one writer per file, across processes) and PostgreSQL's row
 * locks (`SELECT … FOR UPDATE` on the account) and unique keys.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface SqlDriver {
  readonly kind: 'sqlite' | 'postgres';
  /** Rows of a query (`?` placeholders). */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  /** Locks the account's row until the transaction ends (SQLite: the whole file already is). */
  lockAccount(accountId: string): Promise<void>;
  /** Serializes schema setup and seeding across processes (inside a transaction). */
  lockGlobal(): Promise<void>;
  close(): Promise<void>;
}

/** One-at-a-time queue: better-sqlite3 has one connection per process, shared by every request. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

export class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite';
  readonly #db: Database;
  readonly #mutex = new Mutex();
  readonly #inTx: SqlDriver;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path, { timeout: 10_000 });
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('foreign_keys = ON');
    const db = this.#db;
    // Inside a transaction the mutex is already held: statements run directly.
    this.#inTx = {
      kind: 'sqlite',
      query: async <Row>(sql: string, params: unknown[] = []) => db.prepare<Row>(sql).all(...params),
      run: async (sql: string, params: unknown[] = []) => db.prepare(sql).run(...params).changes,
      transaction: (fn) => fn(this.#inTx),
      lockAccount: async () => undefined,
      lockGlobal: async () => undefined,
      close: async () => undefined,
    };
  }

  /** Statements outside a transaction wait for the one in progress (never join it by accident). */
  query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.#mutex.run(() => this.#db.prepare<Row>(sql).all(...params));
  }

  run(sql: string, params: unknown[] = []): Promise<number> {
    return this.#mutex.run(() => this.#db.prepare(sql).run(...params).changes);
  }

  exec(sql: string): Promise<void> {
    return this.#mutex.run(() => void this.#db.exec(sql));
  }

  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    return this.#mutex.run(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.#inTx);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async lockAccount(): Promise<void> {}
  async lockGlobal(): Promise<void> {}

  close(): Promise<void> {
    return this.#mutex.run(() => {
      if (this.#db.open) this.#db.close();
    });
  }
}

/** `?` → `$1, $2, …` (the SQL of this server has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

/** PostgreSQL error codes worth running a transaction again for. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const GLOBAL_LOCK = 727_001;

export class PostgresDriver implements SqlDriver {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;

  constructor(url: string, poolSize = 10) {
    this.#pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'billing-reference-server' });
    // An idle client that loses its connection must not crash the process.
    this.#pool.on('error', () => undefined);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.#pool.query(numbered(sql), params)).rows as Row[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.#pool.query(numbered(sql), params)).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.#pool.query(sql);
  }

  /**
   * READ COMMITTED with explicit row locks; a deadlock, serialization failure or unique-key
   * race (another instance inserted the same idempotency key first) runs `fn` again, up to 5 times.
   */
  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.#pool.connect();
      const tx: SqlDriver = {
        kind: 'postgres',
        query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rows as Row[],
        run: async (sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rowCount ?? 0,
        transaction: (inner) => inner(tx),
        lockAccount: async (accountId) => void (await client.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [accountId])),
        lockGlobal: async () => void (await client.query('SELECT pg_advisory_xact_lock($1)', [GLOBAL_LOCK])),
        close: async () => undefined,
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || code === undefined || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  /** Runs `fn` holding a session-level advisory lock (schema creation by two instances at once). */
  async withGlobalLock<T>(fn: () => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [GLOBAL_LOCK]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [GLOBAL_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  async lockAccount(): Promise<void> {
    throw new Error('lockAccount needs a transaction');
  }

  async lockGlobal(): Promise<void> {
    throw new Error('lockGlobal needs a transaction');
  }

  #closed: Promise<void> | undefined;

  close(): Promise<void> {
    return (this.#closed ??= this.#pool.end());
  }
}
