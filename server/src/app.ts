/**
 * The reference billing server: node:http routing over {@link BillingService}.
 *
 * Contract routes (docs/rest-contract.md): `GET /billing`, `PUT /billing/payment-method`,
 * `GET /billing/invoices/{id}/pdf`, each for the caller its bearer JWT names (auth.ts) and
 * limited per caller (rate-limit.ts). Bodies: `application/json` only, size and nesting
 * limited before they are parsed. CORS: an exact origin allow-list, empty by default.
 *
 * With `testEndpoints` (a loopback host only), also `/__test/*` (reset to a scenario, set the
 * clock, inject faults, list charges), each request needing the random `X-Test-Secret`;
 * nothing they do changes how callers authenticate. Never enable them in production.
 *
 * Logs one line per request (method, path, status, duration): never a body or a header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { isDownloadable } from '../../src/domain/invoices.js';
import { renderInvoicePdf } from '../../src/adapters/invoice-pdf.js';
import type { MemoryFailure } from '../../src/adapters/memory-adapter.js';
import { Authenticator, type AuthOptions } from './auth.js';
import { BillingService, viewerOf, type Caller } from './billing.js';
import { FaultQueue, parseFault, type Fault, type FaultRoute } from './faults.js';
import {
  BodyTooLarge,
  PROBLEM_TYPES,
  applyCors,
  checkOrigins,
  jsonTooDeep,
  mediaType,
  problem,
  readBody,
  sendJson,
  sendPreflight,
  sendProblem,
  sendText,
  type CorsOptions,
} from './http.js';
import { scenarioNames, seedData } from './seed.js';
import { DEFAULT_RATE_LIMIT, PDF_COST, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { BillingStore } from './store.js';

export interface BillingServerOptions {
  /** SQLite file (created with its folder when missing); ignored with `databaseUrl`. */
  dbPath?: string;
  /** PostgreSQL connection URL (`DATABASE_URL`): several instances may share the database. */
  databaseUrl?: string;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 8787; 0 for any free port). */
  port?: number;
  /** Seed this scenario at start, replacing the data. Without it, an empty database gets the default scenario and a seeded one is kept. */
  scenario?: string;
  /** With `scenario`: fix the clock at this ISO 8601 instant (default: real time). */
  now?: string;
  /**
   * Enable the `/__test/*` endpoints (reset, clock, faults, charges): only on a loopback
   * `host`, and only for requests carrying `X-Test-Secret: <testSecret>`.
   */
  testEndpoints?: boolean;
  /** The test endpoints' secret (default: random, see `RunningBillingServer.testSecret`). */
  testSecret?: string;
  /** Origins allowed by CORS, exact (default none: same origin, or a proxy as in the demo). */
  corsOrigins?: string[];
  /** How bearer tokens are verified (default: a random HS256 secret made at start). */
  auth?: AuthOptions;
  /** Per-caller rate limit (default {@link DEFAULT_RATE_LIMIT}); `false` turns it off (load tests). */
  rateLimit?: RateLimitOptions | false;
  /** Receives one line per request; default none. */
  log?: (line: string) => void;
}

export interface RunningBillingServer {
  /** `http://host:port`, the adapter's `baseUrl`. */
  url: string;
  port: number;
  service: BillingService;
  faults: FaultQueue;
  auth: Authenticator;
  /** The secret of the test endpoints (null when they are off). */
  testSecret: string | null;
  close(): Promise<void>;
}

const JSON_BODY_LIMIT = 64 * 1024;
/** Deeper arrays and objects answer 400 before the body is parsed (a submission nests 3 levels). */
export const JSON_DEPTH_LIMIT = 16;
export const TEST_SECRET_HEADER = 'x-test-secret';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
export const DEFAULT_SCENARIO = 'outstanding-5';

type Route = { name: Exclude<FaultRoute, 'any'>; method: 'GET' | 'PUT'; invoiceId?: string };

function matchRoute(path: string): Route | null {
  if (path === '/billing') return { name: 'billing', method: 'GET' };
  if (path === '/billing/payment-method') return { name: 'payment-method', method: 'PUT' };
  const pdf = /^\/billing\/invoices\/([^/]+)\/pdf$/.exec(path);
  if (pdf) {
    try {
      return { name: 'invoice-pdf', method: 'GET', invoiceId: decodeURIComponent(pdf[1]!) };
    } catch {
      return null;
    }
  }
  return null;
}

/** A response computed but not yet sent (so a fault can replace or truncate it). */
interface Reply {
  status: number;
  contentType: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

function jsonReply(status: number, body: string): Reply {
  return {
    status,
    contentType: status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
    body,
  };
}

function problemReply(...args: Parameters<typeof problem>): Reply {
  return jsonReply(args[0], JSON.stringify(problem(...args)));
}

function send(res: ServerResponse, reply: Reply): void {
  sendText(res, reply.status, reply.contentType, reply.body, reply.headers);
}

/** The fault that stands for a scenario's failing backend (MemoryBillingAdapter's `fail`). */
function failureFault(failure: NonNullable<MemoryFailure>): Fault {
  switch (failure) {
    case 'network':
      return { route: 'any', kind: 'reset' };
    case 'timeout':
      return { route: 'any', kind: 'problem', status: 504, code: 'timeout' };
    case 'server':
      return { route: 'any', kind: 'problem', status: 500 };
    case 'unauthorized':
      return { route: 'any', kind: 'problem', status: 401 };
    case 'rate_limited':
      return { route: 'any', kind: 'rate-limit', retryAfter: 30 };
    case 'malformed':
      return { route: 'any', kind: 'malformed-json' };
  }
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address));
}

/** Compares two secrets in constant time (of their SHA-256 digests, so lengths leak nothing either). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function createBillingServer(
  options: BillingServerOptions,
): Promise<{ server: Server; service: BillingService; faults: FaultQueue; store: BillingStore; auth: Authenticator; testSecret: string | null }> {
  const host = options.host ?? '127.0.0.1';
  if (options.testEndpoints && !isLoopbackHost(host)) {
    throw new TypeError(`The test endpoints exist only on a loopback address; --host ${host} is not one.`);
  }
  const testSecret = options.testEndpoints ? (options.testSecret ?? randomBytes(24).toString('base64url')) : null;
  const cors: CorsOptions = { origins: checkOrigins(options.corsOrigins ?? []) };
  const auth = new Authenticator(options.auth);
  const limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const store = await BillingStore.open(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dbPath: options.dbPath ?? ':memory:' });
  const service = new BillingService(store);
  const faults = new FaultQueue();

  try {
    if (options.scenario !== undefined) {
      const { fail, accounts } = await seedData(options.scenario, options.now);
      await service.reset(accounts, options.now ?? null, fail);
    } else if (!(await store.hasAccounts())) {
      const { fail, accounts } = await seedData(DEFAULT_SCENARIO);
      await service.reset(accounts, null, fail);
    }
  } catch (error) {
    await store.close();
    throw error;
  }

  const unauthorized = (res: ServerResponse, detail: string) =>
    sendProblem(res, problem(401, 'unauthorized', PROBLEM_TYPES.unauthorized, 'Unauthorized', detail), { 'WWW-Authenticate': 'Bearer' });

  async function contract(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // No request is served without a valid token: not even a 404.
    const verdict = await auth.verify(req.headers.authorization);
    if (!verdict.ok) {
      req.resume();
      unauthorized(res, verdict.reason);
      return;
    }
    const caller = verdict.caller;
    const route = matchRoute(path);
    if (limiter) {
      const wait = limiter.take(`${caller.account}\n${caller.sub}`, route?.name === 'invoice-pdf' ? PDF_COST : 1);
      if (wait > 0) {
        req.resume();
        sendProblem(res, problem(429, 'rate_limited', PROBLEM_TYPES.rateLimited, 'Too many requests', `Rate limit reached: retry in ${wait} s.`), {
          'Retry-After': String(wait),
        });
        return;
      }
    }
    if (!route) {
      req.resume();
      sendProblem(res, problem(404, 'invalid_request', PROBLEM_TYPES.notFound, 'Not found', 'No such resource.'));
      return;
    }
    if (req.method !== route.method && !(route.method === 'GET' && req.method === 'HEAD')) {
      req.resume();
      sendProblem(res, problem(405, 'invalid_request', PROBLEM_TYPES.methodNotAllowed, 'Method not allowed', `Use ${route.method}.`), {
        Allow: route.method,
      });
      return;
    }

    const failure = await service.failure();
    const fault = failure ? failureFault(failure) : faults.take(route.name, false);
    if (fault?.kind === 'stall') {
      await new Promise<void>((resolve) => faults.stall(res, fault.stallMs ?? 60_000, resolve));
      if (res.destroyed) return;
    } else if (fault && (route.name === 'payment-method' || fault.kind !== 'reset')) {
      // Before the handler: a PUT is not processed at all.
      req.resume();
      faults.respond(fault, res);
      return;
    }

    const reply = await handle(req, route, caller);
    const late = fault?.kind === 'reset' ? fault : route.name === 'payment-method' ? faults.take(route.name, true) : null;
    if (late?.kind === 'stall') {
      faults.stall(res, late.stallMs ?? 60_000, () => send(res, reply));
    } else if (late) {
      faults.respond(late, res, { body: reply.body, contentType: reply.contentType });
    } else {
      send(res, reply);
    }
  }

  /** The body of a JSON request: size, media type and nesting checked before it is parsed. */
  async function jsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> {
    if (mediaType(req) !== 'application/json') {
      req.resume();
      return { ok: false, reply: problemReply(415, 'invalid_request', PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type', 'Send the body as application/json.') };
    }
    let text: string;
    try {
      text = await readBody(req, JSON_BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyTooLarge) return { ok: false, reply: problemReply(413, 'invalid_request', PROBLEM_TYPES.payloadTooLarge, 'Payload too large', error.message) };
      throw error;
    }
    if (jsonTooDeep(text, JSON_DEPTH_LIMIT)) {
      return {
        ok: false,
        reply: problemReply(400, 'invalid_request', PROBLEM_TYPES.validation, 'JSON nested too deeply', `Arrays and objects may nest at most ${JSON_DEPTH_LIMIT} levels.`),
      };
    }
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, reply: problemReply(400, 'invalid_request', PROBLEM_TYPES.validation, 'Malformed JSON', 'The request body is not valid JSON.') };
    }
  }

  async function handle(req: IncomingMessage, route: Route, caller: Caller): Promise<Reply> {
    if (route.name === 'billing') {
      const snapshot = await service.snapshot(caller);
      if (!snapshot) return problemReply(403, 'unauthorized', PROBLEM_TYPES.forbidden, 'Forbidden', 'The token names no billing account of this server.');
      return jsonReply(200, JSON.stringify(snapshot));
    }

    if (route.name === 'invoice-pdf') {
      if (!viewerOf(caller).canManageBilling) {
        return problemReply(403, 'unauthorized', PROBLEM_TYPES.forbidden, 'Forbidden', 'Only viewers with the billing role may download invoices.');
      }
      const account = await store.account(caller.account);
      const invoice = account ? await store.invoice(caller.account, route.invoiceId!) : null;
      if (!account || !invoice) return problemReply(404, 'invalid_request', PROBLEM_TYPES.notFound, 'Not found', 'No invoice has this id.');
      if (!isDownloadable(invoice)) {
        return problemReply(
          404,
          'invalid_request',
          PROBLEM_TYPES.notFound,
          'Not available',
          'Invoices finalized before 2022-01-01 cannot be downloaded; contact your account manager.',
        );
      }
      const pdf = await renderInvoicePdf(invoice, account);
      const filename = `invoice-${invoice.number.replace(/[^\w.-]+/g, '_')}.pdf`;
      return { status: 200, contentType: 'application/pdf', body: pdf, headers: { 'Content-Disposition': `attachment; filename="${filename}"` } };
    }

    // PUT /billing/payment-method
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      req.resume();
      return problemReply(
        400,
        'invalid_request',
        PROBLEM_TYPES.idempotencyKeyMissing,
        'Idempotency-Key required',
        'Send an Idempotency-Key header of 1–255 visible ASCII characters (a UUID), the same for every retry of one submission.',
      );
    }
    const body = await jsonBody(req);
    if (!body.ok) return body.reply;
    const outcome = await service.submitPaymentMethod(caller, key, body.value);
    const reply = jsonReply(outcome.status, outcome.body);
    if (outcome.replayed) reply.headers = { 'Idempotent-Replayed': 'true' };
    return reply;
  }

  async function testEndpoint(req: IncomingMessage, res: ServerResponse, path: string, search: URLSearchParams): Promise<void> {
    const given = req.headers[TEST_SECRET_HEADER];
    if (!isLoopbackAddress(req.socket.remoteAddress) || typeof given !== 'string' || !sameSecret(given, testSecret!)) {
      req.resume();
      sendProblem(res, problem(403, 'unauthorized', PROBLEM_TYPES.forbidden, 'Forbidden', 'The test endpoints need their secret (X-Test-Secret).'));
      return;
    }
    const input = async (): Promise<Record<string, unknown> | null> => {
      const body = await jsonBody(req);
      if (!body.ok) {
        send(res, body.reply);
        return null;
      }
      if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
        bad('body must be a JSON object');
        return null;
      }
      return body.value as Record<string, unknown>;
    };
    const bad = (detail: string) => sendProblem(res, problem(400, 'invalid_request', PROBLEM_TYPES.validation, 'Bad test request', detail));
    try {
      if (path === '/__test/reset' && req.method === 'POST') {
        const body = await input();
        if (!body) return;
        const name = typeof body.scenario === 'string' ? body.scenario : DEFAULT_SCENARIO;
        if (!scenarioNames().includes(name)) return bad(`scenario must be one of ${scenarioNames().join(', ')}`);
        const now = typeof body.now === 'string' ? body.now : undefined;
        const { fail, accounts, viewer } = await seedData(name, now);
        await service.reset(accounts, now ?? null, fail);
        faults.clear();
        sendJson(res, 200, { scenario: name, accounts: accounts.map(({ account }) => account.id), viewer });
        return;
      }
      if (path === '/__test/clock' && req.method === 'POST') {
        const body = await input();
        if (!body) return;
        if (body.now !== null && typeof body.now !== 'string') return bad('now must be an ISO 8601 string or null');
        await service.clock.set(body.now);
        sendJson(res, 200, { now: await service.clock.now(), fixed: (await service.clock.fixed()) !== null });
        return;
      }
      if (path === '/__test/faults' && req.method === 'POST') {
        const body = await input();
        if (!body) return;
        const list: Fault[] = (Array.isArray(body.faults) ? body.faults : [body]).map(parseFault);
        for (const fault of list) faults.add(fault);
        sendJson(res, 200, { pending: faults.pending() });
        return;
      }
      if (path === '/__test/faults' && req.method === 'DELETE') {
        faults.clear();
        sendJson(res, 200, { pending: [] });
        return;
      }
      if (path === '/__test/charges' && req.method === 'GET') {
        const charges = await store.charges(search.get('account') ?? undefined);
        const keys = charges.map((charge) => `${charge.accountId}\n${charge.idempotencyKey}`);
        sendJson(res, 200, {
          count: charges.length,
          total: charges.reduce((sum, charge) => sum + charge.amount, 0),
          duplicateKeys: charges.filter((_, i) => keys.indexOf(keys[i]!) !== i).map((charge) => charge.idempotencyKey),
          charges,
        });
        return;
      }
      sendProblem(res, problem(404, 'invalid_request', PROBLEM_TYPES.notFound, 'Not found', 'No such test endpoint.'));
    } catch (error) {
      bad(error instanceof Error ? error.message : 'bad request');
    }
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (options.log) {
      res.on('close', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        options.log!(`${req.method} ${path} ${res.headersSent ? res.statusCode : '-'} ${ms.toFixed(1)}ms${res.writableFinished ? '' : ' (aborted)'}`);
      });
    }
    if (req.method === 'OPTIONS') {
      req.resume();
      sendPreflight(req, res, cors);
      return;
    }

    let work: Promise<void>;
    if (path.startsWith('/__test/') && testSecret !== null) {
      // No CORS headers: a page of any origin cannot read what these answer.
      work = testEndpoint(req, res, path, url.searchParams);
    } else {
      applyCors(req, res, cors);
      work = contract(req, res, path);
    }
    work.catch((error: unknown) => {
      options.log?.(`error: ${error instanceof Error ? error.name : 'unknown'}`);
      if (!res.headersSent) sendProblem(res, problem(500, 'server', PROBLEM_TYPES.server, 'Internal server error', 'The billing server failed.'));
      else res.destroy();
    });
  });
  server.on('close', () => {
    faults.dispose();
    void store.close();
  });
  return { server, service, faults, store, auth, testSecret };
}

/** Starts the server and resolves once it listens. */
export async function startBillingServer(options: BillingServerOptions): Promise<RunningBillingServer> {
  const { server, service, faults, store, auth, testSecret } = await createBillingServer(options);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    service,
    faults,
    auth,
    testSecret,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        faults.dispose();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }).then(() => store.close())),
  };
}
