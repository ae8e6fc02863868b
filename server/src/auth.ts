/**
 * Who is calling: every contract request carries `Authorization: Bearer <JWT>`, verified with
 * `jose` —
 *
 * - development: HS256 under the secret in `BILLING_JWT_SECRET` (at least 32 characters);
 * - production: the keys published at `BILLING_JWKS_URL` (RS256, PS256, ES256, EdDSA …);
 * - neither: a random development secret made at start (the CLI prints a billing-admin token).
 *
 * Claims: `sub` (the caller), `account` (the account id it acts for), `roles` (an array of
 * strings; `billing_admin` may see and change payment information), `exp` (required). The
 * algorithm is pinned per mode, so `alg: none` and any other algorithm are refused; signature
 * checks are jose's (constant-time). Optional `BILLING_JWT_ISSUER` / `BILLING_JWT_AUDIENCE`
 * are checked when set.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { BILLING_ROLE, type Caller } from './billing.js';

export interface AuthOptions {
  /** HS256 secret (development). */
  jwtSecret?: string;
  /** URL of a JSON Web Key Set (production). */
  jwksUrl?: string;
  /** Required `iss`, when set. */
  issuer?: string;
  /** Required `aud`, when set. */
  audience?: string;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
export const MIN_SECRET_LENGTH = 32;

export type AuthResult = { ok: true; caller: Caller } | { ok: false; reason: string };

export class Authenticator {
  readonly mode: 'secret' | 'jwks';
  /** The HS256 secret when this server made it up (no secret, no JWKS configured). */
  readonly generatedSecret: string | null;
  readonly #key: Uint8Array | JWTVerifyGetKey;
  readonly #algorithms: string[];
  readonly #options: AuthOptions;

  constructor(options: AuthOptions = {}) {
    this.#options = options;
    if (options.jwksUrl) {
      let url: URL;
      try {
        url = new URL(options.jwksUrl);
      } catch {
        throw new TypeError('BILLING_JWKS_URL is not a URL.');
      }
      this.mode = 'jwks';
      this.generatedSecret = null;
      this.#key = createRemoteJWKSet(url, { timeoutDuration: 5000, cooldownDuration: 30_000 });
      this.#algorithms = ASYMMETRIC;
      return;
    }
    if (options.jwtSecret !== undefined && options.jwtSecret.length < MIN_SECRET_LENGTH) {
      throw new TypeError(`BILLING_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters.`);
    }
    this.mode = 'secret';
    this.generatedSecret = options.jwtSecret === undefined ? randomBytes(32).toString('base64url') : null;
    this.#key = new TextEncoder().encode(options.jwtSecret ?? this.generatedSecret!);
    this.#algorithms = ['HS256'];
  }

  /** The secret tokens are signed with in `secret` mode (configured or generated). */
  get secret(): string | null {
    return this.mode === 'secret' ? (this.#options.jwtSecret ?? this.generatedSecret) : null;
  }

  /** Checks an `Authorization` header; the reason is for the log and the 401's detail (never the token). */
  async verify(header: string | undefined): Promise<AuthResult> {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header ?? '');
    if (!match) return { ok: false, reason: 'A bearer token (a JWT) is required.' };
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        algorithms: this.#algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
        ...(this.#options.issuer ? { issuer: this.#options.issuer } : {}),
        ...(this.#options.audience ? { audience: this.#options.audience } : {}),
      };
      ({ payload } =
        this.#key instanceof Uint8Array
          ? await jwtVerify(match[1]!, this.#key, verifyOptions)
          : await jwtVerify(match[1]!, this.#key, verifyOptions));
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      return { ok: false, reason: `The token was refused (${code}).` };
    }
    const { sub, account, roles } = payload as JWTPayload & { account?: unknown; roles?: unknown };
    if (typeof sub !== 'string' || sub === '') return { ok: false, reason: 'The token has no subject.' };
    if (typeof account !== 'string' || account === '') return { ok: false, reason: 'The token names no account.' };
    if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) return { ok: false, reason: 'The token has no roles array.' };
    return { ok: true, caller: { sub, account, roles } };
  }
}

export interface TokenClaims {
  sub: string;
  account: string;
  roles: string[];
  /** Lifetime: seconds, or a jose time span such as `'8h'` (default `'8h'`). */
  expiresIn?: number | string;
}

/** A development token: HS256 under `secret`, with the claims this server reads. */
export async function mintDevToken(secret: string, claims: TokenClaims): Promise<string> {
  const expiresIn = claims.expiresIn ?? '8h';
  return new SignJWT({ account: claims.account, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(typeof expiresIn === 'number' ? Math.floor(Date.now() / 1000) + expiresIn : expiresIn)
    .sign(new TextEncoder().encode(secret));
}

export { BILLING_ROLE };
