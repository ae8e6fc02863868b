/**
 * The reference billing server (Node only; nothing in src/ imports it). Bundled for Node by
 * scripts/run-server.mjs, which also runs {@link main}.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBillingServer, type BillingServerOptions } from './app.js';
import { BILLING_ROLE, mintDevToken } from './auth.js';
import { scenarioNames } from './seed.js';

export { DEFAULT_SCENARIO, JSON_DEPTH_LIMIT, TEST_SECRET_HEADER, createBillingServer, startBillingServer, type BillingServerOptions, type RunningBillingServer } from './app.js';
export { Authenticator, BILLING_ROLE, MIN_SECRET_LENGTH, mintDevToken, type AuthOptions, type TokenClaims } from './auth.js';
export { BillingService, Clock, IDEMPOTENCY_TTL_MS, type Caller } from './billing.js';
export { canonicalJson } from '../../src/domain/canonical-json.js';
export { DECLINED_CARD_NUMBER, DECLINED_TOKEN_PREFIX } from '../../src/domain/test-cards.js';
export { FaultQueue, type Fault, type FaultKind, type FaultRoute } from './faults.js';
export { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limit.js';
export { BillingStore, type ChargeRecord, type SeedData } from './store.js';
export { SECOND_ACCOUNT_ID, scenarioNames, seedData } from './seed.js';

export const DEFAULT_DB_PATH = '.server-data/billing.sqlite';
export const DEFAULT_PORT = 8787;
/** The account of every scenario (the second seeded account is {@link SECOND_ACCOUNT_ID}). */
export const DEFAULT_ACCOUNT_ID = 'acct_acme';

const USAGE = `Usage: npm run server -- [options]

  --port <n>            port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <addr>         interface (default 127.0.0.1)
  --db <file>           SQLite file (default $BILLING_DB or ${DEFAULT_DB_PATH})
  --database-url <url>  PostgreSQL instead of SQLite (default $DATABASE_URL): several
                        server processes may share one database
  --scenario <name>     reseed with a demo scenario at start (replaces the data):
                        ${scenarioNames().join(', ')}
  --now <iso>           with --scenario: fix the server clock at this instant
  --test-endpoints      enable /__test/* (reset, clock, faults, charges) for tests and demos:
                        loopback hosts only, each request needs the X-Test-Secret printed at start
  --cors-origin <o>     allow this exact origin (repeatable; default $BILLING_CORS_ORIGINS,
                        comma-separated, else none)
  --rate-limit <r,b>    per caller: r requests/s sustained, bursts of b (default 10,60; off)
  --dev-credentials <f> where to write the development secrets for the demo (default
                        dev-credentials.json next to the SQLite file, or .server-data/)
  --quiet               no request log

Callers send "Authorization: Bearer <JWT>" (claims sub, account, roles; exp required):
  BILLING_JWT_SECRET    HS256 secret (32+ characters), for development
  BILLING_JWKS_URL      JSON Web Key Set of the token issuer, for production
  BILLING_JWT_ISSUER, BILLING_JWT_AUDIENCE   checked when set
With neither secret nor JWKS, a random secret is made at start and a billing-admin token printed.
`;

export interface CliOptions extends BillingServerOptions {
  /** Where the CLI writes the development secrets (null: nowhere). */
  devCredentials: string | null;
}

/** Parses the command line into server options (throws a TypeError with the usage on bad input). */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      scenario: { type: 'string' },
      now: { type: 'string' },
      'test-endpoints': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      'dev-credentials': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) throw new TypeError(USAGE);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`--port must be 0–65535\n\n${USAGE}`);
  if (values.scenario !== undefined && !scenarioNames().includes(values.scenario)) {
    throw new TypeError(`--scenario must be one of ${scenarioNames().join(', ')}\n\n${USAGE}`);
  }
  if (values.now !== undefined && values.scenario === undefined) throw new TypeError(`--now needs --scenario\n\n${USAGE}`);
  let rateLimit: BillingServerOptions['rateLimit'];
  if (values['rate-limit'] === 'off') rateLimit = false;
  else if (values['rate-limit'] !== undefined) {
    const [perSecond, burst] = values['rate-limit'].split(',').map(Number);
    if (!(perSecond! > 0) || !(Number.isInteger(burst) && burst! >= 1)) throw new TypeError(`--rate-limit must be "<requests per second>,<burst>" or off\n\n${USAGE}`);
    rateLimit = { perSecond: perSecond!, burst: burst! };
  }
  const databaseUrl = values['database-url'] ?? (env.DATABASE_URL || undefined);
  const dbPath = values.db ?? env.BILLING_DB ?? DEFAULT_DB_PATH;
  const corsOrigins = values['cors-origin'] ?? (env.BILLING_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const options: CliOptions = {
    ...(databaseUrl ? { databaseUrl } : { dbPath }),
    host: values.host ?? '127.0.0.1',
    port,
    testEndpoints: values['test-endpoints'] ?? false,
    corsOrigins,
    auth: {
      ...(env.BILLING_JWT_SECRET ? { jwtSecret: env.BILLING_JWT_SECRET } : {}),
      ...(env.BILLING_JWKS_URL ? { jwksUrl: env.BILLING_JWKS_URL } : {}),
      ...(env.BILLING_JWT_ISSUER ? { issuer: env.BILLING_JWT_ISSUER } : {}),
      ...(env.BILLING_JWT_AUDIENCE ? { audience: env.BILLING_JWT_AUDIENCE } : {}),
    },
    devCredentials: values['dev-credentials'] ?? join(databaseUrl ? '.server-data' : dirname(dbPath), 'dev-credentials.json'),
  };
  if (rateLimit !== undefined) options.rateLimit = rateLimit;
  if (values.scenario !== undefined) options.scenario = values.scenario;
  if (values.now !== undefined) options.now = values.now;
  if (!values.quiet) options.log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  return options;
}

/** Runs the server until SIGINT/SIGTERM. */
export async function main(argv: string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseServerArgs(argv);
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('Usage:')) process.stdout.write(message);
    else {
      process.stderr.write(`${message}\n`);
      process.exitCode = 2;
    }
    return;
  }
  let running;
  try {
    running = await startBillingServer(options);
  } catch (error) {
    process.stderr.write(`The billing server did not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const store = running.service.store;
  const lines = [`Billing server on ${running.url} (${store.kind === 'sqlite' ? `SQLite ${store.location}` : `PostgreSQL ${store.location}`})`];
  const generated = running.auth.generatedSecret;
  if (generated !== null) {
    const token = await mintDevToken(generated, { sub: 'dev-billing-admin', account: DEFAULT_ACCOUNT_ID, roles: [BILLING_ROLE] });
    lines.push(
      'No BILLING_JWT_SECRET or BILLING_JWKS_URL: made a random development secret for this run.',
      `A billing-admin token for ${DEFAULT_ACCOUNT_ID} (8 hours): Authorization: Bearer ${token}`,
    );
  }
  if (running.testSecret !== null) lines.push(`Test endpoints ON (loopback only): X-Test-Secret: ${running.testSecret}`);
  // The demo's Vite server reads this file to mint tokens and reach the test endpoints.
  const credentials = options.devCredentials;
  const wroteCredentials = credentials !== null && (generated !== null || running.testSecret !== null);
  if (wroteCredentials) {
    mkdirSync(dirname(credentials), { recursive: true });
    writeFileSync(credentials, `${JSON.stringify({ url: running.url, jwtSecret: generated, testSecret: running.testSecret }, null, 2)}\n`, { mode: 0o600 });
    lines.push(`Development secrets for the demo in ${credentials}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    if (wroteCredentials) rmSync(credentials, { force: true });
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
