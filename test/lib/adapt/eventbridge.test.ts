import { describe, expect, it } from 'vitest';
import { eventBridgeRecords } from '#lib/adapt/eventbridge.ts';
import { docsExample, fixture } from '#test/helpers/fc.ts';

type Event = Record<string, unknown> & { id: string; source: string; type: string };

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const mnsBatch = () => fixture<Event[]>('eventbridge/mns-queue-batch.json');
const defaultBus = () => fixture<Event>('eventbridge/default-bus.json');
const queueId = (event: Event | undefined) => `${event?.source}/${event?.id}`;
/** A record's arrival is its CloudEvent's time: its time rules are judged as of then (#9). */
const arrival = (event: Event | undefined) => new Date(String(event?.time));

function withMessageBody(event: Event | undefined, messageBody: string): Event {
  const data = { ...(event?.data as Record<string, unknown>), messageBody };
  return { ...(event as Event), data };
}

describe('eventBridgeRecords, MNS queue source', () => {
  it('marks both messages of the published batch, whose bodies are "TEST", invalid', () => {
    // Prepare
    const batch = mnsBatch();

    // Act
    const records = eventBridgeRecords(bytes(batch));

    // Assess
    expect(records).toEqual([
      {
        kind: 'invalid',
        id: 'MNS-Function-mnstrigger/c2g71017-6f65-fhcf-a814-a396fc8d****',
        reason: 'The MNS queue message body (4 characters) is not JSON (nor base64 of JSON).',
      },
      {
        kind: 'invalid',
        id: 'MNS-Function-mnstrigger/d2g71017-6f65-fhcf-a814-a396fc8d****',
        reason: 'The MNS queue message body (4 characters) is not JSON (nor base64 of JSON).',
      },
    ]);
  });

  it('reads a JSON and a base64-encoded push request from messageBody, each under source/id', () => {
    const first = docsExample({ taskName: 'first' });
    const second = docsExample({ taskName: 'second' });
    const [a, b] = mnsBatch();
    const batch = [withMessageBody(a, JSON.stringify(first)), withMessageBody(b, base64(second))];

    const records = eventBridgeRecords(bytes(batch));

    expect(records).toEqual([
      { kind: 'push', id: queueId(a), request: first, validatedAt: arrival(a) },
      { kind: 'push', id: queueId(b), request: second, validatedAt: arrival(b) },
    ]);
  });

  it('reads a single MNS queue CloudEvent delivered in event-driven mode', () => {
    const request = docsExample();
    const [a] = mnsBatch();

    const records = eventBridgeRecords(bytes(withMessageBody(a, JSON.stringify(request))));

    expect(records).toEqual([{ kind: 'push', id: queueId(a), request, validatedAt: arrival(a) }]);
  });

  it('reads an array of JSON strings of CloudEvents, as Alibaba samples deliver it', () => {
    const request = docsExample();
    const batch = mnsBatch().map((event) =>
      JSON.stringify(withMessageBody(event, base64(request))),
    );

    const records = eventBridgeRecords(bytes(batch));

    expect(records.map((record) => record.kind)).toEqual(['push', 'push']);
    expect(records[1]).toEqual({
      kind: 'push',
      id: queueId(mnsBatch()[1]),
      request,
      validatedAt: arrival(mnsBatch()[1]),
    });
  });

  it('recognises a queue message by its string data.messageBody whatever its type', () => {
    const request = docsExample();
    const [a] = mnsBatch();
    const event = { ...withMessageBody(a, JSON.stringify(request)), type: 'custom:Forwarded' };

    expect(eventBridgeRecords(bytes(event))).toEqual([
      { kind: 'push', id: queueId(a), request, validatedAt: arrival(a) },
    ]);
  });

  it('marks an mns:Queue event without a messageBody string invalid', () => {
    const [a] = mnsBatch();

    const records = eventBridgeRecords(bytes({ ...a, data: { messageBody: 42 } }));

    expect(records).toEqual([
      {
        kind: 'invalid',
        id: queueId(a),
        reason: 'The MNS queue event has no data.messageBody string.',
      },
    ]);
  });
});

describe('eventBridgeRecords, event bus source', () => {
  it("reads the custom bus rule's delivery as one object, an array, or JSON-string elements (#13)", () => {
    // constructed from the documented fields (test/fixtures/events/README.md)
    const event = fixture<Event>('eventbridge/custom-bus-constructed.json');
    const record = {
      kind: 'push',
      id: 'app.mpaas.push/order-42-shipped',
      request: event.data,
      validatedAt: new Date('2026-12-02T03:30:00.000Z'),
    };

    expect(eventBridgeRecords(bytes(event))).toEqual([record]);
    expect(eventBridgeRecords(bytes([event]))).toEqual([record]);
    expect(eventBridgeRecords(bytes([JSON.stringify(event)]))).toEqual([record]);
  });

  it('ignores the published default-bus meeting event, naming its source and type', () => {
    const records = eventBridgeRecords(bytes(defaultBus()));

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: 'ignored',
      id: 'acs:aliyuncvc/45ef4dewdwe1-7c35-447a-bd93-fab****',
    });
    expect(records[0]).toHaveProperty('reason', expect.stringContaining('"acs:aliyuncvc"'));
    expect(records[0]).toHaveProperty(
      'reason',
      expect.stringContaining('"aliyuncvc:MeetingEvent:MemberOperate"'),
    );
  });

  it('reads a single CloudEvent whose data is a push request object', () => {
    const request = docsExample();
    const event = { ...defaultBus(), source: 'acs.custom', type: 'push:Request', data: request };

    const records = eventBridgeRecords(bytes(event));

    expect(records).toEqual([
      {
        kind: 'push',
        id: 'acs.custom/45ef4dewdwe1-7c35-447a-bd93-fab****',
        request,
        validatedAt: arrival(event),
      },
    ]);
  });

  it('reads data that is a JSON string of a push request', () => {
    const request = docsExample();
    const event = { ...defaultBus(), data: JSON.stringify(request) };

    expect(eventBridgeRecords(bytes(event))).toEqual([
      { kind: 'push', id: queueId(event), request, validatedAt: arrival(event) },
    ]);
  });

  it('recognises a push request by any one PushTemplate key, leaving validation to the schema', () => {
    const event = { ...defaultBus(), data: { targets: ['user1024'] } };

    expect(eventBridgeRecords(bytes(event))[0]?.kind).toBe('push');
  });

  it('ignores data that is a string but not JSON, and an event without data', () => {
    const { data: _data, ...withoutData } = defaultBus();
    const events = [{ ...defaultBus(), data: 'hello' }, withoutData];

    const records = eventBridgeRecords(bytes(events));

    expect(records.map((record) => record.kind)).toEqual(['ignored', 'ignored']);
  });
});

describe('eventBridgeRecords, malformed input', () => {
  it('parses the good elements of a batch around a garbage one', () => {
    const request = docsExample();
    const [a, b] = mnsBatch().map((event) => withMessageBody(event, JSON.stringify(request)));
    const batch = [a, 'not a cloud event', b, 7, { id: 'x', source: 3 }];

    const records = eventBridgeRecords(bytes(batch));

    expect(records).toEqual([
      { kind: 'push', id: queueId(a), request, validatedAt: arrival(a) },
      {
        kind: 'invalid',
        id: '#1',
        reason: 'Element #1 is a string that is not JSON (17 characters).',
      },
      { kind: 'push', id: queueId(b), request, validatedAt: arrival(b) },
      { kind: 'invalid', id: '#3', reason: 'Element #3 is a number, not a CloudEvent object.' },
      {
        kind: 'invalid',
        id: '#4',
        reason: 'Element #4 is not a CloudEvent: source, type must be strings.',
      },
    ]);
  });

  it('marks an event that is not JSON at all as one invalid record under the fallback id', () => {
    const records = eventBridgeRecords(Buffer.from('TEST'), 'req-1');

    expect(records).toEqual([
      { kind: 'invalid', id: 'req-1', reason: 'The EventBridge event is not JSON (4 characters).' },
    ]);
  });

  it('returns no records for an empty batch', () => {
    expect(eventBridgeRecords(bytes([]))).toEqual([]);
  });
});
