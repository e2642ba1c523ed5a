/**
 * EventBridge trigger events (reference fc-platform.md §2.3): CloudEvents, delivered as one object
 * (`event-driven` mode), as an array (`event-streaming` mode), or as an array of JSON strings of
 * CloudEvents (Alibaba's own Go and Python samples). All three are accepted.
 *
 * Two sources carry push requests, each read by its own adapter:
 * - an MNS queue (`type` `mns:Queue:…`): the request is `data.messageBody`, JSON or base64 of it;
 *   that queue carries only push requests, so a body that does not decode is invalid;
 * - an event bus: `data` is the request (an object or a JSON string of one). A bus also carries
 *   other services' events (the `default` bus), so data without a PushTemplate key is ignored.
 *
 * Each element gets its own record, so one malformed element does not hold up the rest of the
 * batch. The record id is `source/id`: CloudEvents identify an event by both, and EventBridge can
 * redeliver the same pair after a network retry, so the id is also the key to dedupe on.
 */
import * as z from 'zod/mini';
import {
  type Decoded,
  eventAdapter,
  idPart,
  ignoredRecord,
  instantOf,
  invalidRecord,
  isJsonObject,
  kindOf,
  type PushRecord,
  parseEventJson,
  parseJson,
  payloadRecord,
  pushRecord,
  quoted,
} from '#lib/adapt/record.ts';

const cloudEventSchema = z.looseObject({
  id: z.string(),
  source: z.string(),
  type: z.string(),
  specversion: z.optional(z.string()),
  subject: z.optional(z.string()),
  time: z.optional(z.string()),
  datacontenttype: z.optional(z.string()),
  data: z.optional(z.unknown()),
});

/** A CloudEvent envelope as EventBridge delivers it; `data` is not yet read. */
export type CloudEvent = z.infer<typeof cloudEventSchema>;

/** Keys of which a push request has at least one; other services' events have none. */
const PUSH_KEYS = ['templateName', 'targetMsgkey', 'targets', 'taskName'] as const;

/** Reads one source's events; the first adapter whose `matches` holds reads the event. */
interface Adapter {
  matches(event: CloudEvent): boolean;
  record(event: CloudEvent, id: string): PushRecord;
}

const mnsQueue: Adapter = {
  matches: function isMnsQueueEvent(event) {
    return event.type.startsWith('mns:Queue:') || typeof messageBodyOf(event) === 'string';
  },
  record: function mnsQueueRecord(event, id) {
    const body = messageBodyOf(event);
    if (typeof body === 'string') {
      return payloadRecord(id, body, 'The MNS queue message body', instantOf(event.time));
    }
    return invalidRecord(id, 'The MNS queue event has no data.messageBody string.');
  },
};

/** Sources recognisable by their events; any other event is read as an event bus's. */
const sources: readonly Adapter[] = [mnsQueue];

/** The event bus reader: the fallback, as a bus carries events of any source and type. */
function eventBusRecord(event: CloudEvent, id: string): PushRecord {
  const request = requestOf(event.data);
  if (isJsonObject(request) && PUSH_KEYS.some((key) => Object.hasOwn(request, key))) {
    return pushRecord(id, request, instantOf(event.time));
  }
  const origin = `source ${quoted(event.source)}, type ${quoted(event.type)}`;
  const keys = PUSH_KEYS.join(', ');
  return ignoredRecord(
    id,
    `The event (${origin}) is not a push request: its data is not an object with any of ${keys}.`,
  );
}

/** An event bus's data: the object, or the value of a JSON string of one. */
function requestOf(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  const json = parseJson(data);
  return json.ok ? json.value : undefined;
}

function messageBodyOf(event: CloudEvent): unknown {
  return isJsonObject(event.data) ? event.data.messageBody : undefined;
}

function toCloudEvent(element: unknown, label: string): Decoded<CloudEvent> {
  const json: Decoded<unknown> =
    typeof element === 'string' ? parseJson(element) : { ok: true, value: element };
  if (!json.ok) return { ok: false, reason: `${label} is a string that is ${json.reason}.` };
  const parsed = z.safeParse(cloudEventSchema, json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  if (!isJsonObject(json.value)) {
    return { ok: false, reason: `${label} is ${kindOf(json.value)}, not a CloudEvent object.` };
  }
  const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
  return {
    ok: false,
    reason: `${label} is not a CloudEvent: ${fields.join(', ')} must be strings.`,
  };
}

function elementRecord(element: unknown, index: number): PushRecord {
  const label = `#${index}`;
  const event = toCloudEvent(element, `Element ${label}`);
  if (!event.ok) return invalidRecord(label, event.reason);
  // the source never holds the separator once encoded, so the id splits one way only
  const id = `${idPart(event.value.source, '/')}/${event.value.id}`;
  const source = sources.find((candidate) => candidate.matches(event.value));
  return source ? source.record(event.value, id) : eventBusRecord(event.value, id);
}

/**
 * An EventBridge trigger event as records, one per CloudEvent, in delivery order. Never throws:
 * an element that is not a CloudEvent is an invalid record with id `#<index>`, and an event that
 * is not JSON at all is one invalid record with the fallback id.
 *
 * @param event the bytes FC passes to the handler.
 * @param fallbackId the id for an event that cannot be read at all; pass the FC request id.
 *
 * @example
 * eventBridgeRecords(Buffer.from(JSON.stringify([cloudEvent])), context.requestId);
 * // [{ kind: 'push', id: 'MNS-Function-push/c2g71017-…', request: { taskName: 'daily', … } }]
 */
export function eventBridgeRecords(event: Buffer, fallbackId = 'eventbridge-event'): PushRecord[] {
  const json = parseEventJson(event);
  if (!json.ok) return [invalidRecord(fallbackId, `The EventBridge event is ${json.reason}.`)];
  const elements: unknown[] = Array.isArray(json.value) ? json.value : [json.value];
  return elements.map(elementRecord);
}

/** The eventbridge trigger's adapter: eventBridgeRecords with idempotency keys `eventbridge:<record id>`. */
export const eventBridgeAdapter = eventAdapter('eventbridge', eventBridgeRecords);
