/**
 * Remembers recent `SignatureNonce` values so a replayed request fails with
 * `SignatureNonceUsed`, as the real gateway does (reference mpaas-openapi.md §1.2).
 *
 * Memory stays bounded two ways: entries are dropped once their time is up (insertion order is
 * expiry order, because every entry lives equally long, so pruning only looks at the front of
 * the map), and a hard cap evicts the oldest entries if a burst outruns the time window.
 */

/** Options of a {@link NonceCache}. */
export interface NonceCacheOptions {
  /** How long a nonce is remembered, in milliseconds. */
  ttlMs: number;
  /** The most nonces held at once; the oldest go first. */
  maxEntries: number;
  /** The emulator's clock. */
  now: () => Date;
}

/** A time-bounded set of nonces already seen. */
export class NonceCache {
  readonly #expiries = new Map<string, number>();
  readonly #options: NonceCacheOptions;

  constructor(options: NonceCacheOptions) {
    this.#options = options;
  }

  /**
   * Records `nonce` and says whether it was new.
   * @example cache.remember('n1') // true; a second call within the TTL returns false
   */
  remember(nonce: string): boolean {
    const now = this.#options.now().getTime();
    this.#prune(now);
    if (this.#expiries.has(nonce)) return false;
    this.#expiries.set(nonce, now + this.#options.ttlMs);
    while (this.#expiries.size > this.#options.maxEntries) {
      const oldest = this.#expiries.keys().next();
      if (oldest.done) break;
      this.#expiries.delete(oldest.value);
    }
    return true;
  }

  /** How many nonces are currently remembered. */
  get size(): number {
    return this.#expiries.size;
  }

  #prune(now: number): void {
    for (const [nonce, expiresAt] of this.#expiries) {
      if (expiresAt > now) return;
      this.#expiries.delete(nonce);
    }
  }
}
