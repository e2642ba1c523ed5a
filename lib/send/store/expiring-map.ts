/**
 * A map whose entries expire, with a hard cap on what it holds: the memory store's storage.
 *
 * An FC instance lives for hours and may see millions of keys, so memory must stay bounded
 * without a timer (a frozen instance runs no timers, and a timer would keep a local process
 * alive). Expired entries are dropped lazily: when read, and all at once when the map is full.
 * Only when every entry is still live does the map evict the least recently written one; that
 * entry's protection is lost early, which the cap's size makes rare.
 *
 * An entry may weigh more than one (a request's record counts its chunks too), so the cap bounds
 * what the entries hold, not only how many there are.
 */

interface Entry<V> {
  value: V;
  /** Epoch ms, by the injected clock, at which the entry stops existing. */
  expiresAt: number;
  weight: number;
}

/**
 * A string-keyed map of entries that expire by an injected clock, holding at most `maxWeight`.
 * @example
 * const map = new ExpiringMap<string>(Date.now, 10_000);
 * map.set('k', 'v', 60_000);
 * map.get('k'); // 'v' for the next minute, then undefined
 */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #now: () => number;
  readonly #maxWeight: number;
  readonly #weigh: (value: V) => number;
  #weight = 0;

  constructor(now: () => number, maxWeight: number, weigh: (value: V) => number = () => 1) {
    if (!Number.isInteger(maxWeight) || maxWeight < 1) {
      throw new RangeError(`maxKeys must be a positive integer, got ${maxWeight}`);
    }
    this.#now = now;
    this.#maxWeight = maxWeight;
    this.#weigh = weigh;
  }

  /** What the entries weigh, expired ones not yet pruned included. */
  get size(): number {
    return this.#weight;
  }

  /** The live value under `key`; an expired entry is dropped on the way. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.#now()) return entry.value;
    this.#delete(key, entry);
    return undefined;
  }

  /** Stores `value` for `ttlMs` from now, making room first when the map is full. */
  set(key: string, value: V, ttlMs: number): void {
    this.#write(key, value, this.#now() + ttlMs);
  }

  /** Replaces a live value and keeps its expiry (as HSET keeps a Redis key's TTL). */
  replace(key: string, value: V): void {
    const entry = this.#entries.get(key);
    if (entry) this.#write(key, value, entry.expiresAt);
  }

  #write(key: string, value: V, expiresAt: number): void {
    // Deleting first moves the key to the end, so iteration order is least recently written first.
    const old = this.#entries.get(key);
    if (old) this.#delete(key, old);
    const weight = this.#weigh(value);
    if (this.#weight + weight > this.#maxWeight) this.#makeRoom(weight);
    this.#entries.set(key, { value, expiresAt, weight });
    this.#weight += weight;
  }

  #delete(key: string, entry: Entry<V>): void {
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  /** Drops every expired entry, then the least recently written ones until `needed` fits. */
  #makeRoom(needed: number): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#delete(key, entry);
    }
    for (const [key, entry] of this.#entries) {
      if (this.#weight + needed <= this.#maxWeight) return;
      this.#delete(key, entry);
    }
  }
}
