/**
 * The fingerprint of a request's validated payload: what tells a genuine redelivery (same key,
 * same payload) from a client reusing an `Idempotency-Key` for another push (same key, other
 * payload, answered with `mismatch`).
 *
 * Two deliveries of one message do not always serialise their JSON the same way: a client may
 * rebuild the object, a parser may reorder keys. So the hash is taken over a canonical JSON text:
 * object keys sorted by UTF-16 code units at every depth (as RFC 8785 orders them), no
 * whitespace, and values otherwise written as `JSON.stringify` writes them. Array order is kept:
 * it is meaning (the order of targets decides the chunks).
 */
import { createHash } from 'node:crypto';

/**
 * The sha256 hex digest of `value`'s canonical JSON, so key order never changes it.
 *
 * Values JSON cannot hold follow `JSON.stringify`: `undefined`, functions and symbols are
 * dropped from objects and written as `null` in arrays (and at the top); `toJSON` is honoured
 * (dates become ISO strings). A cycle throws a `TypeError`, as it does in `JSON.stringify`.
 *
 * @example
 * fingerprint({ b: 1, a: [2, { d: 3, c: 4 }] }) === fingerprint({ a: [2, { c: 4, d: 3 }], b: 1 }) // true
 */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

/**
 * The canonical JSON text `fingerprint` hashes; exported so a mismatch can be explained.
 *
 * @example canonicalJson({ b: 1, a: 2 }) // '{"a":2,"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set<object>()) ?? 'null';
}

/** The canonical text of `value`, or `undefined` where JSON would leave the value out. */
function write(value: unknown, ancestors: Set<object>): string | undefined {
  const plain = toJsonValue(value);
  if (plain === undefined) return undefined;
  if (plain === null || typeof plain !== 'object') return JSON.stringify(plain);
  if (ancestors.has(plain)) throw new TypeError('Cannot fingerprint a value with a cycle');
  ancestors.add(plain);
  try {
    return Array.isArray(plain) ? writeArray(plain, ancestors) : writeObject(plain, ancestors);
  } finally {
    ancestors.delete(plain);
  }
}

function writeArray(items: readonly unknown[], ancestors: Set<object>): string {
  return `[${items.map((item) => write(item, ancestors) ?? 'null').join(',')}]`;
}

function writeObject(object: object, ancestors: Set<object>): string {
  const members: string[] = [];
  // Array#sort compares UTF-16 code units, the order RFC 8785 prescribes.
  for (const key of Object.keys(object).sort()) {
    const text = write(Reflect.get(object, key), ancestors);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/** Applies `toJSON` (dates) and drops what JSON cannot hold, as `JSON.stringify` does. */
function toJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'toJSON' in value) {
    const toJson = value.toJSON;
    if (typeof toJson === 'function') return toJson.call(value);
  }
  return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
}
