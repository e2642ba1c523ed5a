import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mnsTopicRecords } from '#lib/adapt/mns-topic.ts';
import { docsExample, fixture } from '#test/helpers/fc.ts';

const REQUEST_ID = '1-64f6cd87-fc-request';
const MESSAGE_ID = '2F5B3C082B923D4EAC694B76D928****';
/** The sample's PublishTime: a record's time rules are judged as of its publication (#9). */
const PUBLISHED = new Date(1550216480040);

const streamSample = readFileSync(
  new URL('../../fixtures/events/mns-topic/stream.txt', import.meta.url),
);
const jsonSample = () => fixture<Record<string, unknown>>('mns-topic/json.json');
const attributesSample = () =>
  fixture<Record<string, unknown>>('mns-topic/stream-with-attributes.json');
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('mnsTopicRecords, JSON format', () => {
  it('marks the published sample, whose message is "hello topic", invalid under its MessageId', () => {
    // Prepare
    const event = bytes(fixture('mns-topic/json.json'));

    // Act
    const records = mnsTopicRecords(event, REQUEST_ID);

    // Assess
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'invalid', id: MESSAGE_ID });
    expect(JSON.stringify(records[0])).not.toContain('hello topic');
  });

  it('reads a JSON push request from Message', () => {
    const request = docsExample();
    const event = bytes({ ...jsonSample(), Message: JSON.stringify(request) });

    const records = mnsTopicRecords(event, REQUEST_ID);

    expect(records).toEqual([{ kind: 'push', id: MESSAGE_ID, request, validatedAt: PUBLISHED }]);
  });

  it('reads a base64-encoded push request from Message', () => {
    const request = docsExample();
    const event = bytes({ ...jsonSample(), Message: base64(request) });

    expect(mnsTopicRecords(event, REQUEST_ID)).toEqual([
      { kind: 'push', id: MESSAGE_ID, request, validatedAt: PUBLISHED },
    ]);
  });

  it('reads the message when attributes are merged in as extra top-level keys', () => {
    const request = docsExample();
    const event = bytes({
      ...jsonSample(),
      Message: JSON.stringify(request),
      Extend: '{"key":"value"}',
      priority: '1',
    });

    expect(mnsTopicRecords(event, REQUEST_ID)).toEqual([
      { kind: 'push', id: MESSAGE_ID, request, validatedAt: PUBLISHED },
    ]);
  });

  it('falls back to the request id when MessageId is empty', () => {
    const event = bytes({ ...jsonSample(), MessageId: '' });

    expect(mnsTopicRecords(event, REQUEST_ID)[0]?.id).toBe(REQUEST_ID);
  });
});

describe('mnsTopicRecords, STREAM format without attributes', () => {
  it('marks the published raw body "hello topic" invalid under the request id', () => {
    const records = mnsTopicRecords(streamSample, REQUEST_ID);

    expect(records).toEqual([
      {
        kind: 'invalid',
        id: REQUEST_ID,
        reason:
          'The MNS topic message body (STREAM format) (11 characters) is not JSON (nor base64 of JSON).',
      },
    ]);
  });

  it('reads a raw body that is a JSON push request as the request, not as an envelope', () => {
    const request = docsExample();

    const records = mnsTopicRecords(bytes(request), REQUEST_ID);

    expect(records).toEqual([{ kind: 'push', id: REQUEST_ID, request }]);
  });

  it('reads a raw body that is base64 of a push request', () => {
    const request = docsExample();

    const records = mnsTopicRecords(Buffer.from(base64(request)), REQUEST_ID);

    expect(records).toEqual([{ kind: 'push', id: REQUEST_ID, request }]);
  });

  it('treats an object with Message and MessageId but no TopicOwner as the raw body', () => {
    const body = { Message: JSON.stringify(docsExample()), MessageId: 'm-1', TopicName: 'Mytopic' };

    expect(mnsTopicRecords(bytes(body), REQUEST_ID)).toEqual([
      { kind: 'push', id: REQUEST_ID, request: body },
    ]);
  });

  it('treats an object with body and attrs and another key as the raw body', () => {
    const body = { body: JSON.stringify(docsExample()), attrs: {}, taskName: 'x' };

    expect(mnsTopicRecords(bytes(body), REQUEST_ID)).toEqual([
      { kind: 'push', id: REQUEST_ID, request: body },
    ]);
  });

  it('marks bytes that are not UTF-8 invalid', () => {
    const records = mnsTopicRecords(Buffer.from([0x7b, 0xff, 0x7d]), REQUEST_ID);

    expect(records).toEqual([
      {
        kind: 'invalid',
        id: REQUEST_ID,
        reason: 'The MNS topic event is not valid UTF-8 (3 bytes).',
      },
    ]);
  });
});

describe('mnsTopicRecords, STREAM format with attributes', () => {
  it('marks the published sample, whose body is "hello topic", invalid under the request id', () => {
    const event = bytes(fixture('mns-topic/stream-with-attributes.json'));

    const records = mnsTopicRecords(event, REQUEST_ID);

    expect(records).toEqual([
      {
        kind: 'invalid',
        id: REQUEST_ID,
        reason: 'The MNS topic message body (11 characters) is not JSON (nor base64 of JSON).',
      },
    ]);
  });

  it('reads a JSON push request from body, leaving the attributes out', () => {
    const request = docsExample();
    const event = bytes({
      ...attributesSample(),
      body: JSON.stringify(request),
    });

    expect(mnsTopicRecords(event, REQUEST_ID)).toEqual([{ kind: 'push', id: REQUEST_ID, request }]);
  });

  it('reads a base64-encoded push request from body', () => {
    const request = docsExample();
    const event = bytes({
      ...attributesSample(),
      body: base64(request),
    });

    expect(mnsTopicRecords(event, REQUEST_ID)).toEqual([{ kind: 'push', id: REQUEST_ID, request }]);
  });
});
