/**
 * The reference billing server: node:http routing over {@link BillingService}.
 *
 * Contract routes (docs/rest-contract.md): `GET /billing`, `PUT /billing/payment-method`,
 * `GET /billing/invoices/{id}/pdf`. With `testEndpoints`, also `/__test/*` (reset to a
 * scenario, set the clock, inject faults, list charges) — never enable those in production.
 *
 * Logs one line per request (method, path, status, duration): never a body or a header.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { isDownloadable } from '../../src/domain/invoices.js';
import { renderInvoicePdf } from '../../src/adapters/invoice-pdf.js';
import type { MemoryFailure } from '../../src/adapters/memory-adapter.js';
import { BillingService } from './billing.js';
import { FaultQueue, parseFault, type Fault, type FaultRoute } from './faults.js';
import {
  BodyTooLarge,
  PROBLEM_TYPES,
  applyCors,
  problem,
  readBody,
  sendJson,
  sendPreflight,
  sendProblem,
  sendText,
  type CorsOptions,
} from './http.js';
import { scenarioNames, seedData } from './seed.js';
import { BillingStore } from './store.js';

export interface BillingServerOptions {
  /** SQLite file (created with its folder when missing). */
  dbPath: string;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 8787; 0 for any free port). */
  port?: number;
  /** Seed this scenario at start, replacing the data in the file. Without it, an empty file gets the default scenario and a seeded one is kept. */
  scenario?: string;
  /** With `scenario`: fix the clock at this ISO 8601 instant (default: real time). */
  now?: string;
  /** Enable the `/__test/*` endpoints (reset, clock, faults, charges). */
  testEndpoints?: boolean;
  /** Origins allowed by CORS: exact origins, `'*'`, or `'loopback'` (default: `['loopback']`). */
  corsOrigins?: string[];
  /** Require `Authorization: Bearer <token>` on the contract routes. */
  token?: string;
  /** Receives one line per request; default none. */
  log?: (line: string) => void;
}

export interface RunningBillingServer {
  /** `http://host:port`, the adapter's `baseUrl`. */
  url: string;
  port: number;
  service: BillingService;
  faults: FaultQueue;
  close(): Promise<void>;
}

const JSON_BODY_LIMIT = 64 * 1024;
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

export async function createBillingServer(
  options: BillingServerOptions,
): Promise<{ server: Server; service: BillingService; faults: FaultQueue; store: BillingStore }> {
  const store = new BillingStore(options.dbPath);
  const service = new BillingService(store);
  const faults = new FaultQueue();
  const cors: CorsOptions = { origins: options.corsOrigins ?? ['loopback'] };
  let token = options.token ?? null;

  try {
    if (options.scenario !== undefined) {
      const { fail, ...data } = await seedData(options.scenario, options.now);
      service.reset(data, options.now ?? null, fail);
    } else if (service.accountId() === null) {
      const { fail, ...data } = await seedData(DEFAULT_SCENARIO);
      service.reset(data, null, fail);
    }
  } catch (error) {
    store.close();
    throw error;
  }

  async function contract(req: IncomingMessage, res: ServerResponse, route: Route): Promise<void> {
    if (req.method !== route.method && !(route.method === 'GET' && req.method === 'HEAD')) {
      sendProblem(res, problem(405, 'invalid_request', PROBLEM_TYPES.methodNotAllowed, 'Method not allowed', `Use ${route.method}.`), {
        Allow: route.method,
      });
      return;
    }
    if (token !== null && req.headers.authorization !== `Bearer ${token}`) {
      sendProblem(res, problem(401, 'unauthorized', PROBLEM_TYPES.unauthorized, 'Unauthorized', 'A valid bearer token is required.'), {
        'WWW-Authenticate': 'Bearer',
      });
      return;
    }

    const failure = service.failure();
    const fault = failure ? failureFault(failure) : faults.take(route.name, false);
    if (fault?.kind === 'stall') {
      await new Promise<void>((resolve) => faults.stall(res, fault.stallMs ?? 60_000, resolve));
      if (res.destroyed) return;
    } else if (fault && (route.name === 'payment-method' || fault.kind !== 'reset')) {
      // Before the handler: a PUT is not processed at all.
      faults.respond(fault, res);
      return;
    }

    const reply = await handle(req, route);
    const late = fault?.kind === 'reset' ? fault : route.name === 'payment-method' ? faults.take(route.name, true) : null;
    if (late?.kind === 'stall') {
      faults.stall(res, late.stallMs ?? 60_000, () => send(res, reply));
    } else if (late) {
      faults.respond(late, res, { body: reply.body, contentType: reply.contentType });
    } else {
      send(res, reply);
    }
  }

  async function handle(req: IncomingMessage, route: Route): Promise<Reply> {
    if (route.name === 'billing') {
      const snapshot = service.snapshot();
      if (!snapshot) return problemReply(503, 'server', PROBLEM_TYPES.unavailable, 'No account', 'The server has no account.');
      return jsonReply(200, JSON.stringify(snapshot));
    }

    if (route.name === 'invoice-pdf') {
      const accountId = service.accountId();
      const account = accountId === null ? null : store.account(accountId);
      const invoice = accountId === null ? null : store.invoice(accountId, route.invoiceId!);
      if (!account || !invoice) return problemReply(404, 'invalid_request', PROBLEM_TYPES.notFound, 'Not found', 'No invoice has this id.');
      if (service.snapshot()?.viewer.canManageBilling === false) {
        return problemReply(403, 'unauthorized', PROBLEM_TYPES.forbidden, 'Forbidden', 'Only viewers with the billing role may download invoices.');
      }
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
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      return problemReply(415, 'invalid_request', PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type', 'Send the submission as application/json.');
    }
    let text: string;
    try {
      text = await readBody(req, JSON_BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyTooLarge) return problemReply(413, 'invalid_request', PROBLEM_TYPES.payloadTooLarge, 'Payload too large', error.message);
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return problemReply(400, 'invalid_request', PROBLEM_TYPES.validation, 'Malformed JSON', 'The request body is not valid JSON.');
    }
    const outcome = await service.submitPaymentMethod(key, body);
    const reply = jsonReply(outcome.status, outcome.body);
    if (outcome.replayed) reply.headers = { 'Idempotent-Replayed': 'true' };
    return reply;
  }

  async function testEndpoint(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const input = async (): Promise<Record<string, unknown>> => {
      const text = await readBody(req, JSON_BODY_LIMIT);
      const value = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
      if (typeof value !== 'object' || value === null) throw new TypeError('body must be a JSON object');
      return value as Record<string, unknown>;
    };
    const bad = (detail: string) => sendProblem(res, problem(400, 'invalid_request', PROBLEM_TYPES.validation, 'Bad test request', detail));
    try {
      if (path === '/__test/reset' && req.method === 'POST') {
        const body = await input();
        const name = typeof body.scenario === 'string' ? body.scenario : DEFAULT_SCENARIO;
        if (!scenarioNames().includes(name)) return bad(`scenario must be one of ${scenarioNames().join(', ')}`);
        const now = typeof body.now === 'string' ? body.now : undefined;
        const { fail, ...data } = await seedData(name, now);
        service.reset(data, now ?? null, fail);
        faults.clear();
        token = typeof body.token === 'string' ? body.token : (options.token ?? null);
        sendJson(res, 200, { scenario: name, snapshot: service.snapshot() });
        return;
      }
      if (path === '/__test/clock' && req.method === 'POST') {
        const body = await input();
        if (body.now !== null && typeof body.now !== 'string') return bad('now must be an ISO 8601 string or null');
        service.clock.set(body.now);
        sendJson(res, 200, { now: service.clock.now(), fixed: service.clock.fixed() !== null });
        return;
      }
      if (path === '/__test/faults' && req.method === 'POST') {
        const body = await input();
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
        const charges = store.charges();
        const keys = charges.map((charge) => charge.idempotencyKey);
        sendJson(res, 200, {
          count: charges.length,
          total: charges.reduce((sum, charge) => sum + charge.amount, 0),
          duplicateKeys: keys.filter((key, i) => keys.indexOf(key) !== i),
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
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (options.log) {
      res.on('close', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        options.log!(`${req.method} ${path} ${res.headersSent ? res.statusCode : '-'} ${ms.toFixed(1)}ms${res.writableFinished ? '' : ' (aborted)'}`);
      });
    }
    if (req.method === 'OPTIONS') {
      sendPreflight(req, res, cors);
      return;
    }
    applyCors(req, res, cors);

    let work: Promise<void>;
    if (path.startsWith('/__test/')) {
      work = options.testEndpoints
        ? testEndpoint(req, res, path)
        : Promise.resolve(sendProblem(res, problem(404, 'invalid_request', PROBLEM_TYPES.notFound, 'Not found', 'No such resource.')));
    } else {
      const route = matchRoute(path);
      work = route
        ? contract(req, res, route)
        : Promise.resolve(sendProblem(res, problem(404, 'invalid_request', PROBLEM_TYPES.notFound, 'Not found', 'No such resource.')));
    }
    work.catch((error: unknown) => {
      options.log?.(`error: ${error instanceof Error ? error.name : 'unknown'}`);
      if (!res.headersSent) sendProblem(res, problem(500, 'server', PROBLEM_TYPES.server, 'Internal server error', 'The billing server failed.'));
      else res.destroy();
    });
  });
  server.on('close', () => {
    faults.dispose();
    store.close();
  });
  return { server, service, faults, store };
}

/** Starts the server and resolves once it listens. */
export async function startBillingServer(options: BillingServerOptions): Promise<RunningBillingServer> {
  const { server, service, faults } = await createBillingServer(options);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    service,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        faults.dispose();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
