/** Small node:http helpers: JSON and problem responses, bounded body reading and nesting, CORS. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BillingErrorCode } from '../../src/domain/errors.js';
import type { ProblemDetails } from '../../src/domain/schemas.js';

/** Problem types (RFC 9457 `type`): URNs, so they never point at a host that does not exist. */
export const PROBLEM_TYPES = {
  validation: 'urn:billing-elements:problem:validation',
  cardDeclined: 'urn:billing-elements:problem:card-declined',
  idempotencyKeyMissing: 'urn:billing-elements:problem:idempotency-key-missing',
  idempotencyKeyReused: 'urn:billing-elements:problem:idempotency-key-reused',
  unauthorized: 'urn:billing-elements:problem:unauthorized',
  forbidden: 'urn:billing-elements:problem:forbidden',
  notFound: 'urn:billing-elements:problem:not-found',
  methodNotAllowed: 'urn:billing-elements:problem:method-not-allowed',
  unsupportedMediaType: 'urn:billing-elements:problem:unsupported-media-type',
  payloadTooLarge: 'urn:billing-elements:problem:payload-too-large',
  rateLimited: 'urn:billing-elements:problem:rate-limited',
  server: 'urn:billing-elements:problem:server',
  unavailable: 'urn:billing-elements:problem:unavailable',
} as const;

export function problem(
  status: number,
  code: BillingErrorCode,
  type: string,
  title: string,
  detail?: string,
  fieldErrors?: Record<string, string>,
): ProblemDetails {
  return {
    type,
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    code,
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, 'application/json; charset=utf-8', typeof body === 'string' ? body : JSON.stringify(body), headers);
}

export function sendProblem(res: ServerResponse, details: ProblemDetails, headers: Record<string, string> = {}): void {
  sendText(res, details.status, 'application/problem+json; charset=utf-8', JSON.stringify(details), headers);
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(bytes.byteLength),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(bytes);
}

export class BodyTooLarge extends Error {}

/** The media type of a request (`application/json` from `application/json; charset=utf-8`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Whether a JSON text nests arrays and objects deeper than `max`, found by one pass over the
 * characters (strings skipped), before anything parses or walks it.
 */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth -= 1;
  }
  return false;
}

/** The request body as UTF-8, refusing more than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new BodyTooLarge(`Request body over ${limit} bytes.`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.byteLength;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge(`Request body over ${limit} bytes.`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

export interface CorsOptions {
  /** Allowed origins, exact (`https://portal.example.com`); nothing else is echoed. Default: none (same origin or a proxy). */
  origins: string[];
}

const ORIGIN = /^https?:\/\/[^/\s?#*]+$/;

/** Checks an origin allow-list: exact `scheme://host[:port]` origins only, no wildcard. */
export function checkOrigins(origins: string[]): string[] {
  for (const origin of origins) {
    if (!ORIGIN.test(origin) || new URL(origin).origin !== origin) {
      throw new TypeError(`--cors-origin ${JSON.stringify(origin)}: give an exact origin such as https://portal.example.com (no wildcard, no path).`);
    }
  }
  return origins;
}

export function allowedOrigin(origin: string | undefined, cors: CorsOptions): string | null {
  if (!origin) return null;
  return cors.origins.includes(origin) ? origin : null;
}

export const CORS_ALLOW_HEADERS = 'Accept, Authorization, Content-Type, Idempotency-Key';
export const CORS_EXPOSE_HEADERS = 'Retry-After, Idempotent-Replayed, Content-Disposition';

/** Adds the CORS response headers for an allowed origin (credentials allowed: the origin is echoed, never `*`). */
export function applyCors(req: IncomingMessage, res: ServerResponse, cors: CorsOptions): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = allowedOrigin(req.headers.origin, cors);
  if (!origin) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
  return true;
}

export function sendPreflight(req: IncomingMessage, res: ServerResponse, cors: CorsOptions): void {
  const allowed = applyCors(req, res, cors);
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(204, { 'Content-Length': '0' });
  res.end();
}
