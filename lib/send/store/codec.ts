/**
 * Typed values in and out of an idempotency store: a codec per kind of record, so what a
 * replay reads back is checked against the shape that was stored instead of being cast to it.
 *
 * Decoding keeps the fields it knows and drops unknown ones, so a record written by a newer
 * version of the function still replays; a record that does not have the shape at all (written
 * by something else, or damaged) is a store failure, retryable like an unreachable store, never a
 * silent wrong answer.
 */
import * as z from 'zod/mini';
import type { StoredJson } from '#lib/send/store/store.ts';
import { IdempotencyStoreError } from '#lib/send/store/store-error.ts';

/** How one kind of value is kept in a store and read back. */
export interface Codec<T> {
  encode(value: T): StoredJson;
  /** @throws IdempotencyStoreError when the stored value is not a `T`. */
  decode(stored: StoredJson): T;
}

/**
 * A codec that encodes as JSON does and decodes through `schema`.
 * @example const codec = schemaCodec('chunk outcome', chunkOutcomeSchema);
 */
export function schemaCodec<T>(what: string, schema: z.ZodMiniType<T>): Codec<T> {
  return {
    encode: (value) => toStoredJson(value),
    decode: function decodeStored(stored) {
      const parsed = z.safeParse(schema, stored);
      if (parsed.success) return parsed.data;
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
      throw new IdempotencyStoreError(
        `A stored ${what} is unreadable (bad: ${fields.join(', ') || 'the record'}); it was not written by this function.`,
      );
    },
  };
}

/**
 * `value` as the JSON value `JSON.stringify` would write: object members that are `undefined`
 * are dropped, array items that are become `null`.
 * @throws TypeError for what JSON cannot hold (a function, a bigint, a non-finite number, a cycle).
 * @example toStoredJson({ a: 1, b: undefined, c: [undefined] }) // { a: 1, c: [null] }
 */
export function toStoredJson(value: unknown, ancestors: Set<object> = new Set()): StoredJson {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw new TypeError(`Cannot store the number ${value}`);
  }
  if (typeof value !== 'object') throw new TypeError(`Cannot store a ${typeof value}`);
  if (ancestors.has(value)) throw new TypeError('Cannot store a value with a cycle');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item) => (item === undefined ? null : toStoredJson(item, ancestors)));
    }
    const object: { [key: string]: StoredJson } = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) object[key] = toStoredJson(member, ancestors);
    }
    return object;
  } finally {
    ancestors.delete(value);
  }
}
