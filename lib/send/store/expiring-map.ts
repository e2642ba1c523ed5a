/**
 * A map whose entries expire, with a hard cap on how many it holds: the memory store's storage.
 *
 * An FC instance lives for hours and may see millions of keys, so memory must stay bounded
 * without a timer (a frozen instance runs no timers, and a timer would keep a local process
 * alive). Expired entries are dropped lazily: when read, and all at once when the map is full.
 * Only when every entry is still live does the map evict the least recently written one; that
 * entry's protection is lost early, which the cap's size makes rare.
 */

interface Entry<V> {
  value: V;
  /** Epoch ms, by the injected clock, at which the entry stops existing. */
  expiresAt: number;
}

/**
 * A string-keyed map of entries that expire by an injected clock, holding at most `maxKeys`.
 * @example
 * const map = new ExpiringMap<string>(Date.now, 10_000);
 * map.set('k', 'v', 60_000);
 * map.get('k'); // 'v' for the next minute, then undefined
 */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor(now: () => number, maxKeys: number) {
    if (!Number.isInteger(maxKeys) || maxKeys < 1) {
      throw new RangeError(`maxKeys must be a positive integer, got ${maxKeys}`);
    }
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Entries held, expired ones not yet pruned included. */
  get size(): number {
    return this.#entries.size;
  }

  /** The live value under `key`; an expired entry is dropped on the way. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.#now()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /** Stores `value` for `ttlMs` from now, making room first when the map is full. */
  set(key: string, value: V, ttlMs: number): void {
    this.#write(key, { value, expiresAt: this.#now() + ttlMs });
  }

  /** Replaces a live value and keeps its expiry (as HSET keeps a Redis key's TTL). */
  replace(key: string, value: V): void {
    const entry = this.#entries.get(key);
    if (entry) this.#write(key, { value, expiresAt: entry.expiresAt });
  }

  #write(key: string, entry: Entry<V>): void {
    // Deleting first moves the key to the end, so iteration order is least recently written first.
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxKeys) this.#makeRoom();
    this.#entries.set(key, entry);
  }

  /** Drops every expired entry, then the least recently written ones until one slot is free. */
  #makeRoom(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.#maxKeys) return;
      this.#entries.delete(key);
    }
  }
}
