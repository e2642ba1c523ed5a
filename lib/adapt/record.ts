/**
 * What every event parser returns, and the decoding steps they share.
 *
 * Why one record per message rather than an exception: an async trigger redelivers an event whose
 * invocation threw, so a message that can never be read (a poison message) would be retried until
 * the platform gives up, and in an EventBridge batch it would take the good messages with it. A
 * parser therefore never throws for content: what cannot be decoded becomes an `invalid` record,
 * what is not meant for this function an `ignored` one, and the handler logs and counts both.
 *
 * Reasons are sentences for logs. They never quote the payload (it can carry tokens or personal
 * data), which is also why the engine's JSON syntax error, which quotes the input, is not used.
 */
import { parseJsonText } from '#lib/shared/json-text.ts';

/** The trigger an adapter reads; it also namespaces its records' idempotency keys. */
export type Trigger = 'http' | 'mns' | 'eventbridge' | 'timer' | 'dispatch';

/** One message of a trigger event, decoded but not validated (that is the PushTemplate schema's job). */
export type PushRecord =
  /**
   * A push request; `id` identifies the message in logs and correlates retries. `validatedAt`:
   * when the record first arrived, as its trigger says (an MNS message's PublishTime, a
   * CloudEvent's time, a timer's firing, the time http-push validated a dispatched request);
   * its time rules are judged as of then, so a redelivery is not refused because a scheduled
   * time passed while it waited (lib/handler/event-function.ts bounds it by the TTL).
   */
  | { kind: 'push'; id: string; request: unknown; validatedAt?: Date; batch?: DispatchedBatch }
  /** A message that cannot be decoded; `reason` is a sentence, never the payload. */
  | { kind: 'invalid'; id: string; reason: string }
  /** A message that is not meant for this function (another service's event). */
  | { kind: 'ignored'; id: string; reason: string };

/** Which batch of which dispatch a worker's record is, for its progress report. */
export interface DispatchedBatch {
  dispatchId: string;
  batchIndex: number;
  /** Its targets, as the envelope counts them (the request inside is validated later). */
  targets: number;
}

/** The outcome of one decoding step: a value, or a reason phrase that fits after "is …". */
export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Strict base64: the alphabet, padding only at the end; the length is checked separately. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const NOT_JSON = 'not JSON (nor base64 of JSON)';

/**
 * An instant an event names: epoch milliseconds, as a number or a string of digits, or an ISO
 * 8601 time; undefined for anything else.
 *
 * @example
 * instantOf(1550216480040)?.toISOString(); // '2019-02-15T07:41:20.040Z'
 * instantOf('2023-12-26T07:49:00Z')?.getTime(); // 1703576940000
 */
export function instantOf(value: unknown): Date | undefined {
  const ms =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? /^\d+$/.test(value)
          ? Number(value)
          : Date.parse(value)
        : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * A push record.
 *
 * @example
 * pushRecord('2F5B3C08', { taskName: 'daily' }); // { kind: 'push', id: '2F5B3C08', request: … }
 */
export function pushRecord(id: string, request: unknown, validatedAt?: Date): PushRecord {
  return validatedAt ? { kind: 'push', id, request, validatedAt } : { kind: 'push', id, request };
}

/**
 * An invalid record.
 *
 * @example
 * invalidRecord('#1', 'Element #1 is not a CloudEvent.');
 */
export function invalidRecord(id: string, reason: string): PushRecord {
  return { kind: 'invalid', id, reason };
}

/**
 * An ignored record.
 *
 * @example
 * ignoredRecord('acs:aliyuncvc/45ef', 'The event is not a push request.');
 */
export function ignoredRecord(id: string, reason: string): PushRecord {
  return { kind: 'ignored', id, reason };
}

/**
 * Bytes as UTF-8 text, refusing malformed sequences instead of turning them into U+FFFD (which
 * would quietly change a push request). A leading byte-order mark is dropped.
 *
 * @example
 * decodeUtf8(Buffer.from('hello topic')); // { ok: true, value: 'hello topic' }
 */
export function decodeUtf8(bytes: Uint8Array): Decoded<string> {
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (${bytes.length} bytes)` };
  }
}

/**
 * JSON text as a value.
 *
 * @example
 * parseJson('{"taskName":"daily"}'); // { ok: true, value: { taskName: 'daily' } }
 */
export function parseJson(text: string): Decoded<unknown> {
  try {
    return { ok: true, value: parseJsonText(text) };
  } catch {
    return { ok: false, reason: `not JSON (${text.length} characters)` };
  }
}

/**
 * An event's bytes as JSON: UTF-8 first, then JSON.
 *
 * @example
 * parseEventJson(Buffer.from('[]')); // { ok: true, value: [] }
 */
export function parseEventJson(event: Uint8Array): Decoded<unknown> {
  const text = decodeUtf8(event);
  return text.ok ? parseJson(text.value) : text;
}

/**
 * A message payload: JSON text, or base64 of UTF-8 JSON text, on one line or wrapped (as MIME
 * encoders write it). Publishers often base64-encode message bodies (MNS SDKs do by default), so
 * both are accepted; JSON is tried first because a short JSON text such as `1234` is also valid
 * base64.
 *
 * @example
 * decodePayload('eyJ0YXNrTmFtZSI6ImRhaWx5In0='); // { ok: true, value: { taskName: 'daily' } }
 * decodePayload('hello topic'); // { ok: false, reason: 'not JSON (nor base64 of JSON)' }
 */
export function decodePayload(text: string): Decoded<unknown> {
  const json = parseJson(text);
  if (json.ok) return json;
  // MIME-style encoders (RFC 2045 §6.8) wrap base64 at 76 characters with CRLF: line breaks and
  // other whitespace are not part of the data
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return { ok: false, reason: NOT_JSON };
  const decoded = parseEventJson(Buffer.from(compact, 'base64'));
  return decoded.ok ? decoded : { ok: false, reason: NOT_JSON };
}

/**
 * The record for one message payload: a push request when it decodes, else invalid.
 *
 * @example
 * payloadRecord('2F5B3C08', 'hello topic', 'The message');
 * // { kind: 'invalid', id: '2F5B3C08', reason: 'The message (11 characters) is not JSON (nor base64 of JSON).' }
 */
export function payloadRecord(
  id: string,
  payload: string,
  what: string,
  arrived?: Date,
): PushRecord {
  const decoded = decodePayload(payload);
  if (decoded.ok) return pushRecord(id, decoded.value, arrived);
  return invalidRecord(id, `${what} (${payload.length} characters) is ${decoded.reason}.`);
}

/**
 * True for a JSON object (`{…}`), false for arrays, null and scalars. Event values come from
 * `JSON.parse`, so no class instances need telling apart.
 *
 * @example
 * isJsonObject(JSON.parse('{"messageBody":"TEST"}')); // true
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a value is, for a reason sentence; never the value itself.
 *
 * @example
 * kindOf([1]); // 'an array'
 */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A name taken from an event (a source, a type), quoted and cut short for a reason sentence.
 *
 * @example
 * quoted('acs:aliyuncvc'); // '"acs:aliyuncvc"'
 */
export function quoted(name: string, max = 100): string {
  return JSON.stringify(name.length > max ? `${name.slice(0, max)}…` : name);
}

/**
 * One part of a record id built from several, with `%` and the id's separators percent-encoded,
 * so that two different lists of parts never make the same id (the id is the record's
 * idempotency key): without it, the CloudEvents (`source: "app/a"`, `id: "1"`) and
 * (`source: "app"`, `id: "a/1"`) were one key, and the second was refused as a reuse and
 * dropped. Parts without those characters are unchanged, so ordinary ids stay as they were.
 *
 * @example
 * idPart('app.mpaas.push/a', '/'); // 'app.mpaas.push%2Fa'
 */
export function idPart(part: string, separators: string): string {
  let out = '';
  for (const char of part) {
    out +=
      char === '%' || separators.includes(char)
        ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
        : char;
  }
  return out;
}

/** A record as the pipeline takes it: a push record also carries its idempotency key. */
export type KeyedRecord =
  | (Extract<PushRecord, { kind: 'push' }> & { idempotencyKey: string })
  | Exclude<PushRecord, { kind: 'push' }>;

/** What an event function needs of its trigger: the namespace of its keys and the records. */
export interface EventAdapter {
  readonly trigger: Trigger;
  /** The raw FC event as records; `requestId` (the FC request id) names an id-less message. */
  records(event: Buffer, requestId: string): KeyedRecord[];
}

/**
 * The adapter of a trigger whose parser turns its event into records. Each push record's
 * idempotency key is `<trigger>:<record id>`: a redelivery of the same message carries the same
 * id, and the namespace keeps two triggers' ids apart.
 *
 * @example
 * export const mnsTopicAdapter = eventAdapter('mns', mnsTopicRecords);
 * mnsTopicAdapter.records(event, context.requestId)[0]; // { kind: 'push', id, request, idempotencyKey: 'mns:<id>' }
 */
export function eventAdapter(
  trigger: Trigger,
  parse: (event: Buffer, fallbackId: string) => PushRecord[],
): EventAdapter {
  return {
    trigger,
    records: function keyedRecords(event, requestId) {
      return parse(event, requestId).map((record) =>
        record.kind === 'push' ? { ...record, idempotencyKey: `${trigger}:${record.id}` } : record,
      );
    },
  };
}
