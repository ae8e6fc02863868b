/** Shared helpers of the server's Node tests (bundled and run by scripts/test-server.mjs). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { startBillingServer, type BillingServerOptions, type RunningBillingServer } from '../src/index.js';
import type { PaymentSubmission } from '../../src/domain/types.js';

/** The fixed "now" of most tests: scenarios are placed relative to it. */
export const NOW = '2025-03-15T12:00:00Z';

export function tempDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'billing-server-test-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(options: Partial<BillingServerOptions> & { dbPath: string }): Promise<RunningBillingServer> {
  return startBillingServer({ host: '127.0.0.1', port: 0, testEndpoints: true, scenario: 'outstanding-5', now: NOW, ...options });
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

export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, init);
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

export async function charges(base: string): Promise<{ count: number; total: number; duplicateKeys: string[]; charges: { idempotencyKey: string; amount: number }[] }> {
  return (await request(`${base}/__test/charges`)).json as never;
}

export function post(base: string, path: string, body: unknown): Promise<Reply> {
  return request(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
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
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node .cache/server/cli.mjs` (built by scripts/test-server.mjs) and waits for its URL. */
export function spawnServer(args: string[]): Promise<ServerProcess> {
  const cli = process.env.BILLING_SERVER_CLI;
  if (!cli) throw new Error('BILLING_SERVER_CLI is not set: run through scripts/test-server.mjs');
  const child = spawn(process.execPath, [cli, '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err}`));
    }, 15_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
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
