/** Shared helpers of the server's Node tests (bundled and run by scripts/test-server.mjs). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  BILLING_ROLE,
  SECOND_ACCOUNT_ID,
  TEST_SECRET_HEADER,
  mintDevToken,
  startBillingServer,
  type BillingServerOptions,
  type RunningBillingServer,
  type TokenClaims,
} from '../src/index.js';
import { parseSnapshot } from '../../src/domain/schemas.js';
import type { BillingSnapshot, PaymentSubmission } from '../../src/domain/types.js';

/** The fixed "now" of most tests: scenarios are placed relative to it. */
export const NOW = '2025-03-15T12:00:00Z';

/** The HS256 secret of every test server (in-process and spawned: BILLING_JWT_SECRET). */
export const JWT_SECRET = 'test-secret-of-the-billing-server-0123456789';

/**
 * Which database this run of the suite uses: scripts/test-server.mjs runs every file once on
 * SQLite and once on PostgreSQL (`BILLING_TEST_DATABASE_URL`, an admin URL of a throwaway
 * cluster; each server gets a fresh database in it).
 */
export const STORE: 'sqlite' | 'postgres' = process.env.BILLING_TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export function tempDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'billing-server-test-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new empty PostgreSQL database in the test cluster; its URL. */
export async function freshDatabase(): Promise<string> {
  const admin = process.env.BILLING_TEST_DATABASE_URL;
  if (!admin) throw new Error('BILLING_TEST_DATABASE_URL is not set');
  const name = `billing_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.href;
}

/**
 * Where a test keeps its data, as server options: `dbPath` (SQLite) on one run of the suite, a
 * fresh PostgreSQL database (the same one for every call with the same `dbPath`) on the other.
 */
const databases = new Map<string, Promise<string>>();
export async function storage(dbPath: string): Promise<{ dbPath: string } | { databaseUrl: string }> {
  if (STORE === 'sqlite') return { dbPath };
  if (!databases.has(dbPath)) databases.set(dbPath, freshDatabase());
  return { databaseUrl: await databases.get(dbPath)! };
}

/** The same, as command-line arguments of a spawned server. */
export async function storageArgs(dbPath: string): Promise<string[]> {
  const where = await storage(dbPath);
  return 'dbPath' in where ? ['--db', where.dbPath] : ['--database-url', where.databaseUrl];
}

/** What the helpers below send to a server they know: its test secret. */
const secrets = new Map<string, string>();

export function registerServer(url: string, testSecret: string | null): void {
  if (testSecret) secrets.set(new URL(url).origin, testSecret);
}

/** A development token (HS256 under {@link JWT_SECRET}). */
export function token(claims: Partial<TokenClaims> = {}): Promise<string> {
  return mintDevToken(JWT_SECRET, { sub: 'ada', account: 'acct_acme', roles: [BILLING_ROLE], ...claims });
}

/** Tokens of the seeded callers. */
export const callers = {
  billingAdmin: () => token(),
  plainAdmin: () => token({ sub: 'grace', roles: ['admin'] }),
  otherAccount: () => token({ sub: 'hopper', account: SECOND_ACCOUNT_ID }),
};

export async function startServer(options: Partial<BillingServerOptions> & { dbPath: string }): Promise<RunningBillingServer> {
  const { dbPath, ...rest } = options;
  const server = await startBillingServer({
    host: '127.0.0.1',
    port: 0,
    testEndpoints: true,
    scenario: 'outstanding-5',
    now: NOW,
    auth: { jwtSecret: JWT_SECRET },
    rateLimit: false,
    ...(await storage(dbPath)),
    ...rest,
  });
  registerServer(server.url, server.testSecret);
  return server;
}

/** A valid submission; `number` picks the card (4000000000000002 is declined). */
export function submission(number = '4242424242424242', overrides: Partial<PaymentSubmission['mailing']> = {}): PaymentSubmission {
  return {
    mailing: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      company: 'Analytical Engines Ltd',
      address: { country: 'US', line1: '1 Main St', city: 'Springfield', region: 'US-IL', postalCode: '62701' },
      ...overrides,
    },
    billingAddress: { country: 'US', region: 'US-IL', postalCode: '62701' },
    card: { number, expMonth: 12, expYear: 2030, cvc: '123', name: 'Ada Lovelace' },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  bytes: Uint8Array;
  json: unknown;
}

/**
 * fetch with what a known server needs: its test secret on `/__test/*`, and a billing-admin
 * token elsewhere unless the request sets `Authorization` itself (`Authorization: ''` sends none).
 */
export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const target = new URL(url);
  const headers = new Headers(init.headers);
  if (target.pathname.startsWith('/__test/')) {
    const secret = secrets.get(target.origin);
    if (secret && !headers.has(TEST_SECRET_HEADER)) headers.set(TEST_SECRET_HEADER, secret);
  } else if (!headers.has('authorization')) {
    headers.set('Authorization', `Bearer ${await token()}`);
  } else if (headers.get('authorization') === '') {
    headers.delete('authorization');
  }
  const response = await fetch(url, { ...init, headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  if (contentType.endsWith('json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers: response.headers, contentType, text, bytes, json };
}

export function put(base: string, body: unknown, key: string | null, headers: Record<string, string> = {}): Promise<Reply> {
  return request(`${base}/billing/payment-method`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function charges(base: string, account?: string): Promise<{ count: number; total: number; duplicateKeys: string[]; charges: { idempotencyKey: string; amount: number; accountId: string }[] }> {
  return (await request(`${base}/__test/charges${account ? `?account=${account}` : ''}`)).json as never;
}

export function post(base: string, path: string, body: unknown): Promise<Reply> {
  return request(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** The seeded snapshot of the billing admin after a reset (GET /billing). */
export async function resetTo(base: string, scenario: string, now = NOW): Promise<BillingSnapshot> {
  const reset = await post(base, '/__test/reset', { scenario, now });
  if (reset.status !== 200) throw new Error(`reset: ${reset.status} ${reset.text}`);
  return parseSnapshot((await request(`${base}/billing`)).json);
}

/** Every row of every table, as text (PostgreSQL runs: what "on disk" means there). */
export async function databaseText(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    let text = '';
    for (const { tablename } of tables.rows) text += JSON.stringify((await client.query(`SELECT * FROM ${tablename}`)).rows);
    return text;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI document, as validators

type Json = Record<string, unknown>;

const OPENAPI_PATH = join(process.cwd(), 'openapi/billing.openapi.json');
const COMPONENTS_ID = 'urn:billing-elements:openapi:components';

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, entry] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof entry === 'string' ? entry.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`) : rewriteRefs(entry);
  }
  return out;
}

export class Contract {
  readonly doc: Json;
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<unknown, ValidateFunction>();

  constructor(path = OPENAPI_PATH) {
    this.doc = JSON.parse(readFileSync(path, 'utf8')) as Json;
    this.#ajv = new Ajv2020({ strict: true, allErrors: true });
    const components = this.doc.components as { schemas: Json };
    this.#ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(components.schemas) as Json });
  }

  /** Compiles every schema of the document (throws on a schema ajv's strict mode rejects). */
  compileAll(): number {
    const names = Object.keys((this.doc.components as { schemas: Json }).schemas);
    for (const name of names) this.schema(name);
    return names.length;
  }

  schema(name: string): ValidateFunction {
    return this.#compile({ $ref: `#/components/schemas/${name}` });
  }

  #compile(schema: unknown): ValidateFunction {
    let validate = this.#cache.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(rewriteRefs(schema) as Json);
      this.#cache.set(schema, validate);
    }
    return validate;
  }

  #resolve(value: Json): Json {
    const ref = value.$ref;
    if (typeof ref !== 'string') return value;
    const path = ref.replace(/^#\//, '').split('/');
    let node: unknown = this.doc;
    for (const segment of path) node = (node as Json)[segment];
    return node as Json;
  }

  /**
   * Checks a response against the document: the status is documented for the operation, the
   * media type is one it lists, and a JSON body matches its schema. Returns the problems found.
   */
  check(method: string, pathTemplate: string, reply: Reply): string[] {
    const operation = ((this.doc.paths as Json)[pathTemplate] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (!operation) return [`${method} ${pathTemplate} is not in the document`];
    const responses = operation.responses as Json;
    const documented = responses[String(reply.status)] as Json | undefined;
    if (!documented) return [`${method} ${pathTemplate}: status ${reply.status} is not documented`];
    const response = this.#resolve(documented);
    const content = response.content as Json | undefined;
    if (!content) return reply.bytes.byteLength === 0 ? [] : [`${method} ${pathTemplate} ${reply.status}: no content documented`];
    const media = content[reply.contentType] as Json | undefined;
    if (!media) return [`${method} ${pathTemplate} ${reply.status}: content type ${reply.contentType} is not documented (${Object.keys(content).join(', ')})`];
    for (const [name, header] of Object.entries((response.headers as Json | undefined) ?? {})) {
      const spec = this.#resolve(header as Json);
      if (spec.required && !reply.headers.has(name)) return [`${method} ${pathTemplate} ${reply.status}: header ${name} missing`];
    }
    if (reply.contentType === 'application/pdf') {
      return new TextDecoder().decode(reply.bytes.subarray(0, 5)) === '%PDF-' ? [] : ['the body is not a PDF'];
    }
    if (reply.json === undefined) return [`${method} ${pathTemplate} ${reply.status}: the body is not JSON`];
    const validate = this.#compile(media.schema);
    if (validate(reply.json)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  }
}

// ---------------------------------------------------------------------------------------------
// A server in its own process (restart and multi-process tests)

export interface ServerProcess {
  url: string;
  /** What it printed at start. */
  output: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node .cache/server/cli.mjs` (built by scripts/test-server.mjs) with
 * BILLING_JWT_SECRET = {@link JWT_SECRET}, and waits for its URL (and its test secret).
 */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const cli = process.env.BILLING_SERVER_CLI;
  if (!cli) throw new Error('BILLING_SERVER_CLI is not set: run through scripts/test-server.mjs');
  const child = spawn(process.execPath, [cli, '--port', '0', '--quiet', '--rate-limit', 'off', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BILLING_JWT_SECRET: JWT_SECRET, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err}`));
    }, 30_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // Everything the CLI prints at start comes in one write, ending with a newline.
      if (!out.endsWith('\n')) return;
      const match = /on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      registerServer(match[1]!, /X-Test-Secret: (\S+)/.exec(out)?.[1] ?? null);
      resolve({
        url: match[1]!,
        output: out,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}
