/**
 * Fault injection for tests (only with the test endpoints enabled): a queue of faults, each
 * applied to the next `count` requests of a route, in the order they were added.
 *
 * - `stall`: answer nothing for `stallMs` (default 60 s), then answer normally if the client is still there;
 * - `problem`: `status` (default 500) with problem details (`code`, default from the status);
 * - `rate-limit`: 429 with `Retry-After: retryAfter` (default `1`) and a `rate_limited` problem;
 * - `malformed-json`: 200, `application/json`, a truncated JSON text;
 * - `html`: 200, `text/html`, an error page (a misconfigured proxy);
 * - `reset`: 200 headers and half the body, then the connection is destroyed.
 *
 * With `after: true` (PUT only) the real handler runs first — the card is charged and the
 * response stored under the key — and the fault replaces its response: the client sees a
 * failure although the server succeeded, and a retry with the same key must not charge again.
 */
import type { ServerResponse } from 'node:http';
import { codeForStatus, type BillingErrorCode } from '../../src/domain/errors.js';
import { PROBLEM_TYPES, problem, sendJson, sendProblem, sendText } from './http.js';

export type FaultRoute = 'billing' | 'payment-method' | 'invoice-pdf' | 'any';
export type FaultKind = 'stall' | 'problem' | 'rate-limit' | 'malformed-json' | 'html' | 'reset';

export interface Fault {
  route: FaultRoute;
  kind: FaultKind;
  /** How many matching requests this fault applies to (default 1). */
  count?: number;
  /** `problem`: the HTTP status (default 500). */
  status?: number;
  /** `problem`: the problem's `code` (default from the status). */
  code?: BillingErrorCode;
  /** `rate-limit`: the Retry-After header value (seconds or an HTTP date; default `1`). */
  retryAfter?: string | number;
  /** `stall`: how long to hold the request, in ms (default 60000). */
  stallMs?: number;
  /** PUT only: run the real handler first, then fail. */
  after?: boolean;
}

const KINDS: readonly FaultKind[] = ['stall', 'problem', 'rate-limit', 'malformed-json', 'html', 'reset'];
const ROUTES: readonly FaultRoute[] = ['billing', 'payment-method', 'invoice-pdf', 'any'];

/** Validates a fault from a test's JSON; throws a TypeError naming the bad field. */
export function parseFault(data: unknown): Fault {
  if (typeof data !== 'object' || data === null) throw new TypeError('fault must be an object');
  const f = data as Record<string, unknown>;
  if (!ROUTES.includes(f.route as FaultRoute)) throw new TypeError(`fault.route must be one of ${ROUTES.join(', ')}`);
  if (!KINDS.includes(f.kind as FaultKind)) throw new TypeError(`fault.kind must be one of ${KINDS.join(', ')}`);
  if (f.count !== undefined && !(Number.isInteger(f.count) && (f.count as number) > 0)) throw new TypeError('fault.count must be a positive integer');
  if (f.status !== undefined && !(Number.isInteger(f.status) && (f.status as number) >= 400 && (f.status as number) <= 599)) {
    throw new TypeError('fault.status must be 400–599');
  }
  if (f.stallMs !== undefined && !(typeof f.stallMs === 'number' && f.stallMs >= 0)) throw new TypeError('fault.stallMs must be a non-negative number');
  return f as unknown as Fault;
}

export class FaultQueue {
  #faults: (Fault & { remaining: number })[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  add(fault: Fault): void {
    this.#faults.push({ ...fault, remaining: fault.count ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  pending(): Fault[] {
    return this.#faults.map(({ remaining, ...fault }) => ({ ...fault, count: remaining }));
  }

  /** Takes the first fault for `route` (with the given timing), if any. */
  take(route: Exclude<FaultRoute, 'any'>, after: boolean): Fault | null {
    const index = this.#faults.findIndex((f) => (f.route === route || f.route === 'any') && Boolean(f.after) === after);
    if (index < 0) return null;
    const fault = this.#faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    return fault;
  }

  /** Holds a request for `ms`, then runs `resume` unless the client left. */
  stall(res: ServerResponse, ms: number, resume: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!res.destroyed && !res.writableEnded) resume();
    }, ms);
    this.#timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
    });
  }

  /** Stops every pending stall (server shutdown). */
  dispose(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.clear();
  }

  /**
   * Answers `res` with a fault (all kinds but `stall`). `real` is what the real response would
   * have been (used by `reset` to send a believable half of it).
   */
  respond(fault: Fault, res: ServerResponse, real: { body: string | Uint8Array; contentType: string } = { body: '{"snapshot":{}}', contentType: 'application/json' }): void {
    switch (fault.kind) {
      case 'problem': {
        const status = fault.status ?? 500;
        const code = fault.code ?? codeForStatus(status);
        sendProblem(res, problem(status, code, PROBLEM_TYPES.server, 'Injected failure', `Injected ${status} (test fault).`));
        return;
      }
      case 'rate-limit':
        sendProblem(
          res,
          problem(429, 'rate_limited', PROBLEM_TYPES.rateLimited, 'Too many requests', 'Slow down (test fault).'),
          { 'Retry-After': String(fault.retryAfter ?? 1) },
        );
        return;
      case 'malformed-json':
        sendJson(res, 200, '{"now": "2024-01-01", "account": {"id": ');
        return;
      case 'html':
        sendText(res, 200, 'text/html; charset=utf-8', '<!doctype html><title>Maintenance</title><h1>We will be right back</h1>');
        return;
      case 'reset': {
        const bytes = typeof real.body === 'string' ? Buffer.from(real.body, 'utf8') : Buffer.from(real.body);
        res.writeHead(200, { 'Content-Type': real.contentType, 'Content-Length': String(bytes.byteLength), 'Cache-Control': 'no-store' });
        res.flushHeaders();
        res.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.byteLength / 2))), () => {
          setTimeout(() => res.socket?.destroy(), 20);
        });
        return;
      }
      case 'stall':
        throw new Error('stall faults are applied with stall()');
    }
  }
}
