/**
 * What changed in an emulator, for the console's live view (`GET /_events`): every RPC call (a
 * push accepted or refused, a schedule listed or cancelled, a fault used) and every change made
 * through the control routes. Listeners hear only that something of a kind changed; the console
 * then reads the state again (`GET /_console/state`), so no event can be missed or misapplied.
 */

/** What changed. */
export type ChangeKind = 'rpc' | 'pushes' | 'faults' | 'templates';

/** The listeners of one emulator. */
export class Changes {
  readonly #listeners = new Set<(kind: ChangeKind) => void>();

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (kind: ChangeKind) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  notify(kind: ChangeKind): void {
    for (const listener of this.#listeners) listener(kind);
  }

  /** How many listen: the console's open pages. */
  get size(): number {
    return this.#listeners.size;
  }
}
