/**
 * The reference billing server (Node only; nothing in src/ imports it). Bundled for Node by
 * scripts/run-server.mjs, which also runs {@link main}.
 */
import { parseArgs } from 'node:util';
import { startBillingServer, type BillingServerOptions } from './app.js';
import { scenarioNames } from './seed.js';

export { DEFAULT_SCENARIO, createBillingServer, startBillingServer, type BillingServerOptions, type RunningBillingServer } from './app.js';
export { BillingService, Clock, IDEMPOTENCY_TTL_MS } from './billing.js';
export { canonicalJson } from '../../src/domain/canonical-json.js';
export { DECLINED_CARD_NUMBER, DECLINED_TOKEN_PREFIX } from '../../src/domain/test-cards.js';
export { FaultQueue, type Fault, type FaultKind, type FaultRoute } from './faults.js';
export { BillingStore, type ChargeRecord, type SeedData } from './store.js';
export { scenarioNames, seedData } from './seed.js';

export const DEFAULT_DB_PATH = '.server-data/billing.sqlite';
export const DEFAULT_PORT = 8787;

const USAGE = `Usage: npm run server -- [options]

  --port <n>          port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <addr>       interface (default 127.0.0.1)
  --db <file>         SQLite file (default $BILLING_DB or ${DEFAULT_DB_PATH})
  --scenario <name>   reseed with a demo scenario at start (replaces the data in the file):
                      ${scenarioNames().join(', ')}
  --now <iso>         with --scenario: fix the server clock at this instant
  --test-endpoints    enable /__test/* (reset, clock, faults, charges): tests and demos only
  --cors-origin <o>   allow this origin (repeatable; '*' for any; default: any localhost origin)
  --token <t>         require "Authorization: Bearer <t>" (default $BILLING_TOKEN, none)
  --quiet             no request log
`;

/** Parses the command line into server options (throws a TypeError with the usage on bad input). */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BillingServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      scenario: { type: 'string' },
      now: { type: 'string' },
      'test-endpoints': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      token: { type: 'string' },
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
  const token = values.token ?? env.BILLING_TOKEN;
  const options: BillingServerOptions = {
    dbPath: values.db ?? env.BILLING_DB ?? DEFAULT_DB_PATH,
    host: values.host ?? '127.0.0.1',
    port,
    testEndpoints: values['test-endpoints'] ?? false,
    corsOrigins: values['cors-origin'] ?? ['loopback'],
  };
  if (values.scenario !== undefined) options.scenario = values.scenario;
  if (values.now !== undefined) options.now = values.now;
  if (token) options.token = token;
  if (!values.quiet) options.log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  return options;
}

/** Runs the server until SIGINT/SIGTERM. */
export async function main(argv: string[]): Promise<void> {
  let options: BillingServerOptions;
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
  const running = await startBillingServer(options);
  process.stdout.write(
    `Billing server on ${running.url} (db ${options.dbPath}${options.testEndpoints ? ', test endpoints ON' : ''}${options.token ? ', bearer token required' : ''})\n`,
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
