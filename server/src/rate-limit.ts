/**
 * A per-caller rate limit: one token bucket per caller (`account` + `sub` of the token) holding
 * up to `burst` tokens, refilled at `perSecond`. A request costs 1 token, an invoice PDF
 * {@link PDF_COST} (rendering one costs ~30 ms of CPU). An empty bucket answers 429 with
 * `Retry-After` (whole seconds until the request would fit), which HttpBillingAdapter honours.
 *
 * Kept in this process's memory: with several instances each limits on its own (put a shared
 * limiter in the proxy in front of them when that matters).
 */
export interface RateLimitOptions {
  /** Tokens added per second (default 10). */
  perSecond: number;
  /** Bucket size: requests allowed at once (default 60). */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 10, burst: 60 };
export const PDF_COST = 5;
const MAX_BUCKETS = 50_000;

export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #now: () => number;

  constructor(options: RateLimitOptions = DEFAULT_RATE_LIMIT, now: () => number = () => performance.now()) {
    if (!(options.perSecond > 0) || !(options.burst >= 1)) throw new RangeError('rate limit: perSecond must be > 0 and burst ≥ 1');
    this.#options = options;
    this.#now = now;
  }

  /** Takes `cost` tokens from `key`'s bucket: 0 when allowed, else the seconds to wait. */
  take(key: string, cost = 1): number {
    const { perSecond, burst } = this.#options;
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    // Refreshed buckets move to the end, so the first ones are the least recently used.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > MAX_BUCKETS) this.#buckets.delete(this.#buckets.keys().next().value!);
    const need = Math.min(cost, burst);
    if (bucket.tokens >= need) {
      bucket.tokens -= need;
      return 0;
    }
    return Math.max(1, Math.ceil((need - bucket.tokens) / perSecond));
  }
}
