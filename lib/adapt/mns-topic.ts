/**
 * The MNS topic trigger's event (reference fc-platform.md §2.2): one message per invocation, in
 * one of three shapes chosen by the trigger's `notifyContentFormat` and by whether the message
 * has attributes.
 *
 * - JSON: `{TopicOwner, TopicName, Message, MessageId, …}`, attributes merged in as extra keys.
 * - STREAM with attributes: exactly `{"body": "…", "attrs": {…}}`.
 * - STREAM without attributes (the default format): the raw message body.
 *
 * Why recognise the envelopes by their exact keys: a raw STREAM body that is itself a JSON push
 * request is an object too. A PushTemplate request has none of the JSON envelope's keys and never
 * only `body` and `attrs`, so anything that is not one of the two envelopes is the raw body.
 * STREAM carries no message id, so the caller's fallback id (the FC request id) names it.
 */
import * as z from 'zod/mini';
import {
  decodeUtf8,
  eventAdapter,
  instantOf,
  invalidRecord,
  type PushRecord,
  parseJson,
  payloadRecord,
} from '#lib/adapt/record.ts';

const jsonFormatSchema = z.looseObject({
  TopicOwner: z.string(),
  TopicName: z.string(),
  MessageId: z.string(),
  Message: z.string(),
  /** Milliseconds (reference fc-platform.md §2.2): when the message was published. */
  PublishTime: z.optional(z.unknown()),
});

const streamWithAttributesSchema = z.strictObject({
  body: z.string(),
  attrs: z.record(z.string(), z.unknown()),
});

/** Where the message body is, and what to call it. */
interface Message {
  id: string;
  body: string;
  what: string;
  /** When the message was published, if the envelope says. */
  published?: Date;
}

/** One envelope shape: the message it holds, or undefined when the value is not that shape. */
type Envelope = (value: unknown, fallbackId: string) => Message | undefined;

const envelopes: readonly Envelope[] = [
  function jsonFormat(value, fallbackId) {
    const parsed = z.safeParse(jsonFormatSchema, value);
    if (!parsed.success) return undefined;
    const id = parsed.data.MessageId === '' ? fallbackId : parsed.data.MessageId;
    const published = instantOf(parsed.data.PublishTime);
    return {
      id,
      body: parsed.data.Message,
      what: 'The MNS topic message (JSON format)',
      ...(published ? { published } : {}),
    };
  },
  function streamWithAttributes(value, fallbackId) {
    const parsed = z.safeParse(streamWithAttributesSchema, value);
    if (!parsed.success) return undefined;
    return { id: fallbackId, body: parsed.data.body, what: 'The MNS topic message body' };
  },
];

function messageOf(text: string, fallbackId: string): Message {
  const json = parseJson(text);
  if (json.ok) {
    for (const envelope of envelopes) {
      const message = envelope(json.value, fallbackId);
      if (message !== undefined) return message;
    }
  }
  return { id: fallbackId, body: text, what: 'The MNS topic message body (STREAM format)' };
}

/**
 * The MNS topic event as one record: a push request when the message body is JSON or base64 of
 * JSON, else an invalid record. Never throws.
 *
 * @param event the bytes FC passes to the handler.
 * @param fallbackId the id for a STREAM message, which carries none; pass the FC request id.
 *
 * @example
 * mnsTopicRecords(Buffer.from('{"taskName":"daily",…}'), context.requestId);
 * // [{ kind: 'push', id: context.requestId, request: { taskName: 'daily', … } }]
 */
export function mnsTopicRecords(event: Buffer, fallbackId: string): PushRecord[] {
  const text = decodeUtf8(event);
  if (!text.ok) return [invalidRecord(fallbackId, `The MNS topic event is ${text.reason}.`)];
  const message = messageOf(text.value, fallbackId);
  return [payloadRecord(message.id, message.body, message.what, message.published)];
}

/** The mns trigger's adapter: mnsTopicRecords with idempotency keys `mns:<record id>`. */
export const mnsTopicAdapter = eventAdapter('mns', mnsTopicRecords);
